package evaluation_test

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// answer submits answers to a survey, failing the test on an error.
func answer(t *testing.T, s *evaluation.Store, token string, answers map[string]any) {
	t.Helper()
	if err := s.AnswerSurvey(context.Background(), token, evaltest.RawAnswers(t, answers)); err != nil {
		t.Fatalf("answer %v: %v", answers, err)
	}
}

func TestSurveyLifecycle(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		s, ctx, admin := w.Store, context.Background(), w.AdminActor()

		req := evaltest.SurveyRequest()
		req.RoundID, req.PlanID = &w.Round.ID, &w.P3.ID
		sv, err := s.CreateSurvey(ctx, admin, req)
		if err != nil {
			t.Fatal(err)
		}
		if sv.Status != evaluation.SurveyDraft || sv.Token != nil || len(sv.Questions) != 8 {
			t.Fatalf("created %+v", sv)
		}
		if got := string(sv.Questions[2].ShowIf.Equals); got != `"是"` {
			t.Errorf("show_if value %s", got)
		}

		// Shape and rules are checked before anything is written.
		bad := evaltest.SurveyRequest()
		missing := int64(999999)
		bad.RoundID, bad.PlanID = &missing, &missing
		_, err = s.CreateSurvey(ctx, admin, bad)
		wantInvalid(t, err, "round_id")
		wantInvalid(t, err, "plan_id")
		bad = evaltest.SurveyRequest()
		past := env.Clock.Now().Add(-time.Minute)
		bad.ClosesAt = &past
		_, err = s.CreateSurvey(ctx, admin, bad)
		wantInvalid(t, err, "closes_at")
		bad = evaltest.SurveyRequest()
		bad.Title = ""
		bad.Questions[0].Kind = "slider"
		_, err = s.CreateSurvey(ctx, admin, bad)
		wantInvalid(t, err, "title")
		wantInvalid(t, err, "questions[0].kind")

		// A draft changes freely; nobody outside sees it.
		title := "修改后的标题"
		qs := append(slices.Clone(sv.Questions), evaluation.SurveyQuestion{Code: "q9", Text: "补充问题", Kind: evaluation.QuestionText})
		zero := int64(0)
		sv, err = s.UpdateSurvey(ctx, admin, sv.ID, evaluation.SurveyPatch{Title: &title, Questions: &qs, PlanID: &zero})
		if err != nil {
			t.Fatal(err)
		}
		if sv.Title != title || len(sv.Questions) != 9 || sv.PlanID != nil || sv.RoundID == nil {
			t.Fatalf("updated %+v", sv)
		}
		sv, err = s.UpdateSurvey(ctx, admin, sv.ID, evaluation.SurveyPatch{PlanID: &w.P3.ID})
		if err != nil || *sv.PlanID != w.P3.ID {
			t.Fatalf("relink plan: %v %+v", err, sv)
		}
		empty, err := s.CreateSurvey(ctx, admin, evaluation.SurveyRequest{Title: "空问卷"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.PublishSurvey(ctx, admin, empty.ID)
		wantInvalid(t, err, "questions")

		// Publishing freezes the questions and gives the survey its token.
		sv, err = s.PublishSurvey(ctx, admin, sv.ID)
		if err != nil {
			t.Fatal(err)
		}
		if sv.Status != evaluation.SurveyPublished || sv.Token == nil || sv.PublishedAt == nil {
			t.Fatalf("published %+v", sv)
		}
		if !regexp.MustCompile(`^[A-Za-z0-9_-]{22,}$`).MatchString(*sv.Token) {
			t.Errorf("token %q is not URL-safe with 128 bits", *sv.Token)
		}
		other := w.PublishedSurvey(evaltest.SurveyRequest())
		if *other.Token == *sv.Token {
			t.Fatal("two surveys share a token")
		}
		_, err = s.PublishSurvey(ctx, admin, sv.ID)
		wantConflict(t, err, "wrong_state")
		_, err = s.UpdateSurvey(ctx, admin, sv.ID, evaluation.SurveyPatch{Questions: &qs})
		wantConflict(t, err, "wrong_state")
		_, err = s.UpdateSurvey(ctx, admin, sv.ID, evaluation.SurveyPatch{Title: &title})
		wantConflict(t, err, "wrong_state")
		closes := env.Clock.Now().Add(48 * time.Hour)
		sv, err = s.UpdateSurvey(ctx, admin, sv.ID, evaluation.SurveyPatch{ClosesAt: &closes})
		if err != nil || !sv.ClosesAt.Equal(closes) {
			t.Fatalf("moving the closing time: %v %+v", err, sv)
		}

		pub, err := s.PublicSurvey(ctx, *sv.Token)
		if err != nil || pub.Title != title || len(pub.Questions) != 9 {
			t.Fatalf("public survey: %v %+v", err, pub)
		}
		for _, tok := range []string{"", "no-such-token", strings.Repeat("x", 100)} {
			if _, err := s.PublicSurvey(ctx, tok); !errors.Is(err, evaluation.ErrNotFound) {
				t.Errorf("token %q: %v, want not found", tok, err)
			}
		}
		answer(t, s, *sv.Token, map[string]any{"q1": 5, "q2": "否", "q5": 4, "q6": 10})

		// Past its closing time the survey takes no answers.
		env.Clock.Advance(49 * time.Hour)
		if _, err := s.PublicSurvey(ctx, *sv.Token); !errors.Is(err, evaluation.ErrSurveyClosed) {
			t.Fatalf("after closes_at: %v, want closed", err)
		}
		err = s.AnswerSurvey(ctx, *sv.Token, evaltest.RawAnswers(t, map[string]any{"q1": 5, "q2": "否", "q5": 4, "q6": 10}))
		if !errors.Is(err, evaluation.ErrSurveyClosed) {
			t.Fatalf("answer after closes_at: %v, want closed", err)
		}
		closes = env.Clock.Now().Add(time.Hour)
		if _, err := s.UpdateSurvey(ctx, admin, sv.ID, evaluation.SurveyPatch{ClosesAt: &closes}); err != nil {
			t.Fatal(err)
		}
		answer(t, s, *sv.Token, map[string]any{"q1": 1, "q2": "否", "q5": 1, "q6": 0})

		// Closing is final.
		sv, err = s.CloseSurvey(ctx, admin, sv.ID)
		if err != nil || sv.Status != evaluation.SurveyClosed || sv.ClosedAt == nil || sv.Responses != 2 {
			t.Fatalf("closed: %v %+v", err, sv)
		}
		if _, err := s.PublicSurvey(ctx, *sv.Token); !errors.Is(err, evaluation.ErrSurveyClosed) {
			t.Fatalf("closed survey: %v, want closed", err)
		}
		_, err = s.CloseSurvey(ctx, admin, sv.ID)
		wantConflict(t, err, "wrong_state")
		_, err = s.UpdateSurvey(ctx, admin, sv.ID, evaluation.SurveyPatch{ClosesAt: &closes})
		wantConflict(t, err, "wrong_state")
		if _, err := s.CloseSurvey(ctx, admin, empty.ID); err == nil {
			t.Fatal("closed a draft")
		}
		if _, err := s.Survey(ctx, evaluation.System, 999999); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("unknown survey: %v", err)
		}

		list, err := s.Surveys(ctx, evaluation.System, evaluation.SurveyFilter{Status: evaluation.SurveyClosed})
		if err != nil || list.Total != 1 || list.Items[0].ID != sv.ID || list.Items[0].Responses != 2 {
			t.Fatalf("closed surveys: %v %+v", err, list)
		}
		list, err = s.Surveys(ctx, evaluation.System, evaluation.SurveyFilter{RoundID: w.Round.ID, PlanID: w.P3.ID})
		if err != nil || list.Total != 1 {
			t.Fatalf("surveys of the round and plan: %v %+v", err, list)
		}
		if list, err = s.Surveys(ctx, evaluation.System, evaluation.SurveyFilter{}); err != nil || list.Total != 3 || list.Items[0].ID < list.Items[1].ID || list.Items[1].ID < list.Items[2].ID {
			t.Fatalf("all surveys, newest first: %+v, %v", list, err)
		}

		events, err := s.ListAudit(ctx, evaluation.AuditFilter{Entity: "survey", EntityID: sv.ID})
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for _, e := range events.Items {
			actions = append(actions, e.Action)
		}
		slices.Reverse(actions)
		want := []string{"survey.create", "survey.update", "survey.update", "survey.published", "survey.update", "survey.update", "survey.closed"}
		if !slices.Equal(actions, want) {
			t.Errorf("audit %v, want %v", actions, want)
		}
		if _, err := s.VerifyAudit(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

func TestSurveyResults(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		s, ctx := w.Store, context.Background()
		sv := w.PublishedSurvey(evaltest.SurveyRequest())
		empty, err := s.SurveyResults(ctx, evaluation.System, sv.ID)
		if err != nil || empty.Responses != 0 || empty.SatisfactionIndex != nil || len(empty.Questions) != 8 || empty.Questions[0].Mean != nil {
			t.Fatalf("results without responses: %v %+v", err, empty)
		}
		answer(t, s, *sv.Token, map[string]any{"q1": 5, "q2": "否", "q5": 4, "q6": 10})
		answer(t, s, *sv.Token, map[string]any{"q1": 4, "q2": "是", "q3": 3, "q4": []string{"电话", "线上平台"}, "q5": 4, "q6": 6, "q8": "希望增加夜间窗口"})
		answer(t, s, *sv.Token, map[string]any{"q1": 2, "q2": "是", "q3": 5, "q5": 3, "q6": 8, "q7": "36至60岁"})

		res, err := s.SurveyResults(ctx, evaluation.System, sv.ID)
		if err != nil {
			t.Fatal(err)
		}
		// likert5 answers: q1 5,4,2; q3 3,5; q5 4,4,3: 30 over 8, mean 3.75.
		if res.Responses != 3 || res.SatisfactionIndex == nil || res.SatisfactionIndex.String() != "68.75" {
			t.Fatalf("responses %d, index %v, want 3 and 68.75", res.Responses, res.SatisfactionIndex)
		}
		type want struct {
			answered int64
			counts   string // JSON, in the question's order
			mean     string
			nps      string
		}
		wants := map[string]want{
			"q1": {3, `{"1":0,"2":1,"3":0,"4":1,"5":1}`, "3.67", ""},
			"q2": {3, `{"是":2,"否":1}`, "", ""},
			"q3": {2, `{"1":0,"2":0,"3":1,"4":0,"5":1}`, "4.00", ""},
			"q4": {1, `{"线上平台":1,"服务窗口":0,"自助终端":0,"电话":1}`, "", ""},
			"q5": {3, `{"1":0,"2":0,"3":1,"4":2,"5":0}`, "3.67", ""},
			"q6": {3, `{"0":0,"1":0,"2":0,"3":0,"4":0,"5":0,"6":1,"7":0,"8":1,"9":0,"10":1}`, "8.00", "0.00"},
			"q7": {1, `{"18岁以下":0,"18至35岁":0,"36至60岁":1,"60岁以上":0}`, "", ""},
			"q8": {1, ``, "", ""},
		}
		for _, q := range res.Questions {
			wq := wants[q.Code]
			counts := ""
			if q.Counts != nil {
				b, err := json.Marshal(q.Counts)
				if err != nil {
					t.Fatal(err)
				}
				counts = string(b)
			}
			mean, nps := "", ""
			if q.Mean != nil {
				mean = q.Mean.String()
			}
			if q.NPSScore != nil {
				nps = q.NPSScore.String()
			}
			if q.Answered != wq.answered || counts != wq.counts || mean != wq.mean || nps != wq.nps {
				t.Errorf("%s: answered %d counts %s mean %q nps %q, want %+v", q.Code, q.Answered, counts, mean, nps, wq)
			}
		}
		b, err := json.Marshal(res)
		if err != nil || strings.Contains(string(b), "夜间窗口") {
			t.Errorf("results carry text answers: %s", b)
		}

		// The responses, oldest first, with nothing but time and answers.
		var got []*evaluation.SurveyResponse
		for r, err := range s.SurveyResponses(ctx, sv.ID) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, r)
		}
		if len(got) != 3 || got[1].Answers["q8"] != "希望增加夜间窗口" || got[0].Answers["q1"] != 5 ||
			!slices.Equal(got[1].Answers["q4"].([]string), []string{"电话", "线上平台"}) || got[0].ID >= got[1].ID {
			t.Fatalf("responses %+v", got)
		}
	})
}

