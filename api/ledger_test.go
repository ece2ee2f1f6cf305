package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/evald/evald/evaluation/evaltest"
)

// The scorecard's XLSX holds the JSON's rows, by rank, with "—" where a
// figure is undefined (a department without findings has no rate); a
// department gets its own row alone in both; a plan's history over HTTP
// and 404 on another department's plan.
func TestScorecardOverHTTP(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		w.PublishRound() // 2026-05-10: nothing due yet, so no on-time rate
		for _, who := range []string{asViewer, asDept} {
			var sc struct {
				Items []struct {
					DepartmentID int64    `json:"department_id"`
					Name         string   `json:"name"`
					OnTimeRate   *float64 `json:"on_time_rate"`
				}
			}
			s.call(http.MethodGet, "/api/v1/departments/scorecard?year=2026", s.token(who), nil).want(http.StatusOK).decode(&sc)
			_, rows := sheetRows(t, s.call(http.MethodGet, "/api/v1/departments/scorecard.xlsx?year=2026", s.token(who), nil).
				want(http.StatusOK), "部门考核")
			if len(rows) != len(sc.Items)+1 {
				t.Fatalf("%s: %d sheet rows for %d items", who, len(rows), len(sc.Items))
			}
			for i, it := range sc.Items {
				if rows[i+1][1] != it.Name || it.OnTimeRate != nil || rows[i+1][14] != "—" {
					t.Errorf("%s: row %d = %q for %+v; want its name and 按期销号率 —", who, i+1, rows[i+1], it)
				}
			}
			if who == asDept && (len(sc.Items) != 1 || sc.Items[0].DepartmentID != w.Finance.ID) {
				t.Errorf("the department's scorecard: %+v", sc.Items)
			}
			if who == asViewer && len(sc.Items) != 2 {
				t.Errorf("the viewer's scorecard: %+v", sc.Items)
			}
		}
		var hist struct {
			Rounds []struct {
				Findings int
				Reports  []any
			}
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/plans/%d/history", w.P1.ID), s.token(asDept), nil).want(http.StatusOK).decode(&hist)
		if len(hist.Rounds) != 1 || hist.Rounds[0].Findings != 2 || len(hist.Rounds[0].Reports) != 1 {
			t.Errorf("P1's history for its department: %+v", hist.Rounds)
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/plans/%d/history", w.P2.ID), s.token(asDept), nil).want(http.StatusNotFound)
	})
}
