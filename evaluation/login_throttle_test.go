package evaluation_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// Two client addresses of the tests (documentation ranges; no traffic).
const addrA, addrB = "192.0.2.1", "198.51.100.7"

// wantThrottled fails unless err is a refusal by a throttle with a sensible
// Retry-After.
func wantThrottled(t *testing.T, err error, what string) {
	t.Helper()
	var tooMany *evaluation.TooManyAttemptsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter <= 0 || tooMany.RetryAfter > evaluation.LoginWindow {
		t.Fatalf("%s: %v, want too many attempts with a retry within the window", what, err)
	}
}

func TestLoginThrottlePerUsernameAndAddress(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		for i := range evaluation.MaxLoginFailures {
			// Any spelling the database could match to the user counts for it.
			name := []string{"eval1", "EVAL1", " eval1"}[i%3]
			if _, _, err := w.Store.Login(ctx, name, "guess-guess", addrA); !errors.Is(err, evaluation.ErrBadCredentials) {
				t.Fatalf("attempt %d: %v", i+1, err)
			}
		}
		// Refused from A, even with the right password, which is not checked.
		_, _, err := w.Store.Login(ctx, "eval1", evaltest.Password, addrA)
		wantThrottled(t, err, "the right password from A after 5 failures")
		// Failures from A do not lock the account for B, nor other users at A.
		if _, _, err := w.Store.Login(ctx, "eval1", evaltest.Password, addrB); err != nil {
			t.Fatalf("the same user from B: %v", err)
		}
		if _, _, err := w.Store.Login(ctx, "eval2", evaltest.Password, addrA); err != nil {
			t.Fatalf("another user from A: %v", err)
		}
		// Unknown usernames are throttled the same way, so that 429 tells
		// nothing about which names exist.
		for range evaluation.MaxLoginFailures {
			if _, _, err := w.Store.Login(ctx, "ghost", "guess-guess", addrB); !errors.Is(err, evaluation.ErrBadCredentials) {
				t.Fatal(err)
			}
		}
		_, _, err = w.Store.Login(ctx, "ghost", "guess-guess", addrB)
		wantThrottled(t, err, "an unknown user after 5 failures")
		// The window ends 15 minutes after the first failure.
		env.Clock.Advance(evaluation.LoginWindow)
		if _, _, err := w.Store.Login(ctx, "eval1", evaltest.Password, addrA); err != nil {
			t.Fatalf("after the window: %v", err)
		}
	})
}

func TestLoginThrottlePerAddressAcrossUsernames(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		for i := range evaluation.MaxAddressFailures {
			if _, _, err := w.Store.Login(ctx, fmt.Sprintf("user%02d", i), "guess-guess", addrA); !errors.Is(err, evaluation.ErrBadCredentials) {
				t.Fatalf("username %d: %v", i+1, err)
			}
		}
		_, _, err := w.Store.Login(ctx, "user99", "guess-guess", addrA)
		wantThrottled(t, err, "the 21st username from one address")
		_, _, err = w.Store.Login(ctx, "eval1", evaltest.Password, addrA)
		wantThrottled(t, err, "a real user from the throttled address")
		if _, _, err := w.Store.Login(ctx, "eval1", evaltest.Password, addrB); err != nil {
			t.Fatalf("from another address: %v", err)
		}
	})
}

func TestSuccessfulLoginsDoNotFillTheThrottles(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		// An office behind one address: many logins, each after a typo.
		for i := range evaluation.MaxAddressFailures + 5 {
			user := []string{"eval1", "eval2", "eval3", "finance", "leader"}[i%5]
			if i%5 == 0 {
				if _, _, err := w.Store.Login(ctx, user, "typo-typo-typo", addrA); !errors.Is(err, evaluation.ErrBadCredentials) {
					t.Fatalf("typo %d: %v", i, err)
				}
			}
			if _, _, err := w.Store.Login(ctx, user, evaltest.Password, addrA); err != nil {
				t.Fatalf("login %d as %s: %v", i+1, user, err)
			}
		}
		// A success starts the username's count at the address again.
		for round := range 2 {
			for i := range evaluation.MaxLoginFailures - 1 {
				if _, _, err := w.Store.Login(ctx, "eval4", "typo-typo-typo", addrB); !errors.Is(err, evaluation.ErrBadCredentials) {
					t.Fatalf("round %d, typo %d: %v", round, i+1, err)
				}
			}
			if _, _, err := w.Store.Login(ctx, "eval4", evaltest.Password, addrB); err != nil {
				t.Fatalf("round %d, after 4 typos: %v", round, err)
			}
		}
	})
}