// TestSurveyIndexRounding checks the exact, half-up rounding of means, the
// satisfaction index and the net promoter score.
func TestSurveyIndexRounding(t *testing.T) {
	w := evaltest.Seed(t, evaltest.New(t, evaluation.SQLite))
	s, ctx := w.Store, context.Background()
	sv := w.PublishedSurvey(evaluation.SurveyRequest{Title: "舍入", Questions: []evaluation.SurveyQuestion{
		{Code: "l", Text: "满意度", Kind: evaluation.QuestionLikert5, Required: true},
		{Code: "n", Text: "推荐度", Kind: evaluation.QuestionNPS},
	}})
	// Seven 1s and one 2: mean 1.125, index 25 × 1/8 = 3.125; both round up.
	for i := range 8 {
		a := map[string]any{"l": 1}
		if i == 0 {
			a["l"] = 2
		}
		if i < 3 {
			a["n"] = []int{0, 0, 9}[i] // promoters 1/3, detractors 2/3: −33.333…
		}
		answer(t, s, *sv.Token, a)
	}
	res, err := s.SurveyResults(ctx, evaluation.System, sv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.SatisfactionIndex.String(); got != "3.13" {
		t.Errorf("index %s, want 3.13", got)
	}
	if got := res.Questions[0].Mean.String(); got != "1.13" {
		t.Errorf("mean %s, want 1.13", got)
	}
	if got := res.Questions[1].NPSScore.String(); got != "-33.33" {
		t.Errorf("nps %s, want -33.33", got)
	}
	if got := res.Questions[1].Mean.String(); got != "3.00" {
		t.Errorf("nps mean %s, want 3.00", got)
	}
}

// TestSurveyResponsesAreAnonymous: a stored response has no column and no
// value that could say who answered, and its audit event neither.
func TestSurveyResponsesAreAnonymous(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		sv := w.PublishedSurvey(evaltest.SurveyRequest())
		answer(t, w.Store, *sv.Token, map[string]any{"q1": 5, "q2": "否", "q5": 4, "q6": 10, "q8": "很满意"})

		cols, err := env.DB.Gorm.Migrator().ColumnTypes("survey_responses")
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, c := range cols {
			names = append(names, strings.ToLower(c.Name()))
		}
		slices.Sort(names)
		if want := []string{"answers", "created_at", "id", "likert_count", "likert_sum", "survey_id"}; !slices.Equal(names, want) {
			t.Fatalf("survey_responses has columns %v, want exactly %v", names, want)
		}
		var row map[string]any
		if err := env.DB.Gorm.Table("survey_responses").Take(&row).Error; err != nil {
			t.Fatal(err)
		}
		if got := row["answers"]; got != `{"q1":5,"q2":"否","q5":4,"q6":10,"q8":"很满意"}` && string(asBytes(got)) != `{"q1":5,"q2":"否","q5":4,"q6":10,"q8":"很满意"}` {
			t.Errorf("stored answers %v", got)
		}
		events, err := w.Store.ListAudit(context.Background(), evaluation.AuditFilter{Entity: "survey_response"})
		if err != nil || events.Total != 1 {
			t.Fatalf("answer audit: %v %+v", err, events)
		}
		e := events.Items[0]
		if e.ActorID != nil || e.ActorName != "public" || e.Action != "survey.answer" || e.Before != "null" ||
			e.After != `{"survey_id":`+itoa(sv.ID)+`}` {
			t.Errorf("answer audit event %+v", e)
		}
	})
}

