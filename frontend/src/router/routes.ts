// Every page of the app. `meta.roles` says who may open it (the guard sends
// others to their home page); pages load lazily so the first paint stays small.
import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/types'
import { currentRole } from '@/stores/session'
import { findingTarget, findingsTarget, roundTarget, surveyListTarget, verifyTarget } from './links'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without login. */
    public?: boolean
    /** Roles that may open the page; any signed-in user when absent. */
    roles?: readonly Role[]
    /** The page title (browser tab and breadcrumb). */
    title?: string
    /** The menu entry to highlight for a detail page. */
    menu?: string
  }
}

const admin: Role[] = ['admin']
const adminViewer: Role[] = ['admin', 'viewer']
const adminEvaluator: Role[] = ['admin', 'evaluator']

/** The route table. */
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/LoginView.vue'),
    meta: { public: true, title: '登录' },
  },
  {
    path: '/verify-report',
    name: 'report-check',
    component: () => import('@/views/ReportCheckView.vue'),
    meta: { public: true, title: '报告真伪查验' },
  },
  {
    path: '/',
    component: () => import('@/components/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { title: '工作台' } },
      {
        path: 'notifications',
        name: 'notifications',
        component: () => import('@/views/shared/NotificationsView.vue'),
        meta: { title: '消息通知' },
      },
      // 改革办
      { path: 'admin/orgs', name: 'orgs', component: () => import('@/views/admin/OrgsView.vue'), meta: { roles: admin, title: '组织机构' } },
      { path: 'admin/users', name: 'users', component: () => import('@/views/admin/UsersView.vue'), meta: { roles: admin, title: '用户管理' } },
      { path: 'admin/plans', name: 'plans', component: () => import('@/views/admin/PlansView.vue'), meta: { roles: admin, title: '改革方案' } },
      {
        path: 'admin/templates',
        name: 'templates',
        component: () => import('@/views/admin/TemplatesView.vue'),
        meta: { roles: admin, title: '指标体系' },
      },
      {
        path: 'admin/templates/new',
        name: 'template-new',
        component: () => import('@/views/admin/TemplateEditor.vue'),
        meta: { roles: admin, title: '新建指标体系', menu: 'templates' },
      },
      {
        path: 'admin/templates/:id(\\d+)',
        name: 'template',
        component: () => import('@/views/admin/TemplateEditor.vue'),
        meta: { roles: admin, title: '指标体系详情', menu: 'templates' },
      },
      {
        path: 'admin/conflicts',
        name: 'conflicts',
        component: () => import('@/views/admin/ConflictsView.vue'),
        meta: { roles: admin, title: '利益冲突声明' },
      },
      { path: 'admin/rounds', name: 'rounds', component: () => import('@/views/admin/RoundsView.vue'), meta: { roles: admin, title: '评估轮次' } },
      {
        path: 'admin/rounds/:id(\\d+)',
        name: 'round',
        component: () => import('@/views/admin/RoundDetail.vue'),
        meta: { roles: admin, title: '轮次详情', menu: 'rounds' },
      },
      {
        // The office's review of a plan's conclusions (the server's link /rounds/{id}/narratives/{plan_id}).
        path: 'rounds/:id(\\d+)/narratives/:planId(\\d+)',
        name: 'narrative-review',
        component: () => import('@/views/admin/NarrativeReview.vue'),
        meta: { roles: admin, title: '审定评估结论', menu: 'rounds' },
      },
      {
        path: 'admin/findings',
        name: 'admin-findings',
        component: () => import('@/views/shared/FindingVerifyView.vue'),
        props: { audience: 'admin' },
        meta: { roles: admin, title: '问题与整改核验' },
      },
      {
        path: 'admin/surveys',
        name: 'surveys',
        component: () => import('@/views/admin/SurveysView.vue'),
        meta: { roles: admin, title: '群众满意度调查' },
      },
      {
        path: 'admin/surveys/new',
        name: 'survey-new',
        component: () => import('@/views/admin/SurveyEditor.vue'),
        meta: { roles: admin, title: '新建问卷', menu: 'surveys' },
      },
      {
        path: 'admin/surveys/:id(\\d+)',
        name: 'survey',
        component: () => import('@/views/admin/SurveyEditor.vue'),
        meta: { roles: admin, title: '问卷设计', menu: 'surveys' },
      },
      { path: 'admin/audit', name: 'audit', component: () => import('@/views/admin/AuditView.vue'), meta: { roles: admin, title: '审计日志' } },
      // 改革办 and 领导/督查
      {
        path: 'results',
        name: 'results',
        component: () => import('@/views/shared/ResultsView.vue'),
        meta: { roles: adminViewer, title: '评估结果' },
      },
      {
        path: 'results/:roundId(\\d+)/plans/:planId(\\d+)',
        name: 'plan-result',
        component: () => import('@/views/shared/PlanResultView.vue'),
        meta: { roles: adminViewer, title: '方案评估结果', menu: 'results' },
      },
      {
        // 考核评分表: admin and viewer every department; a department its own row (我的考核).
        path: 'scorecard',
        name: 'scorecard',
        component: () => import('@/views/shared/ScorecardView.vue'),
        meta: { roles: ['admin', 'viewer', 'department'], title: '考核评分表' },
      },
      {
        // 方案台账: admin every round; viewer and the plan's department its published rounds.
        path: 'plans/:id(\\d+)/history',
        name: 'plan-history',
        component: () => import('@/views/shared/PlanHistoryView.vue'),
        meta: { roles: ['admin', 'viewer', 'department'], title: '方案台账' },
      },
      {
        // The viewers' survey list, read-only: each survey opens in its
        // results. The office designs surveys in its own list and is sent
        // there; it is let in all the same so that the results page below
        // can name this list as its menu entry (same roles as its list).
        path: 'surveys',
        name: 'survey-list',
        component: () => import('@/views/admin/SurveysView.vue'),
        meta: { roles: adminViewer, title: '群众满意度调查' },
        beforeEnter: () => surveyListTarget(currentRole.value) ?? true,
      },
      {
        path: 'surveys/:id(\\d+)/results',
        name: 'survey-results',
        component: () => import('@/views/shared/SurveyResultsView.vue'),
        meta: { roles: adminViewer, title: '问卷结果', menu: 'survey-list' },
      },
      {
        path: 'rectification',
        name: 'rectification',
        component: () => import('@/views/shared/RectificationView.vue'),
        meta: { roles: adminViewer, title: '整改进度' },
      },
      {
        path: 'reports',
        name: 'reports',
        component: () => import('@/views/shared/ReportsView.vue'),
        meta: { roles: adminViewer, title: '报告下载' },
      },
      // 评估机构
      {
        path: 'tasks',
        name: 'tasks',
        component: () => import('@/views/evaluator/TasksView.vue'),
        meta: { roles: ['evaluator'], title: '我的评估任务' },
      },
      {
        path: 'tasks/:id(\\d+)',
        name: 'scoresheet',
        component: () => import('@/views/evaluator/ScoresheetView.vue'),
        meta: { roles: ['evaluator'], title: '评分表', menu: 'tasks' },
      },
      {
        // The lead evaluator's editor of a plan's conclusions (the server's link /tasks/{id}/narrative).
        path: 'tasks/:id(\\d+)/narrative',
        name: 'narrative-editor',
        component: () => import('@/views/evaluator/NarrativeEditor.vue'),
        meta: { roles: ['evaluator'], title: '评估结论', menu: 'tasks' },
      },
      {
        // The conclusions read-only: departments and viewers once approved and published.
        path: 'conclusions/:roundId(\\d+)/:planId(\\d+)',
        name: 'narrative',
        component: () => import('@/views/shared/NarrativeView.vue'),
        meta: { title: '评估结论' },
      },
      {
        // Also the path of an admin's todo item "responses awaiting a verdict",
        // verified in the admin's findings page.
        path: 'verify',
        name: 'verify',
        component: () => import('@/views/shared/FindingVerifyView.vue'),
        props: { audience: 'evaluator' },
        meta: { roles: adminEvaluator, title: '整改核验' },
        beforeEnter: (to) => verifyTarget(currentRole.value, to) ?? true,
      },
      // 牵头单位
      {
        path: 'rectify',
        name: 'rectify',
        component: () => import('@/views/department/RectifyView.vue'),
        meta: { roles: ['department'], title: '待整改问题' },
      },
      {
        path: 'rectify/:id(\\d+)',
        name: 'response',
        component: () => import('@/views/department/ResponseView.vue'),
        meta: { roles: ['department'], title: '整改回复', menu: 'rectify' },
      },
      {
        path: 'self-assessments',
        name: 'self-assessments',
        component: () => import('@/views/department/SelfAssessmentsView.vue'),
        meta: { roles: ['department'], title: '部门自评' },
      },
      {
        // Also the path of the department's notifications and todo items.
        path: 'self-assessments/:id(\\d+)',
        name: 'self-assessment',
        component: () => import('@/views/department/SelfAssessmentView.vue'),
        meta: { roles: ['department'], title: '填写自评', menu: 'self-assessments' },
      },
      {
        path: 'my-reports',
        name: 'dept-reports',
        component: () => import('@/views/department/DeptReportsView.vue'),
        meta: { roles: ['department'], title: '报告下载' },
      },
      // 补充材料: the department answers requests for more material; the office reads them
      {
        path: 'requests',
        name: 'requests',
        component: () => import('@/views/shared/RequestsView.vue'),
        meta: { roles: ['admin', 'department'], title: '补充材料' },
      },
      {
        path: 'requests/:id(\\d+)',
        name: 'request',
        component: () => import('@/views/shared/RequestsView.vue'),
        meta: { roles: ['admin', 'department'], title: '补充材料', menu: 'requests' },
      },
      // The paths the server puts in todo items and notifications (links.ts).
      {
        path: 'findings',
        name: 'findings',
        redirect: (to) => findingsTarget(currentRole.value, to),
      },
      {
        path: 'findings/:id(\\d+)',
        name: 'finding',
        component: () => import('@/views/shared/FindingDetailView.vue'),
        meta: { title: '问题详情' },
        beforeEnter: (to) => findingTarget(currentRole.value, to) ?? true,
      },
      {
        path: 'rounds/:id(\\d+)',
        name: 'round-link',
        redirect: (to) => roundTarget(currentRole.value, to),
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/views/NotFoundView.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
]
