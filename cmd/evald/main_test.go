package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// cli runs evald with the settings of a test database.
type cli struct {
	t   *testing.T
	env map[string]string
}

func newCLI(t *testing.T, env *evaltest.Env) *cli {
	return &cli{t: t, env: map[string]string{"EVAL_DATA_DIR": env.DataDir, "EVAL_DB_DSN": env.DSN, "EVAL_DEMO_PASSWORD": "demo-password-1"}}
}

// run runs a command and returns its exit code, stdout and stderr.
func (c *cli) run(args ...string) (int, string, string) {
	c.t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, func(k string) string { return c.env[k] }, &out, &errOut)
	return code, out.String(), errOut.String()
}

func (c *cli) must(args ...string) string {
	c.t.Helper()
	code, out, errOut := c.run(args...)
	if code != 0 {
		c.t.Fatalf("evald %v exited %d\nstdout: %s\nstderr: %s", args, code, out, errOut)
	}
	return out
}

func TestMigrateTwiceIsANoOp(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		env := evaltest.Open(t, evaltest.DialectOf(t))
		c := newCLI(t, env)
		if out := c.must("migrate"); !strings.Contains(out, "applied migrations") {
			t.Fatalf("first migrate: %s", out)
		}
		if out := c.must("migrate"); !strings.Contains(out, "up to date") {
			t.Fatalf("second migrate: %s", out)
		}
	})
}

func TestAuditVerifyExitsNonZeroOnTampering(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		evaltest.Seed(t, env)
		c := newCLI(t, env)
		if out := c.must("audit", "verify"); !strings.Contains(out, "audit chain intact") {
			t.Fatalf("verify: %s", out)
		}
		if err := env.DB.Gorm.Exec("UPDATE audit_events SET actor_name = 'mallory' WHERE id = 7").Error; err != nil {
			t.Fatal(err)
		}
		code, _, errOut := c.run("audit", "verify")
		if code == 0 || !strings.Contains(errOut, "event 7") {
			t.Fatalf("verify after tampering: exit %d, stderr %q; want non-zero naming event 7", code, errOut)
		}
	})
}

