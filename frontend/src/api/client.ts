// The one typed client of the evald HTTP API (api/openapi.yaml). Every call of
// the UI goes through here: it adds the bearer token, turns error answers
// into ApiError, and reports an expired session (401) to the app so that it
// can send the user to the login page.
import type {
  AssignmentDetail,
  AssignmentInput,
  AssignmentPatch,
  AssignmentQuery,
  AssignmentSummary,
  Attachment,
  AuditEvent,
  AuditQuery,
  AutoAssignRequest,
  AutoAssignResponse,
  Conflict,
  ConflictInput,
  ConflictQuery,
  ErrorBody,
  Finding,
  FindingHistory,
  FindingInput,
  FindingQuery,
  FindingView,
  ImportResult,
  IssuedReportVersion,
  IssuedVersion,
  JobState,
  LoginRequest,
  LoginResponse,
  LoginThrottle,
  Narrative,
  NarrativeInput,
  NarrativeItem,
  Notification,
  NotificationList,
  NotificationQuery,
  Org,
  OrgInput,
  OrgQuery,
  Page,
  PageQuery,
  Plan,
  PlanInput,
  PlanHistory,
  PlanQuery,
  PlanResult,
  PlanResultDetail,
  PublishResponse,
  Readiness,
  Rectification,
  RemindRequest,
  RemindResponse,
  RoundProgress,
  ReportVerification,
  ResponseInput,
  FindingResponse,
  Round,
  RoundAction,
  RoundInput,
  RoundQuery,
  Scorecard,
  Scoresheet,
  ScoresheetInput,
  SelfAssessment,
  SelfAssessmentInput,
  SelfAssessmentItem,
  SelfAssessmentQuery,
  SelfAttachment,
  Survey,
  SurveyInput,
  SurveyPatch,
  SurveyQuery,
  SurveyResults,
  Template,
  TemplateInput,
  TodoItem,
  User,
  UserInput,
  UserPatch,
  UserQuery,
  VerifyInput,
} from './types'

/** Prefix of every versioned API path. */
export const API_BASE = '/api/v1'

/** An error answer of the API, or a failure to reach it (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  /** Offending fields (e.g. `scores[0].value`, `1.1`, `name`) → message in Chinese. */
  readonly fields: Record<string, string>

  constructor(status: number, code: string, message: string, fields: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.fields = fields
  }

  /** Whether the server named at least one offending field. */
  get hasFields(): boolean {
    return Object.keys(this.fields).length > 0
  }
}

/** What the client needs from the app: the token and what to do on 401. */
export interface ClientHooks {
  getToken: () => string | null
  onUnauthorized: () => void
}

const hooks: ClientHooks = {
  getToken: () => null,
  onUnauthorized: () => {},
}

/** Connects the client to the session store (called once at start-up). */
export function configureClient(h: Partial<ClientHooks>): void {
  Object.assign(hooks, h)
}

/** Messages for error answers whose body is not the API's JSON shape. */
const statusMessages: Record<number, string> = {
  400: '请求格式有误',
  401: '登录已过期，请重新登录',
  403: '您没有权限执行此操作',
  404: '数据不存在或无权查看',
  409: '操作与当前状态冲突，请刷新后重试',
  410: '数据已失效',
  413: '文件过大',
  422: '提交的数据有误，请检查后重试',
  429: '操作过于频繁，请稍后再试',
}

/** Chinese message for a status when the server sent none. */
export function defaultMessage(status: number): string {
  if (statusMessages[status]) return statusMessages[status]
  if (status >= 500) return `服务器出错（${status}），请稍后重试`
  return `请求失败（${status}）`
}

type QueryValue = string | number | boolean | null | undefined
type Query = { [key: string]: QueryValue }

/** Builds `?a=1&b=x` from the set values of a query object; '' when none. */
export function buildQuery(query?: object): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query as Query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

/** Turns an error answer into an ApiError, reading the API's JSON error shape when present. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    // not JSON: fall back to the status
  }
  const err = (body as Partial<ErrorBody> | null)?.error
  if (err && typeof err === 'object') {
    return new ApiError(
      res.status,
      err.code || String(res.status),
      err.message || defaultMessage(res.status),
      err.fields ?? {},
    )
  }
  return new ApiError(res.status, String(res.status), defaultMessage(res.status))
}

interface RequestOptions {
  query?: object
  body?: unknown
  form?: FormData
  signal?: AbortSignal
  /** Login answers 401 for wrong credentials; that is not an expired session. */
  noAuthRedirect?: boolean
}

