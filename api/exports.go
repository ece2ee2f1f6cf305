package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/reports"
)

// MaxExportRows is the most rows an export holds: beyond, it answers 422 and
// asks for narrower filters.
const MaxExportRows = 100_000

// ExportStore is what the exports need of the domain: the list methods of
// the list routes they mirror, so the same filters and role rules apply.
type ExportStore interface {
	Plans(ctx context.Context, f evaluation.PlanFilter) (evaluation.List[evaluation.Plan], error)
	Users(ctx context.Context, f evaluation.UserFilter) (evaluation.List[evaluation.User], error)
	Orgs(ctx context.Context, f evaluation.OrgFilter) (evaluation.List[evaluation.Org], error)
	ListAudit(ctx context.Context, f evaluation.AuditFilter) (evaluation.List[evaluation.AuditEvent], error)
	Findings(ctx context.Context, actor evaluation.Actor, f evaluation.FindingFilter) (evaluation.List[evaluation.FindingView], error)
	RoundRectification(ctx context.Context, actor evaluation.Actor, roundID int64) (*evaluation.Rectification, error)
	Location() *time.Location
}

// ExportHandler serves the lists as XLSX workbooks (docs/API.md "Exports")
// and the plan import template.
type ExportHandler struct{ Store ExportStore }

// allPages reads every page of a list, refusing more than MaxExportRows.
func allPages[T any](list func(evaluation.Page) (evaluation.List[T], error)) ([]T, error) {
	var out []T
	for page := 1; ; page++ {
		l, err := list(evaluation.Page{Page: page, PerPage: evaluation.MaxPerPage})
		if err != nil {
			return nil, err
		}
		if l.Total > MaxExportRows {
			return nil, evaluation.Invalid("filter", fmt.Sprintf("符合条件的有%d行，导出最多%d行，请缩小筛选范围", l.Total, MaxExportRows))
		}
		out = append(out, l.Items...)
		if len(l.Items) < evaluation.MaxPerPage || int64(len(out)) >= l.Total {
			return out, nil
		}
	}
}

// orgNames names every organisation by id.
func (h *ExportHandler) orgNames(ctx context.Context) (map[int64]string, error) {
	orgs, err := allPages(func(p evaluation.Page) (evaluation.List[evaluation.Org], error) {
		return h.Store.Orgs(ctx, evaluation.OrgFilter{Page: p})
	})
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(orgs))
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	return names, nil
}

// send writes a workbook as a download named name plus today's date.
func (h *ExportHandler) send(c echo.Context, name string, write func(w io.Writer) error) error {
	return sendXLSX(c, h.Store.Location(), name, write)
}

// sendXLSX writes a workbook as a download named name plus today's date in loc.
func sendXLSX(c echo.Context, loc *time.Location, name string, write func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	hdr := c.Response().Header()
	today := time.Now().In(loc).Format(time.DateOnly)
	hdr.Set(echo.HeaderContentDisposition, attachmentDisposition(safeFileName(name)+" "+today+".xlsx"))
	hdr.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, reports.ContentXLSX, buf.Bytes())
}

func (h *ExportHandler) plans(c echo.Context) error {
	var q planQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	ctx := c.Request().Context()
	plans, err := allPages(func(p evaluation.Page) (evaluation.List[evaluation.Plan], error) {
		f := evaluation.PlanFilter(q)
		f.Page = p
		return h.Store.Plans(ctx, f)
	})
	if err != nil {
		return err
	}
	orgs, err := h.orgNames(ctx)
	if err != nil {
		return err
	}
	return h.send(c, "方案清单", func(w io.Writer) error { return reports.PlansXLSX(w, plans, orgs) })
}

func (h *ExportHandler) findings(c echo.Context) error {
	var q findingQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	ctx := c.Request().Context()
	items, err := allPages(func(p evaluation.Page) (evaluation.List[evaluation.FindingView], error) {
		f := evaluation.FindingFilter(q)
		f.Page = p
		return h.Store.Findings(ctx, actor(c), f)
	})
	if err != nil {
		return err
	}
	return h.send(c, "问题清单", func(w io.Writer) error { return reports.FindingsXLSX(w, items, h.Store.Location()) })
}

func (h *ExportHandler) users(c echo.Context) error {
	var q userQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	ctx := c.Request().Context()
	users, err := allPages(func(p evaluation.Page) (evaluation.List[evaluation.User], error) {
		f := evaluation.UserFilter(q)
		f.Page = p
		return h.Store.Users(ctx, f)
	})
	if err != nil {
		return err
	}
	orgs, err := h.orgNames(ctx)
	if err != nil {
		return err
	}
	return h.send(c, "用户清单", func(w io.Writer) error { return reports.UsersXLSX(w, users, orgs, h.Store.Location()) })
}

func (h *ExportHandler) audit(c echo.Context) error {
	var q auditQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	ctx := c.Request().Context()
	events, err := allPages(func(p evaluation.Page) (evaluation.List[evaluation.AuditEvent], error) {
		f := evaluation.AuditFilter(q)
		f.Page = p
		return h.Store.ListAudit(ctx, f)
	})
	if err != nil {
		return err
	}
	return h.send(c, "审计日志", func(w io.Writer) error { return reports.AuditXLSX(w, events, h.Store.Location()) })
}

func (h *ExportHandler) rectification(c echo.Context) error {
	id := pathID(c, "id")
	r, err := h.Store.RoundRectification(c.Request().Context(), actor(c), id)
	if err != nil {
		return err
	}
	return h.send(c, "整改进度 第"+strconv.FormatInt(id, 10)+"轮", func(w io.Writer) error { return reports.RectificationXLSX(w, r) })
}

// planTemplate hands out the plan import template.
func (h *ExportHandler) planTemplate(c echo.Context) error {
	var buf bytes.Buffer
	if err := reports.PlanImportTemplateXLSX(&buf); err != nil {
		return err
	}
	hdr := c.Response().Header()
	hdr.Set(echo.HeaderContentDisposition, attachmentDisposition("方案导入模板.xlsx"))
	hdr.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, reports.ContentXLSX, buf.Bytes())
}
