package api_test

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

const loginPath = "/api/v1/auth/login"

// login posts a login from the client at addr (host:port) with headers and
// returns the status, checking that every 429 says when to retry.
func (s *server) login(t *testing.T, username, password, addr string, header map[string]string) int {
	r := s.from(http.MethodPost, loginPath, addr, map[string]string{"username": username, "password": password}, header)
	if r.Code == http.StatusTooManyRequests {
		secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
		if err != nil || secs < 1 || secs > int(evaluation.LoginWindow.Seconds())+1 {
			t.Errorf("429 with Retry-After %q, want the seconds until the window ends", r.Header.Get("Retry-After"))
		}
		if e := r.errorBody(); e.Code != "too_many_attempts" || !strings.Contains(e.Message, "登录失败次数过多") {
			t.Errorf("429 body: %+v", e)
		}
	}
	return r.Code
}

func TestParallelWrongLoginsOverHTTP(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		const n = 50
		codes := make([]int, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				codes[i] = s.login(t, "admin", fmt.Sprintf("wrong-password-%d", i), "192.0.2.10:5000", nil)
			}()
		}
		close(start)
		wg.Wait()
		count := map[int]int{}
		for _, c := range codes {
			count[c]++
		}
		if count[401] != evaluation.MaxLoginFailures || count[429] != n-evaluation.MaxLoginFailures {
			t.Fatalf("%d wrong logins at once answered %v; want %d × 401 and the rest 429", n, count, evaluation.MaxLoginFailures)
		}
		if got := s.login(t, "admin", evaltest.Password, "192.0.2.10:5001", nil); got != http.StatusTooManyRequests {
			t.Fatalf("the right password from the same address: %d, want 429", got)
		}
		// The attacker's address does not lock admin out elsewhere.
		if got := s.login(t, "admin", evaltest.Password, "192.0.2.11:5000", nil); got != http.StatusOK {
			t.Fatalf("admin from another address: %d, want 200", got)
		}
	})
}

func TestLoginThrottleAcrossUsernamesOverHTTP(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	for i := range evaluation.MaxAddressFailures {
		if got := s.login(t, fmt.Sprintf("guess%02d", i), "wrong-password", "192.0.2.20:1000", nil); got != http.StatusUnauthorized {
			t.Fatalf("username %d: %d", i+1, got)
		}
	}
	if got := s.login(t, "guess99", "wrong-password", "192.0.2.20:1000", nil); got != http.StatusTooManyRequests {
		t.Fatalf("the 21st username from one address: %d, want 429", got)
	}
	if got := s.login(t, "eval1", evaltest.Password, "192.0.2.21:1000", nil); got != http.StatusOK {
		t.Fatalf("another address: %d", got)
	}
}

// TestLoginThrottleHonoursTrustedProxies: behind a trusted proxy each
// forwarded client has its own counters; a peer that is not a trusted proxy
// is counted by its own address whatever X-Forwarded-For it sends.
func TestLoginThrottleHonoursTrustedProxies(t *testing.T) {
	s := newServerWith(t, evaltest.New(t, evaluation.SQLite), api.Config{TrustedProxies: []string{"10.1.2.3"}})
	const proxy = "10.1.2.3:443"
	via := func(client string) map[string]string { return map[string]string{"X-Forwarded-For": client} }
	for range evaluation.MaxLoginFailures {
		if got := s.login(t, "eval1", "wrong-password", proxy, via("198.51.100.1")); got != http.StatusUnauthorized {
			t.Fatalf("failure through the proxy: %d", got)
		}
	}
	if got := s.login(t, "eval1", evaltest.Password, proxy, via("198.51.100.1")); got != http.StatusTooManyRequests {
		t.Fatalf("the throttled client through the proxy: %d, want 429", got)
	}
	if got := s.login(t, "eval1", evaltest.Password, proxy, via("198.51.100.2")); got != http.StatusOK {
		t.Fatalf("another client through the same proxy: %d, want 200", got)
	}
	for i := range evaluation.MaxLoginFailures {
		spoof := via(fmt.Sprintf("198.51.100.%d", 10+i))
		if got := s.login(t, "eval2", "wrong-password", "192.0.2.50:1000", spoof); got != http.StatusUnauthorized {
			t.Fatalf("failure %d from an untrusted peer: %d", i+1, got)
		}
	}
	if got := s.login(t, "eval2", evaltest.Password, "192.0.2.50:1000", via("198.51.100.99")); got != http.StatusTooManyRequests {
		t.Fatalf("an untrusted peer escaped its throttle with X-Forwarded-For: %d", got)
	}
	// The office sees the forwarded client's address and can let it in again.
	admin := s.token(asAdmin)
	var list evaluation.List[evaluation.LoginThrottle]
	s.call(http.MethodGet, "/api/v1/login-throttles", admin, nil).want(http.StatusOK).decode(&list)
	var blocked *evaluation.LoginThrottle
	for i, th := range list.Items {
		if th.Username == "eval1" && th.Address == "198.51.100.1" {
			blocked = &list.Items[i]
		}
	}
	if blocked == nil || blocked.BlockedUntil == nil || blocked.Failures != evaluation.MaxLoginFailures {
		t.Fatalf("the blocked client in the list: %+v", list.Items)
	}
	s.call(http.MethodDelete, fmt.Sprintf("/api/v1/login-throttles/%d", blocked.ID), admin, nil).want(http.StatusNoContent)
	s.call(http.MethodDelete, fmt.Sprintf("/api/v1/login-throttles/%d", blocked.ID), admin, nil).want(http.StatusNotFound)
	if got := s.login(t, "eval1", evaltest.Password, proxy, via("198.51.100.1")); got != http.StatusOK {
		t.Fatalf("after the office cleared the throttle: %d, want 200", got)
	}
}

func TestPasswordRulesAndTheLastAdminOverHTTP(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	admin := s.token(asAdmin)
	for pw, want := range map[string]string{
		"short-pw":                 "至少10个字符",
		strings.Repeat("x", 73):    "72个字节",
		strings.Repeat("密", 30):    "72个字节",
		"Basketball":               "常见",
		"new.viewer":               "用户名",
		"a-sound-new-password-one": "",
	} {
		req := evaluation.UserRequest{Username: "new.viewer", Password: pw, DisplayName: "新用户", Role: evaluation.RoleViewer}
		if want == "" {
			s.call(http.MethodPost, "/api/v1/users", admin, req).want(http.StatusCreated)
			continue
		}
		e := s.call(http.MethodPost, "/api/v1/users", admin, req).want(http.StatusUnprocessableEntity).errorBody()
		if !strings.Contains(e.Fields["password"], want) {
			t.Errorf("password %.20q: fields %v, want %q on password", pw, e.Fields, want)
		}
		if pw == "new.viewer" {
			continue // eval1 may have it
		}
		patch := map[string]string{"password": pw}
		e = s.call(http.MethodPatch, fmt.Sprintf("/api/v1/users/%d", s.w.Eval1.ID), admin, patch).want(http.StatusUnprocessableEntity).errorBody()
		if !strings.Contains(e.Fields["password"], want) {
			t.Errorf("changing to %.20q: fields %v, want %q on password", pw, e.Fields, want)
		}
	}
	for _, patch := range []map[string]any{{"role": "viewer"}, {"disabled": true}} {
		e := s.call(http.MethodPatch, fmt.Sprintf("/api/v1/users/%d", s.w.Admin.ID), admin, patch).want(http.StatusConflict).errorBody()
		if e.Code != "last_admin" {
			t.Fatalf("demoting the last admin with %v: %+v", patch, e)
		}
	}
}
