// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView, createMemoryHistory, createRouter } from 'vue-router'
import { listFindings } from '@/api/client'
import FindingVerifyView from './FindingVerifyView.vue'

vi.mock('@/api/client', () => ({
  listFindings: vi.fn(async () => ({ items: [], total: 0 })),
  listRounds: vi.fn(async () => ({ items: [], total: 0 })),
  buildQuery: (q: Record<string, unknown>) => {
    const s = new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '') as [string, string][]).toString()
    return s ? `?${s}` : ''
  },
  downloadFile: vi.fn(),
  exportPaths: { findings: '/api/v1/findings/export.xlsx' },
}))

/** Mounts the screen at path, routed as the app routes it for both audiences. */
async function mountAt(path: string) {
  const stub = { render: () => h('div') }
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/findings', name: 'admin-findings', component: FindingVerifyView, props: { audience: 'admin' } },
      { path: '/verify', name: 'verify', component: FindingVerifyView, props: { audience: 'evaluator' } },
      { path: '/findings/:id', name: 'finding', component: stub },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount({ render: () => h(RouterView) }, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return w
}

// Mounting Element Plus's table takes a moment.
describe('FindingVerifyView', { timeout: 20_000 }, () => {
  it('shows the office every finding, filtered as the link says, with the overdue filter', async () => {
    const w = await mountAt('/admin/findings?round_id=3&status=open')
    expect(w.find('h1').text()).toBe('问题与整改核验')
    expect(vi.mocked(listFindings)).toHaveBeenLastCalledWith({ q: '', round_id: 3, status: 'open', overdue: undefined, page: 1, per_page: 20 })
    expect(w.find('#f-round').exists()).toBe(true)
    expect(w.text()).toContain('只看逾期')
    expect(w.text()).toContain('暂无问题')
    w.unmount()
  })

  it('starts an evaluator with the responses awaiting a verdict', async () => {
    const w = await mountAt('/verify')
    expect(w.find('h1').text()).toBe('整改核验')
    expect(vi.mocked(listFindings)).toHaveBeenLastCalledWith({ q: '', round_id: undefined, status: 'responded', overdue: undefined, page: 1, per_page: 20 })
    expect(w.find('#v-status').exists()).toBe(true)
    expect(w.text()).not.toContain('只看逾期')
    expect(w.text()).toContain('没有待核验的整改回复')
    w.unmount()
  })
})
