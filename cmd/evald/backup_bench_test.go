package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// BenchmarkBackupRestore backs up and restores the data of
// `evald demo --scale 349` on SQLite (the scale comes from
// EVAL_BENCH_SCALE, 349 unless set) and reports, besides the time, the
// largest heap seen during an operation: rows stream, so it stays flat as
// the data grows.
//
//	go test ./cmd/evald/ -run '^$' -bench BenchmarkBackupRestore -benchtime 3x
func BenchmarkBackupRestore(b *testing.B) {
	scale := "349"
	if s := os.Getenv("EVAL_BENCH_SCALE"); s != "" {
		scale = s
	}
	env := evaltest.New(b, evaluation.SQLite)
	source := benchEnv(env.DataDir, env.DSN)
	mustRun(b, source, "demo", "--scale", scale)
	archive := filepath.Join(b.TempDir(), "backup.tar.gz")
	b.Run("backup", func(b *testing.B) {
		peak := watchHeap(b)
		for range b.N {
			mustRun(b, source, "backup", "--out", archive, "--quiet")
		}
		peak()
	})
	key := filepath.Join(env.DataDir, evaluation.AuditKeyFile)
	b.Run("restore", func(b *testing.B) {
		peak := watchHeap(b)
		for range b.N {
			b.StopTimer()
			dir := b.TempDir()
			data, err := os.ReadFile(key)
			if err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, evaluation.AuditKeyFile), data, 0o600); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			mustRun(b, benchEnv(dir, ""), "restore", "--quiet", archive)
		}
		peak()
	})
}

// benchEnv is the environment of evald on a data folder (and DSN).
func benchEnv(dir, dsn string) map[string]string {
	return map[string]string{"EVAL_DATA_DIR": dir, "EVAL_DB_DSN": dsn, "EVAL_DEMO_PASSWORD": "demo-password-1"}
}

// mustRun runs evald in the process and fails on a non-zero exit.
func mustRun(b *testing.B, env map[string]string, args ...string) {
	b.Helper()
	var out, errOut bytes.Buffer
	if code := run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut); code != 0 {
		b.Fatalf("evald %v exited %d\n%s%s", args, code, out.String(), errOut.String())
	}
}

// watchHeap samples the heap in use until the returned function is called,
// which reports the largest sample as peak-heap-MB.
func watchHeap(b *testing.B) func() {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > peak.Load() {
					peak.Store(ms.HeapInuse)
				}
			}
		}
	}()
	return func() {
		close(stop)
		<-done
		b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
	}
}
