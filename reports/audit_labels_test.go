package reports

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// auditCalls finds the actions and object types package evaluation writes
// to the audit log (t.audit("action", "entity", …)); an action built from a
// status (round.<status>, survey.<status>) counts every value of its enum.
func auditCalls(t *testing.T) (actions, entities map[string]bool) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "evaluation", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`\.audit\("([a-z_.]+)", "([a-z_]+)"`)
	built := regexp.MustCompile(`\.audit\("([a-z_]+)\."\+string\(\w+\), "([a-z_]+)"`)
	named := regexp.MustCompile(`action = "([a-z_.]+)"|action := "([a-z_.]+)"`)
	variable := regexp.MustCompile(`\.audit\(action, "([a-z_]+)"`)
	enums := domainEnums(t)
	actions, entities = map[string]bool{}, map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		for _, m := range literal.FindAllStringSubmatch(src, -1) {
			actions[m[1]], entities[m[2]] = true, true
		}
		for _, m := range built.FindAllStringSubmatch(src, -1) {
			enum := map[string]string{"round": "RoundStatus", "survey": "SurveyStatus"}[m[1]]
			if enum == "" {
				t.Errorf("%s: audit action built on %s.<status>: which enum?", f, m[1])
			}
			for _, v := range enums[enum] {
				if v != "draft" {
					actions[m[1]+"."+v] = true
				}
			}
			entities[m[2]] = true
		}
		if variable.MatchString(src) {
			for _, m := range named.FindAllStringSubmatch(src, -1) {
				actions[m[1]+m[2]] = true
			}
			for _, m := range variable.FindAllStringSubmatch(src, -1) {
				entities[m[1]] = true
			}
		}
	}
	if !actions["plan.create"] || !actions["round.published"] {
		t.Fatalf("found %d audit actions in ../evaluation, not plan.create and round.published: has the audit call moved?", len(actions))
	}
	return actions, entities
}

// Every action and object type the domain writes to the audit log has a
// label, and the web UI's tables (frontend/src/utils/audit.ts) say the same.
func TestEveryAuditActionHasALabel(t *testing.T) {
	actions, entities := auditCalls(t)
	for _, a := range slices.Sorted(maps.Keys(actions)) {
		if auditActions[a] == "" {
			t.Errorf("audit action %q has no label in auditActions", a)
		}
	}
	for _, e := range slices.Sorted(maps.Keys(entities)) {
		if auditEntities[e] == "" {
			t.Errorf("audit object type %q has no label in auditEntities", e)
		}
	}
	ts, err := os.ReadFile(filepath.Join("..", "frontend", "src", "utils", "audit.ts"))
	if err != nil {
		t.Fatal(err)
	}
	for name, table := range map[string]map[string]string{"auditActions": auditActions, "auditEntities": auditEntities, "auditFields": auditFields} {
		start := strings.Index(string(ts), "export const "+name+": Record<string, string> = {")
		if start < 0 {
			t.Fatalf("audit.ts has no %s", name)
		}
		body := string(ts)[start:]
		body = body[:strings.Index(body, "\n}\n")]
		got := map[string]string{}
		for _, m := range regexp.MustCompile(`(?m)^\s+'?([a-z_.]+)'?: '([^']*)',$`).FindAllStringSubmatch(body, -1) {
			got[m[1]] = m[2]
		}
		if !maps.Equal(got, table) {
			t.Errorf("audit.ts %s differs from reports/labels.go:\n ts: %v\n go: %v", name, got, table)
		}
	}
}

func TestAuditChanges(t *testing.T) {
	before := `{"id":3,"name":"2026年第一轮","status":"draft","scoring_due":"2026-04-30","updated_at":"2026-01-01T00:00:00Z"}`
	after := `{"id":3,"name":"2026年第一轮","status":"open","scoring_due":"2026-05-31","updated_at":"2026-02-01T00:00:00Z"}`
	if got, want := auditDiffText("round", before, after), "状态：草稿 → 评估中\n评分截止：2026-04-30 → 2026-05-31"; got != want {
		t.Errorf("round update:\n%s\nwant\n%s", got, want)
	}
	created := auditChanges("template", "", `{"name":"指标","dimensions":[{"code":"1","name":"制度建设"}],"veto":false,"max":10}`)
	want := []auditChange{{"名称", "—", "指标"}, {"dimensions[0].编号", "—", "1"}, {"dimensions[0].名称", "—", "制度建设"}, {"veto", "—", "否"}, {"max", "—", "10"}}
	if !slices.Equal(created, want) {
		t.Errorf("creation: %v, want %v", created, want)
	}
	if got := auditDiffText("finding", `{"severity":"major"}`, ""); got != "严重程度：较重 → —" {
		t.Errorf("deletion: %q", got)
	}
	if got := auditDiffText("login", "", "not json"); got != "内容：— → not json" {
		t.Errorf("not JSON: %q", got)
	}
}
