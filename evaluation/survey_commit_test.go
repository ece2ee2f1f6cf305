package evaluation_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestConcurrentAnswersShareTransactions sends many answers at once to two
// open surveys and a closed one: every answer to an open survey is stored
// exactly once with its own audit event naming its own survey, every
// answer to the closed one is refused, and the audit chain holds.
func TestConcurrentAnswersShareTransactions(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		s, ctx := w.Store, context.Background()
		a, b := w.PublishedSurvey(evaltest.SurveyRequest()), w.PublishedSurvey(evaltest.SurveyRequest())
		closed := w.PublishedSurvey(evaltest.SurveyRequest())
		if _, err := s.CloseSurvey(ctx, w.AdminActor(), closed.ID); err != nil {
			t.Fatal(err)
		}
		const n = 240
		surveys := []*evaluation.Survey{a, b, closed}
		errs := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(uint64(i), 7))
				raw := evaltest.RawAnswers(t, evaltest.SurveyAnswers(rng))
				errs[i] = s.AnswerSurvey(ctx, *surveys[i%3].Token, raw)
			}()
		}
		wg.Wait()
		for i, err := range errs {
			switch {
			case i%3 == 2 && !errors.Is(err, evaluation.ErrSurveyClosed):
				t.Fatalf("answer %d to the closed survey: %v", i, err)
			case i%3 != 2 && err != nil:
				t.Fatalf("answer %d: %v", i, err)
			}
		}
		type row struct {
			ID       int64
			SurveyID int64
		}
		var rows []row
		if err := env.DB.Gorm.Table("survey_responses").Select("id, survey_id").Order("id").Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		per := map[int64]int{}
		surveyOf := map[int64]int64{}
		for _, r := range rows {
			per[r.SurveyID]++
			surveyOf[r.ID] = r.SurveyID
		}
		if per[a.ID] != n/3 || per[b.ID] != n/3 || per[closed.ID] != 0 {
			t.Fatalf("stored per survey %v, want %d for each open one", per, n/3)
		}
		events, err := s.ListAudit(ctx, evaluation.AuditFilter{Entity: "survey_response", Page: evaluation.Page{PerPage: 500}})
		if err != nil || events.Total != int64(len(rows)) {
			t.Fatalf("%d answer events for %d responses (%v)", events.Total, len(rows), err)
		}
		for _, e := range events.Items {
			var after struct {
				SurveyID int64 `json:"survey_id"`
			}
			if err := json.Unmarshal([]byte(e.After), &after); err != nil || surveyOf[e.EntityID] != after.SurveyID {
				t.Fatalf("event %d names response %d of survey %d, which is of survey %d", e.ID, e.EntityID, after.SurveyID, surveyOf[e.EntityID])
			}
			delete(surveyOf, e.EntityID)
		}
		if len(surveyOf) != 0 {
			t.Fatalf("responses without their own event: %v", surveyOf)
		}
		if _, err := s.VerifyAudit(ctx); err != nil {
			t.Fatal(err)
		}
		res, err := s.SurveyResults(ctx, evaluation.System, a.ID)
		if err != nil || res.Responses != n/3 {
			t.Fatalf("results of a: %v %+v", err, res)
		}
	})
}
