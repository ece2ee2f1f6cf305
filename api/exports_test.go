package api_test

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// sheetRows reads an export back: its name from Content-Disposition and the
// rows of the named sheet, header first.
func sheetRows(t *testing.T, r *reply, sheet string) (string, [][]string) {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
		t.Fatalf("%s: Content-Type %q", r.req, ct)
	}
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition"))
	if err != nil || !strings.HasSuffix(params["filename"], ".xlsx") {
		t.Fatalf("%s: Content-Disposition %q: %v", r.req, r.Header.Get("Content-Disposition"), err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return params["filename"], rows
}

// column is one column of the data rows.
func column(rows [][]string, i int) []string {
	out := []string{}
	for _, r := range rows[1:] {
		v := ""
		if i < len(r) {
			v = r[i]
		}
		out = append(out, v)
	}
	return out
}

// TestExportsMatchTheLists: every export holds exactly the rows its list
// route shows under the same filters, for the reader asking.
func TestExportsMatchTheLists(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		p := s.w.PublishRound()
		admin := s.token(asAdmin)
		same := func(t *testing.T, what string, want, got []string) {
			t.Helper()
			if strings.Join(want, "\x00") != strings.Join(got, "\x00") {
				t.Errorf("%s: export %q, list %q", what, got, want)
			}
		}

		// Plans, with and without a filter.
		for _, q := range []string{"", "?q=" + s.w.P1.Code[:4], "?lead_department_id=" + strconv.FormatInt(s.w.P1.LeadDepartmentID, 10)} {
			var list evaluation.List[evaluation.Plan]
			s.call(http.MethodGet, "/api/v1/plans"+q+sep(q)+"per_page=500", admin, nil).want(http.StatusOK).decode(&list)
			name, rows := sheetRows(t, s.call(http.MethodGet, "/api/v1/plans/export.xlsx"+q, admin, nil).want(http.StatusOK), "方案")
			if !strings.HasPrefix(name, "方案清单") || rows[0][0] != "方案编号" || rows[0][2] != "牵头单位" {
				t.Errorf("plans: %q %q", name, rows[0])
			}
			var codes []string
			for _, pl := range list.Items {
				codes = append(codes, pl.Code)
			}
			same(t, "plans"+q, codes, column(rows, 0))
		}

		// Findings: each role its own, filters applied; enums in Chinese.
		for _, who := range []string{asAdmin, asEvaluator, asDept, asViewer} {
			for _, q := range []string{"", "?severity=critical", fmt.Sprintf("?round_id=%d&status=open", p.Round.ID)} {
				var list evaluation.List[evaluation.FindingView]
				tok := s.token(who)
				s.call(http.MethodGet, "/api/v1/findings"+q+sep(q)+"per_page=500", tok, nil).want(http.StatusOK).decode(&list)
				_, rows := sheetRows(t, s.call(http.MethodGet, "/api/v1/findings/export.xlsx"+q, tok, nil).want(http.StatusOK), "问题清单")
				var ids []string
				for _, f := range list.Items {
					ids = append(ids, strconv.FormatInt(f.ID, 10))
				}
				same(t, who+" findings"+q, ids, column(rows, 0))
				for _, sev := range column(rows, 5) {
					if sev != "严重" && sev != "较重" && sev != "一般" {
						t.Errorf("severity %q not in Chinese", sev)
					}
				}
			}
		}

		// Users by role.
		for _, q := range []string{"", "?role=evaluator", "?q=eval"} {
			var list evaluation.List[evaluation.User]
			s.call(http.MethodGet, "/api/v1/users"+q+sep(q)+"per_page=500", admin, nil).want(http.StatusOK).decode(&list)
			_, rows := sheetRows(t, s.call(http.MethodGet, "/api/v1/users/export.xlsx"+q, admin, nil).want(http.StatusOK), "用户")
			var names []string
			for _, u := range list.Items {
				names = append(names, u.Username)
			}
			same(t, "users"+q, names, column(rows, 0))
			if q == "?role=evaluator" {
				for _, r := range column(rows, 2) {
					if r != "评估人员" {
						t.Errorf("role %q", r)
					}
				}
			}
		}

		// The audit log, whole and of one entity; times in EVAL_TZ.
		for _, q := range []string{"", "?entity=round"} {
			var list evaluation.List[evaluation.AuditEvent]
			s.call(http.MethodGet, "/api/v1/audit"+q+sep(q)+"per_page=500", admin, nil).want(http.StatusOK).decode(&list)
			_, rows := sheetRows(t, s.call(http.MethodGet, "/api/v1/audit/export.xlsx"+q, admin, nil).want(http.StatusOK), "审计日志")
			var ids, times []string
			for _, e := range list.Items {
				ids = append(ids, strconv.FormatInt(e.ID, 10))
				times = append(times, e.At.In(env.Store.Location()).Format("2006-01-02 15:04:05"))
			}
			same(t, "audit"+q, ids, column(rows, 0))
			same(t, "audit times"+q, times, column(rows, 1))
			if q == "?entity=round" {
				// Actions and object types in words; the round's opening as a field difference.
				var opened bool
				for _, r := range rows[1:] {
					if r[4] != "评估轮次" || !hasHan(r[3]) || r[2] != s.w.Admin.DisplayName {
						t.Errorf("audit row %v: want Chinese action, object type and operator", r[:5])
					}
					if r[3] == "开始评估" && strings.Contains(r[6], "状态：草稿 → 评估中") {
						opened = true
					}
				}
				if !opened {
					t.Errorf("no 开始评估 row with 状态：草稿 → 评估中 among %d rows", len(rows)-1)
				}
			}
		}

		// A round's rectification, as the department sees it.
		for _, who := range []string{asAdmin, asDept, asViewer} {
			var rect struct{ Plans []struct{ Code string } }
			path := fmt.Sprintf("/api/v1/rounds/%d/rectification", p.Round.ID)
			s.call(http.MethodGet, path, s.token(who), nil).want(http.StatusOK).decode(&rect)
			_, rows := sheetRows(t, s.call(http.MethodGet, path+".xlsx", s.token(who), nil).want(http.StatusOK), "方案整改")
			var codes []string
			for _, pr := range rect.Plans {
				codes = append(codes, pr.Code)
			}
			same(t, who+" rectification", codes, column(rows, 0))
		}
	})
}

func sep(q string) string {
	if q == "" {
		return "?"
	}
	return "&"
}

// TestPlanImportTemplateImportsOverHTTP: the template downloaded from the
// server imports back as it is.
func TestPlanImportTemplateImportsOverHTTP(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		admin := s.token(asAdmin)
		r := s.call(http.MethodGet, "/api/v1/plans/import-template.xlsx", admin, nil).want(http.StatusOK)
		name, rows := sheetRows(t, r, "方案")
		want := []string{"方案编号", "方案名称", "牵头单位", "审议机构", "印发日期", "所属领域", "方案概要", "销账原因"}
		if name != "方案导入模板.xlsx" || strings.Join(rows[0], ",") != strings.Join(want, ",") || len(rows) != 2 {
			t.Fatalf("template %q: %q", name, rows)
		}
		var res evaluation.ImportResult
		s.upload("/api/v1/plans/import", admin, "file", name, r.Body).want(http.StatusOK).decode(&res)
		if res.Created+res.Updated != 1 || len(res.Errors) != 0 {
			t.Fatalf("import: %+v", res)
		}
	})
}
