package api

import (
	"context"
	"io"
	"mime"
	"mime/multipart"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// PlanStore is what the plan handlers need of the domain.
type PlanStore interface {
	CreatePlan(ctx context.Context, actor evaluation.Actor, req evaluation.PlanRequest) (*evaluation.Plan, error)
	Plan(ctx context.Context, id int64) (*evaluation.Plan, error)
	Plans(ctx context.Context, f evaluation.PlanFilter) (evaluation.List[evaluation.Plan], error)
	UpdatePlan(ctx context.Context, actor evaluation.Actor, id int64, p evaluation.PlanPatch) (*evaluation.Plan, error)
	DeletePlan(ctx context.Context, actor evaluation.Actor, id int64) error
	ImportPlans(ctx context.Context, actor evaluation.Actor, filename string, data []byte) (*evaluation.ImportResult, error)
	CloseOutPlan(ctx context.Context, actor evaluation.Actor, id int64, req evaluation.CloseOutRequest) (*evaluation.Plan, error)
	ReopenPlan(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.Plan, error)
}

// PlanHandler serves /api/v1/plans.
type PlanHandler struct{ Plans PlanStore }

func (h *PlanHandler) create(c echo.Context) error {
	var req evaluation.PlanRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := h.Plans.CreatePlan(c.Request().Context(), actor(c), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, p)
}

// planQuery is evaluation.PlanFilter as the query string gives it (bindQuery).
type planQuery struct {
	Q                string          `query:"q" validate:"text"`
	Field            string          `query:"field" validate:"text"`
	ApprovedBy       string          `query:"approved_by" validate:"text"`
	LeadDepartmentID int64           `query:"lead_department_id" validate:"id"`
	IssuedFrom       evaluation.Date `query:"issued_from" validate:"date"`
	IssuedTo         evaluation.Date `query:"issued_to" validate:"date"`
	Closed           *bool           `query:"closed"`
	Page             evaluation.Page
}

func (h *PlanHandler) list(c echo.Context) error {
	var q planQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Plans.Plans(c.Request().Context(), evaluation.PlanFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *PlanHandler) get(c echo.Context) error {
	p, err := h.Plans.Plan(c.Request().Context(), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (h *PlanHandler) update(c echo.Context) error {
	var p evaluation.PlanPatch
	if err := decode(c, &p); err != nil {
		return err
	}
	plan, err := h.Plans.UpdatePlan(c.Request().Context(), actor(c), pathID(c, "id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, plan)
}

func (h *PlanHandler) delete(c echo.Context) error {
	if err := h.Plans.DeletePlan(c.Request().Context(), actor(c), pathID(c, "id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *PlanHandler) closeOut(c echo.Context) error {
	var req evaluation.CloseOutRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	p, err := h.Plans.CloseOutPlan(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (h *PlanHandler) reopen(c echo.Context) error {
	p, err := h.Plans.ReopenPlan(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (h *PlanHandler) importFile(c echo.Context) error {
	name, data, err := uploadedFile(c, "file", evaluation.MaxPlanImportSize)
	if err != nil {
		return err
	}
	res, err := h.Plans.ImportPlans(c.Request().Context(), actor(c), name, data)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}

// uploadedFile reads a multipart file field of at most limit bytes.
func uploadedFile(c echo.Context, field string, limit int64) (string, []byte, error) {
	fh, err := c.FormFile(field)
	if err != nil {
		return "", nil, evaluation.Invalid(field, "请选择要上传的文件")
	}
	if fh.Size > limit {
		return "", nil, evaluation.Invalid(field, "文件不能超过"+sizeText(limit))
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return "", nil, err
	}
	if int64(len(data)) > limit {
		return "", nil, evaluation.Invalid(field, "文件不能超过"+sizeText(limit))
	}
	return rawFilename(fh), data, nil
}

// rawFilename is the file name exactly as the client sent it: Go's multipart
// reader keeps only the last path element, which would hide a name with a
// path in it — something the domain refuses.
func rawFilename(fh *multipart.FileHeader) string {
	if _, params, err := mime.ParseMediaType(fh.Header.Get("Content-Disposition")); err == nil && params["filename"] != "" {
		return params["filename"]
	}
	return fh.Filename
}
