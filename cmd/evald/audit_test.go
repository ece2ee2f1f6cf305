package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// anotherKey is an audit key that is not the test database's.
const anotherKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

func TestAuditCheckpointCatchesARollback(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		c := newCLI(t, env)
		g := env.DB.Gorm
		var saved struct {
			LastID   int64
			LastHash string
			HeadMAC  string
		}
		if err := g.Raw("SELECT h.last_id, h.last_hash, s.head_mac FROM audit_head h JOIN audit_seal s ON s.id = h.id").Scan(&saved).Error; err != nil {
			t.Fatal(err)
		}
		name := "市财政局（更名）"
		if _, err := w.Store.UpdateOrg(t.Context(), w.AdminActor(), w.Finance.ID, evaluation.OrgPatch{Name: &name}); err != nil {
			t.Fatal(err)
		}
		out := c.must("audit", "checkpoint")
		if !strings.Contains(out, `"mac"`) || !strings.Contains(out, `"last_id"`) {
			t.Fatalf("checkpoint: %s", out)
		}
		file := filepath.Join(t.TempDir(), "checkpoint.json")
		if err := os.WriteFile(file, []byte(out), 0o600); err != nil {
			t.Fatal(err)
		}
		if out := c.must("audit", "verify", "--checkpoint", file); !strings.Contains(out, "holds the checkpoint's event") {
			t.Fatalf("verify against the checkpoint: %s", out)
		}
		// An earlier copy of the audit trail put back verifies on its own,
		// but not against the checkpoint.
		rollback := []struct {
			sql  string
			args []any
		}{
			{"DELETE FROM audit_events WHERE id > ?", []any{saved.LastID}},
			{"UPDATE audit_head SET last_id = ?, last_hash = ?", []any{saved.LastID, saved.LastHash}},
			{"UPDATE audit_seal SET head_mac = ?", []any{saved.HeadMAC}},
		}
		for _, r := range rollback {
			if err := g.Exec(r.sql, r.args...).Error; err != nil {
				t.Fatal(err)
			}
		}
		c.must("audit", "verify")
		code, _, errOut := c.run("audit", "verify", "--checkpoint", file)
		if code == 0 || !strings.Contains(errOut, "rolled back") {
			t.Fatalf("verify of a rolled-back database against the checkpoint: exit %d, %q", code, errOut)
		}
		if code, _, errOut := c.run("audit", "verify", "--checkpoint", filepath.Join(t.TempDir(), "missing.json")); code == 0 || errOut == "" {
			t.Fatalf("verify against a missing checkpoint file: exit %d", code)
		}
	})
}

func TestAuditKeyMustMatch(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		evaltest.Seed(t, env)
		c := newCLI(t, env)
		c.env["EVAL_AUDIT_KEY"] = anotherKey
		code, _, errOut := c.run("audit", "verify")
		if code == 0 || !strings.Contains(errOut, "key does not match") {
			t.Fatalf("verify with another key: exit %d, %q", code, errOut)
		}
		c.env["EVAL_ADDR"] = "127.0.0.1:0"
		if code, _, errOut := c.run("serve"); code == 0 || !strings.Contains(errOut, "key does not match") {
			t.Fatalf("serve with another key: exit %d, %q", code, errOut)
		}
		// Checking needs the key it checks with: none is made up for it.
		delete(c.env, "EVAL_AUDIT_KEY")
		c.env["EVAL_DATA_DIR"] = t.TempDir()
		if code, _, errOut := c.run("audit", "verify"); code == 0 || !strings.Contains(errOut, "no audit key") {
			t.Fatalf("verify without a key: exit %d, %q", code, errOut)
		}
		if _, err := os.Stat(filepath.Join(c.env["EVAL_DATA_DIR"], evaluation.AuditKeyFile)); !os.IsNotExist(err) {
			t.Fatalf("verify created a key file (%v)", err)
		}
		c.env["EVAL_AUDIT_KEY"] = "too-short"
		if code, _, errOut := c.run("audit", "verify"); code == 0 || !strings.Contains(errOut, "EVAL_AUDIT_KEY") {
			t.Fatalf("verify with a malformed key: exit %d, %q", code, errOut)
		}
		// The key file the database was keyed with, given as EVAL_AUDIT_KEY, works.
		b, err := os.ReadFile(filepath.Join(env.DataDir, evaluation.AuditKeyFile))
		if err != nil {
			t.Fatal(err)
		}
		c.env["EVAL_AUDIT_KEY"] = strings.TrimSpace(string(b))
		c.env["EVAL_DATA_DIR"] = t.TempDir()
		if env.DSN == "" {
			c.env["EVAL_DATA_DIR"] = env.DataDir
		}
		c.must("audit", "verify")
	})
}

func TestFirstStartCreatesAPrivateKeyFile(t *testing.T) {
	env := evaltest.Open(t, evaluation.SQLite)
	c := newCLI(t, env)
	dir := t.TempDir()
	c.env["EVAL_DATA_DIR"] = dir
	c.must("migrate")
	path := filepath.Join(dir, evaluation.AuditKeyFile)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("%s has mode %v, want 0600", path, fi.Mode().Perm())
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if out := c.must("audit", "verify"); !strings.Contains(out, "0 events verified") {
		t.Fatalf("verify of a new database: %s", out)
	}
	after, err := os.ReadFile(path)
	if err != nil || string(after) != string(before) {
		t.Fatalf("the key file changed on the second start (%v)", err)
	}
}
