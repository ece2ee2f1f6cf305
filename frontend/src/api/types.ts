// Request and response shapes of the evald HTTP API. Field names mirror the
// JSON exactly (snake_case); the shapes follow the server's OpenAPI document
// (api/openapi.yaml, served at /api/openapi.json), which tests check against
// real responses. Request types list what the UI sends; response types list
// every field the server answers with.

/** Dates are `YYYY-MM-DD` strings (calendar days in the city's time zone). */
export type DateString = string
/** Instants are RFC 3339 strings. */
export type Instant = string

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

/** The body of every error answer. */
export interface ErrorBody {
  error: {
    code: string
    message: string
    fields?: Record<string, string>
  }
}

// ---------------------------------------------------------------- auth

export type Role = 'admin' | 'evaluator' | 'department' | 'viewer'

export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  /** The evaluator's agency or the department user's department; null for others. */
  org_id: number | null
  /** Where copies of notifications are mailed; '' when none. */
  email: string
  /** A disabled account cannot log in. */
  disabled: boolean
  created_at: Instant
  updated_at: Instant
}

/** A counter of failed logins from one client address: of one username, or of all (username ''). */
export interface LoginThrottle {
  id: number
  /** The username tried, in lower case; '' for the address's count across usernames. */
  username: string
  address: string
  failures: number
  window_started_at: Instant
  /** When the address may try again, while the counter is at its limit; else null. */
  blocked_until: Instant | null
}

export interface LoginRequest {
  username: string
  password: string
}

export interface LoginResponse {
  token: string
  user: User
}

// ---------------------------------------------------------------- organisations and users

export type OrgKind = 'office' | 'agency' | 'department'
export type AgencyType = 'university' | 'think_tank' | 'other'

export interface Org {
  id: number
  name: string
  kind: OrgKind
  /** '' for organisations other than agencies. */
  agency_type: AgencyType | ''
  created_at: Instant
  updated_at: Instant
}

export interface OrgInput {
  name: string
  kind: OrgKind
  /** Agencies only; the server takes `other` when absent. */
  agency_type?: AgencyType | null
}

export interface OrgQuery extends PageQuery {
  kind?: OrgKind
  q?: string
}

export interface UserInput {
  username: string
  password: string
  display_name: string
  role: Role
  org_id: number | null
  email?: string
}

/** PATCH /users/{id}: every field optional; an empty password is not sent. */
export type UserPatch = Partial<Omit<UserInput, 'username'>> & { disabled?: boolean }

export interface UserQuery extends PageQuery {
  role?: Role
  org_id?: number
  q?: string
}

// ---------------------------------------------------------------- plans

export interface Plan {
  id: number
  code: string
  title: string
  lead_department_id: number
  approved_by: string
  issued_on: DateString
  field: string
  summary: string
  created_at: Instant
  updated_at: Instant
}

export interface PlanInput {
  code: string
  title: string
  lead_department_id: number | null
  approved_by: string
  issued_on: DateString
  field: string
  summary: string
}

/** Search and filters of the plan list. */
export interface PlanQuery extends PageQuery {
  q?: string
  field?: string
  lead_department_id?: number
  approved_by?: string
  issued_from?: DateString
  issued_to?: DateString
}

export interface ImportRowError {
  row: number
  message: string
}

export interface ImportResult {
  created: number
  updated: number
  errors: ImportRowError[]
}

/** A short reference to a plan, as embedded in assignments and findings. */
export interface PlanRef {
  id: number
  code: string
  title: string
}

// ---------------------------------------------------------------- templates

export type IndicatorKind = 'score' | 'check'

export interface Indicator {
  code: string
  name: string
  kind: IndicatorKind
  max_score: number
  /** Sent only for veto checklist items; always present in answers. */
  veto?: boolean
  guidance?: string
}

export interface Dimension {
  code: string
  name: string
  indicators: Indicator[]
}

export interface GradeBand {
  grade: string
  min: number
}