function authHeaders(): Record<string, string> {
  const token = hooks.getToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders() }
  let body: BodyInit | undefined
  if (opts.form) {
    body = opts.form
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  const url = (path.startsWith('/api/') || path.startsWith('/healthz') || path.startsWith('/readyz') ? path : API_BASE + path) + buildQuery(opts.query)
  let res: Response
  try {
    res = await fetch(url, { method, headers, body, signal: opts.signal })
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
  }
  if (!res.ok) {
    const err = await errorFromResponse(res)
    if (res.status === 401 && !opts.noAuthRedirect) hooks.onUnauthorized()
    throw err
  }
  return res
}

/** Sends one API request and decodes the JSON answer (undefined for an empty one). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts)
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

const get = <T>(path: string, query?: object) => request<T>('GET', path, { query })
const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} })
const put = <T>(path: string, body: unknown) => request<T>('PUT', path, { body })
const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, { body })
const del = (path: string) => request<void>('DELETE', path)

function fileForm(file: Blob, name?: string): FormData {
  const form = new FormData()
  if (name !== undefined) form.append('file', file, name)
  else form.append('file', file)
  return form
}

// ---------------------------------------------------------------- service

/** GET /healthz */
export const health = () => get<{ status: string }>('/healthz')
/** GET /readyz */
export const ready = () => get<{ status: string }>('/readyz')
/** GET /api/openapi.json */
export const openAPI = () => get<Record<string, unknown>>('/api/openapi.json')

// ---------------------------------------------------------------- auth

/** POST /auth/login — a 401 here means wrong credentials, not an expired session. */
export const login = (body: LoginRequest) =>
  request<LoginResponse>('POST', '/auth/login', { body, noAuthRedirect: true })
/** POST /auth/logout */
export const logout = () => request<void>('POST', '/auth/logout', { body: {}, noAuthRedirect: true })
/** GET /me */
export const me = () => get<User>('/me')

// ---------------------------------------------------------------- organisations

export const listOrgs = (q: OrgQuery = {}) => get<Page<Org>>('/orgs', q)
export const createOrg = (body: OrgInput) => post<Org>('/orgs', body)
export const getOrg = (id: number) => get<Org>(`/orgs/${id}`)
export const updateOrg = (id: number, body: Partial<OrgInput>) => patch<Org>(`/orgs/${id}`, body)
export const deleteOrg = (id: number) => del(`/orgs/${id}`)

// ---------------------------------------------------------------- users

export const listUsers = (q: UserQuery = {}) => get<Page<User>>('/users', q)
export const createUser = (body: UserInput) => post<User>('/users', body)
export const getUser = (id: number) => get<User>(`/users/${id}`)
export const updateUser = (id: number, body: UserPatch) => patch<User>(`/users/${id}`, body)
export const listLoginThrottles = (q: PageQuery = {}) => get<Page<LoginThrottle>>('/login-throttles', q)
export const clearLoginThrottle = (id: number) => del(`/login-throttles/${id}`)

// ---------------------------------------------------------------- plans

export const listPlans = (q: PlanQuery = {}) => get<Page<Plan>>('/plans', q)
export const createPlan = (body: PlanInput) => post<Plan>('/plans', body)
export const getPlan = (id: number) => get<Plan>(`/plans/${id}`)
export const updatePlan = (id: number, body: Partial<PlanInput>) => patch<Plan>(`/plans/${id}`, body)
export const deletePlan = (id: number) => del(`/plans/${id}`)
/** GET /plans/{id}/history — every round of the plan the caller may see (admin: all; others: published). */
export const planHistory = (id: number) => get<PlanHistory>(`/plans/${id}/history`)
/** POST /plans/{id}/close-out (admin; 销账): the plan leaves future rounds, its open findings stay tracked. */
export const closeOutPlan = (id: number, reason: string) => post<Plan>(`/plans/${id}/close-out`, { reason })
/** POST /plans/{id}/reopen (admin): undoes 销账. */
export const reopenPlan = (id: number) => post<Plan>(`/plans/${id}/reopen`)
/** GET /departments/scorecard?year= (admin, viewer: every department; department: its own row). */
export const departmentScorecard = (year?: number) => get<Scorecard>('/departments/scorecard', year ? { year } : {})
// ---------------------------------------------------------------- templates

