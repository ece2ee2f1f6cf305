package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
	"github.com/evald/evald/evaluation/mail/smtptest"
)

// replica is one `evald serve` process of the two-replica test.
type replica struct {
	name string
	url  string
	cmd  *exec.Cmd
}

// buildEvald builds the binary once for the test.
func buildEvald(t testing.TB) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		evaltest.SkipOrFail(t, "the go command is not on PATH: the two-replica test cannot build evald")
	}
	bin := filepath.Join(t.TempDir(), "evald")
	out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startReplica runs `evald serve` on a free port with a data folder of its
// own (nothing but the shared audit key in it: the replicas share only the
// database, which also holds the blobs) and waits until it serves.
func startReplica(t testing.TB, bin, name string, env map[string]string, keyFile string) *replica {
	t.Helper()
	dir := t.TempDir()
	key, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, evaluation.AuditKeyFile), key, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "EVAL_DATA_DIR=" + dir, "EVAL_ADDR=127.0.0.1:0", "EVAL_LOG_LEVEL=warn"}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &replica{name: name, cmd: cmd}
	t.Cleanup(func() {
		_ = r.cmd.Process.Kill()
		_ = r.cmd.Wait()
		if t.Failed() {
			t.Logf("replica %s stderr:\n%s", name, stderr.String())
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "evald is serving on "); ok {
				found <- u
			}
		}
		close(found)
	}()
	select {
	case u, ok := <-found:
		if !ok {
			t.Fatalf("replica %s stopped before serving:\n%s", name, stderr.String())
		}
		r.url = u
	case <-time.After(60 * time.Second):
		t.Fatalf("replica %s does not serve after 60 s:\n%s", name, stderr.String())
	}
	return r
}

// client calls the API of a replica (or of the proxy before both).
type client struct {
	t     *testing.T
	base  string
	token string
}

func (c client) do(method, path string, body io.Reader, contentType string) (*http.Response, []byte) {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s%s: %v", method, c.base, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	return resp, data
}

// json calls with a JSON body (or none) and decodes the answer into out,
// failing unless the status is want.
func (c client) json(method, path string, in any, want int, out any) {
	c.t.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			c.t.Fatal(err)
		}
		body = bytes.NewReader(b)
	}
	resp, data := c.do(method, path, body, "application/json")
	if resp.StatusCode != want {
		c.t.Fatalf("%s %s%s: %d %s, want %d", method, c.base, path, resp.StatusCode, data, want)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			c.t.Fatalf("%s %s: %v in %s", method, path, err, data)
		}
	}
}

func (c client) login(username, password string) client {
	c.t.Helper()
	var res struct{ Token string }
	c.json(http.MethodPost, "/api/v1/auth/login", map[string]string{"username": username, "password": password}, http.StatusOK, &res)
	c.token = res.Token
	return c
}

func (c client) as(base string) client { c.base = base; return c }