export interface TemplateInput {
  name: string
  grade_bands?: GradeBand[]
  dimensions: Dimension[]
}

export interface Template {
  id: number
  name: string
  version: number
  /** The template this version was made from. */
  parent_id: number | null
  /** Used by a round: editing it makes a new version. */
  frozen: boolean
  grade_bands: GradeBand[]
  dimensions: Dimension[]
  created_at: Instant
}

// ---------------------------------------------------------------- conflicts

export interface ConflictInput {
  agency_id: number
  department_id?: number | null
  plan_id?: number | null
  reason: string
}

export interface Conflict {
  id: number
  agency_id: number
  department_id: number | null
  plan_id: number | null
  reason: string
  created_at: Instant
}

// ---------------------------------------------------------------- rounds

export type RoundStatus = 'draft' | 'open' | 'scoring_closed' | 'published' | 'archived'

export interface ResponseDays {
  critical: number
  major: number
  minor: number
}

export interface RoundInput {
  name: string
  template_id: number | null
  starts_on: DateString
  scoring_due: DateString
  min_plan_age_days?: number
  outlier_threshold?: number
  response_days?: ResponseDays
}

export interface Round {
  id: number
  name: string
  template_id: number
  starts_on: DateString
  /** Scoring is possible on this day too. */
  scoring_due: DateString
  min_plan_age_days: number
  outlier_threshold: number
  response_days: ResponseDays
  status: RoundStatus
  /** The day the round was published; null before. */
  published_on: DateString | null
  created_at: Instant
  updated_at: Instant
}

/** A short reference to a round, as embedded in findings. */
export interface RoundRef {
  id: number
  name: string
  status: RoundStatus
}

/** The state-changing calls of a round, in the order of the workflow. */
export type RoundAction = 'open' | 'close-scoring' | 'publish' | 'archive'

// ---------------------------------------------------------------- assignments and scoresheets

export type AssignmentStatus = 'assigned' | 'draft' | 'submitted'

/** One plan × one evaluator in a round (AssignmentView). */
export interface AssignmentSummary {
  /** 0 in an auto-assignment preview. */
  id: number
  round_id: number
  round_name: string
  round_status: RoundStatus
  plan: PlanRef
  evaluator_id: number
  evaluator_name: string
  agency_id: number
  agency_name: string
  status: AssignmentStatus
  /** An admin reopened the submitted sheet and it was not submitted again yet. */
  reopened: boolean
  scoring_due: DateString
  submitted_at: Instant | null
}

export interface AssignmentQuery extends PageQuery {
  round_id?: number
  plan_id?: number
  evaluator_id?: number
  status?: AssignmentStatus
}

export interface AssignmentInput {
  plan_id: number
  evaluator_id: number
}

export interface AutoAssignRequest {
  raters_per_plan: number
  /** Compute the assignments without saving them (a preview). */
  dry_run?: boolean
}

export interface AutoAssignResponse {
  /** New assignments (in a preview: the ones that would be made). */
  created: number
  dry_run: boolean
  assignments: AssignmentSummary[]
}

/** A score value: points for `score`, yes/no for `check`, null when unanswered. */
export type ScoreValue = number | boolean | null

export interface Score {
  indicator_code: string
  value: ScoreValue
  comment?: string
}

export type ScoresheetStatus = 'draft' | 'submitted'

