package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// AssignmentStore is what the assignment handlers need of the domain.
type AssignmentStore interface {
	CreateAssignment(ctx context.Context, actor evaluation.Actor, roundID int64, req evaluation.AssignmentRequest) (*evaluation.AssignmentView, error)
	RoundAssignments(ctx context.Context, f evaluation.AssignmentFilter) (evaluation.List[evaluation.AssignmentView], error)
	MyAssignments(ctx context.Context, actor evaluation.Actor, f evaluation.AssignmentFilter) (evaluation.List[evaluation.AssignmentView], error)
	AutoAssign(ctx context.Context, actor evaluation.Actor, roundID int64, ratersPerPlan int, dryRun bool) (*evaluation.AutoAssignResult, error)
	Assignment(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.AssignmentDetail, error)
	UpdateAssignment(ctx context.Context, actor evaluation.Actor, id int64, p evaluation.AssignmentPatch) (*evaluation.AssignmentView, error)
	DeleteAssignment(ctx context.Context, actor evaluation.Actor, id int64) error
	Remind(ctx context.Context, actor evaluation.Actor, roundID int64, req evaluation.RemindRequest) (*evaluation.RemindResult, error)
	PlanSurveys(ctx context.Context, roundID, planID int64) ([]evaluation.SurveySummary, error)
	AssignmentSelfAssessment(ctx context.Context, actor evaluation.Actor, assignmentID int64) (*evaluation.SelfAssessmentDetail, error)
}

// AssignmentHandler serves a round's assignments (reform office) and an
// evaluator's own assignments.
type AssignmentHandler struct{ Assignments AssignmentStore }

func (h *AssignmentHandler) create(c echo.Context) error {
	var req evaluation.AssignmentRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	a, err := h.Assignments.CreateAssignment(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, a)
}

// assignmentQuery is evaluation.AssignmentFilter as the query string gives
// it (bindQuery).
type assignmentQuery struct {
	RoundID     int64                       `query:"round_id" validate:"id"`
	PlanID      int64                       `query:"plan_id" validate:"id"`
	EvaluatorID int64                       `query:"evaluator_id" validate:"id"`
	Status      evaluation.AssignmentStatus `query:"status" validate:"oneof=assigned draft submitted"`
	Page        evaluation.Page
}

// assignmentFilter reads the assignment list filters of the query string.
func assignmentFilter(c echo.Context) (evaluation.AssignmentFilter, error) {
	var q assignmentQuery
	err := bindQuery(c, &q)
	return evaluation.AssignmentFilter(q), err
}

func (h *AssignmentHandler) listRound(c echo.Context) error {
	f, err := assignmentFilter(c)
	if err != nil {
		return err
	}
	f.RoundID = pathID(c, "id")
	list, err := h.Assignments.RoundAssignments(c.Request().Context(), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *AssignmentHandler) listMine(c echo.Context) error {
	f, err := assignmentFilter(c)
	if err != nil {
		return err
	}
	list, err := h.Assignments.MyAssignments(c.Request().Context(), actor(c), f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

type autoAssignRequest struct {
	RatersPerPlan int  `json:"raters_per_plan"`
	DryRun        bool `json:"dry_run"`
}

func (h *AssignmentHandler) autoAssign(c echo.Context) error {
	var req autoAssignRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	res, err := h.Assignments.AutoAssign(c.Request().Context(), actor(c), pathID(c, "id"), req.RatersPerPlan, req.DryRun)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if req.DryRun {
		status = http.StatusOK
	}
	return c.JSON(status, res)
}

// AssignmentResponse is an assignment with its plan, template and
// scoresheet, and the results of the public satisfaction surveys about the
// plan in the round, shown beside the scoresheet.
type AssignmentResponse struct {
	evaluation.AssignmentView
	LeadDepartment string                     `json:"lead_department"`
	Plan           *evaluation.Plan           `json:"plan"`
	Template       *evaluation.Template       `json:"template"`
	Scoresheet     *evaluation.Scoresheet     `json:"scoresheet"`
	Surveys        []evaluation.SurveySummary `json:"surveys"`
	Requests       []evaluation.RequestView   `json:"requests"` // requests for more material on the plan
	// SelfAssessment is the plan's submitted self-assessment, or null.
	SelfAssessment *evaluation.SelfAssessmentDetail `json:"self_assessment"`
	// CarriedFindings are the plan's findings carried from earlier rounds (上轮未整改问题).
	CarriedFindings []evaluation.CarriedFinding `json:"carried_findings"`
}

func (h *AssignmentHandler) get(c echo.Context) error {
	ctx := c.Request().Context()
	d, err := h.Assignments.Assignment(ctx, actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	surveys, err := h.Assignments.PlanSurveys(ctx, d.RoundID, d.Plan.ID)
	if err != nil {
		return err
	}
	resp := AssignmentResponse{AssignmentView: d.AssignmentView, LeadDepartment: d.LeadDepartment, Plan: d.PlanDetail,
		Template: d.Template, Scoresheet: d.Scoresheet, Surveys: surveys, Requests: d.Requests,
		CarriedFindings: d.CarriedFindings}
	if resp.SelfAssessment, err = h.Assignments.AssignmentSelfAssessment(ctx, actor(c), d.ID); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, resp)
}

func (h *AssignmentHandler) update(c echo.Context) error {
	var p evaluation.AssignmentPatch
	if err := decode(c, &p); err != nil {
		return err
	}
	a, err := h.Assignments.UpdateAssignment(c.Request().Context(), actor(c), pathID(c, "id"), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a)
}

func (h *AssignmentHandler) delete(c echo.Context) error {
	if err := h.Assignments.DeleteAssignment(c.Request().Context(), actor(c), pathID(c, "id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

// remind chases who still owes work in a round; an optional body
// {evaluator_ids} limits it to the evaluators the office selected.
func (h *AssignmentHandler) remind(c echo.Context) error {
	var req evaluation.RemindRequest
	if err := decodeOptional(c, &req); err != nil {
		return err
	}
	res, err := h.Assignments.Remind(c.Request().Context(), actor(c), pathID(c, "id"), req)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}