export const listTemplates = (q: PageQuery = {}) => get<Page<Template>>('/templates', q)
export const createTemplate = (body: TemplateInput) => post<Template>('/templates', body)
export const getTemplate = (id: number) => get<Template>(`/templates/${id}`)
/**
 * PUT /templates/{id}: an unused template is edited in place; a frozen one
 * (used by a round) is left alone and a new version comes back (201) with
 * `parent_id` set — compare the ids to tell.
 */
export const updateTemplate = (id: number, body: TemplateInput) => put<Template>(`/templates/${id}`, body)

// ---------------------------------------------------------------- conflicts

export const listConflicts = (q: ConflictQuery = {}) => get<Page<Conflict>>('/conflicts', q)
export const createConflict = (body: ConflictInput) => post<Conflict>('/conflicts', body)

// ---------------------------------------------------------------- rounds

export const listRounds = (q: RoundQuery = {}) => get<Page<Round>>('/rounds', q)
export const createRound = (body: RoundInput) => post<Round>('/rounds', body)
export const getRound = (id: number) => get<Round>(`/rounds/${id}`)
export const updateRound = (id: number, body: Partial<RoundInput>) => patch<Round>(`/rounds/${id}`, body)
/**
 * POST /rounds/{id}/open | close-scoring | publish | archive (wrong state → 409);
 * `reason` (why the step goes ahead despite readiness warnings) is kept in the audit trail.
 */
export const roundAction = (id: number, action: RoundAction, reason?: string) =>
  post<Round>(`/rounds/${id}/${action}`, reason ? { reason } : {})
/** GET /rounds/{id}/readiness: what is missing before the round's next step (admin). */
export const getRoundReadiness = (id: number) => get<Readiness>(`/rounds/${id}/readiness`)
export const eligiblePlans = (id: number, q: PageQuery = {}) => get<Page<Plan>>(`/rounds/${id}/eligible-plans`, q)
export const listRoundAssignments = (id: number, q: AssignmentQuery = {}) =>
  get<Page<AssignmentSummary>>(`/rounds/${id}/assignments`, q)
export const createAssignment = (roundId: number, body: AssignmentInput) =>
  post<AssignmentSummary>(`/rounds/${roundId}/assignments`, body)
export const autoAssign = (roundId: number, body: AutoAssignRequest) =>
  post<AutoAssignResponse>(`/rounds/${roundId}/auto-assign`, body)
export const deleteAssignment = (id: number) => del(`/assignments/${id}`)
/** Reminds everyone who owes work in the round, or only the evaluators given. */
export const remind = (roundId: number, body?: RemindRequest) => post<RemindResponse>(`/rounds/${roundId}/remind`, body)
export const roundProgress = (roundId: number) => get<RoundProgress>(`/rounds/${roundId}/progress`)
export const reopenScoresheet = (assignmentId: number) => post<Scoresheet>(`/scoresheets/${assignmentId}/reopen`)

// ---------------------------------------------------------------- evaluator

export const listMyAssignments = (q: AssignmentQuery = {}) => get<Page<AssignmentSummary>>('/assignments', q)
export const getAssignment = (id: number) => get<AssignmentDetail>(`/assignments/${id}`)
export const saveScoresheet = (id: number, body: ScoresheetInput) => put<Scoresheet>(`/assignments/${id}/scoresheet`, body)
export const submitScoresheet = (id: number, version: number) => post<Scoresheet | undefined>(`/assignments/${id}/submit`, { version })
/** GET /assignments/{id}/findings — every finding of the assignment (not paged). */
export const listAssignmentFindings = (id: number) => get<Page<Finding>>(`/assignments/${id}/findings`)
export const createFinding = (assignmentId: number, body: FindingInput) => post<Finding>(`/assignments/${assignmentId}/findings`, body)
export const updateFinding = (id: number, body: Partial<FindingInput>) => patch<Finding>(`/findings/${id}`, body)
export const deleteFinding = (id: number) => del(`/findings/${id}`)

