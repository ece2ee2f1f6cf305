package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/evald/evald/backup"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestRestoreDrill backs up the demo while scoresheets autosave and survey
// answers arrive, restores the archive into a fresh database and data
// folder, and compares: every table and blob equals the archive's manifest,
// the audit chain verifies, and the published round's reports are
// byte-identical to the ones rendered from the source before.
func TestRestoreDrill(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		ctx := context.Background()
		c := newCLI(t, env)
		c.must("demo")
		before := renderReports(t, c)

		stop := make(chan struct{})
		var wg sync.WaitGroup
		var writes atomic.Int64
		writeErrs := make(chan error, 16)
		for _, w := range drillWriters(t, env) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-stop:
						return
					default:
					}
					if err := w(i); err != nil {
						writeErrs <- err
						return
					}
					writes.Add(1)
				}
			}()
		}
		for writes.Load() < 10 {
			time.Sleep(10 * time.Millisecond)
		}
		archive := filepath.Join(t.TempDir(), "evald-backup.tar.gz")
		out := c.must("backup", "--out", archive, "--quiet")
		during := writes.Load()
		for writes.Load() < during+5 { // writing goes on after the snapshot
			time.Sleep(10 * time.Millisecond)
		}
		close(stop)
		wg.Wait()
		close(writeErrs)
		for err := range writeErrs {
			t.Fatalf("a writer failed: %v", err)
		}
		if !strings.Contains(out, "wrote "+archive) {
			t.Fatalf("backup said: %s", out)
		}
		t.Logf("%s (%d writes before the backup ended)", strings.TrimSpace(out), during)

		target := evaltest.Open(t, env.Dialect) // an empty database and data folder, with a key of its own
		tc := newCLI(t, target)
		if env.Dialect == evaluation.MySQL {
			tc.env["EVAL_BLOB_URL"] = "db:" // files go into whatever store the target has
		}
		code, _, errOut := tc.run("restore", "--quiet", archive)
		if code == 0 || !strings.Contains(errOut, "审计密钥") || !strings.Contains(errOut, evaluation.AuditKeyFile) {
			t.Fatalf("restore with another audit key: exit %d, %s", code, errOut)
		}
		copyFile(t, filepath.Join(env.DataDir, evaluation.AuditKeyFile), filepath.Join(target.DataDir, evaluation.AuditKeyFile))
		out = tc.must("restore", "--quiet", archive)
		if !strings.Contains(out, "audit chain intact") {
			t.Fatalf("restore said: %s", out)
		}

		f, err := os.Open(archive)
		if err != nil {
			t.Fatal(err)
		}
		a, err := backup.Open(f, t.TempDir())
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		m := a.Manifest
		hashes, err := backup.TableHashes(ctx, target.DB)
		if err != nil {
			t.Fatal(err)
		}
		for _, tb := range m.Tables {
			if hashes[tb.Name] != tb.SHA256 {
				t.Errorf("table %s restored differs from the backup", tb.Name)
			}
		}
		if len(m.Tables) < 20 || m.Blobs == 0 {
			t.Errorf("the backup holds %d tables and %d blobs", len(m.Tables), m.Blobs)
		}
		restored, err := blobs.OpenURL(ctx, tc.env["EVAL_BLOB_URL"], target.DataDir, target.DB.Gorm)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		if err := restored.Walk(ctx, func(info blobs.Info) error { keys = append(keys, info.Key); return nil }); err != nil {
			t.Fatal(err)
		}
		for _, key := range keys {
			if m.Files["blobs/"+key] != key {
				t.Errorf("blob %s restored but not in the backup", key)
			}
			r, err := restored.Open(ctx, key)
			if err != nil {
				t.Fatal(err)
			}
			data, err := io.ReadAll(r)
			r.Close()
			if err != nil || blobs.Key(data) != key {
				t.Errorf("blob %s restored with other content: %v", key, err)
			}
		}
		if len(keys) != m.Blobs {
			t.Errorf("%d blobs restored, the backup has %d", len(keys), m.Blobs)
		}
		if out := tc.must("audit", "verify"); !strings.Contains(out, "audit chain intact") {
			t.Errorf("audit verify after restore: %s", out)
		}
		if after := renderReports(t, tc); !bytes.Equal(before, after) {
			t.Errorf("the published round's reports rendered from the restored data differ (%d bytes, before %d)", len(after), len(before))
		}
		code, _, errOut = tc.run("restore", "--quiet", archive)
		if code == 0 || !strings.Contains(errOut, "目标不是空的") {
			t.Errorf("restore into a database with data: exit %d, %s", code, errOut)
		}
	})
}

