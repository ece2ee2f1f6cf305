// Chinese labels and tag colours of the API's enumerations, and the workflow
// step that follows each round state. Kept in one place so that every table,
// tag and filter says the same words.
import type {
  AgencyType,
  AssignmentStatus,
  FindingStatus,
  OrgKind,
  Progress,
  QuestionKind,
  ReadinessCode,
  Role,
  RoundAction,
  RoundStatus,
  SelfAssessmentStatus,
  Severity,
  SurveyStatus,
} from '@/api/types'

/** Element Plus tag types (the empty string is the default, primary-coloured tag). */
export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** A label with the tag colour it is shown in. */
export interface Tagged {
  label: string
  type: TagType
}

export const roleLabels: Record<Role, string> = {
  admin: '改革办',
  evaluator: '评估机构',
  department: '牵头单位',
  viewer: '领导/督查',
}

export const orgKindLabels: Record<OrgKind, string> = {
  office: '改革办',
  agency: '评估机构',
  department: '牵头单位',
}

export const agencyTypeLabels: Record<AgencyType, string> = {
  university: '高校',
  think_tank: '智库',
  other: '其他',
}

export const roundStatus: Record<RoundStatus, Tagged> = {
  draft: { label: '草稿', type: 'info' },
  open: { label: '评估中', type: 'primary' },
  scoring_closed: { label: '评分截止', type: 'warning' },
  published: { label: '已发布', type: 'success' },
  archived: { label: '已归档', type: 'info' },
}

export const assignmentStatus: Record<AssignmentStatus, Tagged> = {
  assigned: { label: '未开始', type: 'info' },
  draft: { label: '草稿', type: 'warning' },
  submitted: { label: '已提交', type: 'success' },
}

export const selfAssessmentStatus: Record<SelfAssessmentStatus, Tagged> = {
  pending: { label: '待填写', type: 'info' },
  draft: { label: '草稿', type: 'warning' },
  submitted: { label: '已提交', type: 'success' },
  returned: { label: '已退回', type: 'danger' },
}

export const findingStatus: Record<FindingStatus, Tagged> = {
  open: { label: '待整改', type: 'warning' },
  responded: { label: '已回复', type: 'primary' },
  returned: { label: '已退回', type: 'danger' },
  accepted: { label: '已销号', type: 'success' },
}

export const severity: Record<Severity, Tagged> = {
  minor: { label: '一般', type: 'info' },
  major: { label: '较重', type: 'warning' },
  critical: { label: '严重', type: 'danger' },
}

/** A published survey is collecting answers: the office calls it 进行中. */
export const surveyStatus: Record<SurveyStatus, Tagged> = {
  draft: { label: '草稿', type: 'info' },
  published: { label: '进行中', type: 'success' },
  closed: { label: '已结束', type: 'warning' },
}

/** The survey states in workflow order, for filters. */
export const surveyStatusOrder: SurveyStatus[] = ['draft', 'published', 'closed']

export const questionKindLabels: Record<QuestionKind, string> = {
  single: '单选题',
  multiple: '多选题',
  likert5: '五级量表（满意度）',
  nps: '推荐度（0–10 分）',
  text: '文字题',
}

export const progressLabels: Record<Progress, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  completed: '已完成',
}

/** The tag of a value of an enumeration, or a neutral tag showing the raw value. */
export function tagOf<K extends string>(table: Record<K, Tagged>, value: string | null | undefined): Tagged {
  if (value && value in table) return table[value as K]
  return { label: value ? String(value) : '—', type: 'info' }
}

/** The next step of a round's workflow, as a button says it. */
export interface RoundStep {
  action: RoundAction
  label: string
  /** What the step does, in words (the confirmation adds the numbers). */
  effect: string
}

const steps: Partial<Record<RoundStatus, RoundStep>> = {
  draft: {
    action: 'open',
    label: '开始评估',
    effect: '开始评估后，评估机构即可看到并填写评分表，指标体系不能再修改。',
  },
  open: {
    action: 'close-scoring',
    label: '截止评分',
    effect: '截止评分后评估机构不能再提交评分表（改革办重新打开的除外），已提交的评分表即为评估结果的依据。',
  },
  scoring_closed: {
    action: 'publish',
    label: '发布结果',
    effect: '发布后，评估结果、排名和发现的问题将对牵头单位可见，整改期限从今天起算；发布不能撤回。',
  },
  published: {
    action: 'archive',
    label: '归档',
    effect: '归档后本轮次所有数据只读，不能再回复整改、核验或修改；归档不能撤回。',
  },
}

/** What each readiness warning or blocker is about, as a heading. */
export const readinessLabels: Record<ReadinessCode, string> = {
  sheets_missing: '评分表未交齐',
  plans_without_result: '方案没有评估结果',
  plans_below_assigned: '方案的评分表少于分配份数',
  self_assessments_missing: '部门自评未交齐',
  carried_unchecked: '上轮未整改问题未核查',
  findings_open: '问题未销号',
  narratives_pending: '评估结论未审定',
}

/** The step that moves a round on from its state, or null when it is archived. */
export function nextRoundStep(status: RoundStatus): RoundStep | null {
  return steps[status] ?? null
}

/** The round states in workflow order, for filters and step bars. */
export const roundStatusOrder: RoundStatus[] = ['draft', 'open', 'scoring_closed', 'published', 'archived']

/** The tag colour of a grade (等次). */
export function gradeTagType(grade: string | null | undefined): TagType {
  switch (grade) {
    case '优秀':
      return 'success'
    case '良好':
      return 'primary'
    case '合格':
      return 'warning'
    case '不合格':
      return 'danger'
    default:
      return 'info'
  }
}

/** A fraction 0–1 as a percentage with one decimal: 0.4567 → "45.7%". */
export function percent(rate: number | null | undefined): string {
  if (rate == null || !Number.isFinite(rate)) return '—'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}
