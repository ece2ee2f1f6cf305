// Request and response shapes of the evald HTTP API, named as the UI uses them.
// They are generated from the server's OpenAPI document (api/openapi.yaml,
// served at /api/openapi.json), which the Go tests check against every real
// response: src/api/schema.d.ts comes from `npm run gen:api`, and `make test`
// fails when it is stale. Only what the document cannot say (a generic page, a
// form's unpicked select) is written here by hand.
import type { components, operations } from './schema'

type Schemas = components['schemas']
/** The query parameters of an operation, all optional. */
type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>

/** Dates are `YYYY-MM-DD` strings (calendar days in the city's time zone). */
export type DateString = Schemas['Date']
/** Instants are RFC 3339 strings. */
export type Instant = Schemas['DateTime']

/** Every list endpoint answers `{items, total}`. */
export interface Page<T> {
  items: T[]
  total: number
}

/** `?page=&per_page=` (per_page default 50, max 500). */
export interface PageQuery {
  page?: number
  per_page?: number
}

/**
 * A request as a form holds it: every field present, and the fields `K`
 * (a select not picked yet) null until the user picks one.
 */
export type FormOf<T, K extends keyof T = never> = Required<Omit<T, K>> & { [P in K]-?: NonNullable<T[P]> | null }

/** The body of every error answer. */
export type ErrorBody = Schemas['ErrorBody']

// ---------------------------------------------------------------- auth

export type Role = Schemas['Role']
export type User = Schemas['User']
export type LoginThrottle = Schemas['LoginThrottle']
export type LoginRequest = Schemas['LoginRequest']
export type LoginResponse = Schemas['LoginResponse']

// ---------------------------------------------------------------- organisations and users

export type OrgKind = Schemas['OrgKind']
export type AgencyType = Schemas['AgencyType']
export type Org = Schemas['Org']
export type OrgInput = Schemas['OrgRequest']
export type OrgQuery = QueryOf<'listOrgs'>
export type UserInput = Schemas['UserRequest']
export type UserPatch = Schemas['UserPatch']
export type UserQuery = QueryOf<'listUsers'>

// ---------------------------------------------------------------- plans

export type Plan = Schemas['Plan']
export type PlanInput = Schemas['PlanRequest']
export type PlanQuery = QueryOf<'listPlans'>
export type ImportRowError = Schemas['ImportRowError']
export type ImportResult = Schemas['ImportResult']
/** A short reference to a plan, as embedded in assignments and findings. */
export type PlanRef = Schemas['PlanRef']
/** GET /plans/{id}/history — the plan's ledger (方案台账), one entry per round. */
export type PlanHistory = Schemas['PlanHistory']
export type PlanHistoryRound = Schemas['PlanHistoryRound']
/** GET /departments/scorecard — the departments' yearly scorecard (考核评分表). */
export type Scorecard = Schemas['Scorecard']
export type ScorecardItem = Schemas['ScorecardItem']

// ---------------------------------------------------------------- templates

export type IndicatorKind = Schemas['IndicatorKind']
export type Indicator = Schemas['Indicator']
export type Dimension = Schemas['Dimension']
/** An indicator as a template is sent (guidance optional). */
export type IndicatorInput = Schemas['IndicatorInput']
export type DimensionInput = Schemas['DimensionInput']
export type GradeBand = Schemas['GradeBand']
export type TemplateInput = Schemas['TemplateRequest']
export type Template = Schemas['Template']

// ---------------------------------------------------------------- conflicts

export type ConflictInput = Schemas['ConflictRequest']
export type ConflictQuery = QueryOf<'listConflicts'>
export type Conflict = Schemas['Conflict']

// ---------------------------------------------------------------- rounds

export type RoundStatus = Schemas['RoundStatus']
export type ResponseDays = Schemas['ResponseDays']
export type RoundInput = Schemas['RoundRequest']
export type RoundQuery = QueryOf<'listRounds'>
export type Round = Schemas['Round']
/** A short reference to a round, as embedded in findings. */
export type RoundRef = Schemas['RoundRef']

/** The state-changing calls of a round, in the order of the workflow. */
export type RoundAction = 'open' | 'close-scoring' | 'publish' | 'archive'
/** What is missing before a round's next step (GET /rounds/{id}/readiness). */
export type Readiness = Schemas['Readiness']
export type ReadinessIssue = Schemas['ReadinessIssue']
export type ReadinessCode = ReadinessIssue['code']

// ---------------------------------------------------------------- assignments and scoresheets

export type AssignmentStatus = Schemas['AssignmentStatus']
/** One plan × one evaluator in a round (AssignmentView). */
export type AssignmentSummary = Schemas['AssignmentView']
export type AssignmentQuery = QueryOf<'listMyAssignments'> & QueryOf<'listRoundAssignments'>
export type AssignmentInput = Schemas['AssignmentRequest']
export type AutoAssignRequest = Schemas['AutoAssignRequest']
export type AutoAssignResponse = Schemas['AutoAssignResult']

export type Score = Schemas['Answer']
/** A score value: points for `score`, yes/no for `check`, null when unanswered. */
export type ScoreValue = Score['value']
export type ScoresheetStatus = Schemas['SheetStatus']
export type Scoresheet = Schemas['Scoresheet']
export type ScoresheetInput = Schemas['ScoresheetRequest']
/**
 * GET /assignments/{id}: the assignment with the whole plan, the template and
 * the sheet, and the public satisfaction surveys linked to the plan in the round.
 */
export type AssignmentDetail = Schemas['AssignmentResponse']

// ---------------------------------------------------------------- findings

