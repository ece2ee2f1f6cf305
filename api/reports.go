package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/reports"
)

// ReportService is what the report handlers need: rendering and recording
// reports, and the jobs that render a whole round.
type ReportService interface {
	Report(ctx context.Context, actor evaluation.Actor, roundID, planID int64, kind evaluation.ReportKind) (*reports.Document, error)
	StartRoundJob(ctx context.Context, actor evaluation.Actor, roundID int64) (*evaluation.ReportJob, error)
	JobZIP(ctx context.Context, actor evaluation.Actor, jobID int64) (*evaluation.ReportJob, io.ReadSeekCloser, error)
	Scorecard(ctx context.Context, actor evaluation.Actor, year int) (*reports.Document, error)
	IssuedReport(ctx context.Context, actor evaluation.Actor, roundID, planID int64, version int) (*reports.Document, error)
}

// ReportStore is what the report handlers need of the domain.
type ReportStore interface {
	ReportJob(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.ReportJob, error)
	VerifyReport(ctx context.Context, key string) (*evaluation.VerifiedReport, error)
	ReissueEvaluationReport(ctx context.Context, actor evaluation.Actor, roundID, planID int64, req evaluation.ReissueRequest) (*evaluation.IssuedReport, error)
	IssuedVersions(ctx context.Context, actor evaluation.Actor, roundID int64) (evaluation.List[evaluation.IssuedVersion], error)
	IssuedReportVersions(ctx context.Context, actor evaluation.Actor, roundID, planID int64) (evaluation.List[evaluation.IssuedReportVersion], error)
}

// ReportHandler serves the PDF and XLSX reports, round ZIP jobs, reissues
// and the public verification of a report (by hash, code or the file).
type ReportHandler struct {
	Reports ReportService
	Store   ReportStore
	limit   echo.MiddlewareFunc // per-address limit of files sent to verify
}

// MaxVerifyFileSize is the largest PDF the public verify page takes.
const MaxVerifyFileSize = 50 << 20

// VerifyFileRate is how many files a minute one client address may send to
// be verified: hashing 50 MB is cheap, but not free.
const VerifyFileRate = 20

// newReportHandler builds the handler with its per-address limiter, kept in
// memory like the public survey's (DESIGN.md "Several servers").
func newReportHandler(svc ReportService, store ReportStore) *ReportHandler {
	tooMany := &apiError{status: http.StatusTooManyRequests, code: "too_many_requests", message: "查验过于频繁，请稍后再试"}
	limiter := middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(float64(VerifyFileRate) / 60), Burst: VerifyFileRate, ExpiresIn: 3 * time.Minute,
		}),
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", strconv.Itoa(60/VerifyFileRate))
			return tooMany
		},
	})
	return &ReportHandler{Reports: svc, Store: store, limit: limiter}
}

// limited wraps a handler in the per-address limit of verified files.
func (h *ReportHandler) limited(next echo.HandlerFunc) echo.HandlerFunc {
	if h == nil || h.limit == nil { // a route table listed without a server
		return next
	}
	return h.limit(next)
}

// attachmentDisposition names a download, with the UTF-8 name for browsers.
func attachmentDisposition(name string) string {
	return mime.FormatMediaType("attachment", map[string]string{"filename": name})
}

