package evaltest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/evald/evald/evaluation"
)

// BigRound is a round of many plans with five submitted scoresheets each,
// on a 30-indicator template, for benchmarks.
type BigRound struct {
	Round       *evaluation.Round
	Template    *evaluation.Template
	Assignments []*evaluation.AssignmentView
	Evaluators  map[int64]*evaluation.User
}

// Template30 is a template of 10 dimensions × 3 indicators summing to 100,
// two of them check items and one a veto item.
func Template30() evaluation.TemplateRequest {
	req := evaluation.TemplateRequest{Name: "30项指标体系"}
	points := []float64{4, 3, 3.5} // 10.5 a dimension; the last dimension takes the remainder
	for d := 1; d <= 10; d++ {
		dim := evaluation.Dimension{Code: fmt.Sprint(d), Name: fmt.Sprintf("一级指标%d", d)}
		for i, p := range points {
			ind := evaluation.Indicator{Code: fmt.Sprintf("%d.%d", d, i+1), Name: fmt.Sprintf("二级指标%d.%d", d, i+1),
				Kind: evaluation.KindScore, MaxScore: p, Guidance: "按评分标准打分。"}
			if d == 10 {
				ind.MaxScore = []float64{2, 3.5, 0}[i]
			}
			if d == 2 && i == 2 {
				ind.Kind = evaluation.KindCheck
			}
			if d == 10 && i == 2 {
				ind.Kind, ind.Veto = evaluation.KindCheck, true
			}
			dim.Indicators = append(dim.Indicators, ind)
		}
		req.Dimensions = append(req.Dimensions, dim)
	}
	return req
}

// SeedBigRound makes plans plans, five agencies of two evaluators each, and
// an open round in which every plan has five submitted scoresheets.
func SeedBigRound(tb testing.TB, env *Env, plans int) *BigRound {
	tb.Helper()
	ctx := context.Background()
	s := env.Store
	fatal := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	dept, err := s.CreateOrg(ctx, evaluation.System, evaluation.OrgRequest{Name: "市财政局", Kind: evaluation.OrgDepartment})
	fatal(err)
	big := &BigRound{Evaluators: map[int64]*evaluation.User{}}
	for a := 1; a <= 5; a++ {
		agency, err := s.CreateOrg(ctx, evaluation.System, evaluation.OrgRequest{Name: fmt.Sprintf("评估机构%d", a), Kind: evaluation.OrgAgency})
		fatal(err)
		for e := 1; e <= 2; e++ {
			u, err := s.CreateUser(ctx, evaluation.System, evaluation.UserRequest{Username: fmt.Sprintf("ev%d-%d", a, e),
				Password: Password, DisplayName: "评估员", Role: evaluation.RoleEvaluator, OrgID: &agency.ID})
			fatal(err)
			big.Evaluators[u.ID] = u
		}
	}
	csv := "code,title,lead_department,issued_on\n"
	for i := 1; i <= plans; i++ {
		csv += fmt.Sprintf("B-%04d,第%d号专项改革方案,市财政局,2017-06-01\n", i, i)
	}
	_, err = s.ImportPlans(ctx, evaluation.System, "plans.csv", []byte(csv))
	fatal(err)
	_ = dept
	big.Template, err = s.CreateTemplate(ctx, evaluation.System, Template30())
	fatal(err)
	big.Round, err = s.CreateRound(ctx, evaluation.System, evaluation.RoundRequest{Name: "基准轮次", TemplateID: big.Template.ID,
		StartsOn: "2026-03-01", ScoringDue: "2026-04-30"})
	fatal(err)
	res, err := s.AutoAssign(ctx, evaluation.System, big.Round.ID, 5, false)
	fatal(err)
	_, err = s.MoveRound(ctx, evaluation.System, big.Round.ID, evaluation.RoundOpen)
	fatal(err)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range res.Assignments {
		a := &res.Assignments[i]
		big.Assignments = append(big.Assignments, a)
		actor := evaluation.ActorOf(big.Evaluators[a.EvaluatorID])
		sheet, err := s.SaveScoresheet(ctx, actor, a.ID, evaluation.ScoresheetRequest{Scores: RandomAnswers(big.Template, rng)})
		fatal(err)
		_, err = s.SubmitScoresheet(ctx, actor, a.ID, sheet.Version)
		fatal(err)
	}
	return big
}

// RandomAnswers answers every indicator of t.
func RandomAnswers(t *evaluation.Template, rng *rand.Rand) []evaluation.Answer {
	var out []evaluation.Answer
	for _, ind := range t.Indicators() {
		a := evaluation.Answer{IndicatorCode: ind.Code}
		if ind.Kind == evaluation.KindCheck {
			yes := rng.IntN(10) > 0
			a.Yes = &yes
		} else {
			v := float64(rng.IntN(int(ind.MaxScore*2)+1)) / 2
			a.Points = &v
		}
		out = append(out, a)
	}
	return out
}
