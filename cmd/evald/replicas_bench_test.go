package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// BenchmarkReplicas runs the two busiest writes of the platform — public
// survey answers (phones, no login) and scoresheet autosaves (evaluators
// typing) — from 16 clients at once through a round-robin reverse proxy,
// against one `evald serve` and against two on the same MariaDB database,
// and reports each kind's rate and p99 latency. After the run it checks
// the database: every answer the clients were told was stored is stored
// once, and every sheet's version counts exactly the autosaves accepted
// (none lost, none applied twice). Two cores cap the gain; what matters is
// that two replicas lose nothing and stay correct under the same load.
//
//	EVAL_TEST_MYSQL_DSN='root@tcp(127.0.0.1:3306)/test' \
//	  go test ./cmd/evald/ -run '^$' -bench BenchmarkReplicas -benchtime 3000x
func BenchmarkReplicas(b *testing.B) {
	if os.Getenv("EVAL_TEST_MYSQL_DSN") == "" {
		b.Skip("EVAL_TEST_MYSQL_DSN is not set: replicas share a MySQL/MariaDB database")
	}
	bin := buildEvald(b)
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("replicas=%d", n), func(b *testing.B) { benchReplicas(b, bin, n) })
	}
}

// sheetWorker autosaves one assignment's scoresheet, keeping its version.
type sheetWorker struct {
	id      int64
	token   string
	version int
	saves   int
}

