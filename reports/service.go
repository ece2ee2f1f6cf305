package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/text"
)

// ReportStore is what the service needs of the domain (*evaluation.Store
// has it): each report's data, loaded for a caller who may have it, the
// record of every document handed out, the round jobs, and the yearly
// scorecard with its issuer.
type ReportStore interface {
	ReportData(ctx context.Context, actor evaluation.Actor, roundID, planID int64, kind evaluation.ReportKind) (*evaluation.RoundReportData, error)
	IssuedReportData(ctx context.Context, actor evaluation.Actor, roundID, planID int64, version int) (*evaluation.RoundReportData, error)
	RecordReports(ctx context.Context, actor evaluation.Actor, recs []evaluation.ReportRecord) error
	CreateReportJob(ctx context.Context, actor evaluation.Actor, roundID int64, total int) (*evaluation.ReportJob, error)
	ClaimReportJob(ctx context.Context, owner string, id int64, lease time.Duration) (*evaluation.ReportJob, error)
	RenewReportJob(ctx context.Context, id int64, owner string, done int, lease time.Duration) error
	ReleaseReportJob(ctx context.Context, id int64, owner string) error
	ReportJobActor(ctx context.Context, job *evaluation.ReportJob) (evaluation.Actor, error)
	FinishReportJob(ctx context.Context, id int64, owner, blobKey string, size int64, jobErr error) error
	ReportJob(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.ReportJob, error)
	DepartmentScorecard(ctx context.Context, actor evaluation.Actor, year int) (*evaluation.Scorecard, error)
	Issuer(ctx context.Context) (string, error)
	Today() evaluation.Date
}

// Blobs keeps the ZIPs of round jobs by key (the store's evaluation.Blobs).
type Blobs interface {
	Put(ctx context.Context, key string, r io.Reader) error
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
}

// Service hands out the platform's reports: it loads their data through
// the store (which decides who may have which report), renders them,
// records every document it hands out by its SHA-256 for verification, and
// runs the jobs that render a whole round into one ZIP.
type Service struct {
	store    ReportStore
	renderer *Renderer
	blobs    Blobs
	base     context.Context // the lifetime of background jobs
	log      *slog.Logger
	workers  int
	tempDir  string
	owner    string         // this replica's name on the jobs it claims
	lease    time.Duration  // how long a claim holds without renewal
	running  sync.WaitGroup // background jobs
}

// ServiceOptions configure a Service.
type ServiceOptions struct {
	// Jobs is the context background jobs run under (the server's lifetime);
	// a client that goes away does not stop its job. Default: Background.
	Jobs    context.Context
	Logger  *slog.Logger
	Workers int    // documents rendered at once; default GOMAXPROCS
	TempDir string // where a round's ZIP is assembled; default os.TempDir()
	// Owner names this replica on the jobs it claims (DESIGN.md "Several
	// servers"); default: host name, process id and a random suffix.
	Owner string
	// JobLease is how long a claim on a job holds without renewal;
	// default evaluation.DefaultJobLease.
	JobLease time.Duration
}

