// Request and response shapes of the evald HTTP API (shared/API.md, v1).
// Field names mirror the JSON exactly (snake_case). Where API.md does not
// spell a shape out, the fields the UI relies on are typed and marked
// optional; see the notes on each type.

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

/** The body of every error answer (DESIGN.md). */
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
  org_id: number | null
  /** A disabled account cannot log in (not in API.md; the server sends it). */
  disabled?: boolean
  created_at?: Instant
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
  /** '' or absent for organisations other than agencies. */
  agency_type?: AgencyType | '' | null
}

export interface OrgInput {
  name: string
  kind: OrgKind
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
  /** Not in API.md; shown when the server joins it. */
  lead_department?: string
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

/** Search and filters of the plan list. API.md names none; see the report. */
export interface PlanQuery extends PageQuery {
  q?: string
  field?: string
  lead_department_id?: number
  approved_by?: string
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

/** A short reference to a plan, as embedded in assignments. */
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

export interface Template extends TemplateInput {
  id: number
  version?: number
  parent_id?: number | null
  frozen?: boolean
  created_at?: Instant
}

// ---------------------------------------------------------------- conflicts

export interface ConflictInput {
  agency_id: number
  department_id?: number | null
  plan_id?: number | null
  reason: string
}

export interface Conflict extends ConflictInput {
  id: number
  created_at?: Instant
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

export interface Round extends RoundInput {
  id: number
  status: RoundStatus
  /** Not in API.md; the day the round was published, when the server sends it. */
  published_on?: DateString | null
}

/** The state-changing calls of a round, in the order of the workflow. */
export type RoundAction = 'open' | 'close-scoring' | 'publish' | 'archive'

// ---------------------------------------------------------------- assignments and scoresheets

export type AssignmentStatus = 'assigned' | 'draft' | 'submitted'

export interface AssignmentSummary {
  id: number
  round_id: number
  plan: PlanRef
  status: AssignmentStatus
  scoring_due: DateString
  /** Beyond API.md: the server names the round, the evaluator and the agency. */
  round_name?: string
  round_status?: RoundStatus
  evaluator_id?: number
  evaluator_name?: string
  agency_id?: number
  agency_name?: string
  /** A submitted sheet an admin reopened for correction. */
  reopened?: boolean
  submitted_at?: Instant | null
  plan_id?: number
}

export interface AssignmentQuery extends PageQuery {
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
  /**
   * Not in API.md: asks the server to compute the assignments without saving
   * them, for the preview. See the report.
   */
  dry_run?: boolean
}

export interface AutoAssignResponse {
  created: number
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
  reopened?: boolean
  version: number
  status: ScoresheetStatus | AssignmentStatus
  comment: string
  scores: Score[]
  submitted_at?: Instant | null
  updated_at?: Instant | null
}

export interface ScoresheetInput {
  version: number
  comment: string
  scores: Score[]
}

export interface AssignmentDetail extends AssignmentSummary {
  plan: PlanRef & Partial<Plan>
  template: Template
  scoresheet: Scoresheet
}

// ---------------------------------------------------------------- findings

export type Severity = 'minor' | 'major' | 'critical'
export type FindingStatus = 'open' | 'responded' | 'returned' | 'accepted'
export type Progress = 'not_started' | 'in_progress' | 'completed'
export type Verdict = 'accepted' | 'returned'

export interface Attachment {
  id: number
  name: string
  size: number
  sha256: string
}

export interface FindingResponse {
  measures: string
  responsible_person: string
  progress: Progress
  completed_on?: DateString | null
  /** A written description of the evidence; files are attachments. */
  evidence?: string
  /** Not in API.md; the uploaded evidence files when the server sends them. */
  attachments?: Attachment[]
  /** Not in API.md; `draft` until submitted. */
  status?: 'draft' | 'submitted'
  version?: number
  submitted_at?: Instant | null
}

export interface FindingInput {
  /** '' when the finding concerns no single indicator. */
  indicator_code?: string
  severity: Severity
  description: string
  recommendation: string
}

export interface Finding extends FindingInput {
  id: number
  round_id: number
  plan_id: number
  assignment_id?: number
  evaluator_id?: number
  indicator_code: string
  due_on: DateString | null
  status: FindingStatus
  overdue: boolean
  response: FindingResponse | null
  /** Not in API.md; shown when the server joins them. */
  plan?: PlanRef
  round?: { id: number; name: string }
}

export interface FindingQuery extends PageQuery {
  round_id?: number
  plan_id?: number
  status?: FindingStatus
  overdue?: boolean
}

export interface ResponseInput {
  measures: string
  responsible_person: string
  progress: Progress
  completed_on?: DateString | null
  evidence?: string
}

export interface VerifyInput {
  verdict: Verdict
  comment: string
}

/**
 * One entry of a finding's history: a response version or a verdict.
 * API.md says only "every response version and verdict"; the UI shows
 * whichever of these fields arrive.
 */
export interface HistoryEntry {
  kind?: 'response' | 'verdict' | string
  version?: number
  verdict?: Verdict
  comment?: string
  measures?: string
  responsible_person?: string
  progress?: Progress
  completed_on?: DateString | null
  evidence?: string
  actor?: string
  actor_id?: number
  at?: Instant
  created_at?: Instant
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
  lead_department_id?: number
  raters: number
  raters_kept: number
  total: number
  grade: string
  /** 0 while the plan has no submitted scoresheet. */
  rank: number
  /** N of "rank x/N": the plans of the round with a rank. */
  ranked_plans?: number
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
  outlier?: boolean
}

/**
 * One plan's result in detail. API.md names `raters` twice — a count in the
 * list item and a list of raters here; the list is what this answer carries.
 */
export interface PlanResultDetail extends Omit<PlanResult, 'raters'> {
  indicators: IndicatorResult[]
  raters: RaterResult[] | number
}

export interface RectificationPlan {
  plan_id: number
  published: number
  accepted: number
  overdue: number
  rate: number
}

export interface RectificationDepartment {
  department_id: number
  name: string
  published: number
  accepted: number
  overdue: number
  rate: number
}

export interface Rectification {
  plans: RectificationPlan[]
  departments: RectificationDepartment[]
}

// ---------------------------------------------------------------- notifications and todo

/** API.md leaves the item shape open; these are the fields the UI shows. */
export interface Notification {
  id: number
  kind?: string
  title?: string
  message?: string
  body?: string
  link?: string
  read?: boolean
  read_at?: Instant | null
  created_at: Instant
}

export interface NotificationQuery extends PageQuery {
  unread?: boolean
}

/**
 * One piece of pending work. API.md lists what todo holds per role but not
 * the fields; the UI shows `title` and links by the ids it finds.
 */
export interface TodoItem {
  kind: string
  title: string
  detail?: string
  due_on?: DateString | null
  overdue?: boolean
  round_id?: number
  plan_id?: number
  assignment_id?: number
  finding_id?: number
  link?: string
}

// ---------------------------------------------------------------- reports and jobs

export interface RemindResponse {
  notified: number
}

export interface ReportJob {
  job_id: string | number
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | string

export interface JobState {
  status: JobStatus
  done: number
  total: number
  download_url?: string | null
  error?: string
}

// ---------------------------------------------------------------- audit

export interface AuditEvent {
  id: number
  at?: Instant
  created_at?: Instant
  actor_id: number | null
  actor_name?: string
  action: string
  entity: string
  entity_id: number | string | null
  /** The entity before and after, as JSON text (or objects). */
  before?: unknown
  after?: unknown
  prev_hash?: string
  hash?: string
}

export interface AuditQuery extends PageQuery {
  entity?: string
  entity_id?: number
  actor_id?: number
}
