package evaluation_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

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
		}, func(target, _ int64) int64 { return target }},
		{"edited row and the chain after it re-chained with SHA-256", func(t *testing.T, env *evaltest.Env, target int64) {
			var events []evaluation.AuditEvent
			if err := env.DB.Gorm.Where("id >= ?", target).Order("id").Find(&events).Error; err != nil {
				t.Fatal(err)
			}
			events[0].ActorName = "mallory"
			prev := events[0].PrevHash
			for i := range events {
				e := &events[i]
				e.PrevHash = prev
				e.Hash = e.ComputeHash()
				prev = e.Hash
				exec(t, env, "UPDATE audit_events SET actor_name = ?, prev_hash = ?, hash = ? WHERE id = ?", e.ActorName, e.PrevHash, e.Hash, e.ID)
			}
			exec(t, env, "UPDATE audit_head SET last_hash = ?", prev)
		}, func(target, _ int64) int64 { return target }},
		{"deleted row", func(t *testing.T, env *evaltest.Env, target int64) {
			exec(t, env, "DELETE FROM audit_events WHERE id = ?", target)
		}, func(target, _ int64) int64 { return target }},
		{"deleted last row", func(t *testing.T, env *evaltest.Env, _ int64) {
			exec(t, env, "DELETE FROM audit_events WHERE id = (SELECT m FROM (SELECT MAX(id) AS m FROM audit_events) AS x)")
		}, func(_, last int64) int64 { return last }},
		{"newest rows deleted and the head moved back to the last one left", func(t *testing.T, env *evaltest.Env, _ int64) {
			var last evaluation.AuditEvent
			if err := env.DB.Gorm.Order("id DESC").Offset(3).First(&last).Error; err != nil {
				t.Fatal(err)
			}
			exec(t, env, "DELETE FROM audit_events WHERE id > ?", last.ID)
			exec(t, env, "UPDATE audit_head SET last_id = ?, last_hash = ?", last.ID, last.Hash)
		}, func(_, last int64) int64 { return last - 2 }},
		{"head seal removed", func(t *testing.T, env *evaltest.Env, _ int64) {
			exec(t, env, "DELETE FROM audit_seal")
		}, nil},
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
				var keyErr *evaluation.AuditKeyError
				if c.broken == nil && errors.As(err, &keyErr) && keyErr.ChainKeyID == "" {
					return
				}
				var broken *evaluation.BrokenChainError
				if c.broken == nil || !errors.As(err, &broken) {
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

// otherKeyStore opens the test database again with another audit key.
func otherKeyStore(t *testing.T, env *evaltest.Env) *evaluation.Store {
	t.Helper()
	key, _, err := evaluation.LoadAuditKeyFile(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	db, err := evaluation.OpenDB(evaluation.DBConfig{DSN: env.DSN, DataDir: env.DataDir, Clock: env.Clock, AuditKey: key})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return evaluation.NewStore(db, evaluation.StoreOptions{Clock: env.Clock})
}

func TestAuditWithAnotherKeyFailsClearly(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		n, err := w.Store.VerifyAudit(ctx)
		if err != nil {
			t.Fatal(err)
		}
		other := otherKeyStore(t, env)
		var keyErr *evaluation.AuditKeyError
		if _, err := other.VerifyAudit(ctx); !errors.As(err, &keyErr) || keyErr.ChainKeyID == "" ||
			keyErr.ChainKeyID == keyErr.KeyID || !strings.Contains(err.Error(), "key does not match") {
			t.Fatalf("verify with another key = %v, want an AuditKeyError naming both keys", err)
		}
		if err := other.CheckAuditKey(ctx); !errors.As(err, &keyErr) {
			t.Fatalf("CheckAuditKey with another key = %v", err)
		}
		// A process with another key appends nothing to the chain.
		name := "市财政局（另一把密钥）"
		if _, err := other.UpdateOrg(ctx, w.AdminActor(), w.Finance.ID, evaluation.OrgPatch{Name: &name}); !errors.As(err, &keyErr) {
			t.Fatalf("write with another key = %v, want an AuditKeyError", err)
		}
		if m, err := w.Store.VerifyAudit(ctx); err != nil || m != n {
			t.Fatalf("verify with the right key after the refused write: %d events, %v; want %d", m, err, n)
		}
	})
}

