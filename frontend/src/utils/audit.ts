// The audit log for people: actions and object types in Chinese, and the
// difference between an event's before and after, field by field, in words.
// reports/audit_labels_test.go checks these tables against the actions the
// server writes and against the workbook's copy (reports/labels.go).
import { findingStatus, progressLabels, roleLabels, roundStatus, selfAssessmentStatus, severity, surveyStatus } from './labels'

/** What each audited action did. */
export const auditActions: Record<string, string> = {
  'assignment.create': '分配评估任务',
  'assignment.delete': '删除评估任务',
  'assignment.lead': '指定牵头评估机构',
  'attachment.add': '上传附件',
  'attachment.delete': '删除附件',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'conflict.create': '登记利益冲突',
  'finding.carry': '结转上轮未整改问题',
  'finding.carry_move': '移交结转问题',
  'finding.check_carried': '核查上轮未整改问题',
  'finding.create': '记录问题',
  'finding.delete': '删除问题',
  'finding.uncarry': '撤销结转问题',
  'finding.update': '修改问题',
  'finding.verify': '核验整改',
  'login_throttle.clear': '解除登录限制',
  'narrative.approve': '审定评估结论',
  'narrative.return': '退回评估结论',
  'narrative.save': '保存评估结论',
  'narrative.submit': '提交评估结论',
  'notification.email': '发送邮件通知',
  'notification.email_failed': '邮件通知失败',
  'notification.read': '阅读通知',
  'notification.read_all': '全部通知标为已读',
  'notification.sweep': '清理过期通知',
  'org.create': '新增单位',
  'org.delete': '删除单位',
  'org.update': '修改单位',
  'plan.close_out': '方案销账',
  'plan.create': '新增方案',
  'plan.delete': '删除方案',
  'plan.import_create': '导入新增方案',
  'plan.import_update': '导入更新方案',
  'plan.reopen': '恢复方案（撤销销账）',
  'plan.update': '修改方案',
  'report.freeze': '固化评估报告',
  'report.record': '出具报告',
  'report.reissue': '重新出具评估报告',
  'report_job.create': '开始批量生成报告',
  'report_job.finish': '批量生成报告完成',
  'request.answer': '答复补充材料要求',
  'request.create': '要求补充材料',
  'response.save': '保存整改回复',
  'response.submit': '提交整改回复',
  'round.archived': '归档轮次',
  'round.create': '新建轮次',
  'round.open': '开始评估',
  'round.published': '发布结果',
  'round.remind': '催办',
  'round.scoring_closed': '截止评分',
  'round.update': '修改轮次',
  'scoresheet.reopen': '退回评分表',
  'scoresheet.save': '保存评分表',
  'scoresheet.submit': '提交评分表',
  'self_assessment.create': '生成部门自评',
  'self_assessment.extend': '延长自评期限',
  'self_assessment.return': '退回部门自评',
  'self_assessment.save': '保存部门自评',
  'self_assessment.submit': '提交部门自评',
  'survey.answer': '收到问卷答卷',
  'survey.closed': '结束问卷',
  'survey.create': '新建问卷',
  'survey.published': '发布问卷',
  'survey.update': '修改问卷',
  'template.create': '新建指标体系',
  'template.new_version': '指标体系新版本',
  'template.update': '修改指标体系',
  'user.create': '新增用户',
  'user.update': '修改用户',
}

/** What each audited object type is. */
export const auditEntities: Record<string, string> = {
  assignment: '评估任务',
  conflict: '利益冲突声明',
  finding: '问题',
  login: '登录',
  login_throttle: '登录限制',
  narrative: '评估结论',
  notification: '通知',
  org: '单位',
  plan: '方案',
  report_job: '报告生成任务',
  request: '补充材料',
  round: '评估轮次',
  scoresheet: '评分表',
  self_assessment: '部门自评',
  survey: '问卷',
  survey_response: '问卷答卷',
  system: '系统',
  template: '指标体系',
  user: '用户',
}

