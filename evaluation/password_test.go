package evaluation_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestCheckPassword(t *testing.T) {
	for _, c := range []struct {
		username, password string
		want               string // a word of the message; "" when accepted
	}{
		{"eval1", "short-pw1", "至少10个字符"},
		{"eval1", "评估平台密码八九", "至少10个字符"},                    // 8 characters, 24 bytes
		{"eval1", strings.Repeat("长", 25), "72个字节"},         // 25 characters, 75 bytes
		{"eval1", strings.Repeat("x", 73), "72个字节"},         // bcrypt would ignore the 73rd byte
		{"zhang.wei01", "Zhang.Wei01", "用户名"},               // the username, in another case
		{"eval1", "password123", "常见"},                      // on the list
		{"eval1", "QwertyUIOP", "常见"},                       // compared case-insensitively
		{"eval1", "1234567890", "常见"},                       // the first line of the list
		{"eval1", "ten-chars!", ""},                         // exactly 10 characters
		{"eval1", strings.Repeat("长", 24), ""},              // exactly 72 bytes
		{"eval1", evaltest.Password, ""},                    // the fixtures'
		{"evaluator", "demo-password-1", ""},                // the demo's in the tests
		{"eval1", "correct horse battery staple", ""},       // spaces are fine
		{"eval1", "password123\nsomething", ""},             // not a line of the list
		{"eval1", strings.ToUpper("dragon") + "dragon", ""}, // not on the list
	} {
		err := evaluation.CheckPassword(c.username, c.password)
		if c.want == "" {
			if err != nil {
				t.Errorf("%q for %s: %v, want accepted", c.password, c.username, err)
			}
			continue
		}
		var ve *evaluation.ValidationError
		if !errors.As(err, &ve) || !strings.Contains(ve.Fields["password"], c.want) {
			t.Errorf("%q for %s: %v, want a message on password with %q", c.password, c.username, err, c.want)
		}
	}
	// The random passwords the commands generate pass the rules.
	for range 200 {
		pw, err := evaluation.RandomPassword(12)
		if err != nil || evaluation.CheckPassword("admin", pw) != nil {
			t.Fatalf("random password %q: %v, %v", pw, err, evaluation.CheckPassword("admin", pw))
		}
	}
}

func TestWeakPasswordsAreRefusedOnCreateAndChange(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	w := evaltest.Seed(t, env)
	ctx := context.Background()
	req := evaluation.UserRequest{Username: "newbie", Password: "basketball", DisplayName: "新人", Role: evaluation.RoleViewer}
	if _, err := w.Store.CreateUser(ctx, w.AdminActor(), req); err == nil {
		t.Fatal("a user with a common password was created")
	} else {
		wantInvalid(t, err, "password")
	}
	for _, pw := range []string{"short-pw", strings.Repeat("密", 30), "qwertyuiop"} {
		_, err := w.Store.UpdateUser(ctx, w.AdminActor(), w.Eval1.ID, evaluation.UserPatch{Password: &pw})
		wantInvalid(t, err, "password")
	}
	good := "a-much-better-one"
	if _, err := w.Store.UpdateUser(ctx, w.AdminActor(), w.Eval1.ID, evaluation.UserPatch{Password: &good}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Store.EnsureFirstAdmin(ctx, "admin"); err != nil {
		t.Fatalf("users exist, so the setting is not used: %v", err)
	}
	fresh := evaltest.New(t, evaluation.SQLite)
	if _, err := fresh.Store.EnsureFirstAdmin(ctx, "q1w2e3r4t5"); err == nil || !strings.Contains(err.Error(), "EVAL_ADMIN_PASSWORD") {
		t.Fatalf("a weak first admin's password: %v", err)
	}
	if n, err := fresh.Store.UserCount(ctx); err != nil || n != 0 {
		t.Fatalf("%d users after a refused first admin (%v)", n, err)
	}
}

func TestTheLastActiveAdminStays(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		viewer, yes := evaluation.RoleViewer, true
		for _, p := range []evaluation.UserPatch{{Role: &viewer}, {Disabled: &yes}} {
			if _, err := w.Store.UpdateUser(ctx, w.AdminActor(), w.Admin.ID, p); !errors.Is(err, evaluation.ErrLastAdmin) {
				t.Fatalf("demoting the only admin (%+v): %v", p, err)
			}
		}
		// A disabled admin does not count; an active one does.
		second := w.User("admin2", evaluation.RoleAdmin, w.Office)
		if _, err := w.Store.UpdateUser(ctx, w.AdminActor(), second.ID, evaluation.UserPatch{Disabled: &yes}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Store.UpdateUser(ctx, w.AdminActor(), w.Admin.ID, evaluation.UserPatch{Role: &viewer}); !errors.Is(err, evaluation.ErrLastAdmin) {
			t.Fatalf("demoting the only active admin: %v", err)
		}
		// Two active admins demoting each other at once: one stays.
		third := w.User("admin3", evaluation.RoleAdmin, w.Office)
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, id := range []int64{w.Admin.ID, third.ID} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				role := viewer // each its own: the store normalises a request in place
				_, errs[i] = w.Store.UpdateUser(ctx, w.AdminActor(), id, evaluation.UserPatch{Role: &role})
			}()
		}
		wg.Wait()
		ok, refused := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, evaluation.ErrLastAdmin):
				refused++
			default:
				t.Fatalf("concurrent demotion: %v", err)
			}
		}
		if ok != 1 || refused != 1 {
			t.Fatalf("concurrent demotions: %d done, %d refused; want 1 and 1", ok, refused)
		}
		// Other changes to the last admin are fine.
		admins, err := w.Store.Users(ctx, evaluation.UserFilter{Role: evaluation.RoleAdmin})
		if err != nil {
			t.Fatal(err)
		}
		name := "办公室管理员"
		for _, u := range admins.Items {
			if !u.Disabled {
				if _, err := w.Store.UpdateUser(ctx, w.AdminActor(), u.ID, evaluation.UserPatch{DisplayName: &name}); err != nil {
					t.Fatalf("renaming the last admin: %v", err)
				}
			}
		}
	})
}