// ---------------------------------------------------------------- results

export const roundResults = (roundId: number) => get<Page<PlanResult>>(`/rounds/${roundId}/results`)
export const planResult = (roundId: number, planId: number) =>
  get<PlanResultDetail>(`/rounds/${roundId}/plans/${planId}/result`)

// ---------------------------------------------------------------- conclusions (评估结论)

/** PATCH /assignments/{id} `{lead}` — the plan's previous lead loses it. */
export const updateAssignment = (id: number, body: AssignmentPatch) => patch<AssignmentSummary>(`/assignments/${id}`, body)
const narrativePath = (roundId: number, planId: number) => `/rounds/${roundId}/plans/${planId}/narrative`
/** GET …/narrative — `version` 0 and status `empty` when never saved; `prefilled` marks the suggested 存在问题. */
export const getNarrative = (roundId: number, planId: number) => get<Narrative>(narrativePath(roundId, planId))
/** PUT …/narrative — `version` is the one the edit was based on; a stale one is 409 `stale_version`. */
export const saveNarrative = (roundId: number, planId: number, body: NarrativeInput) =>
  put<Narrative>(narrativePath(roundId, planId), body)
export const submitNarrative = (roundId: number, planId: number, version: number) =>
  post<Narrative>(`${narrativePath(roundId, planId)}/submit`, { version })
export const approveNarrative = (roundId: number, planId: number) => post<Narrative>(`${narrativePath(roundId, planId)}/approve`)
export const returnNarrative = (roundId: number, planId: number, comment: string) =>
  post<Narrative>(`${narrativePath(roundId, planId)}/return`, { comment })
export const listRoundNarratives = (roundId: number) => get<Page<NarrativeItem>>(`/rounds/${roundId}/narratives`)

// ---------------------------------------------------------------- findings and rectification

export const listFindings = (q: FindingQuery = {}) => get<Page<FindingView>>('/findings', q)
/** GET /findings/{id} — 404 for a finding the caller may not see. */
export const getFinding = (id: number) => get<FindingView>(`/findings/${id}`)
/** PUT /findings/{id}/response — a draft; `version` guards against overwriting another save (409). */
export const saveResponse = (findingId: number, body: ResponseInput) =>
  put<FindingResponse>(`/findings/${findingId}/response`, body)
/** POST /findings/{id}/response/submit — the saved draft becomes the next submitted response. */
export const submitResponse = (findingId: number, version?: number) =>
  post<FindingView>(`/findings/${findingId}/response/submit`, version === undefined ? {} : { version })
export const verifyFinding = (findingId: number, body: VerifyInput) => post<FindingView>(`/findings/${findingId}/verify`, body)
/** GET /findings/{id}/history — the finding and every submitted response with its verdict, oldest first. */
export const findingHistory = (findingId: number) => get<FindingHistory>(`/findings/${findingId}/history`)
export const rectification = (roundId: number) => get<Rectification>(`/rounds/${roundId}/rectification`)
export const deleteAttachment = (id: number) => del(`/attachments/${id}`)
/** GET /attachments/{id}, saved as a file. */
export const downloadAttachment = (id: number, name?: string) => downloadFile(`${API_BASE}/attachments/${id}`, name)

// ---------------------------------------------------------------- self-assessment (自评)

export const listSelfAssessments = (q: SelfAssessmentQuery = {}) => get<Page<SelfAssessmentItem>>('/self-assessments', q)
export const getSelfAssessment = (id: number) => get<SelfAssessment>(`/self-assessments/${id}`)
/** PUT /self-assessments/{id} — a draft; a stale `version` is refused (409). */
export const saveSelfAssessment = (id: number, body: SelfAssessmentInput) => put<SelfAssessment>(`/self-assessments/${id}`, body)
export const submitSelfAssessment = (id: number, version: number) => post<SelfAssessment>(`/self-assessments/${id}/submit`, { version })
export const returnSelfAssessment = (id: number, comment: string) => post<SelfAssessment>(`/self-assessments/${id}/return`, { comment })
export const extendSelfAssessment = (id: number, dueOn: string) => post<SelfAssessment>(`/self-assessments/${id}/extend`, { due_on: dueOn })