export type Severity = Schemas['Severity']
export type FindingStatus = Schemas['FindingStatus']
export type Progress = Schemas['Progress']
export type Verdict = Schemas['Verdict']
export type FindingInput = Schemas['FindingRequest']
/** A finding as its evaluator records it (POST/GET /assignments/{id}/findings). */
export type Finding = Schemas['Finding']
/** An evidence file of a response. */
export type Attachment = Schemas['AttachmentView']
/** An evidence file as a submitted response version lists it. */
export type AttachmentRef = Schemas['AttachmentRef']
/**
 * A department's response: the department sees its working copy (draft or
 * submitted), everyone else the last submitted version.
 */
export type FindingResponse = Schemas['ResponseView']
/** A finding under rectification (GET /findings, /findings/{id}), with its round, plan and response. */
export type FindingView = Schemas['FindingView']
export type FindingQuery = QueryOf<'listFindings'>
export type ResponseInput = Schemas['ResponseRequest']
export type VerifyInput = Schemas['VerifyRequest']
export type HistoryVerdict = Schemas['HistoryVerdict']
export type HistoryEntry = Schemas['HistoryEntry']
export type FindingHistory = Schemas['FindingHistory']

// ---------------------------------------------------------------- self-assessment (自评)

export type SelfAssessmentStatus = Schemas['SelfAssessmentStatus']
/** A self-assessment as lists show it. */
export type SelfAssessmentItem = Schemas['SelfAssessmentItem']
/** One self-assessment with its values, summary, the office's comment and its files. */
export type SelfAssessment = Schemas['SelfAssessment']
export type SelfScore = Schemas['SelfScore']
export type SelfAttachment = Schemas['SelfAttachment']
export type SelfAssessmentInput = Schemas['SelfAssessmentRequest']
export type SelfAssessmentQuery = QueryOf<'listSelfAssessments'>

// ---------------------------------------------------------------- results and rectification

export type DimensionScore = Schemas['DimensionScore']
export type PlanResult = Schemas['ResultItem']
export type IndicatorResult = Schemas['IndicatorStat']
export type RaterResult = Schemas['RaterTotal']
/** One plan's result in detail: `raters` is every rater's total here, not a count. */
export type PlanResultDetail = Schemas['ResultDetail']
export type RectificationPlan = Schemas['PlanRectification']
export type RectificationDepartment = Schemas['DepartmentRectification']
export type Rectification = Schemas['Rectification']

// ---------------------------------------------------------------- notifications and todo

export type NoticeKind = Schemas['NoticeKind']
export type Notification = Schemas['Notification']
/** GET /notifications: a page, plus the caller's unread count (whatever the filter). */
export type NotificationList = Schemas['NotificationList']
export type NotificationQuery = QueryOf<'listNotifications'>
export type TodoItem = Schemas['TodoItem']
export type TodoKind = TodoItem['kind']

// ---------------------------------------------------------------- reports and jobs

export type RemindResponse = Schemas['RemindResult']
export type RemindRequest = Schemas['RemindRequest']
export type RoundProgress = Schemas['RoundProgress']
export type AgencyProgress = RoundProgress['by_agency'][number]
export type EvaluatorProgress = RoundProgress['by_evaluator'][number]
export type JobStatus = Schemas['JobStatus']
/** A job that packs every report of a round into one ZIP (POST /rounds/{id}/reports, GET /jobs/{id}). */
export type JobState = Schemas['JobResponse']
export type ReportKind = Schemas['ReportKind']
/** GET /reports/verify/{code}: a report this server issued (404 for any other file). */
export type ReportVerification = Schemas['VerifiedReport']

// ---------------------------------------------------------------- surveys

/** draft 草稿 → published 已发布（收集中）→ closed 已结束. */
export type SurveyStatus = Schemas['SurveyStatus']
/** single 单选, multiple 多选, likert5 五级量表 (1–5), nps 推荐度 (0–10), text 文字 (≤ 2000 字). */
export type QuestionKind = Schemas['QuestionKind']
/**
 * Shows a question only when the answer of an earlier single, likert5 or nps
 * question `question` equals `equals` (an option, or an integer of the scale).
 */
export type ShowIf = Schemas['ShowIf']
/** A question as the server answers it (SurveyQuestion). */
export type SurveyQuestion = Schemas['SurveyQuestion']
export type Survey = Schemas['Survey']
/** POST /surveys: a new draft. */
export type SurveyInput = Schemas['SurveyRequest']
/**
 * PATCH /surveys/{id}: only the fields given change. A draft may change in
 * every field (`round_id`/`plan_id` 0 removes the link, `questions` replaces
 * them all); a published survey only in `closes_at`.
 */
export type SurveyPatch = Schemas['SurveyPatch']
export type SurveyQuery = QueryOf<'listSurveys'>
export type PublishResponse = Schemas['PublishResponse']
export type QuestionResult = Schemas['QuestionResult']
export type SurveyResults = Schemas['SurveyResults']
/** A survey linked to a round and plan, as the scoresheet page shows it. */
export type SurveySummary = Schemas['SurveySummary']

// ---------------------------------------------------------------- audit

export type AuditEvent = Schemas['AuditEvent']
export type AuditQuery = QueryOf<'listAudit'>

// ---------------------------------------------------------------- conclusions (评估结论)

export type NarrativeStatus = Schemas['NarrativeStatus']
export type NarrativeSections = Schemas['NarrativeSections']
export type Narrative = Schemas['Narrative']
export type NarrativeInput = Schemas['NarrativeRequest']
export type NarrativeItem = Schemas['NarrativeItem']
export type AssignmentPatch = Schemas['AssignmentPatch']
export type IssuedVersion = Schemas['IssuedVersionList']['items'][number]
export type IssuedReportVersion = Schemas['IssuedReportVersionList']['items'][number]
