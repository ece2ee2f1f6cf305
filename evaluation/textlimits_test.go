package evaluation

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestColumnLimitsMatchMigrations reads every VARCHAR column the migrations
// create and checks that columnLimits names it with the same length, so the
// limits the code enforces cannot drift from the schema.
func TestColumnLimitsMatchMigrations(t *testing.T) {
	createTable := regexp.MustCompile(`(?is)CREATE TABLE (?:IF NOT EXISTS )?(\w+) \((.*?)\n\)`)
	column := regexp.MustCompile(`(?im)^\s*(\w+) VARCHAR\((\d+)\)`)
	addColumn := regexp.MustCompile(`(?i)ALTER TABLE (\w+) ADD COLUMN (\w+) VARCHAR\((\d+)\)`)
	found := map[string]int{} // the last length each column was created with
	declared, read := 0, 0
	for _, m := range migrations {
		for _, tm := range createTable.FindAllStringSubmatch(m.sql, -1) {
			for _, cm := range column.FindAllStringSubmatch(tm[2], -1) {
				n, err := strconv.Atoi(cm[2])
				if err != nil {
					t.Fatal(err)
				}
				// A table rebuilt under a temporary name (SQLite cannot
				// alter a column) is the table it replaces.
				found[strings.TrimSuffix(tm[1], "_rebuild")+"."+cm[1]] = n
				read++
			}
		}
		for _, am := range addColumn.FindAllStringSubmatch(m.sql, -1) {
			n, err := strconv.Atoi(am[3])
			if err != nil {
				t.Fatal(err)
			}
			found[am[1]+"."+am[2]] = n
			read++
		}
		declared += strings.Count(strings.ToUpper(m.sql), "VARCHAR(")
	}
	if declared != read {
		t.Errorf("the migrations declare %d VARCHAR columns, the test read %d: teach it the new syntax", declared, read)
	}
	if len(found) < 40 {
		t.Fatalf("read only %d VARCHAR columns from the migrations", len(found))
	}
	for col, n := range found {
		if got, ok := columnLimits[col]; !ok {
			t.Errorf("columnLimits lacks %s (VARCHAR(%d))", col, n)
		} else if got != n {
			t.Errorf("columnLimits[%s] = %d, the migrations say VARCHAR(%d)", col, got, n)
		}
	}
	for col := range columnLimits {
		if _, ok := found[col]; !ok {
			t.Errorf("columnLimits names %s, which no migration creates as a VARCHAR", col)
		}
	}
}

// TestColTagsNameColumns checks every `col=` tag of the request types: it
// must name a column of columnLimits (ColumnLimit would panic otherwise).
func TestColTagsNameColumns(t *testing.T) {
	tag := regexp.MustCompile(`col=([\w.]+)`)
	n := 0
	for _, v := range []any{OrgRequest{}, OrgPatch{}, UserRequest{}, UserPatch{}, PlanRequest{}, PlanPatch{},
		TemplateRequest{}, RoundRequest{}, RoundPatch{}, FindingRequest{}, FindingPatch{}, ResponseRequest{},
		ConflictRequest{}, SurveyRequest{}, SurveyPatch{}} {
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			for _, m := range tag.FindAllStringSubmatch(rt.Field(i).Tag.Get("validate"), -1) {
				n++
				if _, ok := columnLimits[m[1]]; !ok {
					t.Errorf("%s.%s: col=%s is not a VARCHAR column", rt.Name(), rt.Field(i).Name, m[1])
				}
			}
		}
	}
	if n < 15 {
		t.Fatalf("found only %d col= tags", n)
	}
}