/** How the fields of audited objects are called. */
export const auditFields: Record<string, string> = {
  answer: '答复',
  approved_by: '审议机构',
  close_reason: '销账原因',
  closed_at: '销账时间',
  closes_at: '截止时间',
  code: '编号',
  comment: '意见',
  completed_on: '完成日期',
  description: '问题描述',
  disabled: '停用',
  display_name: '姓名',
  due_on: '期限',
  email: '邮箱',
  evaluator_id: '评估人员',
  evidence: '佐证说明',
  field: '改革领域',
  indicator_code: '指标',
  intro: '说明',
  issued_on: '印发日期',
  kind: '类型',
  lead: '牵头',
  lead_department_id: '牵头单位',
  measures: '整改措施',
  min_plan_age_days: '最短印发时长（天）',
  min_raters: '最少评分人数',
  name: '名称',
  org_id: '所属单位',
  outlier_threshold: '离群阈值',
  plan_id: '方案',
  progress: '进展',
  published_at: '发布时间',
  question: '问题',
  reason: '原因',
  recommendation: '整改建议',
  require_narrative: '需要评估结论',
  responsible_person: '责任人',
  role: '角色',
  round_id: '轮次',
  scoring_due: '评分截止',
  self_assessment_due: '自评截止',
  severity: '严重程度',
  starts_on: '开始日期',
  status: '状态',
  summary: '摘要',
  template_id: '指标体系',
  title: '标题',
  username: '用户名',
  verdict: '核验结论',
  version: '版本',
}

/** Fields that change with every write and say nothing by themselves. */
const noise = new Set(['updated_at', 'created_at', 'password_hash'])

/** The label of an action (the action itself when unknown). */
export function actionLabel(action: string): string {
  return auditActions[action] ?? action
}

/** The label of an object type (the type itself when unknown). */
export function entityLabel(entity: string): string {
  return auditEntities[entity] ?? entity
}

/** One field that differs between before and after. */
export interface FieldChange {
  /** The field's path in the object (`dimensions[0].name`). */
  path: string
  /** The path in words (`dimensions[0].名称`). */
  label: string
  before: string
  after: string
}

function parse(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null
  if (v === '') return null
  try {
    return JSON.parse(v)
  } catch {
    return v
  }
}

/** Every leaf of a JSON value by path; an empty object or list is a leaf. */
function flatten(v: unknown, path: string, out: Map<string, unknown>): void {
  if (Array.isArray(v) && v.length > 0) {
    v.forEach((x, i) => flatten(x, `${path}[${i}]`, out))
  } else if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) {
    for (const [k, x] of Object.entries(v)) {
      if (!noise.has(k)) flatten(x, path ? `${path}.${k}` : k, out)
    }
  } else {
    out.set(path, v)
  }
}

const statusByEntity: Record<string, Record<string, { label: string }>> = {
  round: roundStatus,
  finding: findingStatus,
  survey: surveyStatus,
  self_assessment: selfAssessmentStatus,
}

/** A leaf value in words: enums in Chinese, yes/no for booleans, — for nothing. */
function valueText(entity: string, key: string, v: unknown): string {
  if (v === undefined || v === null || v === '') return '—'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'string') {
    if (key === 'status') return statusByEntity[entity]?.[v]?.label ?? v
    if (key === 'severity') return severity[v as keyof typeof severity]?.label ?? v
    if (key === 'role') return roleLabels[v as keyof typeof roleLabels] ?? v
    if (key === 'progress') return progressLabels[v as keyof typeof progressLabels] ?? v
    if (key === 'verdict') return v === 'accepted' ? '销号' : v === 'returned' ? '退回' : v
    return v
  }
  if (Array.isArray(v)) return '（空）'
  if (typeof v === 'object') return '（空）'
  return String(v)
}

/** The path in words: each named part by its label, indices kept. */
function pathLabel(path: string): string {
  return path.replace(/[a-z_]+/g, (k) => auditFields[k] ?? k)
}

/**
 * The fields that differ between an event's before and after (JSON text or
 * values), in the order of after then before; a creation lists every field
 * of after, a deletion every field of before.
 */
export function diffFields(entity: string, before: unknown, after: unknown): FieldChange[] {
  const b = new Map<string, unknown>()
  const a = new Map<string, unknown>()
  flatten(parse(before), '', b)
  flatten(parse(after), '', a)
  const out: FieldChange[] = []
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (path === '' && a.has('') !== b.has('')) continue // a creation or deletion: the other side's fields say it
    const x = b.get(path)
    const y = a.get(path)
    if (JSON.stringify(x) === JSON.stringify(y)) continue
    const key = path.replace(/.*[.\]]/, '').replace(/\[\d+\]$/, '')
    out.push({ path, label: path ? pathLabel(path) : '内容', before: valueText(entity, key, x), after: valueText(entity, key, y) })
  }
  return out
}
