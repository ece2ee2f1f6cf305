package reports

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestJudgementAssembled: the domain's conclusions and self-assessment reach
// the report; a preview prints the current text as a draft, an issued
// report only approved conclusions; and a plan's frozen input gives back
// exactly the report of the live data.
func TestJudgementAssembled(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	w := evaltest.Seed(t, env)
	ctx := context.Background()
	a := w.Assign(w.Round, w.P3, w.Eval3)
	w.Move(w.Round, evaluation.RoundOpen)
	w.Score(a, w.Eval3, w.FullAnswers(0.6))
	w.Move(w.Round, evaluation.RoundScoringClosed)
	d, err := env.Store.ReportData(ctx, w.AdminActor(), w.Round.ID, w.P3.ID, evaluation.ReportEvaluation)
	if err != nil {
		t.Fatal(err)
	}
	res, ok := d.Result(w.P3.ID)
	if !ok {
		t.Fatal("no result for P3")
	}
	self := evaluation.Hundredths(8150)
	gap := self - res.Total
	res.SelfTotal, res.SelfGap = &self, &gap
	for i := range res.Dimensions {
		v := res.Dimensions[i].Score + 100
		res.Dimensions[i].SelfScore = &v
	}
	n := &evaluation.ReportNarrative{Status: "submitted", Overall: "总体良好𠀀", Achievements: "成效", Problems: "问题",
		Recommendations: "建议", LeadAgency: "西华大学"}
	d.Narratives = map[int64]*evaluation.ReportNarrative{w.P3.ID: n}

	preview, err := EvaluationReportOf(d, w.P3.ID)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case !preview.Draft || preview.Version != 0:
		t.Errorf("the preview is not a draft: %+v", preview)
	case preview.Narrative == nil || preview.Narrative.Overall != "总体良好𠀀" || preview.Narrative.ApprovedOn != "":
		t.Errorf("the preview's conclusions: %+v", preview.Narrative)
	case preview.LeadAgency != "西华大学" || preview.SelfTotal == nil || *preview.SelfTotal != 81.5:
		t.Errorf("lead agency %q, self total %v", preview.LeadAgency, preview.SelfTotal)
	case preview.Dimensions[0].SelfScore == nil || *preview.Dimensions[0].SelfScore != preview.Dimensions[0].Score+1:
		t.Errorf("dimension %+v", preview.Dimensions[0])
	}

	// Published, conclusions not approved: none printed.
	published := evaluation.Date("2026-05-10")
	d.Round.Status, d.Round.PublishedOn = evaluation.RoundPublished, &published
	issued, err := EvaluationReportOf(d, w.P3.ID)
	if err != nil {
		t.Fatal(err)
	}
	if issued.Draft || issued.Narrative != nil || issued.LeadAgency != "西华大学" {
		t.Errorf("an issued report with conclusions not approved: draft %v, %+v", issued.Draft, issued.Narrative)
	}
	n.Status, n.ApprovedBy, n.ApprovedOn = "approved", "市委改革办", "2026-05-08"
	live, err := EvaluationReportOf(d, w.P3.ID)
	if err != nil {
		t.Fatal(err)
	}
	if live.Narrative == nil || live.Narrative.ApprovedBy != "市委改革办" || live.Narrative.ApprovedOn != "2026-05-08" {
		t.Fatalf("approved conclusions: %+v", live.Narrative)
	}

	// Frozen: the snapshot's JSON gives back the same report, number included.
	in, ok := d.PlanInput(w.P3.ID)
	if !ok {
		t.Fatal("no input for P3")
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	d.Issued = map[int64]*evaluation.IssuedReport{w.P3.ID: {RoundID: d.Round.ID, PlanID: w.P3.ID, Version: 1, Snapshot: string(b),
		IssuedAt: time.Now()}}
	frozen, err := EvaluationReportOf(d, w.P3.ID)
	if err != nil {
		t.Fatal(err)
	}
	live.Version = 1
	want, err := json.Marshal(live)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(frozen)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the frozen report differs from the live one:\n got %s\nwant %s", got, want)
	}
}