// loginBurst sends n logins of eval1 from addrA at once, the right password
// at index right (none when -1), and counts the answers.
func loginBurst(t *testing.T, store *evaluation.Store, n, right int) (ok, bad, throttled int) {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pw := fmt.Sprintf("wrong-password-%d", i)
			if i == right {
				pw = evaltest.Password
			}
			<-start
			_, _, err := store.Login(context.Background(), "eval1", pw, addrA)
			var tooMany *evaluation.TooManyAttemptsError
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case errors.Is(err, evaluation.ErrBadCredentials):
				bad++
			case errors.As(err, &tooMany) && tooMany.RetryAfter > 0:
				throttled++
			default:
				t.Errorf("login %d: %v", i, err)
			}
		}()
	}
	close(start)
	wg.Wait()
	return ok, bad, throttled
}

func TestParallelLoginBurstIsCountedBeforeChecking(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ok, bad, throttled := loginBurst(t, w.Store, 60, -1)
		if ok != 0 || bad != evaluation.MaxLoginFailures || throttled != 60-evaluation.MaxLoginFailures {
			t.Fatalf("60 wrong passwords at once: %d accepted, %d checked and refused, %d throttled; want 0, %d, %d",
				ok, bad, throttled, evaluation.MaxLoginFailures, 60-evaluation.MaxLoginFailures)
		}
		_, _, err := w.Store.Login(context.Background(), "eval1", evaltest.Password, addrA)
		wantThrottled(t, err, "the right password after the burst")
	})
}

func TestParallelLoginBurstWithTheRightPassword(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ok, bad, throttled := loginBurst(t, w.Store, 40, 20)
		// The right password gets in only if it drew one of the five
		// attempts; its success lets the username start counting afresh,
		// so at most five more are checked after it.
		switch {
		case ok == 0 && bad != evaluation.MaxLoginFailures:
			t.Fatalf("burst without success: %d checked, want %d", bad, evaluation.MaxLoginFailures)
		case ok == 1 && bad > 2*evaluation.MaxLoginFailures-1:
			t.Fatalf("burst with success: %d wrong passwords checked, want at most %d", bad, 2*evaluation.MaxLoginFailures-1)
		case ok > 1 || ok+bad+throttled != 40:
			t.Fatalf("burst: %d accepted, %d refused, %d throttled", ok, bad, throttled)
		}
	})
}

func TestLoginThrottlesAreListedAndCleared(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		started := w.Store.Now()
		for range evaluation.MaxLoginFailures {
			if _, _, err := w.Store.Login(ctx, "eval1", "guess-guess", addrA); !errors.Is(err, evaluation.ErrBadCredentials) {
				t.Fatal(err)
			}
		}
		env.Clock.Advance(time.Minute)
		list, err := w.Store.LoginThrottles(ctx, evaluation.Page{})
		if err != nil || list.Total != 2 {
			t.Fatalf("throttles: %+v, %v", list, err)
		}
		byUser := map[string]evaluation.LoginThrottle{}
		for _, th := range list.Items {
			byUser[th.Username] = th
		}
		user, addr := byUser["eval1"], byUser[""]
		if user.Address != addrA || user.Failures != 5 || user.BlockedUntil == nil ||
			!user.BlockedUntil.Equal(started.Add(evaluation.LoginWindow)) {
			t.Fatalf("the username's throttle: %+v", user)
		}
		if addr.Address != addrA || addr.Failures != 5 || addr.BlockedUntil != nil {
			t.Fatalf("the address's throttle: %+v", addr)
		}
		if err := w.Store.ClearLoginThrottle(ctx, w.AdminActor(), user.ID); err != nil {
			t.Fatal(err)
		}
		if err := w.Store.ClearLoginThrottle(ctx, w.AdminActor(), user.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("clearing twice: %v", err)
		}
		if _, _, err := w.Store.Login(ctx, "eval1", evaltest.Password, addrA); err != nil {
			t.Fatalf("after the office cleared the throttle: %v", err)
		}
		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "login_throttle"})
		if err != nil || events.Total != 1 || events.Items[0].Action != "login_throttle.clear" {
			t.Fatalf("audit of the clearing: %+v, %v", events, err)
		}
		// Counters whose window ended are neither listed nor kept.
		env.Clock.Advance(evaluation.LoginWindow)
		if list, err := w.Store.LoginThrottles(ctx, evaluation.Page{}); err != nil || list.Total != 0 {
			t.Fatalf("throttles after the window: %+v, %v", list, err)
		}
		if n, err := w.Store.PruneLoginThrottles(ctx); err != nil || n != 2 {
			t.Fatalf("pruned %d, %v; want both counters", n, err)
		}
	})
}
