// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView, createMemoryHistory, createRouter } from 'vue-router'
import type { Role, Survey } from '@/api/types'
import { clearSession, setSession } from '@/stores/session'
import SurveysView from './SurveysView.vue'

vi.mock('@/api/client', () => ({
  listSurveys: vi.fn(async () => ({ items: [survey(5, 'published'), survey(6, 'draft')], total: 2 })),
  listRounds: vi.fn(async () => ({ items: [], total: 0 })),
  listPlans: vi.fn(async () => ({ items: [], total: 0 })),
}))

function survey(id: number, status: Survey['status']): Survey {
  return {
    id,
    title: `调查 ${id}`,
    intro: '',
    round_id: null,
    plan_id: null,
    closes_at: null,
    status,
    token: status === 'draft' ? null : 'tok',
    public_url: status === 'draft' ? null : 'http://x/s/tok',
    questions: [{ code: 'q1', text: '总体满意度', kind: 'likert5', required: true }],
    responses: 3,
    created_by: 1,
    published_at: status === 'draft' ? null : '2026-01-02T00:00:00Z',
    closed_at: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  }
}

/** Mounts the list as a user of role, at path, with the routes it links to. */
async function mountList(role: Role, path: string) {
  setSession('token', {
    id: 1,
    username: role,
    display_name: role,
    role,
    org_id: null,
    email: '',
    disabled: false,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  })
  const stub = { render: () => h('div') }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/surveys', name: 'surveys', component: SurveysView },
      { path: '/surveys', name: 'survey-list', component: SurveysView },
      { path: '/admin/surveys/new', name: 'survey-new', component: stub },
      { path: '/admin/surveys/:id', name: 'survey', component: stub },
      { path: '/surveys/:id/results', name: 'survey-results', component: stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount({ render: () => h(RouterView) }, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

/** The texts of the buttons in the table rows. */
const rowButtons = (w: Awaited<ReturnType<typeof mountList>>['w']) =>
  w.findAll('[data-testid="surveys"] .el-table__body button').map((b) => b.text())

afterEach(clearSession)

// Mounting Element Plus's table takes a moment.
describe('SurveysView', { timeout: 20_000 }, () => {
  it('gives the office the designer, the new-survey button and the results of a running survey', async () => {
    const { w, router } = await mountList('admin', '/admin/surveys')
    expect(w.find('[data-testid="survey-new"]').exists()).toBe(true)
    expect(rowButtons(w)).toEqual(['查看', '结果', '编辑'])
    expect(w.find('[data-testid="survey-results-link"]').exists()).toBe(false)
    await w.findAll('[data-testid="surveys"] .el-table__body .el-link')[0].trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/admin/surveys/5')
    w.unmount()
  })

  it('lets a viewer only read the list, each survey opening in its results', async () => {
    const { w, router } = await mountList('viewer', '/surveys')
    expect(w.text()).toContain('调查 5')
    expect(w.text()).toContain('调查 6')
    expect(w.find('[data-testid="survey-new"]').exists()).toBe(false)
    expect(rowButtons(w)).toEqual([])
    expect(w.text()).not.toContain('操作')
    const links = w.findAll('[data-testid="survey-results-link"]')
    expect(links.map((l) => l.attributes('href'))).toEqual(['/surveys/5/results', '/surveys/6/results'])
    await links[0].trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/surveys/5/results')
    w.unmount()
  })
})