export interface Scoresheet {
  id: number
  assignment_id: number
  status: ScoresheetStatus
  /** Every write adds 1; 0 when never saved. */
  version: number
  reopened: boolean
  comment: string
  scores: Score[]
  submitted_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

export interface ScoresheetInput {
  version: number
  comment: string
  scores: Score[]
}

/**
 * GET /assignments/{id}: the assignment with the whole plan, the template and
 * the sheet, and the public satisfaction surveys linked to the plan in the round.
 */
export interface AssignmentDetail extends Omit<AssignmentSummary, 'plan'> {
  plan: Plan
  /** The name of the plan's lead department. */
  lead_department: string
  template: Template
  scoresheet: Scoresheet
  /** Published or closed surveys linked to this round and plan, shown beside the scoresheet; [] when none. */
  surveys: SurveySummary[]
}

// ---------------------------------------------------------------- findings

export type Severity = 'minor' | 'major' | 'critical'
export type FindingStatus = 'open' | 'responded' | 'returned' | 'accepted'
export type Progress = 'not_started' | 'in_progress' | 'completed'
export type Verdict = 'accepted' | 'returned'

export interface FindingInput {
  /** '' when the finding concerns no single indicator. */
  indicator_code?: string
  severity: Severity
  description: string
  recommendation: string
}

/** A finding as its evaluator records it (POST/GET /assignments/{id}/findings). */
export interface Finding {
  id: number
  round_id: number
  assignment_id: number
  plan_id: number
  evaluator_id: number
  indicator_code: string
  severity: Severity
  description: string
  recommendation: string
  status: FindingStatus
  due_on: DateString | null
  created_at: Instant
  updated_at: Instant
}

/** An evidence file of a response. */
export interface Attachment {
  id: number
  name: string
  size: number
  sha256: string
  content_type: string
  /** The submission it went with; null while it may still be deleted. */
  submitted_in: number | null
  created_at: Instant
}

/** An evidence file as a submitted response version lists it. */
export interface AttachmentRef {
  id: number
  name: string
  size: number
  sha256: string
}

/**
 * A department's response: the department sees its working copy (draft or
 * submitted), everyone else the last submitted version.
 */
export interface FindingResponse {
  status: 'draft' | 'submitted'
  /** Version of the working copy, to send with the department's next save. */
  version: number
  /** Submissions so far. */
  number: number
  measures: string
  responsible_person: string
  progress: Progress
  completed_on: DateString | null
  evidence: string
  attachments: Attachment[]
  submitted_at: Instant | null
  updated_at: Instant
}

/** A finding under rectification (GET /findings, /findings/{id}), with its round, plan and response. */
export interface FindingView {
  id: number
  round_id: number
  round: RoundRef
  plan_id: number
  plan: PlanRef
  lead_department_id: number
  /** null for departments, who never learn who raised a finding. */
  assignment_id: number | null
  evaluator_id: number | null
  indicator_code: string
  severity: Severity
  description: string
  recommendation: string
  status: FindingStatus
  due_on: DateString | null
  overdue: boolean
  response: FindingResponse | null
  created_at: Instant
  updated_at: Instant
}

export interface FindingQuery extends PageQuery {
  round_id?: number
  plan_id?: number
  status?: FindingStatus
  severity?: Severity
  overdue?: boolean
}

export interface ResponseInput {
  measures: string
  responsible_person: string
  progress: Progress
  completed_on?: DateString | null
  evidence?: string
  /** The working copy's version this save is based on (409 when stale). */
  version?: number
}

export interface VerifyInput {
  verdict: Verdict
  comment: string
}

/** The verdict on one submitted response. */
export interface HistoryVerdict {
  verdict: Verdict
  comment: string
  verifier_role: Role
  /** null for departments. */
  verified_by: number | null
  verified_at: Instant
}

/** One submitted response, as it was submitted, and its verdict (null while awaited). */
export interface HistoryEntry {
  number: number
  measures: string
  responsible_person: string
  progress: Progress
  completed_on: DateString | null
  evidence: string
  attachments: AttachmentRef[]
  submitted_at: Instant
  verdict: HistoryVerdict | null
}

/** GET /findings/{id}/history. */
export interface FindingHistory {
  finding: FindingView
  /** Oldest first. */
  versions: HistoryEntry[]
}

// ---------------------------------------------------------------- results and rectification

export interface DimensionScore {
  code: string
  name: string
  score: number
}

export interface PlanResult {
  plan_id: number
  code: string
  title: string
  lead_department_id: number
  /** Submitted scoresheets. */
  raters: number
  raters_kept: number
  total: number
  /** '' while the plan has no submitted scoresheet. */
  grade: string
  /** 0 while the plan has no submitted scoresheet. */
  rank: number
  /** N of "rank x/N": the plans of the round with a rank. */
  ranked_plans: number
  veto: boolean
  std_dev: number
  range: number
  dimensions: DimensionScore[]
  outliers: number[]
}

export interface IndicatorResult {
  code: string
  mean: number
  min: number
  max: number
}

export interface RaterResult {
  assignment_id: number
  agency: string
  total: number
  kept: boolean
  outlier: boolean
}

/** One plan's result in detail: `raters` is every rater's total here, not a count. */
export interface PlanResultDetail extends Omit<PlanResult, 'raters'> {
  indicators: IndicatorResult[]
  raters: RaterResult[]
}

export interface RectificationPlan {
  plan_id: number
  code: string
  title: string
  department_id: number
  published: number
  accepted: number
  overdue: number
  /** accepted / published (4 decimals); null when nothing was published. */
  rate: number | null
}

export interface RectificationDepartment {
  department_id: number
  name: string
  /** Plans of the department evaluated in the round. */
  plans: number
  published: number
  accepted: number
  overdue: number
  rate: number | null
}

export interface Rectification {
  round_id: number
  plans: RectificationPlan[]
  departments: RectificationDepartment[]
}

// ---------------------------------------------------------------- notifications and todo

export type NoticeKind =
  | 'findings_published'
  | 'awaiting_verdict'
  | 'response_accepted'
  | 'response_returned'
  | 'due_soon'
  | 'overdue'
  | 'reminder'

export interface Notification {
  id: number
  kind: NoticeKind
  title: string
  body: string
  /** A path of this app, such as /findings/12. */
  link: string
  entity: string
  entity_id: number
  read_at: Instant | null
  created_at: Instant
}

/** GET /notifications: a page, plus the caller's unread count (whatever the filter). */
export interface NotificationList extends Page<Notification> {
  unread: number
}

export interface NotificationQuery extends PageQuery {
  unread?: boolean
}

export type TodoKind = 'scoresheet' | 'verify' | 'respond' | 'missing_scoresheets' | 'awaiting_verdicts'

/** One piece of pending work, most urgent first. */
export interface TodoItem {
  kind: TodoKind
  title: string
  detail: string
  due_on: DateString | null
  overdue: boolean
  /** A path of this app: /tasks/{id}, /findings/{id}, /rounds/{id}, /verify?round_id=… */
  link: string
  entity: string
  entity_id: number
  /** How many things the item stands for (e.g. missing scoresheets of a round). */
  count: number
}

// ---------------------------------------------------------------- reports and jobs

export interface RemindResponse {
  notified: number
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

/** A job that packs every report of a round into one ZIP (POST /rounds/{id}/reports, GET /jobs/{id}). */
export interface JobState {
  /** The same as `id`. */
  job_id: number
  id: number
  round_id: number
  status: JobStatus
  /** Files made so far, of `total`. */
  done: number
  total: number
  /** Bytes of the ZIP; 0 until done. */
  size: number
  /** Why it failed; '' otherwise. */
  error: string
  created_at: Instant
  updated_at: Instant
  finished_at: Instant | null
  /** /api/v1/jobs/{id}/download once done; null before (or after a failure). */
  download_url: string | null
}

export type ReportKind = 'evaluation' | 'rectification' | 'summary_pdf' | 'summary_xlsx'

/** GET /reports/verify/{code}: a report this server issued (404 for any other file). */
export interface ReportVerification {
  genuine: true
  kind: ReportKind
  round: RoundRef
  /** null for a round summary. */
  plan: PlanRef | null
  /** The date printed on the report. */
  report_date: DateString
  /** When the server first issued this file. */
  generated_at: Instant
  sha256: string
  verification_code: string
}

// ---------------------------------------------------------------- surveys

/** draft 草稿 → published 已发布（收集中）→ closed 已结束. */
export type SurveyStatus = 'draft' | 'published' | 'closed'

/** single 单选, multiple 多选, likert5 五级量表 (1–5), nps 推荐度 (0–10), text 文字 (≤ 2000 字). */
export type QuestionKind = 'single' | 'multiple' | 'likert5' | 'nps' | 'text'

/**
 * Shows a question only when the answer of an earlier single, likert5 or nps
 * question `question` equals `equals` (an option, or an integer of the scale).
 */
export interface ShowIf {
  question: string
  equals: string | number
}

/** A question as the server answers it and as it is sent (SurveyQuestion, SurveyQuestionInput). */
export interface SurveyQuestion {
  /** 1–32 letters, digits, `_` or `-`, unique in the survey. */
  code: string
  /** At most 500 characters. */
  text: string
  kind: QuestionKind
  /** Options of single and multiple questions only (2–50, distinct, ≤ 200 characters each). */
  options?: string[]
  /** Required when shown. */
  required: boolean
  show_if?: ShowIf
}

export interface Survey {
  id: number
  title: string
  intro: string
  round_id: number | null
  plan_id: number | null
  /** After this instant no answers are taken; null when open-ended. */
  closes_at: Instant | null
  status: SurveyStatus
  /** The public link's secret, set on publication. */
  token: string | null
  /** `{EVAL_PUBLIC_URL}/s/{token}` once published. */
  public_url: string | null
  questions: SurveyQuestion[]
  /** Responses received. */
  responses: number
  created_by: number | null
  published_at: Instant | null
  closed_at: Instant | null
  created_at: Instant
  updated_at: Instant
}

/** POST /surveys: a new draft. */
export interface SurveyInput {
  title: string
  intro?: string
  round_id?: number
  plan_id?: number
  closes_at?: Instant
  questions?: SurveyQuestion[]
}

/**
 * PATCH /surveys/{id}: only the fields given change. A draft may change in
 * every field (`round_id`/`plan_id` 0 removes the link, `questions` replaces
 * them all); a published survey only in `closes_at`.
 */
export interface SurveyPatch {
  title?: string
  intro?: string
  round_id?: number
  plan_id?: number
  closes_at?: Instant
  questions?: SurveyQuestion[]
}

export interface SurveyQuery extends PageQuery {
  status?: SurveyStatus
  round_id?: number
  plan_id?: number
}

/** POST /surveys/{id}/publish. */
export interface PublishResponse {
  token: string
  public_url: string
}

/** The tally of one question (QuestionResult). */
export interface QuestionResult {
  code: string
  text: string
  kind: QuestionKind
  /** How many responses answered it. */
  answered: number
  /** Option (single, multiple) or scale point ("1"…"5", "0"…"10") → responses, in the question's order; absent for text. */
  counts?: Record<string, number>
  /** Mean of a likert5 or nps question, once answered (2 decimals). */
  mean?: number
  /** Net promoter score of an nps question: % of 9–10 minus % of 0–6 (−100…100). */
  nps_score?: number
}

/** GET /surveys/{id}/results (admin, viewer). */
export interface SurveyResults {
  survey_id: number
  title: string
  status: SurveyStatus
  responses: number
  /** 0–100: (mean of every likert5 answer − 1) / 4 × 100, 2 decimals; null without likert5 answers. */
  satisfaction_index: number | null
  questions: QuestionResult[]
}

/** A survey linked to a round and plan, as the scoresheet page shows it. */
export interface SurveySummary {
  id: number
  title: string
  status: SurveyStatus
  responses: number
  satisfaction_index: number | null
}

// ---------------------------------------------------------------- audit

export interface AuditEvent {
  id: number
  at: Instant
  /** null for system actions (command line, start-up jobs). */
  actor_id: number | null
  actor_name: string
  action: string
  entity: string
  entity_id: number
  /** The entity before and after, as JSON text ("null" when created or deleted). */
  before: string
  after: string
  prev_hash: string
  hash: string
}

export interface AuditQuery extends PageQuery {
  entity?: string
  entity_id?: number
  actor_id?: number
}