// renderReports renders the published round's reports and returns the ZIP.
func renderReports(t *testing.T, c *cli) []byte {
	t.Helper()
	dir := t.TempDir()
	c.must("reports", "--round", "latest", "--out", dir, "--quiet")
	zips, err := filepath.Glob(filepath.Join(dir, "*.zip"))
	if err != nil || len(zips) != 1 {
		t.Fatalf("reports: %v, %v", zips, err)
	}
	data, err := os.ReadFile(zips[0])
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// drillWriters returns writers that each make one write per call through
// the store: scoresheet autosaves in the demo's open round and answers to a
// published survey.
func drillWriters(t *testing.T, env *evaltest.Env) []func(i int) error {
	ctx := context.Background()
	s := env.Store
	var sheets []struct{ ID, EvaluatorID int64 }
	err := env.DB.Gorm.Raw("SELECT a.id, a.evaluator_id FROM assignments a JOIN rounds r ON r.id = a.round_id " +
		"LEFT JOIN scoresheets s ON s.assignment_id = a.id WHERE r.status = 'open' AND (s.status IS NULL OR s.status = 'draft') " +
		"ORDER BY a.id LIMIT 2").Scan(&sheets).Error
	if err != nil || len(sheets) == 0 {
		t.Fatalf("draft scoresheets of the demo: %v, %v", sheets, err)
	}
	var adminID int64
	if err := env.DB.Gorm.Raw("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").Scan(&adminID).Error; err != nil {
		t.Fatal(err)
	}
	admin, err := s.User(ctx, adminID)
	if err != nil {
		t.Fatal(err)
	}
	survey, err := s.CreateSurvey(ctx, evaluation.ActorOf(admin), evaltest.SurveyRequest())
	if err != nil {
		t.Fatal(err)
	}
	if survey, err = s.PublishSurvey(ctx, evaluation.ActorOf(admin), survey.ID); err != nil {
		t.Fatal(err)
	}
	var writers []func(int) error
	for _, a := range sheets {
		ev, err := s.User(ctx, a.EvaluatorID)
		if err != nil {
			t.Fatal(err)
		}
		actor := evaluation.ActorOf(ev)
		writers = append(writers, func(i int) error {
			d, err := s.Assignment(ctx, actor, a.ID)
			if err != nil {
				return err
			}
			_, err = s.SaveScoresheet(ctx, actor, a.ID, evaluation.ScoresheetRequest{Version: d.Scoresheet.Version,
				Scores: d.Scoresheet.Scores, Comment: fmt.Sprintf("autosave %d", i)})
			return err
		})
	}
	for k := range 2 {
		writers = append(writers, func(i int) error {
			rng := rand.New(rand.NewPCG(uint64(i), uint64(k)))
			return s.AnswerSurvey(ctx, *survey.Token, evaltest.RawAnswers(t, evaltest.SurveyAnswers(rng)))
		})
	}
	return writers
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestRestoreRefusesADamagedArchive changes one byte of a table's rows, or
// leaves a file out, and expects restore to refuse naming the file before
// it touches the target.
func TestRestoreRefusesADamagedArchive(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	evaltest.Seed(t, env)
	c := newCLI(t, env)
	archive := filepath.Join(t.TempDir(), "b.tar.gz")
	c.must("backup", "--out", archive, "--quiet")
	cases := []struct {
		name, want string
		change     func(name string, data []byte) ([]byte, bool)
	}{
		{"one byte changed", "db/plans.jsonl 的 SHA-256", func(name string, data []byte) ([]byte, bool) {
			if name == "db/plans.jsonl" {
				data = bytes.Clone(data)
				data[len(data)/2] ^= 1
			}
			return data, true
		}},
		{"a file missing", "缺少 db/users.jsonl", func(name string, data []byte) ([]byte, bool) {
			return data, name != "db/users.jsonl"
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			damaged := filepath.Join(t.TempDir(), "damaged.tar.gz")
			rewriteArchive(t, archive, damaged, tc.change)
			target := evaltest.Open(t, evaluation.SQLite)
			copyFile(t, filepath.Join(env.DataDir, evaluation.AuditKeyFile), filepath.Join(target.DataDir, evaluation.AuditKeyFile))
			code, _, errOut := newCLI(t, target).run("restore", "--quiet", damaged)
			if code == 0 || !strings.Contains(errOut, tc.want) {
				t.Fatalf("restore of an archive with %s: exit %d, %s", tc.name, code, errOut)
			}
			if err := backup.CheckEmptyDB(context.Background(), target.DB); err != nil {
				t.Errorf("the refused restore touched the target: %v", err)
			}
		})
	}
}

// rewriteArchive copies the archive from into to, passing each entry
// through change (which may drop it).
func rewriteArchive(t *testing.T, from, to string, change func(name string, data []byte) ([]byte, bool)) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	gz, err := gzip.NewReader(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	gw := gzip.NewWriter(out)
	tw := tar.NewWriter(gw)
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		data, keep := change(h.Name, data)
		if !keep {
			continue
		}
		h.Size = int64(len(data))
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gw.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestRestoreAnOlderSchema backs up a database at an older schema version,
// as the evald before an upgrade would, restores it at that version and
// upgrades it with `evald migrate`.
func TestRestoreAnOlderSchema(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		ctx := context.Background()
		env := evaltest.Open(t, evaltest.DialectOf(t))
		const old = 10
		if _, err := evaluation.MigrateTo(ctx, env.DB, old); err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)
		if err := env.DB.Gorm.Exec("INSERT INTO orgs (name, kind, created_at, updated_at) VALUES ('市财政局', 'department', ?, ?)",
			now, now).Error; err != nil {
			t.Fatal(err)
		}
		archive := filepath.Join(t.TempDir(), "old.tar.gz")
		newCLI(t, env).must("backup", "--out", archive, "--quiet")

		target := evaltest.Open(t, env.Dialect)
		copyFile(t, filepath.Join(env.DataDir, evaluation.AuditKeyFile), filepath.Join(target.DataDir, evaluation.AuditKeyFile))
		tc := newCLI(t, target)
		out := tc.must("restore", "--quiet", archive)
		if !strings.Contains(out, fmt.Sprintf("schema version %d", old)) || !strings.Contains(out, "run `evald migrate` next") {
			t.Fatalf("restore of a version %d backup said: %s", old, out)
		}
		if v, err := evaluation.SchemaVersion(ctx, target.DB); err != nil || v != old {
			t.Fatalf("restored schema version %d, %v; want %d", v, err, old)
		}
		tc.must("migrate")
		if err := evaluation.CheckSchema(ctx, target.DB); err != nil {
			t.Fatal(err)
		}
		var names []string
		if err := target.DB.Gorm.Raw("SELECT name FROM orgs").Scan(&names).Error; err != nil || len(names) != 1 || names[0] != "市财政局" {
			t.Fatalf("orgs after restore and migrate: %v, %v", names, err)
		}
		if out := tc.must("audit", "verify"); !strings.Contains(out, "audit chain intact") {
			t.Errorf("audit verify: %s", out)
		}
	})
}