func benchReplicas(b *testing.B, bin string, replicas int) {
	env := evaltest.New(b, evaluation.MySQL)
	w := evaltest.Seed(b, env)
	sv := w.PublishedSurvey(evaltest.SurveyRequest())
	var sheets []*sheetWorker
	for _, ev := range []*evaluation.User{w.Eval1, w.Eval2, w.Eval3} {
		for _, p := range []*evaluation.Plan{w.P1, w.P2, w.P3} {
			a, err := env.Store.CreateAssignment(context.Background(), w.AdminActor(), w.Round.ID,
				evaluation.AssignmentRequest{PlanID: p.ID, EvaluatorID: ev.ID})
			if err == nil {
				sheets = append(sheets, &sheetWorker{id: a.ID, token: ev.Username})
			}
		}
	}
	w.Move(w.Round, evaluation.RoundOpen)
	// The fixture lives in March 2026; the replicas in the real present.
	if err := env.DB.Gorm.Exec("UPDATE rounds SET scoring_due = ? WHERE id = ?", time.Now().AddDate(1, 0, 0).Format(time.DateOnly), w.Round.ID).Error; err != nil {
		b.Fatal(err)
	}
	var before int64
	if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?", sv.ID).Scan(&before).Error; err != nil {
		b.Fatal(err)
	}

	settings := map[string]string{"EVAL_DB_DSN": env.DSN, "EVAL_BLOB_URL": "db:", "EVAL_SURVEY_RATE": "100000000",
		"EVAL_TRUSTED_PROXIES": "127.0.0.1"}
	keyFile := filepath.Join(env.DataDir, evaluation.AuditKeyFile)
	var targets []*url.URL
	for i := range replicas {
		r := startReplica(b, bin, string(rune('A'+i)), settings, keyFile)
		targets = append(targets, mustURL(b, r.url))
	}
	var next atomic.Int64
	transport := &http.Transport{MaxIdleConnsPerHost: 64}
	proxy := httptest.NewServer(&httputil.ReverseProxy{Transport: transport, Rewrite: func(pr *httputil.ProxyRequest) {
		pr.SetURL(targets[next.Add(1)%int64(len(targets))])
		pr.SetXForwarded()
	}})
	b.Cleanup(proxy.Close)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	tokens := map[string]string{}
	for _, s := range sheets {
		if tokens[s.token] == "" {
			tokens[s.token] = loginThrough(b, client, proxy.URL, s.token)
		}
		s.token = tokens[s.token]
	}
	answers := make([][]byte, 256)
	rng := rand.New(rand.NewPCG(7, 8))
	for i := range answers {
		answers[i] = mustJSON(b, map[string]any{"answers": evaltest.SurveyAnswers(rng)})
	}
	full := evaltest.RandomAnswers(mustTemplate(b, env, w), rng)

	const surveyClients = 8
	var ops atomic.Int64
	var mu sync.Mutex
	var answerLat, saveLat []time.Duration
	var stored atomic.Int64
	var failures atomic.Int64
	var failMu sync.Mutex
	var firstFailure string
	fail := func(what string, code int, data []byte) {
		failures.Add(1)
		failMu.Lock()
		if firstFailure == "" {
			firstFailure = fmt.Sprintf("%s: %d %s", what, code, data)
		}
		failMu.Unlock()
	}
	post := func(method, path, token string, body []byte, ip string) (int, []byte, time.Duration) {
		req, err := http.NewRequest(method, proxy.URL+path, bytes.NewReader(body))
		if err != nil {
			return 0, []byte(err.Error()), 0
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", ip)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, []byte(err.Error()), 0
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return 0, []byte(err.Error()), 0
		}
		return resp.StatusCode, data, time.Since(start)
	}
	var wg sync.WaitGroup
	b.ResetTimer()
	start := time.Now()
	for c := range surveyClients {
		wg.Go(func() {
			var lat []time.Duration
			for i := int(ops.Add(1)); i <= b.N; i = int(ops.Add(1)) {
				code, data, d := post(http.MethodPost, "/api/v1/public/surveys/"+*sv.Token+"/responses", "", answers[i%len(answers)],
					fmt.Sprintf("198.51.%d.%d", c, i%250))
				if code == http.StatusCreated {
					stored.Add(1)
					lat = append(lat, d)
				} else {
					fail("survey answer", code, data)
				}
			}
			mu.Lock()
			answerLat = append(answerLat, lat...)
			mu.Unlock()
		})
	}
	for _, s := range sheets {
		wg.Go(func() {
			var lat []time.Duration
			for i := int(ops.Add(1)); i <= b.N; i = int(ops.Add(1)) {
				body := mustJSON(b, evaluation.ScoresheetRequest{Version: s.version, Scores: full[:1+i%len(full)]})
				code, data, d := post(http.MethodPut, fmt.Sprintf("/api/v1/assignments/%d/scoresheet", s.id), s.token, body, "127.0.0.1")
				var sheet struct{ Version int }
				if code == http.StatusOK && json.Unmarshal(data, &sheet) == nil {
					s.version, s.saves = sheet.Version, s.saves+1
					lat = append(lat, d)
				} else {
					fail("autosave", code, data)
				}
			}
			mu.Lock()
			saveLat = append(saveLat, lat...)
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()

	b.ReportMetric(float64(len(answerLat))/elapsed.Seconds(), "answers/s")
	b.ReportMetric(float64(len(saveLat))/elapsed.Seconds(), "autosaves/s")
	b.ReportMetric(p99(answerLat).Seconds()*1000, "answer-p99-ms")
	b.ReportMetric(p99(saveLat).Seconds()*1000, "autosave-p99-ms")
	if n := failures.Load(); n > 0 {
		b.Errorf("%d requests failed, the first %s", n, firstFailure)
	}
	// The database holds exactly what the clients were told.
	var after int64
	if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?", sv.ID).Scan(&after).Error; err != nil {
		b.Fatal(err)
	}
	if after-before != stored.Load() {
		b.Errorf("survey answers: %d stored, %d acknowledged", after-before, stored.Load())
	}
	for _, s := range sheets {
		var version int
		if err := env.DB.Gorm.Raw("SELECT version FROM scoresheets WHERE assignment_id = ?", s.id).Scan(&version).Error; err != nil {
			b.Fatal(err)
		}
		if version != s.version || (s.saves > 0 && version < s.saves) {
			b.Errorf("assignment %d: version %d in the database, %d after %d acknowledged autosaves", s.id, version, s.version, s.saves)
		}
	}
}

// loginThrough logs in through base and returns the token.
func loginThrough(tb testing.TB, c *http.Client, base, username string) string {
	tb.Helper()
	body := mustJSON(tb, map[string]string{"username": username, "password": evaltest.Password})
	resp, err := c.Post(base+"/api/v1/auth/login", "application/json", bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct{ Token string }
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || res.Token == "" {
		tb.Fatalf("login %s: %d %v", username, resp.StatusCode, err)
	}
	return res.Token
}

// mustTemplate is the template of the world's round.
func mustTemplate(tb testing.TB, env *evaltest.Env, w *evaltest.World) *evaluation.Template {
	tb.Helper()
	t, err := env.Store.Template(context.Background(), w.Round.TemplateID)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// mustJSON marshals v, which cannot fail for the values of the benchmark.
func mustJSON(tb testing.TB, v any) []byte {
	data, err := json.Marshal(v)
	if err != nil {
		tb.Error(err)
	}
	return data
}

// p99 is the 99th percentile of ds.
func p99(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*99/100)]
}
