package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// hardText is stored text that is hard on a PDF: rare place names, Chinese
// punctuation, mixed digits and Latin — long enough to span pages.
var hardText = strings.Repeat("郫都区、邛崃市的“放管服”改革——目标是2017年完成GDP 1.2万亿元（同比+8.5%）……《成都市优化营商环境条例》要求的事项尚未全部落实。", 40)

// publishedWithText publishes the world's round with one plan (P3) scored
// by eval3, who raised a finding with hardText.
func publishedWithText(t *testing.T, w *evaltest.World) *evaluation.Finding {
	t.Helper()
	ctx := context.Background()
	a := w.Assign(w.Round, w.P3, w.Eval3)
	w.Move(w.Round, evaluation.RoundOpen)
	f, err := w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval3), a.ID, evaluation.FindingRequest{IndicatorCode: "4.2",
		Severity: evaluation.SeverityCritical, Description: hardText, Recommendation: "请于30日内整改到位（含邛崃市、郫都区）。"})
	if err != nil {
		t.Fatal(err)
	}
	w.Score(a, w.Eval3, w.FullAnswers(0.6))
	w.Move(w.Round, evaluation.RoundScoringClosed)
	w.Env.Clock.Set(time.Date(2026, 5, 10, 9, 0, 0, 0, evaltest.Shanghai))
	w.Move(w.Round, evaluation.RoundPublished)
	return f
}

func newService(t *testing.T, env *evaltest.Env) *Service {
	t.Helper()
	r, err := NewRenderer(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return NewService(env.Store, r, env.Store.Blobs(), ServiceOptions{TempDir: t.TempDir()})
}

func TestServiceRendersRecordsAndVerifies(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		publishedWithText(t, w)
		s := newService(t, env)
		ctx := context.Background()
		admin := w.AdminActor()
		doc, err := s.Report(ctx, admin, w.Round.ID, w.P3.ID, evaluation.ReportEvaluation)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(doc.Data)
		if doc.SHA256 != hex.EncodeToString(sum[:]) || !bytes.HasPrefix(doc.Data, []byte("%PDF")) {
			t.Fatalf("document hash %s does not match its bytes", doc.SHA256)
		}
		// Every stored text comes back from the PDF unchanged.
		d, err := env.Store.ReportData(ctx, admin, w.Round.ID, w.P3.ID, evaluation.ReportEvaluation)
		if err != nil {
			t.Fatal(err)
		}
		er, err := EvaluationReportOf(d, w.P3.ID)
		if err != nil {
			t.Fatal(err)
		}
		body := bodyText(pdfPages(t, doc.Data), "《"+w.P3.Title+"》第三方评估报告", er.ReportNumber)
		assertContainsAll(t, body, map[string]string{"finding": hardText, "recommendation": "请于30日内整改到位（含邛崃市、郫都区）。",
			"title": w.P3.Title, "department": "市发展改革委", "agency": "西华大学", "code": ShortCode(doc.VerificationCode)})
		// Same data, same bytes — through a new renderer too.
		again, err := newService(t, env).Report(ctx, admin, w.Round.ID, w.P3.ID, evaluation.ReportEvaluation)
		if err != nil || again.SHA256 != doc.SHA256 {
			t.Fatalf("a second rendering differs: %s vs %s (%v)", again.SHA256, doc.SHA256, err)
		}
		// The report is on record: by file hash, by code, by the 16 digits on its cover.
		for _, key := range []string{doc.SHA256, doc.VerificationCode, ShortCode(doc.VerificationCode)} {
			v, err := env.Store.VerifyReport(ctx, key)
			if err != nil || !v.Genuine || v.Kind != evaluation.ReportEvaluation || v.Plan == nil || v.Plan.ID != w.P3.ID {
				t.Fatalf("verify %s: %+v, %v", key, v, err)
			}
		}
		if _, err := env.Store.VerifyReport(ctx, strings.Repeat("0", 64)); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("an unknown hash: %v", err)
		}
		rect, err := s.Report(ctx, evaluation.ActorOf(w.User("fagai", evaluation.RoleDepartment, w.DevReform)), w.Round.ID, w.P3.ID,
			evaluation.ReportRectification)
		if err != nil {
			t.Fatal(err)
		}
		rr, err := RectificationReportOf(d, w.P3.ID)
		if err != nil {
			t.Fatal(err)
		}
		body = bodyText(pdfPages(t, rect.Data), "《"+w.P3.Title+"》整改情况报告", rr.ReportNumber)
		assertContainsAll(t, body, map[string]string{"finding": hardText, "status": "待整改"})
		for _, kind := range []evaluation.ReportKind{evaluation.ReportSummaryPDF, evaluation.ReportSummaryXLSX} {
			if _, err := s.Report(ctx, admin, w.Round.ID, 0, kind); err != nil {
				t.Fatalf("%s: %v", kind, err)
			}
		}
	})
}