func TestDemoLoadsEveryState(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		c := newCLI(t, env)
		out := c.must("demo")
		for _, want := range []string{"demo-password-1", "evaluator", "department", "leader", "admin"} {
			if !strings.Contains(out, want) {
				t.Errorf("demo output lacks %q:\n%s", want, out)
			}
		}
		if out := c.must("demo", "--if-empty"); !strings.Contains(out, "already has data") {
			t.Errorf("second demo --if-empty: %s", out)
		}
		if code, _, _ := c.run("demo"); code == 0 {
			t.Error("demo into a database with data succeeded")
		}
		ctx := context.Background()
		s := env.Store
		latest := checkDemoLedger(t, env)
		results, err := s.Results(ctx, evaluation.System, latest)
		if err != nil || len(results) != 22 {
			t.Fatalf("published results: %d, %v", len(results), err)
		}
		vetoes, outliers := 0, 0
		for _, r := range results {
			if r.SelfTotal == nil || r.SelfGap == nil {
				t.Errorf("plan %s of the published round has no self-assessment gap", r.Code)
			}
			if r.Raters != 5 || r.RatersKept != 3 || r.Rank == nil || r.ResultStatus != evaluation.ResultComplete {
				t.Errorf("plan %s: %d raters, %d kept, status %s", r.Code, r.Raters, r.RatersKept, r.ResultStatus)
			}
			if r.Veto {
				vetoes++
			}
			outliers += len(r.Outliers)
		}
		if vetoes == 0 || outliers == 0 {
			t.Errorf("the demo should show a veto (%d) and an outlier (%d)", vetoes, outliers)
		}
		env.Clock.Set(time.Now()) // the demo is dated relative to the real present
		findings, err := s.Findings(ctx, evaluation.System, evaluation.FindingFilter{RoundID: latest,
			Page: evaluation.Page{PerPage: 500}})
		if err != nil {
			t.Fatal(err)
		}
		states := map[string]int{}
		for _, f := range findings.Items {
			if f.CarriedFromFindingID != nil {
				states["carried"]++
			} else {
				states["raised"]++
			}
			states[string(f.Status)]++
			if f.Overdue {
				states["overdue"]++
			}
		}
		var drafts int64
		env.DB.Gorm.Table("responses").Joins("JOIN findings ON findings.id = responses.finding_id").
			Where("responses.status = 'draft' AND findings.status = 'open'").Count(&drafts)
		states["draft"] = int(drafts)
		if states["raised"] != 44 || states["carried"] == 0 {
			t.Errorf("the latest published round raised %d findings (want two per plan) and carried %d", states["raised"], states["carried"])
		}
		for _, st := range []string{"open", "draft", "responded", "returned", "accepted", "overdue"} {
			if states[st] == 0 {
				t.Errorf("the demo has no finding that is %s: %v", st, states)
			}
		}
		open, err := s.Rounds(ctx, evaluation.System, evaluation.RoundFilter{Status: evaluation.RoundOpen})
		if err != nil || open.Total != 1 {
			t.Fatalf("open rounds: %+v, %v", open, err)
		}
		selfStates := map[evaluation.SelfAssessmentStatus]int{}
		selfList, err := s.SelfAssessments(ctx, evaluation.System, evaluation.SelfAssessmentFilter{RoundID: open.Items[0].ID,
			Page: evaluation.Page{PerPage: 500}})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range selfList.Items {
			selfStates[it.Status]++
		}
		var selfFiles int64
		env.DB.Gorm.Model(&evaluation.Attachment{}).Where("self_assessment_id IS NOT NULL").Count(&selfFiles)
		if selfStates[evaluation.SelfPending] != 1 || selfStates[evaluation.SelfReturned] != 1 || selfStates[evaluation.SelfSubmitted] == 0 ||
			selfStates[evaluation.SelfDraft] == 0 || selfFiles == 0 {
			t.Errorf("the open round's self-assessments: %v, %d files", selfStates, selfFiles)
		}
		plans, err := s.Plans(ctx, evaluation.PlanFilter{Q: "CD-2017-004"})
		if err != nil || len(plans.Items) != 1 {
			t.Fatal(err)
		}
		for round, want := range map[int64]evaluation.SurveyStatus{latest: evaluation.SurveyClosed, open.Items[0].ID: evaluation.SurveyPublished} {
			sv, err := s.PlanSurveys(ctx, round, plans.Items[0].ID)
			if err != nil || len(sv) != 1 || sv[0].Status != want || sv[0].Responses == 0 || sv[0].SatisfactionIndex == nil {
				t.Errorf("survey of round %d: %+v, %v", round, sv, err)
			}
		}
		for round, want := range map[int64]string{latest: "checked", open.Items[0].ID: "checked and unchecked"} {
			var checked, unchecked int64
			env.DB.Gorm.Table("findings").Where("round_id = ? AND carried_from_finding_id IS NOT NULL AND carried_checked_at IS NOT NULL", round).Count(&checked)
			env.DB.Gorm.Table("findings").Where("round_id = ? AND carried_from_finding_id IS NOT NULL AND carried_checked_at IS NULL", round).Count(&unchecked)
			if checked == 0 || (unchecked == 0) != (want == "checked") {
				t.Errorf("carried findings of round %d: %d checked, %d not (want %s)", round, checked, unchecked, want)
			}
		}
		checkDemoRequests(t, s, open.Items[0].ID)
		checkDemoReadiness(t, s, open.Items[0].ID)
		tok, u, err := s.Login(ctx, "evaluator", "demo-password-1", "192.0.2.1")
		if err != nil || tok == "" {
			t.Fatal(err)
		}
		mine, err := s.MyAssignments(ctx, evaluation.ActorOf(u), evaluation.AssignmentFilter{RoundID: open.Items[0].ID,
			Status: evaluation.AssignmentAssigned})
		if err != nil || mine.Total == 0 {
			t.Fatalf("the demo evaluator has %d assignments waiting (%v)", mine.Total, err)
		}
		if out := c.must("audit", "verify"); !strings.Contains(out, "intact") {
			t.Fatalf("audit after demo: %s", out)
		}
	})
}