// document returns a handler serving one kind of report.
func (h *ReportHandler) document(kind evaluation.ReportKind) echo.HandlerFunc {
	return func(c echo.Context) error {
		doc, err := h.Reports.Report(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"), kind)
		if err != nil {
			return err
		}
		return sendDocument(c, doc)
	}
}

// reportVersionQuery is the issued version of an evaluation report asked
// for; absent: the current one.
type reportVersionQuery struct {
	Version int64 `query:"version" validate:"id"`
}

// evaluationReport serves a plan's evaluation report: the current version,
// or with ?version=N that issued version, byte for byte as it was issued
// (DECISIONS.md "Earlier versions of a report").
func (h *ReportHandler) evaluationReport(c echo.Context) error {
	var q reportVersionQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	if q.Version == 0 {
		return h.document(evaluation.ReportEvaluation)(c)
	}
	if q.Version > math.MaxInt32 {
		return evaluation.ErrNotFound
	}
	doc, err := h.Reports.IssuedReport(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"), int(q.Version))
	if err != nil {
		return err
	}
	return sendDocument(c, doc)
}

// scorecardPDF serves a year's department scorecard (考核计分表) as a PDF,
// recorded under its year like every report handed out (DECISIONS.md "The
// scorecard"); a department gets its own row, as with the JSON and XLSX.
func (h *ReportHandler) scorecardPDF(c echo.Context) error {
	var q scorecardQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	doc, err := h.Reports.Scorecard(c.Request().Context(), actor(c), int(q.Year))
	if err != nil {
		return err
	}
	return sendDocument(c, doc)
}

// sendDocument sends a report handed out, with its SHA-256 and verification code.
func sendDocument(c echo.Context, doc *reports.Document) error {
	hdr := c.Response().Header()
	hdr.Set(echo.HeaderContentDisposition, attachmentDisposition(doc.Name))
	hdr.Set("X-Report-SHA256", doc.SHA256)
	hdr.Set("X-Report-Verification-Code", doc.VerificationCode)
	hdr.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, doc.ContentType, doc.Data)
}

// JobResponse is a round report job as the API shows it.
type JobResponse struct {
	JobID int64 `json:"job_id"`
	*evaluation.ReportJob
	DownloadURL *string `json:"download_url"`
}

func jobResponse(j *evaluation.ReportJob) JobResponse {
	r := JobResponse{JobID: j.ID, ReportJob: j}
	if j.Status == evaluation.JobDone {
		u := fmt.Sprintf("/api/v1/jobs/%d/download", j.ID)
		r.DownloadURL = &u
	}
	return r
}

func (h *ReportHandler) startJob(c echo.Context) error {
	j, err := h.Reports.StartRoundJob(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, jobResponse(j))
}

func (h *ReportHandler) job(c echo.Context) error {
	j, err := h.Store.ReportJob(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, jobResponse(j))
}

func (h *ReportHandler) download(c echo.Context) error {
	j, rc, err := h.Reports.JobZIP(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	defer rc.Close()
	hdr := c.Response().Header()
	hdr.Set(echo.HeaderContentDisposition, attachmentDisposition(fmt.Sprintf("评估轮次%d全部报告.zip", j.RoundID)))
	hdr.Set(echo.HeaderContentLength, strconv.FormatInt(j.Size, 10))
	hdr.Set("X-Content-SHA256", j.BlobKey)
	return c.Stream(http.StatusOK, reports.ContentZIP, rc)
}

// verify answers whether a PDF is genuine, by the SHA-256 of the file or its
// verification code (64 or the 16 hex digits on the cover), without login.
func (h *ReportHandler) verify(c echo.Context) error {
	key := strings.ToLower(strings.Join(strings.Fields(c.Param("sha256")), ""))
	v, err := h.Store.VerifyReport(c.Request().Context(), key)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

// verifyFile answers whether an uploaded PDF is genuine, by its SHA-256,
// without login. The file is hashed as it arrives, never held in memory.
func (h *ReportHandler) verifyFile(c echo.Context) error {
	mr, err := c.Request().MultipartReader()
	if err != nil {
		return evaluation.Invalid("file", "请选择要查验的 PDF 文件")
	}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			return evaluation.Invalid("file", "请选择要查验的 PDF 文件")
		}
		if err != nil {
			return &apiError{status: http.StatusBadRequest, code: "bad_request", message: "上传的内容无法解析"}
		}
		if part.FormName() != "file" {
			continue
		}
		sum, err := hashPDF(part)
		if err != nil {
			return err
		}
		v, err := h.Store.VerifyReport(c.Request().Context(), sum)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, v)
	}
}

// hashPDF is the SHA-256 of a PDF read from r: a file that does not start
// like a PDF, or is larger than MaxVerifyFileSize, is refused.
func hashPDF(r io.Reader) (string, error) {
	head := make([]byte, 5)
	n, err := io.ReadFull(r, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", err
	}
	if !bytes.Equal(head[:n], []byte("%PDF-")) {
		return "", evaluation.Invalid("file", "不是 PDF 文件：请上传本平台出具的 PDF 报告")
	}
	h := sha256.New()
	h.Write(head)
	copied, err := io.Copy(h, io.LimitReader(r, MaxVerifyFileSize-int64(n)+1))
	if err != nil {
		return "", err
	}
	if int64(n)+copied > MaxVerifyFileSize {
		return "", &apiError{status: http.StatusRequestEntityTooLarge, code: "too_large", message: "查验的文件不能超过50MB"}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ReissueResponse is a reissued evaluation report: its new version.
type ReissueResponse struct {
	Version  int       `json:"version"`
	Reason   string    `json:"reason"`
	IssuedAt time.Time `json:"issued_at"`
}

// reissue issues a plan's evaluation report again from the current data.
func (h *ReportHandler) reissue(c echo.Context) error {
	var req evaluation.ReissueRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	ir, err := h.Store.ReissueEvaluationReport(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, ReissueResponse{Version: ir.Version, Reason: ir.Reason, IssuedAt: ir.IssuedAt})
}

// issuedVersions lists the current version of each plan's issued
// evaluation report in a round.
func (h *ReportHandler) issuedVersions(c echo.Context) error {
	l, err := h.Store.IssuedVersions(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, l)
}

// issuedReportVersions lists every version of a plan's issued evaluation
// report, the current one marked.
func (h *ReportHandler) issuedReportVersions(c echo.Context) error {
	l, err := h.Store.IssuedReportVersions(c.Request().Context(), actor(c), pathID(c, "id"), pathID(c, "plan_id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, l)
}
