package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// answerSurvey submits answers to a published survey.
func answerSurvey(t *testing.T, s *evaluation.Store, token string, answers ...map[string]any) {
	t.Helper()
	for _, a := range answers {
		if err := s.AnswerSurvey(context.Background(), token, evaltest.RawAnswers(t, a)); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSurveyResponsesXLSX(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		sv := w.PublishedSurvey(evaltest.SurveyRequest())
		answerSurvey(t, w.Store, *sv.Token,
			map[string]any{"q1": 5, "q2": "否", "q5": 4, "q6": 10},
			map[string]any{"q1": 4, "q2": "是", "q3": 3, "q4": []string{"电话", "线上平台"}, "q5": 4, "q6": 6, "q8": "窗口=排队\"久\"，<建议>增加人手"})
		res, err := w.Store.SurveyResults(ctx, evaluation.System, sv.ID)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := SurveyResponsesXLSX(&buf, sv, res, w.Store.SurveyResponses(ctx, sv.ID), evaltest.Shanghai); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatalf("the workbook does not open: %v", err)
		}
		defer f.Close()
		if got := f.GetSheetList(); len(got) != 2 || got[0] != SheetResponses || got[1] != SheetResults {
			t.Fatalf("sheets %v", got)
		}
		rows, err := f.GetRows(SheetResponses)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 3 || len(rows[0]) != 10 || rows[0][0] != "序号" || rows[0][2] != "q1 您对本市基本公共服务的总体满意度" {
			t.Fatalf("responses sheet %q", rows)
		}
		// The clock stands at 2026-03-02 10:00 in Shanghai.
		want := []string{"2", "2026-03-02 10:00:00", "4", "是", "3", "电话；线上平台", "4", "6", "", "窗口=排队\"久\"，<建议>增加人手"}
		for i, v := range want {
			if got := cellAt(rows[2], i); got != v {
				t.Errorf("response 2, column %d: %q, want %q", i+1, got, v)
			}
		}
		if got := cellAt(rows[1], 3); got != "否" {
			t.Errorf("response 1, q2: %q", got)
		}
		panes, err := f.GetPanes(SheetResponses)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("the header row is not frozen: %+v %v", panes, err)
		}
		results, err := f.GetRows(SheetResults)
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(flatten(results), "|")
		for _, s := range []string{"满意度指数", "有效答卷|||2", "线上平台|1|100.00%", "8.00|0.00"} {
			if !strings.Contains(flat, s) {
				t.Errorf("results sheet lacks %q: %s", s, flat)
			}
		}
		// likert5: 5, 4, 4, 3, 4 = 20 over 5: index 75.
		if !strings.Contains(flat, "满意度指数|（五级量表题全部答案的平均分 − 1）÷ 4 × 100||||||75.00") {
			t.Errorf("index row missing: %s", flat)
		}
	})
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "|"))
	}
	return out
}

// TestEvaluationReportPrintsLinkedSurveys: the surveys linked to the plan in
// the round come out in the evaluation report with their response counts
// and satisfaction indexes; a report without any keeps its verification data.
func TestEvaluationReportPrintsLinkedSurveys(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	w := evaltest.Seed(t, env)
	ctx := context.Background()
	req := evaltest.SurveyRequest()
	req.Title, req.RoundID, req.PlanID = "基本公共服务清单群众满意度调查（2026）", &w.Round.ID, &w.P3.ID
	sv := w.PublishedSurvey(req)
	answerSurvey(t, w.Store, *sv.Token,
		map[string]any{"q1": 5, "q2": "否", "q5": 4, "q6": 10},
		map[string]any{"q1": 2, "q2": "否", "q5": 3, "q6": 2})
	publishedWithText(t, w)

	doc, err := newService(t, env).Report(ctx, w.AdminActor(), w.Round.ID, w.P3.ID, evaluation.ReportEvaluation)
	if err != nil {
		t.Fatal(err)
	}
	d, err := env.Store.ReportData(ctx, w.AdminActor(), w.Round.ID, w.P3.ID, evaluation.ReportEvaluation)
	if err != nil {
		t.Fatal(err)
	}
	er, err := EvaluationReportOf(d, w.P3.ID)
	if err != nil {
		t.Fatal(err)
	}
	// likert5: 5, 4, 2, 3 = 14 over 4: (3.5 − 1) × 25 = 62.5.
	if len(er.Surveys) != 1 || er.Surveys[0].Responses != 2 || er.Surveys[0].SatisfactionIndex == nil || *er.Surveys[0].SatisfactionIndex != 62.5 {
		t.Fatalf("report surveys %+v", er.Surveys)
	}
	body := bodyText(pdfPages(t, doc.Data), "《"+w.P3.Title+"》第三方评估报告", er.ReportNumber)
	assertContainsAll(t, body, map[string]string{"heading": "群众满意度调查",
		"summary": "《" + req.Title + "》收回有效答卷 2 份，满意度指数为 62.50", "title": req.Title})

	// Another plan of the round has no survey: nothing about surveys in its
	// verification data.
	er.Surveys = nil
	b, err := json.Marshal(er)
	if err != nil || bytes.Contains(b, []byte(`"surveys"`)) {
		t.Errorf("a report without surveys carries them in its data: %v", err)
	}
}