func asBytes(v any) []byte {
	if b, ok := v.([]byte); ok {
		return b
	}
	return nil
}

func itoa(n int64) string {
	return strconv.FormatInt(n, 10)
}

// TestLinkedSurveys: a published survey linked to a plan in a round is
// summarised for that plan's evaluators and in the round's report data.
func TestLinkedSurveys(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		s, ctx := w.Store, context.Background()
		linked := func(plan *evaluation.Plan, title string) evaluation.SurveyRequest {
			req := evaltest.SurveyRequest()
			req.Title, req.RoundID, req.PlanID = title, &w.Round.ID, &plan.ID
			return req
		}
		a := w.PublishedSurvey(linked(w.P1, "甲问卷"))
		b := w.PublishedSurvey(linked(w.P1, "乙问卷"))
		w.PublishedSurvey(linked(w.P2, "其他方案的问卷"))
		if _, err := s.CreateSurvey(ctx, w.AdminActor(), linked(w.P1, "草稿问卷")); err != nil {
			t.Fatal(err)
		}
		answer(t, s, *a.Token, map[string]any{"q1": 5, "q2": "是", "q3": 4, "q5": 3, "q6": 9})
		answer(t, s, *a.Token, map[string]any{"q1": 2, "q2": "否", "q5": 2, "q6": 3})
		if _, err := s.CloseSurvey(ctx, w.AdminActor(), b.ID); err != nil {
			t.Fatal(err)
		}

		got, err := s.PlanSurveys(ctx, w.Round.ID, w.P1.ID)
		if err != nil {
			t.Fatal(err)
		}
		// a: likert answers 5, 4, 3, 2, 2 = 16 over 5: (3.2 − 1) × 25 = 55.
		if len(got) != 2 || got[0].ID != a.ID || got[0].Responses != 2 || got[0].SatisfactionIndex.String() != "55.00" ||
			got[1].ID != b.ID || got[1].Status != evaluation.SurveyClosed || got[1].Responses != 0 || got[1].SatisfactionIndex != nil {
			t.Fatalf("surveys of P1: %+v", got)
		}
		none, err := s.PlanSurveys(ctx, w.Round.ID, w.P3.ID)
		if err != nil || none == nil || len(none) != 0 {
			t.Fatalf("surveys of P3: %v %#v, want an empty list", err, none)
		}
		res, err := s.SurveyResults(ctx, evaluation.System, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if res.SatisfactionIndex.String() != got[0].SatisfactionIndex.String() {
			t.Errorf("summary index %v, results index %v", got[0].SatisfactionIndex, res.SatisfactionIndex)
		}
	})
}