func TestReportAccessAndState(t *testing.T) {
	env := evaltest.New(t, evaluation.SQLite)
	w := evaltest.Seed(t, env)
	s := newService(t, env)
	ctx := context.Background()
	a := w.Assign(w.Round, w.P1, w.Eval1)
	w.Move(w.Round, evaluation.RoundOpen)
	var ce *evaluation.ConflictError
	if _, err := s.Report(ctx, w.AdminActor(), w.Round.ID, w.P1.ID, evaluation.ReportEvaluation); !errors.As(err, &ce) {
		t.Fatalf("a report while scoring: %v, want a conflict", err)
	}
	w.Score(a, w.Eval1, w.FullAnswers(0.7))
	w.Move(w.Round, evaluation.RoundScoringClosed)
	if _, err := s.Report(ctx, w.AdminActor(), w.Round.ID, w.P1.ID, evaluation.ReportEvaluation); err != nil {
		t.Fatalf("the office previews the report once scoring closed: %v", err)
	}
	if _, err := s.Report(ctx, w.AdminActor(), w.Round.ID, w.P1.ID, evaluation.ReportRectification); !errors.As(err, &ce) {
		t.Fatalf("a rectification report before publication: %v", err)
	}
	if _, err := s.Report(ctx, evaluation.ActorOf(w.DeptFinance), w.Round.ID, w.P1.ID, evaluation.ReportEvaluation); !errors.Is(err, evaluation.ErrNotFound) {
		t.Fatalf("a department before publication: %v", err)
	}
	w.Move(w.Round, evaluation.RoundPublished)
	for _, who := range []*evaluation.User{w.DeptFinance, w.Eval1, w.Viewer} {
		if _, err := s.Report(ctx, evaluation.ActorOf(who), w.Round.ID, w.P1.ID, evaluation.ReportEvaluation); err != nil {
			t.Errorf("%s: %v", who.Username, err)
		}
	}
	for _, who := range []*evaluation.User{w.DeptStateAssets, w.Eval2} {
		if _, err := s.Report(ctx, evaluation.ActorOf(who), w.Round.ID, w.P1.ID, evaluation.ReportEvaluation); !errors.Is(err, evaluation.ErrNotFound) {
			t.Errorf("%s reads another's report: %v", who.Username, err)
		}
	}
}

func TestRoundJobSurvivesItsClient(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		w.PublishRound()
		s := newService(t, env)
		// The request that started the job ends at once.
		reqCtx, cancel := context.WithCancel(context.Background())
		job, err := s.StartRoundJob(reqCtx, w.AdminActor(), w.Round.ID)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if job.Total != 2*2+2 {
			t.Fatalf("job total %d, want 2 plans × 2 reports + 2 summaries", job.Total)
		}
		ctx := context.Background()
		deadline := time.Now().Add(30 * time.Second)
		for job.Status != evaluation.JobDone {
			if job.Status == evaluation.JobFailed || time.Now().After(deadline) {
				t.Fatalf("job: %+v", job)
			}
			time.Sleep(50 * time.Millisecond)
			if job, err = env.Store.ReportJob(ctx, w.AdminActor(), job.ID); err != nil {
				t.Fatal(err)
			}
		}
		if job.Done != job.Total {
			t.Fatalf("done %d of %d", job.Done, job.Total)
		}
		_, rc, err := s.JobZIP(ctx, w.AdminActor(), job.ID)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		_, err = buf.ReadFrom(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		if len(names) != 6 || !strings.HasPrefix(names[0], "评估报告/") || !strings.HasPrefix(names[1], "整改情况报告/") {
			t.Fatalf("zip entries: %v", names)
		}
		// Each PDF in the ZIP is on record.
		f, err := zr.File[0].Open()
		if err != nil {
			t.Fatal(err)
		}
		var pdf bytes.Buffer
		if _, err := pdf.ReadFrom(f); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(pdf.Bytes())
		if _, err := env.Store.VerifyReport(ctx, hex.EncodeToString(sum[:])); err != nil {
			t.Fatalf("a PDF of the ZIP is not on record: %v", err)
		}
		if _, _, err := s.JobZIP(ctx, evaluation.ActorOf(w.Viewer), job.ID); !errors.Is(err, evaluation.ErrNotFound) {
			t.Fatalf("another reader's job: %v", err)
		}
	})
}