// checkDemoLedger: three published rounds over two years (in EVAL_TZ), with
// carried findings and two closed plans, so that a plan's history, the
// scorecard of each year and the leaders' dashboard have something to show.
// It returns the latest published round.
func checkDemoLedger(t *testing.T, env *evaltest.Env) int64 {
	t.Helper()
	ctx := context.Background()
	s := env.Store
	published, err := s.Rounds(ctx, evaluation.System, evaluation.RoundFilter{Status: evaluation.RoundPublished})
	if err != nil || published.Total != 3 {
		t.Fatalf("published rounds: %+v, %v", published, err)
	}
	var latest evaluation.Date
	var latestID int64
	years := map[int]bool{}
	for _, r := range published.Items {
		if r.PublishedOn == nil {
			t.Fatalf("round %d is published without a date", r.ID)
		}
		if *r.PublishedOn > latest {
			latest, latestID = *r.PublishedOn, r.ID
		}
		years[r.PublishedOn.Year()] = true
	}
	if len(years) != 2 {
		t.Errorf("the published rounds span the years %v, want two", years)
	}
	var carried int64
	env.DB.Gorm.Table("findings").Where("carried_from_finding_id IS NOT NULL").Count(&carried)
	if carried == 0 {
		t.Error("no finding was carried into a later round")
	}
	isClosed := true
	closed, err := s.Plans(ctx, evaluation.PlanFilter{Closed: &isClosed})
	if err != nil || closed.Total != 2 || closed.Items[0].CloseReason == nil {
		t.Fatalf("closed plans: %+v, %v", closed, err)
	}
	for y := range years {
		sc, err := s.DepartmentScorecard(ctx, evaluation.System, y)
		if err != nil || len(sc.Items) == 0 {
			t.Errorf("scorecard of %d: %+v, %v", y, sc, err)
		}
	}
	_, leader, err := s.Login(ctx, "leader", "demo-password-1", "192.0.2.1")
	if err != nil {
		t.Fatal(err)
	}
	plans, err := s.Plans(ctx, evaluation.PlanFilter{Q: "CD-2017-001"})
	if err != nil || len(plans.Items) != 1 {
		t.Fatal(err)
	}
	h, err := s.PlanHistory(ctx, evaluation.ActorOf(leader), plans.Items[0].ID)
	if err != nil || len(h.Rounds) != 3 {
		t.Fatalf("the leader sees a plan's history of %d rounds, want the 3 published (%v)", len(h.Rounds), err)
	}
	if h.Rounds[0].Total == nil || h.Rounds[2].Total == nil || *h.Rounds[0].Total == *h.Rounds[2].Total {
		t.Errorf("the plan's total does not move across rounds: %+v", h.Rounds)
	}
	return latestID
}

// checkDemoReadiness: the open round keeps a plan with no submitted sheet,
// so that a newcomer sees a plan without a result and the confirmation of
// 截止评分 with its warnings.
func checkDemoReadiness(t *testing.T, s *evaluation.Store, roundID int64) {
	t.Helper()
	ctx := context.Background()
	results, err := s.Results(ctx, evaluation.System, roundID)
	if err != nil {
		t.Fatal(err)
	}
	none := 0
	for _, r := range results {
		if r.Raters == 0 && r.ResultStatus == evaluation.ResultNone {
			none++
		}
	}
	if none == 0 {
		t.Error("every plan of the open round has a submitted sheet: the demo should keep one with none")
	}
	rd, err := s.Readiness(ctx, roundID)
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, w := range rd.Warnings {
		codes[w.Code] = true
	}
	if !codes[evaluation.WarnSheetsMissing] || !codes[evaluation.WarnPlansWithoutResult] || len(rd.Blockers) != 0 {
		t.Errorf("readiness of the open round: warnings %v, blockers %+v", codes, rd.Blockers)
	}
}

func TestDemoScale(t *testing.T) {
	env := evaltest.Open(t, evaluation.SQLite)
	c := newCLI(t, env)
	c.must("demo", "--scale", "30")
	ctx := context.Background()
	published, err := env.Store.Rounds(ctx, evaluation.System, evaluation.RoundFilter{Status: evaluation.RoundPublished})
	if err != nil || published.Total != 3 {
		t.Fatalf("published rounds: %+v, %v", published, err)
	}
	var latest int64
	for _, r := range published.Items {
		latest = max(latest, r.ID)
	}
	results, err := env.Store.Results(ctx, evaluation.System, latest)
	if err != nil || len(results) != 30 {
		t.Fatalf("--scale 30: %d plans in the published round, %v", len(results), err)
	}
	synthetic := 0
	for _, r := range results {
		if strings.HasPrefix(r.Code, "CD-SYN-") {
			synthetic++
		}
		if r.Raters != 5 {
			t.Errorf("plan %s has %d submitted scoresheets, want 5", r.Code, r.Raters)
		}
	}
	if synthetic != 8 {
		t.Fatalf("%d synthetic plans, want 8 after the 22 real ones", synthetic)
	}
}

