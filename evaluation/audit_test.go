package evaluation_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestEveryWriteIsAudited(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		name := "市财政局（更名）"
		if _, err := w.Store.UpdateOrg(ctx, w.AdminActor(), w.Finance.ID, evaluation.OrgPatch{Name: &name}); err != nil {
			t.Fatal(err)
		}
		events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "org", EntityID: w.Finance.ID})
		if err != nil {
			t.Fatal(err)
		}
		if events.Total != 2 {
			t.Fatalf("org events = %d, want create and update", events.Total)
		}
		upd := events.Items[0] // newest first
		if upd.Action != "org.update" || upd.ActorID == nil || *upd.ActorID != w.Admin.ID ||
			!strings.Contains(upd.Before, "市财政局\"") || !strings.Contains(upd.After, name) {
			t.Fatalf("update event = %+v", upd)
		}
		// Passwords never reach the audit trail.
		users, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "user"})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range users.Items {
			if strings.Contains(e.After, "$2a$") || strings.Contains(e.After, evaltest.Password) {
				t.Fatalf("a password or hash is in the audit trail: %s", e.After)
			}
		}
	})
}

func TestAuditVerifyDetectsTampering(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(t *testing.T, env *evaltest.Env, target int64)
		broken func(target, last int64) int64 // the event the error must name
	}{
		{"edited row", func(t *testing.T, env *evaltest.Env, target int64) {
			exec(t, env, "UPDATE audit_events SET after_json = '{\"name\":\"篡改\"}' WHERE id = ?", target)
		}, func(target, _ int64) int64 { return target }},
		{"edited row with a forged hash", func(t *testing.T, env *evaltest.Env, target int64) {
			exec(t, env, "UPDATE audit_events SET actor_name = 'mallory', hash = ? WHERE id = ?", strings.Repeat("a", 64), target)
		}, func(target, _ int64) int64 { return target }},
		{"edited row with its hash recomputed", func(t *testing.T, env *evaltest.Env, target int64) {
			var e evaluation.AuditEvent
			if err := env.DB.Gorm.First(&e, target).Error; err != nil {
				t.Fatal(err)
			}
			e.ActorName = "mallory"
			exec(t, env, "UPDATE audit_events SET actor_name = ?, hash = ? WHERE id = ?", e.ActorName, e.ComputeHash(), target)
		}, func(target, _ int64) int64 { return target + 1 }},
		{"deleted row", func(t *testing.T, env *evaltest.Env, target int64) {
			exec(t, env, "DELETE FROM audit_events WHERE id = ?", target)
		}, func(target, _ int64) int64 { return target }},
		{"deleted last row", func(t *testing.T, env *evaltest.Env, _ int64) {
			exec(t, env, "DELETE FROM audit_events WHERE id = (SELECT m FROM (SELECT MAX(id) AS m FROM audit_events) AS x)")
		}, func(_, last int64) int64 { return last }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
				w := evaltest.Seed(t, env)
				ctx := context.Background()
				n, err := w.Store.VerifyAudit(ctx)
				if err != nil || n < 20 {
					t.Fatalf("verify before tampering: %d events, %v", n, err)
				}
				target := n / 2
				c.tamper(t, env, target)
				_, err = w.Store.VerifyAudit(ctx)
				var broken *evaluation.BrokenChainError
				if !errors.As(err, &broken) {
					t.Fatalf("verify after tampering = %v, want a broken chain", err)
				}
				if want := c.broken(target, n); broken.EventID != want {
					t.Fatalf("broken at event %d, want %d (%v)", broken.EventID, want, err)
				}
			})
		})
	}
}

func exec(t *testing.T, env *evaltest.Env, sql string, args ...any) {
	t.Helper()
	if err := env.DB.Gorm.Exec(sql, args...).Error; err != nil {
		t.Fatal(err)
	}
}