func TestClipText(t *testing.T) {
	for _, c := range []struct {
		in    string
		limit int
		want  string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"评估问题已发布", 7, "评估问题已发布"},
		{"评估问题已发布：", 7, "评估问题已发…"},
		{"𠀀𠀁𠀂𠀃", 3, "𠀀𠀁…"},
		{"x", 0, ""},
	} {
		if got := ClipText(c.in, c.limit); got != c.want {
			t.Errorf("ClipText(%q, %d) = %q, want %q", c.in, c.limit, got, c.want)
		}
	}
	for _, c := range []struct {
		in    string
		limit int
		want  string
	}{
		{"评估", 6, "评估"},
		{"评估报告", 11, "评估…"}, // 3 + 3 + 3 for "…"; a third character would not fit
		{"𠀀𠀁", 7, "𠀀…"},
		{"ab", 1, ""},
	} {
		if got := ClipTextBytes(c.in, c.limit); got != c.want || len(got) > c.limit {
			t.Errorf("ClipTextBytes(%q, %d) = %q, want %q", c.in, c.limit, got, c.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, line, text string }{
		{" code ", "code", "code"},
		{"code\u200b", "code", "code"},
		{"\ufeffco\u2060de\u200c\u200d", "code", "code"},
		{"e\u0301", "é", "é"}, // NFC
		{"第一行\r\n第二行\t末", "第一行 第二行 末", "第一行\n第二行\t末"},
		{"a\x00b\x1bc\x7f", "abc", "abc"},
		{"\u3000标题\u3000", "标题", "标题"},
		{"bad\xffutf8", "bad\ufffdutf8", "bad\ufffdutf8"},
	} {
		if got := NormalizeLine(c.in); got != c.line {
			t.Errorf("NormalizeLine(%q) = %q, want %q", c.in, got, c.line)
		}
		if got := NormalizeText(c.in); got != c.text {
			t.Errorf("NormalizeText(%q) = %q, want %q", c.in, got, c.text)
		}
	}
	if got := NormalizeUsername(" Admin\u200b"); got != "admin" {
		t.Errorf("NormalizeUsername = %q", got)
	}
}

// TestCheckNormalisesRequests checks that the gate every request passes
// normalises its texts, keeps multi-line ones multi-line and leaves
// passwords alone.
func TestCheckNormalisesRequests(t *testing.T) {
	c := newChecker()
	req := UserRequest{Username: " eval9\u200b", Password: " pass word\u200b ", DisplayName: "张\u200b三\n", Role: RoleViewer}
	if err := c.check(&req); err != nil {
		t.Fatal(err)
	}
	if req.Username != "eval9" || req.DisplayName != "张三" || req.Password != " pass word\u200b " {
		t.Fatalf("normalised request: %+v", req)
	}
	tr := TemplateRequest{Name: " 指标\u200b ", Dimensions: []Dimension{{Code: "1 ", Name: "一\t级", Indicators: []Indicator{
		{Code: "\u200b1.1", Name: "二级", Guidance: " 第一条\r\n第二条 "}}}}}
	if err := c.check(&tr); err != nil {
		t.Fatal(err)
	}
	d := tr.Dimensions[0]
	if tr.Name != "指标" || d.Code != "1" || d.Name != "一 级" || d.Indicators[0].Code != "1.1" || d.Indicators[0].Guidance != "第一条\n第二条" {
		t.Fatalf("normalised template: %+v", tr)
	}
	sheet := ScoresheetRequest{Comment: "甲\n乙\u200b", Scores: []Answer{{IndicatorCode: " 1.1", Comment: "丙\n丁 "}}}
	if err := c.check(&sheet); err != nil {
		t.Fatal(err)
	}
	if sheet.Comment != "甲\n乙" || sheet.Scores[0].IndicatorCode != "1.1" || sheet.Scores[0].Comment != "丙\n丁" {
		t.Fatalf("normalised scoresheet: %+v", sheet)
	}
	// A value that is only white space and invisible characters is empty.
	blank := PlanRequest{Code: " \u200b ", Title: "标题", LeadDepartmentID: 1, IssuedOn: "2020-01-01"}
	err := c.check(&blank)
	if ve, ok := err.(*ValidationError); !ok || ve.Fields["code"] == "" {
		t.Fatalf("blank code: %v", err)
	}
	// Too long is measured in characters and named with the column's limit.
	long := PlanRequest{Code: "C", Title: strings.Repeat("𠀀", 256), LeadDepartmentID: 1, IssuedOn: "2020-01-01"}
	err = c.check(&long)
	if ve, ok := err.(*ValidationError); !ok || ve.Fields["title"] != "标题长度不能超过255个字符" {
		t.Fatalf("long title: %v", err)
	}
	long.Title = strings.Repeat("𠀀", 255)
	if err := c.check(&long); err != nil {
		t.Fatalf("a title of 255 characters: %v", err)
	}
}

func TestSurveyTextAnswersAreNormalised(t *testing.T) {
	qs := []SurveyQuestion{{Code: "t", Text: "建议", Kind: QuestionText, Required: true}}
	kept, err := ValidateAnswers(qs, map[string]json.RawMessage{"t": json.RawMessage(`" 第一行\r\n第二行\u200b "`)})
	if err != nil || kept["t"] != "第一行\n第二行" {
		t.Fatalf("kept %q, %v", kept, err)
	}
	// Only invisible characters: no answer, so the required question is missing.
	if _, err := ValidateAnswers(qs, map[string]json.RawMessage{"t": json.RawMessage(`"\u200b\ufeff"`)}); err == nil {
		t.Fatal("an invisible answer to a required question was accepted")
	}
}
