package api_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

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
		{"/api/v1/audit?actor_id=99999999999999999999", "actor_id"},
		{"/api/v1/users?org_id=0", "org_id"},
		{"/api/v1/conflicts?agency_id=x", "agency_id"},
		{"/api/v1/surveys?status=open", "status"},
		{"/api/v1/findings?overdue=maybe", "overdue"},
		{"/api/v1/rounds/1/assignments?status=done", "status"},
		{"/api/v1/templates?per_page=501", "per_page"},
		{"/api/v1/login-throttles?page=x", "page"},
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

// TestJSONBodyIsOneValue: data after the JSON value is a 400, not ignored.
func TestJSONBodyIsOneValue(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	admin := s.token("admin")
	for _, body := range []string{`{"name":"甲","kind":"agency"}garbage`, `{"name":"乙","kind":"agency"}{"name":"丙","kind":"agency"}`, `{"name":"丁","kind":"agency"} 1`} {
		if e := s.call(http.MethodPost, "/api/v1/orgs", admin, json.RawMessage(body)).want(http.StatusBadRequest).errorBody(); e.Code != "bad_request" || !hasHan(e.Message) {
			t.Errorf("%s: error %+v", body, e)
		}
	}
	s.call(http.MethodPost, "/api/v1/orgs", admin, json.RawMessage("{\"name\":\"戊\",\"kind\":\"agency\"} \r\n\t")).want(http.StatusCreated)
}

// TestPlanImportRefusesAZipBomb: a small .xlsx whose worksheet unzips to
// about 100 MB is refused quickly, without inflating it.
func TestPlanImportRefusesAZipBomb(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	admin := s.token("admin")
	bomb := xlsxBomb(t, 100<<20)
	if len(bomb) > evaluation.MaxPlanImportSize {
		t.Fatalf("the bomb is %d bytes, more than an import file may be", len(bomb))
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	r := s.upload("/api/v1/plans/import", admin, "file", "plans.xlsx", bomb)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	r.want(http.StatusUnprocessableEntity)
	if e := r.errorBody(); !strings.Contains(e.Fields["file"], "解压后超过") {
		t.Errorf("error %+v, want the file refused for its unzipped size", e)
	}
	if elapsed > 3*time.Second {
		t.Errorf("refusing the bomb took %v, want under 3 s", elapsed)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 300<<20 {
		t.Errorf("refusing the bomb allocated %d MB, want under 300 MB", grown>>20)
	}
	t.Logf("%d KB bomb refused in %v, %d MB allocated", len(bomb)>>10, elapsed, (after.TotalAlloc-before.TotalAlloc)>>20)
}

// xlsxBomb is a well-formed workbook whose one worksheet unzips to about size
// bytes of empty rows.
func xlsxBomb(t *testing.T, size int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	part := func(name, body string) io.Writer {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, body); err != nil {
			t.Fatal(err)
		}
		return w
	}
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	part("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	part("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	part("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook `+ns+`><sheets><sheet name="方案" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	part("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w := part("xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet `+ns+`><sheetData>`)
	row := []byte(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`)
	chunk := bytes.Repeat(row, 1<<20/len(row))
	for written := 0; written < size; written += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := io.WriteString(w, `</sheetData></worksheet>`); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestJSONBodyIsLimited: a JSON body over 1 MB is a 413 with the error JSON.
func TestJSONBodyIsLimited(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	body := `{"name":"` + strings.Repeat("甲", 400000) + `","kind":"agency"}`
	if e := s.call(http.MethodPost, "/api/v1/orgs", s.token("admin"), json.RawMessage(body)).want(http.StatusRequestEntityTooLarge).errorBody(); e.Code != "too_large" || !hasHan(e.Message) {
		t.Errorf("error %+v", e)
	}
}

// TestListKeywordSearch: findings, rounds and surveys take a keyword `q`
// like plans and users do, matched literally, and a long one is a 422.
func TestListKeywordSearch(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		pub := s.w.PublishRound() // moves the clock: log in after
		admin := s.token("admin")
		s.w.NewRound("2027年第一轮清单式集中评估")
		s.w.PublishedSurvey(evaltest.SurveyRequest())
		other := evaltest.SurveyRequest()
		other.Title = "营商环境满意度调查（100%匿名）"
		s.w.PublishedSurvey(other)

		for _, tc := range []struct {
			path, q string
			want    int64
		}{
			{"/api/v1/findings", "", 3},
			{"/api/v1/findings", "绩效目标", 1},          // description
			{"/api/v1/findings", s.w.P2.Code, 1},     // plan code
			{"/api/v1/findings", "财政预算制度", 2},        // plan title
			{"/api/v1/findings", "%", 0},             // literal
			{"/api/v1/findings/export.xlsx", "", -1}, // same parameter on the export
			{"/api/v1/rounds", "", 2},
			{"/api/v1/rounds", "2027年", 1},
			{"/api/v1/rounds", "_", 0},
			{"/api/v1/surveys", "", 2},
			{"/api/v1/surveys", "营商", 1},
			{"/api/v1/surveys", "100%", 1},
			{"/api/v1/surveys", "满意度", 2},
		} {
			r := s.call(http.MethodGet, tc.path+"?q="+url.QueryEscape(tc.q), admin, nil).want(http.StatusOK)
			if tc.want < 0 {
				continue
			}
			var list struct{ Total int64 }
			r.decode(&list)
			if list.Total != tc.want {
				t.Errorf("%s?q=%s: %d, want %d", tc.path, tc.q, list.Total, tc.want)
			}
		}
		// An evaluator's search stays within what it may see.
		var mine struct{ Total int64 }
		s.call(http.MethodGet, "/api/v1/findings?q="+url.QueryEscape("财政预算制度"), s.token("eval1"), nil).want(http.StatusOK).decode(&mine)
		if mine.Total != 1 {
			t.Errorf("eval1's findings on P1: %d, want 1 (%s)", mine.Total, pub.P1Critical.Description)
		}
		for _, path := range []string{"/api/v1/findings", "/api/v1/rounds", "/api/v1/surveys", "/api/v1/findings/export.xlsx"} {
			r := s.call(http.MethodGet, path+"?q="+strings.Repeat("a", 101), admin, nil).want(http.StatusUnprocessableEntity)
			if e := r.errorBody(); e.Fields["q"] == "" || !hasHan(e.Message) {
				t.Errorf("%s long q: %+v", path, e)
			}
		}
	})
}
