package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// route is one line of the route table: who may call it is on the line.
// Objects behind a route are further narrowed to the caller's own by the
// domain (another evaluator's assignment is a 404, not a 403).
type route struct {
	method  string
	path    string
	handler echo.HandlerFunc
	roles   []evaluation.Role // nil: public, no login
}

// Role sets of the route table.
var (
	public     []evaluation.Role
	anyone     = []evaluation.Role{evaluation.RoleAdmin, evaluation.RoleEvaluator, evaluation.RoleDepartment, evaluation.RoleViewer}
	admin      = []evaluation.Role{evaluation.RoleAdmin}
	adminView  = []evaluation.Role{evaluation.RoleAdmin, evaluation.RoleViewer}
	evaluator  = []evaluation.Role{evaluation.RoleEvaluator}
	adminEval  = []evaluation.Role{evaluation.RoleAdmin, evaluation.RoleEvaluator}
	resultsFor = []evaluation.Role{evaluation.RoleAdmin, evaluation.RoleViewer, evaluation.RoleEvaluator}
	department = []evaluation.Role{evaluation.RoleDepartment}
	progress   = []evaluation.Role{evaluation.RoleAdmin, evaluation.RoleViewer, evaluation.RoleDepartment}
	askAnswer  = []evaluation.Role{evaluation.RoleAdmin, evaluation.RoleEvaluator, evaluation.RoleDepartment}
)

// Request bodies of the route table: every route accepts a body by one rule
// (see bodyRule). A GET, HEAD or DELETE takes none; any other method takes
// jsonBody unless bodyOverrides names it, so a new route cannot go without.
var (
	noBody     = bodyRule{}
	jsonBody   = bodyRule{max: 1 << 20, read: DefaultBodyReadTimeout, message: "请求体不能超过1MB"}
	answerBody = bodyRule{max: 64 << 10, read: DefaultBodyReadTimeout, message: "问卷答卷不能超过64KB"}
	uploadBody = bodyRule{max: evaluation.MaxEvidenceSize + multipartOverhead, read: 5 * time.Minute, long: true,
		message: "上传的文件不能超过20MB"}
	importBody = bodyRule{max: evaluation.MaxPlanImportSize + multipartOverhead, read: 3 * time.Minute, long: true,
		message: "导入文件不能超过10MB"}
	verifyBody = bodyRule{max: MaxVerifyFileSize + multipartOverhead, read: 5 * time.Minute, long: true,
		message: "查验的文件不能超过50MB"}
)

// bodyOverrides are the routes whose body is not jsonBody, by method and path.
var bodyOverrides = map[string]bodyRule{
	http.MethodPost + " /api/v1/plans/import":                      importBody,
	http.MethodPost + " /api/v1/findings/:id/response/attachments": uploadBody,
	http.MethodPost + " /api/v1/requests/:id/attachments":          uploadBody,
	http.MethodPost + " /api/v1/self-assessments/:id/attachments":  uploadBody,
	http.MethodPost + " /api/v1/public/surveys/:token/responses":   answerBody,
	http.MethodPost + " /api/v1/reports/verify":                    verifyBody,
}