// TestRestoreRefusesAStoreWithFiles refuses a target whose database is
// empty but whose blob store already holds a file, and writes nothing.
func TestRestoreRefusesAStoreWithFiles(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	evaltest.Seed(t, env)
	archive := filepath.Join(t.TempDir(), "b.tar.gz")
	newCLI(t, env).must("backup", "--out", archive, "--quiet")
	target := evaltest.Open(t, evaluation.SQLite)
	copyFile(t, filepath.Join(env.DataDir, evaluation.AuditKeyFile), filepath.Join(target.DataDir, evaluation.AuditKeyFile))
	files, err := blobs.NewLocalBlobs(filepath.Join(target.DataDir, "evidence"))
	if err != nil {
		t.Fatal(err)
	}
	data := []byte("an earlier file")
	if err := files.Put(context.Background(), blobs.Key(data), bytes.NewReader(data)); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := newCLI(t, target).run("restore", "--quiet", archive)
	if code == 0 || !strings.Contains(errOut, "目标不是空的") || !strings.Contains(errOut, blobs.Key(data)) {
		t.Fatalf("restore into a store with a file: exit %d, %s", code, errOut)
	}
	if err := backup.CheckEmptyDB(context.Background(), target.DB); err != nil {
		t.Errorf("the refused restore touched the database: %v", err)
	}
}