// TestTwoReplicas runs two `evald serve` processes on one MariaDB database
// with the blobs in it, behind a round-robin reverse proxy, and crosses them
// on every step: a session made on A works on B, evidence uploaded on A is
// downloaded from B, login failures count across both, a report job started
// on A survives A being killed (B claims it when A's lease runs out and
// finishes it), and a workflow through the proxy alternates replicas on
// every request.
func TestTwoReplicas(t *testing.T) {
	if os.Getenv("EVAL_TEST_MYSQL_DSN") == "" {
		evaltest.SkipOrFail(t, "EVAL_TEST_MYSQL_DSN is not set: replicas share a MySQL/MariaDB database; the two-replica test is not run")
	}
	env := evaltest.New(t, evaluation.MySQL)
	cli := newCLI(t, env)
	cli.env["EVAL_BLOB_URL"] = "db:"
	cli.must("demo")
	// Every user gets an address, so the demo's recent notifications wait
	// in the e-mail outbox that both replicas send at start.
	if err := env.DB.Gorm.Exec("UPDATE users SET email = CONCAT(username, '@example.gov.cn')").Error; err != nil {
		t.Fatal(err)
	}
	var notificationsBefore int64
	if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM notifications").Scan(&notificationsBefore).Error; err != nil {
		t.Fatal(err)
	}
	mailSrv := smtptest.Start(t, smtptest.Options{})
	bin := buildEvald(t)
	settings := map[string]string{"EVAL_DB_DSN": env.DSN, "EVAL_BLOB_URL": "db:", "EVAL_JOB_LEASE": "3s",
		"EVAL_SMTP_URL": "smtp://" + mailSrv.Addr + "?from=evald@example.gov.cn&tls=none"}
	keyFile := filepath.Join(env.DataDir, evaluation.AuditKeyFile)
	a := startReplica(t, bin, "A", settings, keyFile)
	b := startReplica(t, bin, "B", settings, keyFile)

	// A reverse proxy that sends each request to the next replica.
	targets := []*url.URL{mustURL(t, a.url), mustURL(t, b.url)}
	var next atomic.Int64
	var served [2]atomic.Int64
	proxy := httptest.NewServer(&httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) {
		i := next.Add(1) % 2
		served[i].Add(1)
		pr.SetURL(targets[i])
	}})
	t.Cleanup(proxy.Close)

	pw := cli.env["EVAL_DEMO_PASSWORD"]
	base := client{t: t}

	// A session made on A works on B.
	admin := base.as(a.url).login("admin", pw)
	var me struct{ Username string }
	admin.as(b.url).json(http.MethodGet, "/api/v1/me", nil, http.StatusOK, &me)
	if me.Username != "admin" {
		t.Fatalf("B says the session is %q's", me.Username)
	}

	// Login failures count across replicas: five on A and B in turn, then
	// a sixth try is throttled whichever replica takes it.
	for i := range 5 {
		r := []string{a.url, b.url}[i%2]
		resp, _ := base.as(r).do(http.MethodPost, "/api/v1/auth/login", strings.NewReader(`{"username":"leader","password":"wrong-password-1"}`), "application/json")
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failed login %d on %s: %d, want 401", i+1, r, resp.StatusCode)
		}
	}
	for _, r := range []string{a.url, b.url} {
		resp, _ := base.as(r).do(http.MethodPost, "/api/v1/auth/login", strings.NewReader(`{"username":"leader","password":"`+pw+`"}`), "application/json")
		if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
			t.Errorf("sixth login on %s: %d (Retry-After %q), want 429 after five failures on both", r, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
	}

	// Evidence uploaded on A is downloaded from B, and through the proxy.
	ctx := context.Background()
	var target struct {
		ID       int64
		Username string
	}
	err := env.DB.Gorm.WithContext(ctx).Raw(`SELECT f.id, u.username FROM findings f
		JOIN rounds r ON r.id = f.round_id JOIN plans p ON p.id = f.plan_id
		JOIN users u ON u.org_id = p.lead_department_id AND u.role = 'department'
		WHERE r.status = 'published' AND f.status IN ('open', 'returned') ORDER BY f.id LIMIT 1`).Scan(&target).Error
	if err != nil || target.ID == 0 {
		t.Fatalf("an open finding of the published round with its department: %+v, %v", target, err)
	}
	dept := base.as(b.url).login(target.Username, pw)
	file := fmt.Appendf(nil, "%%PDF-1.4\n%% replicas %d\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n", time.Now().UnixNano())
	var att struct{ ID int64 }
	body, ct := multipartFile(t, "整改佐证.pdf", file)
	resp, data := dept.as(a.url).do(http.MethodPost, fmt.Sprintf("/api/v1/findings/%d/response/attachments", target.ID), body, ct)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("upload on A: %d %s", resp.StatusCode, data)
	}
	if err := json.Unmarshal(data, &att); err != nil {
		t.Fatal(err)
	}
	for _, r := range []string{b.url, proxy.URL, proxy.URL} {
		resp, got := dept.as(r).do(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", att.ID), nil, "")
		if resp.StatusCode != http.StatusOK || !bytes.Equal(got, file) {
			t.Errorf("download from %s: %d, %d bytes; want the %d bytes uploaded on A", r, resp.StatusCode, len(got), len(file))
		}
	}

	// A report job started on A: A dies at once, B finishes the job.
	var round struct{ ID int64 }
	if err := env.DB.Gorm.Raw("SELECT id FROM rounds WHERE status = 'published' ORDER BY id LIMIT 1").Scan(&round).Error; err != nil {
		t.Fatal(err)
	}
	var job struct {
		ID     int64
		Status string
		Done   int
		Total  int
	}
	admin.as(a.url).json(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/reports", round.ID), nil, http.StatusAccepted, &job)
	if err := a.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = a.cmd.Wait()
	var owner struct {
		LeaseOwner string
		Attempts   int
		Status     string
	}
	if err := env.DB.Gorm.Raw("SELECT lease_owner, attempts, status FROM report_jobs WHERE id = ?", job.ID).Scan(&owner).Error; err != nil {
		t.Fatal(err)
	}
	if owner.Status != string(evaluation.JobRunning) || owner.Attempts != 1 {
		t.Fatalf("job after A was killed: %+v, want running on A's first attempt", owner)
	}
	aOwner := owner.LeaseOwner
	deadline := time.Now().Add(90 * time.Second)
	for job.Status != string(evaluation.JobDone) {
		if job.Status == string(evaluation.JobFailed) || time.Now().After(deadline) {
			t.Fatalf("job on B: %+v", job)
		}
		time.Sleep(200 * time.Millisecond)
		admin.as(b.url).json(http.MethodGet, fmt.Sprintf("/api/v1/jobs/%d", job.ID), nil, http.StatusOK, &job)
	}
	if err := env.DB.Gorm.Raw("SELECT lease_owner, attempts, status FROM report_jobs WHERE id = ?", job.ID).Scan(&owner).Error; err != nil {
		t.Fatal(err)
	}
	if owner.Attempts != 2 || owner.LeaseOwner == aOwner {
		t.Errorf("job row %+v: want finished by B on the second attempt (A was %s)", owner, aOwner)
	}
	resp, zipData := admin.as(b.url).do(http.MethodGet, fmt.Sprintf("/api/v1/jobs/%d/download", job.ID), nil, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("download the ZIP from B: %d", resp.StatusCode)
	}
	zr, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData)))
	if err != nil {
		t.Fatalf("the ZIP from B: %v", err)
	}
	pdfs := 0
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".pdf") || strings.HasSuffix(f.Name, ".xlsx") {
			pdfs++
		}
	}
	if pdfs != job.Total {
		t.Errorf("the ZIP holds %d documents, the job says %d", pdfs, job.Total)
	}

	// Both replicas swept deadlines and sent the outbox at start, at the
	// same time: every message went out once, and no reminder was made twice.
	var emailed, notificationsAfter int64
	if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM notifications WHERE emailed_at IS NOT NULL").Scan(&emailed).Error; err != nil {
		t.Fatal(err)
	}
	if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM notifications").Scan(&notificationsAfter).Error; err != nil {
		t.Fatal(err)
	}
	msgs := mailSrv.Messages()
	if emailed == 0 || int64(len(msgs)) != emailed {
		t.Errorf("e-mails: %d received, %d notifications marked sent; want the same, and some", len(msgs), emailed)
	}
	seen := map[string]bool{}
	for _, m := range msgs {
		id := messageID(m.Data)
		if seen[id] {
			t.Errorf("message %s sent twice", id)
		}
		seen[id] = true
	}
	var dupReminders int64
	if err := env.DB.Gorm.Raw("SELECT COUNT(*) FROM (SELECT dedupe_key FROM notifications WHERE dedupe_key IS NOT NULL AND dedupe_key <> '' GROUP BY dedupe_key HAVING COUNT(*) > 1) d").Scan(&dupReminders).Error; err != nil {
		t.Fatal(err)
	}
	if dupReminders != 0 {
		t.Errorf("%d reminders made twice by the two sweeps", dupReminders)
	}
	t.Logf("notifications %d before, %d after the sweeps; %d e-mails", notificationsBefore, notificationsAfter, len(msgs))

	// Through the proxy (B alone is left): the workflow still answers.
	targets[0] = targets[1]
	for range 4 {
		var rounds struct{ Total int }
		admin.as(proxy.URL).json(http.MethodGet, "/api/v1/rounds", nil, http.StatusOK, &rounds)
		if rounds.Total == 0 {
			t.Fatal("no rounds through the proxy")
		}
	}
	if served[0].Load() == 0 || served[1].Load() == 0 {
		t.Errorf("the proxy sent %d and %d requests: want both replicas used", served[0].Load(), served[1].Load())
	}
}

