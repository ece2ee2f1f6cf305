package evaluation_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestLoginLogoutAndExpiry(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		token, u, err := w.Store.Login(ctx, "eval1", evaltest.Password, "192.0.2.1")
		if err != nil || u.ID != w.Eval1.ID || len(token) < 40 {
			t.Fatalf("login: %q %+v %v", token, u, err)
		}
		if got, err := w.Store.Authenticate(ctx, token); err != nil || got.ID != w.Eval1.ID {
			t.Fatalf("authenticate: %+v, %v", got, err)
		}
		if _, _, err := w.Store.Login(ctx, "eval1", "wrong-password", "192.0.2.1"); !errors.Is(err, evaluation.ErrBadCredentials) {
			t.Fatalf("wrong password: %v", err)
		}
		if _, _, err := w.Store.Login(ctx, "nobody", evaltest.Password, "192.0.2.1"); !errors.Is(err, evaluation.ErrBadCredentials) {
			t.Fatalf("unknown user: %v", err)
		}
		// Logout revokes the token.
		if err := w.Store.Logout(ctx, evaluation.ActorOf(u), token); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.Authenticate(ctx, token); !errors.Is(err, evaluation.ErrUnauthenticated) {
			t.Fatalf("revoked token: %v", err)
		}
		// Tokens expire.
		token, _, err = w.Store.Login(ctx, "eval1", evaltest.Password, "192.0.2.1")
		if err != nil {
			t.Fatal(err)
		}
		env.Clock.Advance(12*time.Hour + time.Second)
		if _, err := w.Store.Authenticate(ctx, token); !errors.Is(err, evaluation.ErrUnauthenticated) {
			t.Fatalf("expired token: %v", err)
		}
		// A disabled user cannot log in, and their sessions end.
		token, _, err = w.Store.Login(ctx, "eval2", evaltest.Password, "192.0.2.1")
		if err != nil {
			t.Fatal(err)
		}
		disabled := true
		if _, err := w.Store.UpdateUser(ctx, w.AdminActor(), w.Eval2.ID, evaluation.UserPatch{Disabled: &disabled}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.Authenticate(ctx, token); !errors.Is(err, evaluation.ErrUnauthenticated) {
			t.Fatalf("token of a disabled user: %v", err)
		}
		if _, _, err := w.Store.Login(ctx, "eval2", evaltest.Password, "192.0.2.1"); !errors.Is(err, evaluation.ErrBadCredentials) {
			t.Fatalf("disabled user logs in: %v", err)
		}
	})
}

func TestUserEmailCanBeSetAndCleared(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	w := evaltest.Seed(t, env)
	ctx := context.Background()
	for _, c := range []struct {
		email string
		ok    bool
	}{{"zhang@cdcz.gov.cn", true}, {"不是邮箱", false}, {"", true}} {
		u, err := w.Store.UpdateUser(ctx, w.AdminActor(), w.DeptFinance.ID, evaluation.UserPatch{Email: &c.email})
		if c.ok && (err != nil || u.Email != c.email) {
			t.Errorf("email %q: %+v, %v", c.email, u, err)
		}
		if !c.ok {
			wantInvalid(t, err, "email")
		}
	}
}

func TestFailedLoginsAreAudited(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		long := strings.Repeat("长", 200)
		for _, name := range []string{"eval1", long} {
			if _, _, err := w.Store.Login(ctx, name, "guess", "192.0.2.1"); !errors.Is(err, evaluation.ErrBadCredentials) {
				t.Fatalf("login as %.10q: %v", name, err)
			}
		}
		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "login"})
		if err != nil || events.Total != 2 || events.Items[1].Action != "auth.login_failed" || !strings.Contains(events.Items[1].After, "eval1") {
			t.Fatalf("failed logins in the audit trail: %+v, %v", events, err)
		}
	})
}
