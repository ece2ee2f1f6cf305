package api_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestQueryParametersAreBounded: every list parameter is checked before the
// database sees it, and a page past the end is empty, not page 1.
func TestQueryParametersAreBounded(t *testing.T) {
	evaltest.Dialects(t, testQueryParametersAreBounded)
}

func testQueryParametersAreBounded(t *testing.T, env *evaltest.Env) {
	s := newServer(t, env)
	admin := s.token("admin")

	var all evaluation.List[evaluation.Plan]
	s.call(http.MethodGet, "/api/v1/plans", admin, nil).want(http.StatusOK).decode(&all)
	if all.Total < 2 {
		t.Fatalf("the fixture has %d plans, want at least 2", all.Total)
	}
	var past evaluation.List[evaluation.Plan]
	s.call(http.MethodGet, "/api/v1/plans?page=1000&per_page=1", admin, nil).want(http.StatusOK).decode(&past)
	if len(past.Items) != 0 || past.Total != all.Total {
		t.Errorf("page past the end: %d items, total %d; want none, total %d", len(past.Items), past.Total, all.Total)
	}
	s.call(http.MethodGet, "/api/v1/plans?page=100000&per_page=500", admin, nil).want(http.StatusOK).decode(&past)
	if len(past.Items) != 0 || past.Total != all.Total {
		t.Errorf("last allowed page: %d items, total %d; want none, total %d", len(past.Items), past.Total, all.Total)
	}

	long := strings.Repeat("改", 50000)
	for _, tc := range []struct {
		query, field string
		want         int
	}{
		{"q=" + url.QueryEscape(long), "q", http.StatusUnprocessableEntity},
		{"q=" + strings.Repeat("a", 101), "q", http.StatusUnprocessableEntity},
		{"field=" + url.QueryEscape(long), "field", http.StatusUnprocessableEntity},
		{"page=0", "page", http.StatusBadRequest},
		{"page=100001", "page", http.StatusBadRequest},
		{"page=9223372036854775807", "page", http.StatusBadRequest},
		{"page=99999999999999999999", "page", http.StatusBadRequest},
		{"per_page=0", "per_page", http.StatusBadRequest},
		{"per_page=501", "per_page", http.StatusBadRequest},
		{"lead_department_id=0", "lead_department_id", http.StatusBadRequest},
		{"lead_department_id=x", "lead_department_id", http.StatusBadRequest},
		{"issued_from=2024-13-01", "issued_from", http.StatusBadRequest},
		{"issued_to=yesterday", "issued_to", http.StatusBadRequest},
	} {
		r := s.call(http.MethodGet, "/api/v1/plans?"+tc.query, admin, nil).want(tc.want)
		if e := r.errorBody(); e.Fields[tc.field] == "" || !hasHan(e.Message) {
			t.Errorf("%.60s: error %+v, want a Chinese message and fields naming %s", tc.query, e, tc.field)
		}
	}
	s.call(http.MethodGet, "/api/v1/plans?q="+strings.Repeat("a", 100), admin, nil).want(http.StatusOK)

	for _, tc := range []struct{ path, field string }{
		{"/api/v1/orgs?kind=club", "kind"},
		{"/api/v1/users?role=root", "role"},
		{"/api/v1/rounds?status=done", "status"},
		{"/api/v1/findings?severity=huge", "severity"},
		{"/api/v1/notifications?unread=maybe", "unread"},
		{"/api/v1/audit?entity_id=-3", "entity_id"},
	} {
		r := s.call(http.MethodGet, tc.path, admin, nil).want(http.StatusBadRequest)
		if e := r.errorBody(); e.Fields[tc.field] == "" {
			t.Errorf("%s: error %+v, want fields naming %s", tc.path, e, tc.field)
		}
	}
	for _, path := range []string{"/api/v1/orgs?q=", "/api/v1/users?q=", "/api/v1/audit?entity="} {
		s.call(http.MethodGet, path+url.QueryEscape(long), admin, nil).want(http.StatusUnprocessableEntity)
	}
}

// TestSearchIsLiteral: % and _ in a search match themselves, on both databases.
func TestSearchIsLiteral(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		admin := s.token("admin")
		s.w.Plan("CD-100%", "覆盖率100%的改革", s.w.Finance, "2020-01-01")
		s.w.Plan("CD-1000", "覆盖率1000的改革", s.w.Finance, "2020-01-01")
		for q, want := range map[string]int64{"100%": 1, "100": 2, "率1_0": 0, `!`: 0} {
			var list evaluation.List[evaluation.Plan]
			s.call(http.MethodGet, "/api/v1/plans?q="+url.QueryEscape(q), admin, nil).want(http.StatusOK).decode(&list)
			if list.Total != want {
				t.Errorf("q=%s: %d plans, want %d", q, list.Total, want)
			}
		}
	})
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}
