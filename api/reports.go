package api

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/reports"
)

// ReportService is what the report handlers need: rendering and recording
// reports, and the jobs that render a whole round.
type ReportService interface {
	Report(ctx context.Context, actor evaluation.Actor, roundID, planID int64, kind evaluation.ReportKind) (*reports.Document, error)
	StartRoundJob(ctx context.Context, actor evaluation.Actor, roundID int64) (*evaluation.ReportJob, error)
	JobZIP(ctx context.Context, actor evaluation.Actor, jobID int64) (*evaluation.ReportJob, io.ReadSeekCloser, error)
}

// ReportStore is what the report handlers need of the domain.
type ReportStore interface {
	ReportJob(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.ReportJob, error)
	VerifyReport(ctx context.Context, key string) (*evaluation.VerifiedReport, error)
}

// ReportHandler serves the PDF and XLSX reports, round ZIP jobs and the
// public verification of a report.
type ReportHandler struct {
	Reports ReportService
	Store   ReportStore
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
		hdr := c.Response().Header()
		hdr.Set(echo.HeaderContentDisposition, attachmentDisposition(doc.Name))
		hdr.Set("X-Report-SHA256", doc.SHA256)
		hdr.Set("X-Report-Verification-Code", doc.VerificationCode)
		hdr.Set("Cache-Control", "no-store")
		return c.Blob(http.StatusOK, doc.ContentType, doc.Data)
	}
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