func TestAuditCheckpointCatchesARollback(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		g := env.DB.Gorm
		// An insider keeps a copy of the chain's head and seal as they are now…
		var saved struct {
			LastID   int64
			LastHash string
			HeadMAC  string
		}
		if err := g.Raw("SELECT h.last_id, h.last_hash, s.head_mac FROM audit_head h JOIN audit_seal s ON s.id = h.id").Scan(&saved).Error; err != nil || saved.LastID == 0 {
			t.Fatalf("read head: %+v, %v", saved, err)
		}
		for i, name := range []string{"市财政局（一）", "市财政局（二）"} {
			env.Clock.Advance(time.Hour)
			if _, err := w.Store.UpdateOrg(ctx, w.AdminActor(), w.Finance.ID, evaluation.OrgPatch{Name: &name}); err != nil {
				t.Fatalf("update %d: %v", i, err)
			}
		}
		// …the office takes a checkpoint, which verifies as long as nothing changed…
		cp, err := w.Store.AuditCheckpoint(ctx)
		if err != nil || cp.LastID != saved.LastID+2 {
			t.Fatalf("checkpoint = %+v, %v", cp, err)
		}
		if n, err := w.Store.VerifyAuditCheckpoint(ctx, cp); err != nil || n != cp.LastID {
			t.Fatalf("verify against the checkpoint: %d, %v", n, err)
		}
		forged := *cp
		forged.LastID--
		var cpErr *evaluation.CheckpointError
		if _, err := w.Store.VerifyAuditCheckpoint(ctx, &forged); !errors.As(err, &cpErr) {
			t.Fatalf("verify against an altered checkpoint = %v, want a CheckpointError", err)
		}
		// …then the insider rolls the audit trail back to the saved copy.
		exec(t, env, "DELETE FROM audit_events WHERE id > ?", saved.LastID)
		exec(t, env, "UPDATE audit_head SET last_id = ?, last_hash = ?", saved.LastID, saved.LastHash)
		exec(t, env, "UPDATE audit_seal SET head_mac = ?", saved.HeadMAC)
		// The rolled-back chain is a genuine earlier state: verify alone
		// cannot tell (README says so); the checkpoint can.
		if n, err := w.Store.VerifyAudit(ctx); err != nil || n != saved.LastID {
			t.Fatalf("verify of the rolled-back chain: %d, %v", n, err)
		}
		if _, err := w.Store.VerifyAuditCheckpoint(ctx, cp); !errors.As(err, &cpErr) || !strings.Contains(err.Error(), "rolled back") {
			t.Fatalf("verify of the rolled-back chain against the checkpoint = %v, want a rollback", err)
		}
		// A checkpoint of another key is refused as such.
		if _, err := otherKeyStore(t, env).VerifyAuditCheckpoint(ctx, cp); !errors.As(err, &cpErr) {
			t.Fatalf("checkpoint checked with another key = %v", err)
		}
	})
}

// unkeyedDatabase makes a database of schema version 4 holding n events
// chained with unkeyed SHA-256, as evald wrote them before schema version 6.
func unkeyedDatabase(t *testing.T, n int) *evaltest.Env {
	t.Helper()
	env := evaltest.Open(t, evaltest.DialectOf(t))
	if _, err := evaluation.MigrateTo(context.Background(), env.DB, 4); err != nil {
		t.Fatal(err)
	}
	prev := strings.Repeat("0", 64)
	for i := 1; i <= n; i++ {
		e := evaluation.AuditEvent{ID: int64(i), At: evaltest.Epoch().UTC(), ActorName: "system", Action: "org.create",
			Entity: "org", EntityID: int64(i), Before: "null", After: fmt.Sprintf(`{"id":%d}`, i), PrevHash: prev}
		e.Hash = e.ComputeHash()
		prev = e.Hash
		if err := env.DB.Gorm.Create(&e).Error; err != nil {
			t.Fatal(err)
		}
	}
	exec(t, env, "UPDATE audit_head SET last_id = ?, last_hash = ?", n, prev)
	return env
}

func TestUpgradeKeysAnUnkeyedChain(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		ctx := context.Background()
		env := unkeyedDatabase(t, 5)
		if _, err := evaluation.Migrate(ctx, env.DB); err != nil {
			t.Fatalf("upgrade: %v", err)
		}
		if n, err := env.Store.VerifyAudit(ctx); err != nil || n != 5 {
			t.Fatalf("verify after keying: %d, %v", n, err)
		}
		// The keyed chain is no longer the one anybody can compute.
		var e evaluation.AuditEvent
		if err := env.DB.Gorm.First(&e, 3).Error; err != nil {
			t.Fatal(err)
		}
		if e.Hash == e.ComputeHash() {
			t.Fatal("event 3 still carries its unkeyed hash")
		}
		if err := env.Store.CheckAuditKey(ctx); err != nil {
			t.Fatal(err)
		}
	})
}

func TestUpgradeRefusesABrokenUnkeyedChain(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		ctx := context.Background()
		env := unkeyedDatabase(t, 5)
		// Without the key there is nothing to key the chain with.
		keyless, err := evaluation.OpenDB(evaluation.DBConfig{DSN: env.DSN, DataDir: env.DataDir})
		if err != nil {
			t.Fatal(err)
		}
		defer keyless.Close()
		if _, err := evaluation.Migrate(ctx, keyless); err == nil || !strings.Contains(err.Error(), "needs the audit key") {
			t.Fatalf("upgrade without a key = %v", err)
		}
		exec(t, env, "UPDATE audit_events SET actor_name = 'mallory' WHERE id = 2")
		if _, err := evaluation.Migrate(ctx, env.DB); err == nil || !strings.Contains(err.Error(), "event 2") {
			t.Fatalf("upgrade of a broken chain = %v, want a refusal naming event 2", err)
		}
		if err := evaluation.CheckSchema(ctx, env.DB); !errors.Is(err, evaluation.ErrSchemaBehind) {
			t.Fatalf("schema after the refused upgrade: %v, want behind", err)
		}
		// Mended, the upgrade can be run again.
		exec(t, env, "UPDATE audit_events SET actor_name = 'system' WHERE id = 2")
		if _, err := evaluation.Migrate(ctx, env.DB); err != nil {
			t.Fatalf("upgrade after the repair: %v", err)
		}
		if n, err := env.Store.VerifyAudit(ctx); err != nil || n != 5 {
			t.Fatalf("verify after keying: %d, %v", n, err)
		}
	})
}
