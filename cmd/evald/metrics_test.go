package main

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServeMetrics: with EVAL_METRICS_TOKEN the main listener's /metrics
// asks for it; EVAL_METRICS_ADDR serves the same metrics without it.
func TestServeMetrics(t *testing.T) {
	env := map[string]string{"EVAL_DATA_DIR": t.TempDir(), "EVAL_ADDR": "127.0.0.1:0", "EVAL_METRICS_ADDR": "127.0.0.1:0",
		"EVAL_METRICS_TOKEN": "scrape-me-please"}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() { done <- run(ctx, []string{"serve"}, func(k string) string { return env[k] }, &out, &errOut) }()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d: %s", code, errOut.String())
			}
		case <-time.After(25 * time.Second):
			t.Error("serve did not shut down")
		}
	}()
	serving := regexp.MustCompile(`serving on (http://\S+)`)
	metrics := regexp.MustCompile(`serves its metrics on (http://\S+)`)
	var base, scrape string
	for deadline := time.Now().Add(10 * time.Second); (base == "" || scrape == "") && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := serving.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
		if m := metrics.FindStringSubmatch(out.String()); m != nil {
			scrape = m[1]
		}
	}
	if base == "" || scrape == "" {
		t.Fatalf("serve did not start both listeners: %s %s", out.String(), errOut.String())
	}
	get := func(url, token string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, string(body)
	}
	if code, _ := get(base+"/metrics", ""); code != http.StatusUnauthorized {
		t.Errorf("main listener without the token: %d", code)
	}
	if code, body := get(base+"/metrics", "scrape-me-please"); code != http.StatusOK || !strings.Contains(body, "evald_http_requests_total") {
		t.Errorf("main listener with the token: %d %.300s", code, body)
	}
	if code, body := get(scrape, ""); code != http.StatusOK || !strings.Contains(body, `route="/metrics",status="401"`) {
		t.Errorf("metrics listener: %d %.300s", code, body)
	}
	if code, _ := get(strings.TrimSuffix(scrape, "/metrics")+"/api/v1/me", ""); code != http.StatusNotFound {
		t.Errorf("the metrics listener serves more than /metrics: %d", code)
	}
}