// NewService returns a report service.
func NewService(store ReportStore, renderer *Renderer, blobs Blobs, opts ServiceOptions) *Service {
	s := &Service{store: store, renderer: renderer, blobs: blobs, base: opts.Jobs, log: opts.Logger, workers: opts.Workers, tempDir: opts.TempDir}
	if s.base == nil {
		s.base = context.Background()
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.workers <= 0 {
		s.workers = runtime.GOMAXPROCS(0)
	}
	s.owner, s.lease = opts.Owner, opts.JobLease
	if s.owner == "" {
		s.owner = replicaName()
	}
	if s.lease <= 0 {
		s.lease = evaluation.DefaultJobLease
	}
	return s
}

// replicaName names this process among the replicas: host, pid and a
// random suffix (a restarted container may reuse both), at most 100
// characters (report_jobs.lease_owner).
func replicaName() string {
	host, err := os.Hostname()
	if err != nil {
		host = "evald"
	}
	var b [4]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	suffix := fmt.Sprintf("/%d/%x", os.Getpid(), b)
	return text.ClipText(host, text.ColumnLimit("report_jobs.lease_owner")-len(suffix)) + suffix
}

// Document is a rendered report, as handed out.
type Document struct {
	Name             string // file name for downloads
	ContentType      string
	Data             []byte
	SHA256           string
	VerificationCode string
}

// Content types of the documents.
const (
	ContentPDF  = "application/pdf"
	ContentXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	ContentZIP  = "application/zip"
)

// docRecord is what the store keeps of a document handed out.
func docRecord(d *Document, kind evaluation.ReportKind, roundID, planID int64, date string) evaluation.ReportRecord {
	rec := evaluation.ReportRecord{SHA256: d.SHA256, VerificationCode: d.VerificationCode, Kind: kind, RoundID: &roundID,
		Size: int64(len(d.Data)), ReportDate: evaluation.Date(date)}
	if planID != 0 {
		rec.PlanID = &planID
	}
	return rec
}

// render renders one report of a plan (or of the round for planID 0).
func (s *Service) render(d *evaluation.RoundReportData, kind evaluation.ReportKind, planID int64) (*Document, evaluation.ReportRecord, error) {
	var buf bytes.Buffer
	doc := &Document{ContentType: ContentPDF}
	var code, date string
	var version int
	var draft bool
	var err error
	switch kind {
	case evaluation.ReportEvaluation:
		var r *EvaluationReport
		if r, err = EvaluationReportOf(d, planID); err == nil {
			doc.Name = fileName(r.Plan.Code, "《"+r.Plan.Title+"》", "第三方评估报告.pdf")
			date, version, draft = r.Date, r.Version, r.Draft
			if code, err = r.VerificationCode(); err == nil {
				err = s.renderer.EvaluationReport(&buf, r)
			}
		}
	case evaluation.ReportRectification:
		var r *RectificationReport
		if r, err = RectificationReportOf(d, planID); err == nil {
			doc.Name = fileName(r.Plan.Code, "《"+r.Plan.Title+"》", "整改情况报告.pdf")
			date = r.Date
			if code, err = r.VerificationCode(); err == nil {
				err = s.renderer.RectificationReport(&buf, r)
			}
		}
	case evaluation.ReportSummaryPDF, evaluation.ReportSummaryXLSX:
		r := RoundSummaryOf(d)
		date = r.Date
		if code, err = r.VerificationCode(); err == nil {
			if kind == evaluation.ReportSummaryPDF {
				doc.Name = fileName(r.ReportNumber, d.Round.Name, "评估结果汇总.pdf")
				err = s.renderer.RoundSummaryPDF(&buf, r)
			} else {
				doc.Name, doc.ContentType = fileName(r.ReportNumber, d.Round.Name, "评估结果汇总.xlsx"), ContentXLSX
				err = RoundSummaryXLSX(&buf, r)
			}
		}
	default:
		err = fmt.Errorf("reports: unknown kind %q", kind)
	}
	if err != nil {
		return nil, evaluation.ReportRecord{}, err
	}
	doc.Data = buf.Bytes()
	sum := sha256.Sum256(doc.Data)
	doc.SHA256, doc.VerificationCode = hex.EncodeToString(sum[:]), code
	rec := docRecord(doc, kind, d.Round.ID, planID, date)
	if version > 0 {
		rec.Version = &version
	}
	rec.Draft = draft
	return doc, rec, nil
}

// Report renders one report for the actor and records it: kind evaluation
// or rectification of a plan, or a summary of the round (planID 0).
func (s *Service) Report(ctx context.Context, actor evaluation.Actor, roundID, planID int64, kind evaluation.ReportKind) (*Document, error) {
	d, err := s.store.ReportData(ctx, actor, roundID, planID, kind)
	if err != nil {
		return nil, err
	}
	return s.renderRecorded(ctx, actor, d, kind, planID)
}

// IssuedReport renders version n of a plan's issued evaluation report from
// its snapshot and records it: the same bytes as when it was current, so it
// verifies as that version (superseded once reissued).
func (s *Service) IssuedReport(ctx context.Context, actor evaluation.Actor, roundID, planID int64, version int) (*Document, error) {
	d, err := s.store.IssuedReportData(ctx, actor, roundID, planID, version)
	if err != nil {
		return nil, err
	}
	return s.renderRecorded(ctx, actor, d, evaluation.ReportEvaluation, planID)
}

// renderRecorded renders one report of d and records it as handed out to actor.
func (s *Service) renderRecorded(ctx context.Context, actor evaluation.Actor, d *evaluation.RoundReportData,
	kind evaluation.ReportKind, planID int64) (*Document, error) {
	doc, rec, err := s.render(d, kind, planID)
	if err != nil {
		return nil, err
	}
	if err := s.store.RecordReports(ctx, actor, []evaluation.ReportRecord{rec}); err != nil {
		return nil, err
	}
	return doc, nil
}

// roundDocuments lists the documents of a round's ZIP: every plan's
// evaluation report, its rectification report once the round is published,
// and the summary as PDF and XLSX.
type roundDoc struct {
	kind   evaluation.ReportKind
	planID int64
	dir    string
}

func roundDocuments(d *evaluation.RoundReportData) []roundDoc {
	var docs []roundDoc
	for _, id := range d.PlanIDs() {
		if d.Complete(id) {
			docs = append(docs, roundDoc{evaluation.ReportEvaluation, id, "评估报告/"})
		}
		if d.Published() {
			docs = append(docs, roundDoc{evaluation.ReportRectification, id, "整改情况报告/"})
		}
	}
	return append(docs, roundDoc{evaluation.ReportSummaryPDF, 0, ""}, roundDoc{evaluation.ReportSummaryXLSX, 0, ""})
}

// WriteRoundZIP renders every report of a round into one ZIP written to w,
// on all workers, in a fixed order (so the ZIP's entries are always the
// same), telling progress after each document. Documents are written as
// soon as they and those before them are done, so memory stays flat however
// large the round. Every document is recorded.
func (s *Service) WriteRoundZIP(ctx context.Context, w io.Writer, actor evaluation.Actor, roundID int64, progress func(done, total int)) error {
	d, err := s.store.ReportData(ctx, actor, roundID, 0, evaluation.ReportEvaluation)
	if err != nil {
		return err
	}
	return s.writeZIP(ctx, w, actor, d, progress)
}

func (s *Service) writeZIP(ctx context.Context, w io.Writer, actor evaluation.Actor, d *evaluation.RoundReportData, progress func(done, total int)) error {
	docs := roundDocuments(d)
	type result struct {
		doc *Document
		rec evaluation.ReportRecord
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	// Each document has its own channel; workers take the next index, and
	// the writer waits for the documents in order. The semaphore bounds the
	// documents rendered but not yet written, which bounds memory.
	slots := make([]chan result, len(docs))
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	ahead := make(chan struct{}, 2*s.workers)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range docs {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range s.workers {
		wg.Go(func() {
			for i := range next {
				doc, rec, err := s.render(d, docs[i].kind, docs[i].planID)
				slots[i] <- result{doc, rec, err}
			}
		})
	}
	defer func() {
		cancel() // stops the feeder first, so that the workers can finish
		wg.Wait()
	}()

	zw := zip.NewWriter(w)
	modified := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", string(d.ReportDate())); err == nil {
		modified = t
	}
	var recs []evaluation.ReportRecord
	flush := func() error {
		err := s.store.RecordReports(ctx, actor, recs)
		recs = recs[:0]
		return err
	}
	for i := range docs {
		var res result
		select {
		case res = <-slots[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-ahead
		if res.err != nil {
			return fmt.Errorf("render %s of plan %d: %w", docs[i].kind, docs[i].planID, res.err)
		}
		// Stored, not deflated: PDF streams and XLSX parts are compressed already.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: docs[i].dir + res.doc.Name, Method: zip.Store, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := f.Write(res.doc.Data); err != nil {
			return err
		}
		if recs = append(recs, res.rec); len(recs) == 100 {
			if err := flush(); err != nil {
				return err
			}
		}
		if progress != nil {
			progress(i+1, len(docs))
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if readme := zipReadme(d); readme != "" {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: ZIPReadme, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, readme); err != nil {
			return err
		}
	}
	return zw.Close()
}

// ZIPReadme is the name of the note, inside a round's ZIP, listing the
// plans left out because their result is not complete.
const ZIPReadme = "README.txt"

// zipReadme lists the plans without an evaluation report in a round's ZIP
// ("" when every plan has one): code, title, submitted scoresheets.
func zipReadme(d *evaluation.RoundReportData) string {
	ids := d.WithoutResult()
	if len(ids) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\r\n\r\n以下%d个方案没有完整的评估结果（本轮要求至少%d份已提交的评分表），未出具评估报告：\r\n\r\n",
		d.Round.Name, len(ids), max(d.Round.MinRaters, 1))
	for _, id := range ids {
		p := d.Results.Plans[id]
		res, _ := d.Result(id)
		fmt.Fprintf(&b, "%s\t%s\t已提交评分表%d份\r\n", p.Code, p.Title, res.Raters)
	}
	return b.String()
}

// RoundDocuments counts the documents of a round's ZIP.
func RoundDocuments(d *evaluation.RoundReportData) int { return len(roundDocuments(d)) }

// StartRoundJob queues a job rendering every report of a round into one ZIP
// and, having claimed it, runs it in the background: it goes on if the
// client goes away, and its progress and result are read with
// Store.ReportJob on any replica. Should this replica die, another claims
// the job once its lease runs out (RunJobs).
func (s *Service) StartRoundJob(ctx context.Context, actor evaluation.Actor, roundID int64) (*evaluation.ReportJob, error) {
	if s.blobs == nil {
		return nil, errors.New("reports: no blob store for round ZIPs")
	}
	d, err := s.store.ReportData(ctx, actor, roundID, 0, evaluation.ReportEvaluation)
	if err != nil {
		return nil, err
	}
	job, err := s.store.CreateReportJob(ctx, actor, roundID, RoundDocuments(d))
	if err != nil {
		return nil, err
	}
	claimed, err := s.store.ClaimReportJob(context.WithoutCancel(ctx), s.owner, job.ID, s.lease)
	if err != nil {
		return nil, err
	}
	if claimed != nil { // nil: another replica's worker was quicker
		s.running.Go(func() { s.runJob(claimed, actor, d) })
	}
	return job, nil
}

// RunJobs claims the jobs no replica is running — queued, or left by a
// replica that died — and runs them, one at a time, polling every interval
// until ctx ends. Every serving replica runs it.
func (s *Service) RunJobs(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		for ctx.Err() == nil && s.runOrphan(ctx) {
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// runOrphan claims and runs one job nobody runs; it reports whether there
// was one.
func (s *Service) runOrphan(ctx context.Context) bool {
	job, err := s.store.ClaimReportJob(ctx, s.owner, 0, s.lease)
	if err != nil {
		s.log.Error("claim report job", "err", err)
		return false
	}
	if job == nil {
		return false
	}
	s.log.Info("report job claimed", "job", job.ID, "round", job.RoundID, "attempt", job.Attempts)
	actor, err := s.store.ReportJobActor(ctx, job)
	var d *evaluation.RoundReportData
	if err == nil {
		d, err = s.store.ReportData(ctx, actor, job.RoundID, 0, evaluation.ReportEvaluation)
	}
	if err != nil {
		s.finish(job, "", 0, err)
		return true
	}
	s.running.Add(1)
	defer s.running.Done()
	s.runJob(job, actor, d)
	return true
}

// Wait waits for the background jobs started so far to end (a server
// shutting down cancels their context first).
func (s *Service) Wait() { s.running.Wait() }

// runJob renders a round's ZIP into a temporary file, then stores it,
// renewing the job's lease as it goes; a lease lost to another replica
// stops it.
func (s *Service) runJob(job *evaluation.ReportJob, actor evaluation.Actor, d *evaluation.RoundReportData) {
	ctx, cancel := context.WithCancel(s.base)
	defer cancel()
	var done atomic.Int64
	beat := make(chan struct{})
	go func() {
		defer close(beat)
		s.heartbeat(ctx, cancel, job, &done)
	}()
	key, size, err := s.jobZIP(ctx, job, actor, d, func(n int) { done.Store(int64(n)) })
	lost := ctx.Err() != nil && s.base.Err() == nil // cancelled by the heartbeat
	cancel()
	<-beat
	switch {
	case lost:
		return // the replica that holds the job now finishes it
	case err != nil && s.base.Err() != nil:
		// The server is shutting down: hand the job back for another
		// replica, or this one once restarted.
		if rerr := s.store.ReleaseReportJob(context.WithoutCancel(s.base), job.ID, s.owner); rerr != nil && !errors.Is(rerr, evaluation.ErrLeaseLost) {
			s.log.Error("release report job", "job", job.ID, "err", rerr)
		}
		s.log.Info("report job handed back at shutdown", "job", job.ID)
		return
	case err != nil:
		s.log.Error("report job failed", "job", job.ID, "round", job.RoundID, "err", err)
	}
	s.finish(job, key, size, err)
}

// heartbeat renews the job's lease with its progress, every third of the
// lease (at least every second, so that progress shows), until ctx ends; a
// lost lease cancels the job.
func (s *Service) heartbeat(ctx context.Context, cancel context.CancelFunc, job *evaluation.ReportJob, done *atomic.Int64) {
	t := time.NewTicker(min(s.lease/3, time.Second))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		err := s.store.RenewReportJob(context.WithoutCancel(ctx), job.ID, s.owner, int(done.Load()), s.lease)
		if errors.Is(err, evaluation.ErrLeaseLost) {
			s.log.Warn("report job lost to another replica", "job", job.ID)
			cancel()
			return
		}
		if err != nil {
			s.log.Warn("renew report job", "job", job.ID, "err", err)
		}
	}
}

// finish records a job's outcome, unless another replica holds it now.
func (s *Service) finish(job *evaluation.ReportJob, key string, size int64, err error) {
	ferr := s.store.FinishReportJob(context.WithoutCancel(s.base), job.ID, s.owner, key, size, err)
	if errors.Is(ferr, evaluation.ErrLeaseLost) {
		s.log.Warn("report job finished by another replica", "job", job.ID)
	} else if ferr != nil {
		s.log.Error("finish report job", "job", job.ID, "err", ferr)
	}
}

func (s *Service) jobZIP(ctx context.Context, job *evaluation.ReportJob, actor evaluation.Actor, d *evaluation.RoundReportData,
	progress func(done int)) (string, int64, error) {
	tmp, err := os.CreateTemp(s.tempDir, "evald-round-*.zip")
	if err != nil {
		return "", 0, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	h := sha256.New()
	err = s.writeZIP(ctx, io.MultiWriter(tmp, h), actor, d, func(done, _ int) { progress(done) })
	if err != nil {
		return "", 0, err
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return "", 0, err
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return "", 0, err
	}
	key := hex.EncodeToString(h.Sum(nil))
	if err := s.blobs.Put(ctx, key, tmp); err != nil {
		return "", 0, err
	}
	return key, size, nil
}

// JobZIP opens the ZIP of a finished job for its creator (or an admin).
func (s *Service) JobZIP(ctx context.Context, actor evaluation.Actor, jobID int64) (*evaluation.ReportJob, io.ReadSeekCloser, error) {
	job, err := s.store.ReportJob(ctx, actor, jobID)
	if err != nil {
		return nil, nil, err
	}
	switch job.Status {
	case evaluation.JobDone:
	case evaluation.JobFailed:
		return nil, nil, &evaluation.ConflictError{Code: "failed", Message: "报告生成失败，请重新生成：" + job.Error}
	default:
		return nil, nil, &evaluation.ConflictError{Code: "not_ready", Message: "报告尚未生成完毕"}
	}
	rc, err := s.blobs.Open(ctx, job.BlobKey)
	if err != nil {
		return nil, nil, err
	}
	return job, rc, nil
}

// Scorecard renders a year's department scorecard (考核计分表) as a PDF for
// the actor — every department for the office and leaders, its own row for
// a department — and records it under its year, so that it verifies like a
// round's reports. Year 0 is this year in EVAL_TZ.
func (s *Service) Scorecard(ctx context.Context, actor evaluation.Actor, year int) (*Document, error) {
	if year == 0 {
		year = s.store.Today().Year()
	}
	sc, err := s.store.DepartmentScorecard(ctx, actor, year)
	if err != nil {
		return nil, err
	}
	issuer, err := s.store.Issuer(ctx)
	if err != nil {
		return nil, err
	}
	code, err := ScorecardCode(sc)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := s.renderer.ScorecardPDF(&buf, sc, issuer, code); err != nil {
		return nil, err
	}
	doc := &Document{Name: fmt.Sprintf("%d年度牵头单位改革评估考核计分表.pdf", year), ContentType: ContentPDF, Data: buf.Bytes(),
		VerificationCode: code}
	sum := sha256.Sum256(doc.Data)
	doc.SHA256 = hex.EncodeToString(sum[:])
	rec := evaluation.ReportRecord{SHA256: doc.SHA256, VerificationCode: code, Kind: evaluation.ReportScorecard, Year: &year,
		Size: int64(len(doc.Data)), ReportDate: sc.AsOf}
	if err := s.store.RecordReports(ctx, actor, []evaluation.ReportRecord{rec}); err != nil {
		return nil, err
	}
	return doc, nil
}
