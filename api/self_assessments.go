package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// SelfAssessmentStore is what the self-assessment handlers need of the domain.
type SelfAssessmentStore interface {
	SelfAssessments(ctx context.Context, actor evaluation.Actor, f evaluation.SelfAssessmentFilter) (evaluation.List[evaluation.SelfAssessmentItem], error)
	SelfAssessment(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.SelfAssessmentDetail, error)
	SaveSelfAssessment(ctx context.Context, actor evaluation.Actor, id int64, req evaluation.SelfAssessmentRequest) (*evaluation.SelfAssessmentDetail, error)
	SubmitSelfAssessment(ctx context.Context, actor evaluation.Actor, id int64, version int) (*evaluation.SelfAssessmentDetail, error)
	ReturnSelfAssessment(ctx context.Context, actor evaluation.Actor, id int64, req evaluation.ReturnSelfRequest) (*evaluation.SelfAssessmentDetail, error)
	ExtendSelfAssessment(ctx context.Context, actor evaluation.Actor, id int64, req evaluation.ExtendSelfRequest) (*evaluation.SelfAssessmentDetail, error)
	AddSelfAttachment(ctx context.Context, actor evaluation.Actor, id int64, indicatorCode string, up evaluation.Upload) (*evaluation.SelfAttachment, error)
}

// SelfAssessmentHandler serves the departments' self-assessments (自评).
type SelfAssessmentHandler struct {
	SelfAssessments SelfAssessmentStore
	TempDir         string // where uploads wait while they are checked; "": os.TempDir()
}

// selfAssessmentQuery is evaluation.SelfAssessmentFilter as the query string
// gives it (bindQuery).
type selfAssessmentQuery struct {
	RoundID int64                           `query:"round_id" validate:"id"`
	PlanID  int64                           `query:"plan_id" validate:"id"`
	Status  evaluation.SelfAssessmentStatus `query:"status" validate:"oneof=pending draft submitted returned"`
	Page    evaluation.Page
}

func (h *SelfAssessmentHandler) list(c echo.Context) error {
	var q selfAssessmentQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.SelfAssessments.SelfAssessments(c.Request().Context(), actor(c), evaluation.SelfAssessmentFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *SelfAssessmentHandler) get(c echo.Context) error {
	sa, err := h.SelfAssessments.SelfAssessment(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sa)
}

func (h *SelfAssessmentHandler) save(c echo.Context) error {
	var req evaluation.SelfAssessmentRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	sa, err := h.SelfAssessments.SaveSelfAssessment(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sa)
}

func (h *SelfAssessmentHandler) submit(c echo.Context) error {
	var req submitRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if req.Version == nil {
		return evaluation.Invalid("version", "版本号为必填字段")
	}
	sa, err := h.SelfAssessments.SubmitSelfAssessment(c.Request().Context(), actor(c), pathID(c, "id"), *req.Version)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sa)
}

func (h *SelfAssessmentHandler) sendBack(c echo.Context) error {
	var req evaluation.ReturnSelfRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	sa, err := h.SelfAssessments.ReturnSelfAssessment(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sa)
}

func (h *SelfAssessmentHandler) extend(c echo.Context) error {
	var req evaluation.ExtendSelfRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	sa, err := h.SelfAssessments.ExtendSelfAssessment(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sa)
}

func (h *SelfAssessmentHandler) upload(c echo.Context) error {
	return evidenceUpload(c, h.TempDir, func(f *uploadForm) (any, error) {
		return h.SelfAssessments.AddSelfAttachment(c.Request().Context(), actor(c), pathID(c, "id"), f.fields["indicator_code"], f.upload())
	})
}