/**
 * GET /attachments/{id} opened in a new tab (PDFs and images, which the
 * browser shows): the tab opens at once (a later window.open would be
 * blocked as a pop-up) and shows the file once it is fetched with the token.
 */
export async function openAttachment(id: number): Promise<void> {
  const tab = window.open('', '_blank')
  try {
    const res = await send('GET', `${API_BASE}/attachments/${id}`)
    const url = URL.createObjectURL(await res.blob())
    if (tab) tab.location.href = url
    else window.location.assign(url)
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch (e) {
    tab?.close()
    throw e
  }
}

// ---------------------------------------------------------------- notifications and todo

export const listNotifications = (q: NotificationQuery = {}) => get<NotificationList>('/notifications', q)
export const markNotificationRead = (id: number) => post<Notification>(`/notifications/${id}/read`)
/** POST /notifications/read-all → how many were marked. */
export const markAllNotificationsRead = () => post<{ read: number }>('/notifications/read-all')
/** GET /todo — the caller's pending work, most urgent first (not paged). */
export const todo = () => get<Page<TodoItem>>('/todo')

// ---------------------------------------------------------------- reports

/** Paths of the report downloads (fetched with the token by downloadFile). */
export const reportPaths = {
  evaluation: (roundId: number, planId: number) => `${API_BASE}/rounds/${roundId}/plans/${planId}/evaluation-report.pdf`,
  /** An issued version of the evaluation report, byte for byte as it was issued. */
  evaluationVersion: (roundId: number, planId: number, version: number) =>
    `${API_BASE}/rounds/${roundId}/plans/${planId}/evaluation-report.pdf?version=${version}`,
  rectification: (roundId: number, planId: number) =>
    `${API_BASE}/rounds/${roundId}/plans/${planId}/rectification-report.pdf`,
  summaryXlsx: (roundId: number) => `${API_BASE}/rounds/${roundId}/summary.xlsx`,
  summaryPdf: (roundId: number) => `${API_BASE}/rounds/${roundId}/summary.pdf`,
}
/** The XLSX exports of the lists (same filters as the list routes) and the plan import template. */
export const exportPaths = {
  plans: `${API_BASE}/plans/export.xlsx`,
  findings: `${API_BASE}/findings/export.xlsx`,
  users: `${API_BASE}/users/export.xlsx`,
  audit: `${API_BASE}/audit/export.xlsx`,
  rectification: (roundId: number) => `${API_BASE}/rounds/${roundId}/rectification.xlsx`,
  planTemplate: `${API_BASE}/plans/import-template.xlsx`,
  scorecard: (year: number) => `${API_BASE}/departments/scorecard.xlsx?year=${year}`,
  scorecardPDF: (year: number) => `${API_BASE}/departments/scorecard.pdf?year=${year}`,
}
/** POST /rounds/{id}/reports (202) — queues the round's ZIP of every report. */
export const startReportJob = (roundId: number) => post<JobState>(`/rounds/${roundId}/reports`)
export const getJob = (jobId: number) => get<JobState>(`/jobs/${jobId}`)
/**
 * GET /reports/verify/{code} (no login): `code` is a report file's SHA-256, or
 * its verification code (all 64 digits or the 16 printed on the cover).
 * 404 for a file this server did not issue.
 */
export const verifyReport = (code: string) =>
  request<ReportVerification>('GET', `/reports/verify/${encodeURIComponent(code)}`, { noAuthRedirect: true })
/**
 * POST /reports/verify (no login): the PDF file itself (≤ 50 MB), checked by
 * its SHA-256 on the server; the same answer as verifyReport, 404 when unknown.
 */
export const verifyReportFile = (file: File) =>
  request<ReportVerification>('POST', '/reports/verify', { form: fileForm(file, file.name), noAuthRedirect: true })
/** GET /rounds/{id}/issued-reports — the current version of each plan's issued evaluation report. */
export const issuedReports = (roundId: number) => get<Page<IssuedVersion>>(`/rounds/${roundId}/issued-reports`)
/** GET /rounds/{id}/plans/{plan_id}/evaluation-report/versions: every issued version of a plan's report, oldest first. */
export const evaluationReportVersions = (roundId: number, planId: number) =>
  get<Page<IssuedReportVersion>>(`/rounds/${roundId}/plans/${planId}/evaluation-report/versions`)
/**
 * POST /rounds/{id}/plans/{plan_id}/evaluation-report/reissue (admin; published
 * rounds): a new version of the plan's evaluation report from today's data.
 */
export const reissueEvaluationReport = (roundId: number, planId: number, reason: string) =>
  post<{ version: number; reason: string; issued_at: string }>(
    `/rounds/${roundId}/plans/${planId}/evaluation-report/reissue`,
    { reason },
  )

// ---------------------------------------------------------------- surveys (群众满意度调查)

export const listSurveys = (q: SurveyQuery = {}) => get<Page<Survey>>('/surveys', q)
/** POST /surveys — a draft; rule breaches come back as 422 naming `questions[2].options` etc. */
export const createSurvey = (body: SurveyInput) => post<Survey>('/surveys', body)
export const getSurvey = (id: number) => get<Survey>(`/surveys/${id}`)
/** PATCH /surveys/{id} — a published survey takes only `closes_at` (anything else: 409 `wrong_state`). */
export const updateSurvey = (id: number, body: SurveyPatch) => patch<Survey>(`/surveys/${id}`, body)
/** POST /surveys/{id}/publish — freezes the questions and gives the public link. */
export const publishSurvey = (id: number) => post<PublishResponse>(`/surveys/${id}/publish`)
export const closeSurvey = (id: number) => post<Survey>(`/surveys/${id}/close`)
/** GET /surveys/{id}/results (admin and viewer). */
export const surveyResults = (id: number) => get<SurveyResults>(`/surveys/${id}/results`)

/** Paths of the survey files (fetched with the token). */
export const surveyPaths = {
  responsesXlsx: (id: number) => `${API_BASE}/surveys/${id}/responses.xlsx`,
  qr: (id: number) => `${API_BASE}/surveys/${id}/qr.png`,
}

/**
 * GET /surveys/{id}/qr.png with the bearer token (an <img> cannot send it),
 * as an object URL for an <img>. The caller revokes it (URL.revokeObjectURL)
 * when the image goes.
 */
export async function surveyQRObjectURL(id: number, signal?: AbortSignal): Promise<string> {
  const res = await send('GET', surveyPaths.qr(id), { signal })
  return URL.createObjectURL(await res.blob())
}

// ---------------------------------------------------------------- audit

export const listAudit = (q: AuditQuery = {}) => get<Page<AuditEvent>>('/audit', q)

// ---------------------------------------------------------------- files

/**
 * The file name of a download from its Content-Disposition header, preferring
 * the RFC 5987 `filename*=UTF-8''…` form (Chinese names) over `filename=`.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''))
    } catch {
      // malformed escape: try the plain form
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header)
  if (plain) {
    const name = (plain[2] ?? plain[1]).trim()
    if (name) return name
  }
  return fallback
}

/** The last path segment of a URL, as the name of a download without a header. */
export function basename(path: string): string {
  const clean = path.split(/[?#]/)[0]
  return decodeURIComponent(clean.substring(clean.lastIndexOf('/') + 1)) || 'download'
}

/** What a finished download was. */
export interface Downloaded {
  name: string
  size: number
  /** `X-Report-SHA256` of a report, when present. */
  sha256: string | null
  /** `X-Report-Verification-Code` of a report (its cover prints the first 16 digits), when present. */
  verificationCode: string | null
}

/**
 * Fetches a file with the bearer token and hands it to the browser as a
 * download, named by the server's Content-Disposition.
 */
export async function downloadFile(path: string, fallbackName?: string): Promise<Downloaded> {
  const res = await send('GET', path)
  const blob = await res.blob()
  const name = filenameFromDisposition(res.headers.get('Content-Disposition'), fallbackName ?? basename(path))
  saveBlob(blob, name)
  return {
    name,
    size: blob.size,
    sha256: res.headers.get('X-Report-SHA256'),
    verificationCode: res.headers.get('X-Report-Verification-Code'),
  }
}

/** Offers a blob to the user as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * POST /findings/{id}/response/attachments (multipart `file`), with upload
 * progress (0–100) for the evidence uploader. XMLHttpRequest because fetch
 * reports no upload progress.
 */
export function uploadEvidence(
  findingId: number,
  file: File,
  onProgress?: (percent: number) => void,
): { promise: Promise<Attachment>; abort: () => void } {
  return uploadWithProgress<Attachment>(`${API_BASE}/findings/${findingId}/response/attachments`, fileForm(file, file.name), onProgress)
}

/**
 * POST /self-assessments/{id}/attachments (multipart `file`, optional
 * `indicator_code`), with upload progress.
 */
export function uploadSelfEvidence(
  id: number,
  file: File,
  indicatorCode: string,
  onProgress?: (percent: number) => void,
): { promise: Promise<SelfAttachment>; abort: () => void } {
  const form = fileForm(file, file.name)
  if (indicatorCode) form.append('indicator_code', indicatorCode)
  return uploadWithProgress<SelfAttachment>(`${API_BASE}/self-assessments/${id}/attachments`, form, onProgress)
}

/** Posts a multipart form with XMLHttpRequest, reporting upload progress (0–100). */
function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress?: (percent: number) => void,
): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest()
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', path)
    xhr.setRequestHeader('Accept', 'application/json')
    const token = hooks.getToken()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'))
    xhr.onabort = () => reject(new ApiError(0, 'aborted', '上传已取消'))
    xhr.onload = () => {
      const res = new Response(xhr.responseText || null, { status: xhr.status })
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as T)
        return
      }
      void errorFromResponse(res).then((err) => {
        if (xhr.status === 401) hooks.onUnauthorized()
        reject(err)
      })
    }
    xhr.send(form)
  })
  return { promise, abort: () => xhr.abort() }
}