func TestUserAdd(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	evaltest.Seed(t, env)
	c := newCLI(t, env)
	out := c.must("user", "add", "-username", "newcomer", "-role", "evaluator", "-org", "西华大学", "-display-name", "新来的")
	m := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no password printed: %s", out)
	}
	if _, u, err := env.Store.Login(context.Background(), "newcomer", m[1], "192.0.2.1"); err != nil || u.DisplayName != "新来的" {
		t.Fatalf("login with the printed password: %+v, %v", u, err)
	}
	if code, _, errOut := c.run("user", "add", "-username", "lonely", "-role", "evaluator"); code == 0 || !strings.Contains(errOut, "评估机构") {
		t.Fatalf("an evaluator without an agency: exit %d, %s", code, errOut)
	}
	if code, _, _ := c.run("nonsense"); code != 2 {
		t.Fatalf("unknown command exit %d, want 2", code)
	}
}

// syncBuffer is a buffer safe for a writer and a reader in two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServePrintsFirstAdminAndShutsDownGracefully(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"EVAL_DATA_DIR": dir, "EVAL_ADDR": "127.0.0.1:0"}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() { done <- run(ctx, []string{"serve"}, func(k string) string { return env[k] }, &out, &errOut) }()
	addr := regexp.MustCompile(`serving on (http://\S+)`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := addr.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("serve did not start: %s %s", out.String(), errOut.String())
	}
	pw := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(out.String())
	if pw == nil {
		t.Fatalf("the first admin's password was not printed: %s", out.String())
	}
	resp, err := http.Post(base+"/api/v1/auth/login", "application/json",
		strings.NewReader(fmt.Sprintf(`{"username":"admin","password":%q}`, pw[1])))
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("login with the printed password: %d %s", resp.StatusCode, body)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d after shutdown: %s", code, errOut.String())
		}
	case <-time.After(25 * time.Second):
		t.Fatal("serve did not shut down")
	}
	if !strings.Contains(errOut.String(), "request") || !strings.Contains(errOut.String(), "request_id=") {
		t.Errorf("no structured request log: %s", errOut.String())
	}
}

func TestServeRefusesASchemaBehind(t *testing.T) {
	env := evaltest.Open(t, evaluation.SQLite)
	if _, err := evaluation.MigrateTo(context.Background(), env.DB, 1); err != nil {
		t.Fatal(err)
	}
	c := newCLI(t, env)
	c.env["EVAL_ADDR"] = "127.0.0.1:0"
	code, _, errOut := c.run("serve")
	if code == 0 || !strings.Contains(errOut, "evald migrate") {
		t.Fatalf("serve on a schema behind: exit %d, %s", code, errOut)
	}
}

func TestWeakPasswordsAreRefusedByTheCommands(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	evaltest.Seed(t, env)
	c := newCLI(t, env)
	code, _, errOut := c.run("user", "add", "-username", "weakling", "-role", "viewer", "-password", "Password123")
	if code == 0 || !strings.Contains(errOut, "常见") {
		t.Fatalf("user add with a common password: exit %d, %s", code, errOut)
	}
	// demo refuses a weak password for its users before loading anything.
	empty := newCLI(t, evaltest.New(t, evaluation.SQLite))
	empty.env["EVAL_DEMO_PASSWORD"] = "12345678"
	if code, _, errOut := empty.run("demo"); code == 0 || !strings.Contains(errOut, "demo users' password is refused") {
		t.Fatalf("demo with EVAL_DEMO_PASSWORD=12345678: exit %d, %s", code, errOut)
	}
	// serve refuses a weak first admin's password on a new database, saying why.
	dir := t.TempDir()
	serveEnv := map[string]string{"EVAL_DATA_DIR": dir, "EVAL_ADDR": "127.0.0.1:0", "EVAL_ADMIN_PASSWORD": "admin"}
	var out, serveErr bytes.Buffer
	code = run(context.Background(), []string{"serve"}, func(k string) string { return serveEnv[k] }, &out, &serveErr)
	if code == 0 || !strings.Contains(serveErr.String(), "EVAL_ADMIN_PASSWORD") || !strings.Contains(serveErr.String(), "at least 10 characters") {
		t.Fatalf("serve with EVAL_ADMIN_PASSWORD=admin: exit %d\nstdout: %s\nstderr: %s", code, out.String(), serveErr.String())
	}
}

