// The left menu per role. Each entry names a route; nav.test.ts checks that
// every route a role sees in its menu also lets that role in.
import type { Role } from '@/api/types'

/** Icon names of @element-plus/icons-vue used by the menu. */
export type NavIcon =
  | 'House'
  | 'OfficeBuilding'
  | 'User'
  | 'Document'
  | 'Histogram'
  | 'Calendar'
  | 'Warning'
  | 'DataAnalysis'
  | 'TrendCharts'
  | 'Download'
  | 'Tickets'
  | 'EditPen'
  | 'CircleCheck'
  | 'Bell'
  | 'Connection'
  | 'ChatDotSquare'

/** One menu entry. */
export interface NavItem {
  /** The route name it opens. */
  route: string
  title: string
  icon: NavIcon
  roles: readonly Role[]
}

const all: readonly Role[] = ['admin', 'evaluator', 'department', 'viewer']

/** Every menu entry, in menu order. */
export const navItems: readonly NavItem[] = [
  { route: 'home', title: '工作台', icon: 'House', roles: all },
  // 改革办
  { route: 'rounds', title: '评估轮次', icon: 'Calendar', roles: ['admin'] },
  { route: 'plans', title: '改革方案', icon: 'Document', roles: ['admin'] },
  { route: 'templates', title: '指标体系', icon: 'Histogram', roles: ['admin'] },
  { route: 'conflicts', title: '利益冲突声明', icon: 'Connection', roles: ['admin'] },
  { route: 'admin-findings', title: '问题与整改核验', icon: 'Warning', roles: ['admin'] },
  { route: 'requests', title: '补充材料', icon: 'Document', roles: ['admin'] },
  { route: 'surveys', title: '群众满意度调查', icon: 'ChatDotSquare', roles: ['admin'] },
  // 领导/督查: the same surveys, read-only (the office's list designs them)
  { route: 'survey-list', title: '群众满意度调查', icon: 'ChatDotSquare', roles: ['viewer'] },
  // 改革办 and 领导/督查
  { route: 'results', title: '评估结果', icon: 'DataAnalysis', roles: ['admin', 'viewer'] },
  { route: 'rectification', title: '整改进度', icon: 'TrendCharts', roles: ['admin', 'viewer'] },
  { route: 'reports', title: '报告下载', icon: 'Download', roles: ['admin', 'viewer'] },
  { route: 'scorecard', title: '考核评分表', icon: 'Histogram', roles: ['admin', 'viewer'] },
  // 评估机构
  { route: 'tasks', title: '我的评估任务', icon: 'EditPen', roles: ['evaluator'] },
  { route: 'verify', title: '整改核验', icon: 'CircleCheck', roles: ['evaluator'] },
  // 牵头单位
  { route: 'self-assessments', title: '部门自评', icon: 'EditPen', roles: ['department'] },
  { route: 'requests', title: '补充材料', icon: 'Document', roles: ['department'] },
  { route: 'rectify', title: '待整改问题', icon: 'Warning', roles: ['department'] },
  { route: 'dept-reports', title: '报告下载', icon: 'Download', roles: ['department'] },
  { route: 'scorecard', title: '我的考核', icon: 'Histogram', roles: ['department'] },
  // 改革办: administration
  { route: 'orgs', title: '组织机构', icon: 'OfficeBuilding', roles: ['admin'] },
  { route: 'users', title: '用户管理', icon: 'User', roles: ['admin'] },
  { route: 'audit', title: '审计日志', icon: 'Tickets', roles: ['admin'] },
  { route: 'notifications', title: '消息通知', icon: 'Bell', roles: all },
]

/** The menu of a role. */
export function navFor(role: Role | null): NavItem[] {
  return role ? navItems.filter((i) => i.roles.includes(role)) : []
}