/**
 * POST /plans/import (multipart `file`, .xlsx or .csv). Row errors come back
 * either in a 200 answer's `errors` or in the 422 that refused the whole file
 * (it carries the same list; read wherever the server put it): both are
 * returned, `refused` telling whether nothing was written.
 */
export async function importPlans(file: File): Promise<ImportResult & { refused: boolean }> {
  const res = await fetch(`${API_BASE}/plans/import`, {
    method: 'POST',
    headers: { Accept: 'application/json', ...authHeaders() },
    body: fileForm(file, file.name),
  }).catch(() => {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试')
  })
  const text = await res.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: body stays null
  }
  if (res.ok) return { ...(body as ImportResult), refused: false }
  const rows = importErrors(body)
  if (res.status === 422 && rows.length > 0) return { created: 0, updated: 0, errors: rows, refused: true }
  if (res.status === 401) hooks.onUnauthorized()
  const err = (body as Partial<ErrorBody> | null)?.error
  throw new ApiError(res.status, err?.code ?? String(res.status), err?.message ?? defaultMessage(res.status), err?.fields ?? {})
}

/** Finds the `[{row, message}]` list in an import answer, wherever the server put it. */
export function importErrors(body: unknown): { row: number; message: string }[] {
  if (!body || typeof body !== 'object') return []
  const b = body as Record<string, unknown>
  const e = b.error as Record<string, unknown> | undefined
  const candidates = [b.errors, e?.errors, e?.rows, (e?.details as Record<string, unknown> | undefined)?.errors]
  for (const c of candidates) {
    if (Array.isArray(c)) {
      return c
        .filter((r): r is { row: number; message: string } => !!r && typeof r === 'object' && 'row' in r)
        .map((r) => ({ row: Number(r.row), message: String(r.message ?? '') }))
    }
  }
  // A 422 may also name rows only in `fields`, e.g. {"row 3": "…"} or {"rows[3]": "…"}.
  const fields = e?.fields as Record<string, string> | undefined
  if (fields) {
    const out: { row: number; message: string }[] = []
    for (const [k, v] of Object.entries(fields)) {
      const m = /(\d+)/.exec(k)
      if (m && /row/i.test(k)) out.push({ row: Number(m[1]), message: v })
    }
    return out.sort((a, b2) => a.row - b2.row)
  }
  return []
}