// TestHelpListsCommandsAndEverySetting: help, -h and --help print the help
// (not serve's flags) on stdout, with every subcommand and every setting.
func TestHelpListsCommandsAndEverySetting(t *testing.T) {
	c := &cli{t: t, env: map[string]string{}}
	for _, arg := range []string{"help", "-h", "--help", "-help"} {
		code, out, errOut := c.run(arg)
		if code != 0 || errOut != "" {
			t.Errorf("evald %s: exit %d, stderr %q", arg, code, errOut)
		}
		if !strings.HasPrefix(out, "Usage: evald <command>") {
			t.Errorf("evald %s does not print the help:\n%s", arg, out)
		}
		for name := range commands() {
			if !strings.Contains(out, "\n  "+name+" ") {
				t.Errorf("evald %s does not name the command %s", arg, name)
			}
		}
		for _, s := range settings() {
			if !regexp.MustCompile(`(?m)^  ` + s.Env + ` +.*` + regexp.QuoteMeta(s.Usage)).MatchString(out) {
				t.Errorf("evald %s does not describe %s", arg, s.Env)
			}
		}
	}
}

// TestCommandsTakeTheirSettingsAsFlags: each command's flags (-h) name the
// environment variable of every setting it reads.
func TestCommandsTakeTheirSettingsAsFlags(t *testing.T) {
	c := &cli{t: t, env: map[string]string{}}
	for _, args := range [][]string{{"serve"}, {"migrate"}, {"demo"}, {"user", "add"}, {"reports"}, {"audit", "verify"}} {
		cmd := strings.Join(args, " ")
		code, _, flags := c.run(append(args, "-h")...)
		if code != 2 {
			t.Errorf("evald %s -h: exit %d, want 2 (usage)", cmd, code)
		}
		for _, s := range settings() {
			if s.Flag == "" || s.Command != "" && s.Command != cmd {
				continue
			}
			if !regexp.MustCompile(`(?m)^  -`+s.Flag+`\b`).MatchString(flags) || !strings.Contains(flags, "("+s.Env+")") {
				t.Errorf("evald %s -h does not offer -%s (%s):\n%s", cmd, s.Flag, s.Env, flags)
			}
		}
	}
}

// TestSettingsReadTheEnvironment: every shared setting reaches config from
// its variable, and a flag wins over the variable.
func TestSettingsReadTheEnvironment(t *testing.T) {
	getenv := func(k string) string { return "from " + k }
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	c := bindConfig(fs, getenv)
	if err := fs.Parse([]string{"-tz", "UTC"}); err != nil {
		t.Fatal(err)
	}
	for _, s := range settings() {
		if s.field == nil {
			continue
		}
		want := "from " + s.Env
		if s.Flag == "tz" {
			want = "UTC"
		}
		if got := *s.field(c); got != want {
			t.Errorf("%s: config has %q, want %q", s.Env, got, want)
		}
	}
}

// TestREADMEListsEverySetting: the settings table of README.md names every
// setting of the table in settings.go, and no other.
func TestREADMEListsEverySetting(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(readme), "| setting | env | default |\n|---|---|---|\n")
	if !ok {
		t.Fatal("README.md has no settings table")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	listed := map[string]bool{}
	for _, row := range strings.Split(table, "\n") {
		cells := regexp.MustCompile(`(?:[^|\\]|\\.)+`).FindAllString(row, -1)
		if len(cells) != 3 {
			t.Fatalf("README settings row without three cells: %q", row)
		}
		for _, env := range regexp.MustCompile(`EVAL_[A-Z_]+`).FindAllString(cells[1], -1) {
			listed[env] = true
		}
	}
	for _, s := range settings() {
		if !listed[s.Env] {
			t.Errorf("README.md's settings table misses %s", s.Env)
		}
		delete(listed, s.Env)
	}
	for env := range listed {
		t.Errorf("README.md's settings table lists %s, which evald does not read", env)
	}
}