// messageID is the Message-ID header of a received message, or its whole
// head when it has none.
func messageID(data []byte) string {
	head, _, _ := bytes.Cut(data, []byte("\r\n\r\n"))
	for _, line := range strings.Split(string(head), "\r\n") {
		if v, ok := strings.CutPrefix(line, "Message-Id: "); ok {
			return v
		}
		if v, ok := strings.CutPrefix(line, "Message-ID: "); ok {
			return v
		}
	}
	return string(head)
}

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// multipartFile is a multipart body with one file in field "file".
func multipartFile(t *testing.T, name string, data []byte) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, mw.FormDataContentType()
}

// TestTwoReplicasShareAnS3Bucket runs two replicas whose blob store is an S3
// bucket (an in-process S3 server, gofakes3, since none runs here): evidence
// uploaded on A is downloaded from B, and a round's ZIP rendered on B is
// downloaded from A.
func TestTwoReplicasShareAnS3Bucket(t *testing.T) {
	if os.Getenv("EVAL_TEST_MYSQL_DSN") == "" {
		evaltest.SkipOrFail(t, "EVAL_TEST_MYSQL_DSN is not set: replicas share a MySQL/MariaDB database; the S3 replica test is not run")
	}
	env := evaltest.New(t, evaluation.MySQL)
	w := evaltest.Seed(t, env)
	p := w.PublishRound()
	backend := s3mem.New()
	if err := backend.CreateBucket("evald"); err != nil {
		t.Fatal(err)
	}
	s3 := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(s3.Close)
	bin := buildEvald(t)
	settings := map[string]string{"EVAL_DB_DSN": env.DSN,
		"EVAL_BLOB_URL":     "s3://evald/evidence?endpoint=" + s3.Listener.Addr().String() + "&secure=false",
		"AWS_ACCESS_KEY_ID": "evald-test", "AWS_SECRET_ACCESS_KEY": "evald-test-secret"}
	keyFile := filepath.Join(env.DataDir, evaluation.AuditKeyFile)
	a := startReplica(t, bin, "A", settings, keyFile)
	b := startReplica(t, bin, "B", settings, keyFile)
	base := client{t: t}

	dept := base.as(a.url).login(w.DeptFinance.Username, evaltest.Password)
	file := fmt.Appendf(nil, "%%PDF-1.4\n%% s3 %d\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n", time.Now().UnixNano())
	body, ct := multipartFile(t, "整改佐证.pdf", file)
	resp, data := dept.do(http.MethodPost, fmt.Sprintf("/api/v1/findings/%d/response/attachments", p.P1Critical.ID), body, ct)
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("upload on A: %d %s", resp.StatusCode, data)
	}
	var att struct {
		ID     int64
		SHA256 string
	}
	if err := json.Unmarshal(data, &att); err != nil {
		t.Fatal(err)
	}
	if _, err := backend.HeadObject("evald", "evidence/"+att.SHA256); err != nil {
		t.Errorf("the file is not in the bucket under evidence/%s: %v", att.SHA256, err)
	}
	resp, got := dept.as(b.url).do(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", att.ID), nil, "")
	if resp.StatusCode != http.StatusOK || !bytes.Equal(got, file) {
		t.Errorf("download from B: %d, %d bytes; want the %d bytes uploaded on A", resp.StatusCode, len(got), len(file))
	}

	admin := base.as(b.url).login(w.Admin.Username, evaltest.Password)
	var job struct {
		ID     int64
		Status string
	}
	admin.json(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/reports", p.Round.ID), nil, http.StatusAccepted, &job)
	deadline := time.Now().Add(60 * time.Second)
	for job.Status != string(evaluation.JobDone) {
		if job.Status == string(evaluation.JobFailed) || time.Now().After(deadline) {
			t.Fatalf("job: %+v", job)
		}
		time.Sleep(100 * time.Millisecond)
		admin.as(a.url).json(http.MethodGet, fmt.Sprintf("/api/v1/jobs/%d", job.ID), nil, http.StatusOK, &job)
	}
	resp, zipData := admin.as(a.url).do(http.MethodGet, fmt.Sprintf("/api/v1/jobs/%d/download", job.ID), nil, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("download the ZIP from A: %d", resp.StatusCode)
	}
	if _, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData))); err != nil {
		t.Fatalf("the ZIP rendered on B, from A: %v", err)
	}
}