// routes is every route of the server.
func (h handlers) routes() []route {
	const v1 = "/api/v1"
	return []route{
		// Service
		{http.MethodGet, "/healthz", h.service.healthz, public},
		{http.MethodGet, "/readyz", h.service.readyz, public},
		{http.MethodGet, "/metrics", h.metrics.scrape, public}, // only with EVAL_METRICS_TOKEN
		{http.MethodGet, "/api/openapi.json", h.service.openAPI, public},

		// Auth
		{http.MethodPost, v1 + "/auth/login", h.auth.login, public},
		{http.MethodPost, v1 + "/auth/logout", h.auth.logout, anyone},
		{http.MethodGet, v1 + "/me", h.auth.me, anyone},
		{http.MethodGet, v1 + "/login-throttles", h.throttles.list, admin},
		{http.MethodDelete, v1 + "/login-throttles/:id", h.throttles.clear, admin},

		// Organisations and users
		{http.MethodPost, v1 + "/orgs", h.orgs.create, admin},
		{http.MethodGet, v1 + "/orgs", h.orgs.list, adminView},
		{http.MethodGet, v1 + "/orgs/:id", h.orgs.get, adminView},
		{http.MethodPatch, v1 + "/orgs/:id", h.orgs.update, admin},
		{http.MethodDelete, v1 + "/orgs/:id", h.orgs.delete, admin},
		{http.MethodPost, v1 + "/users", h.users.create, admin},
		{http.MethodGet, v1 + "/users", h.users.list, admin},
		{http.MethodGet, v1 + "/users/export.xlsx", h.exports.users, admin},
		{http.MethodGet, v1 + "/users/:id", h.users.get, admin},
		{http.MethodPatch, v1 + "/users/:id", h.users.update, admin},

		// Plans and templates
		{http.MethodPost, v1 + "/plans", h.plans.create, admin},
		{http.MethodGet, v1 + "/plans", h.plans.list, adminView},
		{http.MethodGet, v1 + "/plans/export.xlsx", h.exports.plans, adminView},
		{http.MethodGet, v1 + "/plans/import-template.xlsx", h.exports.planTemplate, admin},
		{http.MethodPost, v1 + "/plans/import", h.plans.importFile, admin},
		{http.MethodGet, v1 + "/plans/:id", h.plans.get, adminView},
		{http.MethodPatch, v1 + "/plans/:id", h.plans.update, admin},
		{http.MethodDelete, v1 + "/plans/:id", h.plans.delete, admin},
		{http.MethodPost, v1 + "/plans/:id/close-out", h.plans.closeOut, admin},
		{http.MethodPost, v1 + "/plans/:id/reopen", h.plans.reopen, admin},
		// The ledger (台账): the domain narrows rounds by phase and plans to the department's own
		{http.MethodGet, v1 + "/plans/:id/history", h.ledger.history, progress},
		{http.MethodGet, v1 + "/departments/scorecard", h.ledger.scorecard, progress}, // a department: its own row
		{http.MethodGet, v1 + "/departments/scorecard.xlsx", h.ledger.scorecardXLSX, progress},
		{http.MethodGet, v1 + "/departments/scorecard.pdf", h.reports.scorecardPDF, progress}, // recorded under its year
		{http.MethodPost, v1 + "/templates", h.templates.create, admin},
		{http.MethodGet, v1 + "/templates", h.templates.list, adminView},
		{http.MethodGet, v1 + "/templates/:id", h.templates.get, adminView},
		{http.MethodPut, v1 + "/templates/:id", h.templates.update, admin},
		{http.MethodPost, v1 + "/conflicts", h.conflicts.create, admin},
		{http.MethodGet, v1 + "/conflicts", h.conflicts.list, admin},

		// Rounds (lists narrowed to the rounds each role may see)
		{http.MethodPost, v1 + "/rounds", h.rounds.create, admin},
		{http.MethodGet, v1 + "/rounds", h.rounds.list, anyone},
		{http.MethodGet, v1 + "/rounds/:id", h.rounds.get, anyone},
		{http.MethodPatch, v1 + "/rounds/:id", h.rounds.update, admin},
		{http.MethodPost, v1 + "/rounds/:id/open", h.rounds.move(evaluation.RoundOpen), admin},
		{http.MethodGet, v1 + "/rounds/:id/readiness", h.rounds.readiness, admin},
		{http.MethodGet, v1 + "/rounds/:id/progress", h.rounds.progress, admin},
		{http.MethodPost, v1 + "/rounds/:id/close-scoring", h.rounds.move(evaluation.RoundScoringClosed), admin},
		{http.MethodPost, v1 + "/rounds/:id/publish", h.rounds.move(evaluation.RoundPublished), admin},
		{http.MethodPost, v1 + "/rounds/:id/archive", h.rounds.move(evaluation.RoundArchived), admin},
		{http.MethodGet, v1 + "/rounds/:id/eligible-plans", h.rounds.eligiblePlans, admin},
		{http.MethodPost, v1 + "/rounds/:id/assignments", h.assignments.create, admin},
		{http.MethodGet, v1 + "/rounds/:id/assignments", h.assignments.listRound, admin},
		{http.MethodPost, v1 + "/rounds/:id/auto-assign", h.assignments.autoAssign, admin},
		{http.MethodPost, v1 + "/scoresheets/:assignment_id/reopen", h.scoresheets.reopen, admin},
		{http.MethodPatch, v1 + "/assignments/:id", h.assignments.update, admin},
		{http.MethodDelete, v1 + "/assignments/:id", h.assignments.delete, admin},
		{http.MethodPost, v1 + "/rounds/:id/remind", h.assignments.remind, admin},

		// Evaluators' own assignments (an admin may read any)
		{http.MethodGet, v1 + "/assignments", h.assignments.listMine, evaluator},
		{http.MethodGet, v1 + "/assignments/:id", h.assignments.get, adminEval},
		{http.MethodPut, v1 + "/assignments/:id/scoresheet", h.scoresheets.save, evaluator},
		{http.MethodPost, v1 + "/assignments/:id/submit", h.scoresheets.submit, evaluator},
		{http.MethodPost, v1 + "/assignments/:id/findings", h.findings.create, evaluator},
		{http.MethodGet, v1 + "/assignments/:id/findings", h.findings.listAssignment, adminEval},
		{http.MethodPatch, v1 + "/findings/:id", h.findings.update, evaluator},
		{http.MethodDelete, v1 + "/findings/:id", h.findings.delete, evaluator},
		{http.MethodPost, v1 + "/findings/:id/check", h.ledger.checkCarried, adminEval}, // a carried finding (上轮未整改问题)

		// Self-assessments (自评): filled in by the plan's department, read by
		// the office, by evaluators once submitted, by viewers once published
		{http.MethodGet, v1 + "/self-assessments", h.selfAssess.list, anyone},
		{http.MethodGet, v1 + "/self-assessments/:id", h.selfAssess.get, anyone},
		{http.MethodPut, v1 + "/self-assessments/:id", h.selfAssess.save, department},
		{http.MethodPost, v1 + "/self-assessments/:id/attachments", h.selfAssess.upload, department},
		{http.MethodPost, v1 + "/self-assessments/:id/submit", h.selfAssess.submit, department},
		{http.MethodPost, v1 + "/self-assessments/:id/return", h.selfAssess.sendBack, admin},
		{http.MethodPost, v1 + "/self-assessments/:id/extend", h.selfAssess.extend, admin},

		// Results (evaluators: only the plans they were assigned)
		{http.MethodGet, v1 + "/rounds/:id/results", h.results.list, resultsFor},
		{http.MethodGet, v1 + "/rounds/:id/plans/:plan_id/result", h.results.plan, resultsFor},

		// Conclusions (评估结论): the lead evaluator (or the office) writes and
		// submits them, the office approves or returns them; the plan's other
		// evaluators read them, its department and viewers once approved and published
		{http.MethodGet, v1 + "/rounds/:id/narratives", h.narratives.listRound, admin},
		{http.MethodGet, v1 + "/rounds/:id/plans/:plan_id/narrative", h.narratives.get, anyone},
		{http.MethodPut, v1 + "/rounds/:id/plans/:plan_id/narrative", h.narratives.save, adminEval},
		{http.MethodPost, v1 + "/rounds/:id/plans/:plan_id/narrative/submit", h.narratives.submit, adminEval},
		{http.MethodPost, v1 + "/rounds/:id/plans/:plan_id/narrative/approve", h.narratives.approve, admin},
		{http.MethodPost, v1 + "/rounds/:id/plans/:plan_id/narrative/return", h.narratives.giveBack, admin},

		// Findings and rectification (each role sees its own: departments the
		// published findings on their plans, evaluators those they raised)
		{http.MethodGet, v1 + "/findings", h.rectify.list, anyone},
		{http.MethodGet, v1 + "/findings/export.xlsx", h.exports.findings, anyone},
		{http.MethodGet, v1 + "/findings/:id", h.rectify.get, anyone},
		{http.MethodPut, v1 + "/findings/:id/response", h.rectify.saveResponse, department},
		{http.MethodPost, v1 + "/findings/:id/response/submit", h.rectify.submitResponse, department},
		{http.MethodPost, v1 + "/findings/:id/response/attachments", h.evidence.upload, department},
		{http.MethodPost, v1 + "/findings/:id/verify", h.rectify.verify, adminEval},
		{http.MethodGet, v1 + "/findings/:id/history", h.rectify.history, anyone},
		{http.MethodGet, v1 + "/attachments/:id", h.evidence.download, anyone},
		{http.MethodDelete, v1 + "/attachments/:id", h.evidence.delete, department},
		{http.MethodGet, v1 + "/rounds/:id/rectification", h.rectify.round, progress},
		{http.MethodGet, v1 + "/rounds/:id/rectification.xlsx", h.exports.rectification, progress},
		{http.MethodGet, v1 + "/notifications", h.notices.list, anyone},
		{http.MethodPost, v1 + "/notifications/read-all", h.notices.readAll, anyone},
		{http.MethodPost, v1 + "/notifications/:id/read", h.notices.read, anyone},
		{http.MethodGet, v1 + "/todo", h.notices.todo, anyone},

		// Requests for more material (补充材料): evaluators ask on their
		// assignments, the plan's department answers (never told who asked)
		{http.MethodPost, v1 + "/assignments/:id/requests", h.requests.ask, evaluator},
		{http.MethodGet, v1 + "/requests", h.requests.list, askAnswer},
		{http.MethodGet, v1 + "/requests/:id", h.requests.get, askAnswer},
		{http.MethodPost, v1 + "/requests/:id/answer", h.requests.answer, department},
		{http.MethodPost, v1 + "/requests/:id/attachments", h.requests.upload, department},

		// Reports: the domain narrows them to the plans each reader may have
		{http.MethodGet, v1 + "/rounds/:id/plans/:plan_id/evaluation-report.pdf", h.reports.evaluationReport, anyone},
		{http.MethodGet, v1 + "/rounds/:id/plans/:plan_id/evaluation-report/versions", h.reports.issuedReportVersions, anyone},
		{http.MethodGet, v1 + "/rounds/:id/plans/:plan_id/rectification-report.pdf", h.reports.document(evaluation.ReportRectification), anyone},
		{http.MethodGet, v1 + "/rounds/:id/summary.pdf", h.reports.document(evaluation.ReportSummaryPDF), adminView},
		{http.MethodGet, v1 + "/rounds/:id/summary.xlsx", h.reports.document(evaluation.ReportSummaryXLSX), adminView},
		{http.MethodPost, v1 + "/rounds/:id/reports", h.reports.startJob, adminView},
		{http.MethodGet, v1 + "/jobs/:id", h.reports.job, adminView},
		{http.MethodGet, v1 + "/jobs/:id/download", h.reports.download, adminView},
		{http.MethodGet, v1 + "/reports/verify/:sha256", h.reports.verify, public},
		{http.MethodPost, v1 + "/reports/verify", h.reports.limited(h.reports.verifyFile), public},
		{http.MethodPost, v1 + "/rounds/:id/plans/:plan_id/evaluation-report/reissue", h.reports.reissue, admin},
		{http.MethodGet, v1 + "/rounds/:id/issued-reports", h.reports.issuedVersions, adminView},

		// Public satisfaction surveys: designed and read by the office (viewers
		// read results), answered by anyone with the link, rate limited per address
		{http.MethodPost, v1 + "/surveys", h.surveys.create, admin},
		{http.MethodGet, v1 + "/surveys", h.surveys.list, adminView},
		{http.MethodGet, v1 + "/surveys/:id", h.surveys.get, adminView},
		{http.MethodPatch, v1 + "/surveys/:id", h.surveys.update, admin},
		{http.MethodPost, v1 + "/surveys/:id/publish", h.surveys.publish, admin},
		{http.MethodPost, v1 + "/surveys/:id/close", h.surveys.close, admin},
		{http.MethodGet, v1 + "/surveys/:id/results", h.surveys.results, adminView},
		{http.MethodGet, v1 + "/surveys/:id/responses.xlsx", h.surveys.responsesXLSX, admin},
		{http.MethodGet, v1 + "/surveys/:id/qr.png", h.surveys.qr, admin},
		{http.MethodGet, v1 + "/public/surveys/:token", h.respondents.get, public},
		{http.MethodPost, v1 + "/public/surveys/:token/responses", h.respondents.limited(h.respondents.answer), public},
		{http.MethodGet, "/s/:token", h.respondents.page, public},

		// Audit
		{http.MethodGet, v1 + "/audit", h.audit.list, admin},
		{http.MethodGet, v1 + "/audit/export.xlsx", h.exports.audit, admin},

		// The web UI: its files, and index.html for its routes
		{http.MethodGet, "/*", h.ui.serve, public},
	}
}
