// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Template } from '@/api/types'
import { getTemplate, updateTemplate } from '@/api/client'
import TemplateEditor from './TemplateEditor.vue'

vi.mock('@/api/client', () => ({
  createTemplate: vi.fn(async () => ({ id: 9 })),
  getTemplate: vi.fn(),
  updateTemplate: vi.fn(),
}))

/** A frozen template of 100 points (used by a round). */
function frozen(id: number, version: number): Template {
  return {
    id,
    name: '评估指标体系',
    version,
    parent_id: version > 1 ? 1 : null,
    frozen: version === 1,
    grade_bands: [{ grade: '优秀', min: 90 }],
    dimensions: [{ code: '1', name: '方案设计', indicators: [{ code: '1.1', name: '目标', kind: 'score', max_score: 100, veto: false, guidance: '' }] }],
    created_at: '2026-01-01T00:00:00Z',
  }
}

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/templates/new', name: 'template-new', component: TemplateEditor },
      { path: '/admin/templates/:id', name: 'template', component: TemplateEditor },
      { path: '/admin/templates', name: 'templates', component: { template: '<div />' } },
    ],
  })
  await router.push(path)
  await router.isReady()
  const w = mount(TemplateEditor, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}

const mountNew = async () => (await mountAt('/admin/templates/new')).w

describe('TemplateEditor', () => {
  it('shows the running total in red and refuses to save until it is exactly 100', async () => {
    const w = await mountNew()
    const total = w.find('[data-testid="template-total"]')
    const save = () => w.find('[data-testid="template-save"]')
    expect(total.text()).toContain('5')
    expect(total.classes()).toContain('bad')
    expect(save().attributes('disabled')).toBeDefined()

    const points = w.findAll('.c-max input')[0]
    await points.setValue('99.5')
    await points.trigger('change')
    await flushPromises()
    expect(total.text()).toContain('还差 0.5 分')
    expect(save().attributes('disabled')).toBeDefined()

    await points.setValue('100')
    await points.trigger('change')
    await flushPromises()
    expect(total.classes()).toContain('ok')
    expect(total.text()).toContain('合计为 100 分')
    expect(save().attributes('disabled')).toBeUndefined()
    w.unmount()
  })

  it('edits an existing template with PUT and opens the new version a frozen one becomes', async () => {
    vi.mocked(getTemplate).mockImplementation(async (id: number) => frozen(id, id === 1 ? 1 : 2))
    vi.mocked(updateTemplate).mockResolvedValue(frozen(2, 2))
    const { w, router } = await mountAt('/admin/templates/1')
    expect(w.find('[data-testid="template-save"]').exists()).toBe(false)
    expect(w.find('.c-name input').attributes('disabled')).toBeDefined()

    await w.find('[data-testid="template-edit"]').trigger('click')
    const name = w.find('.c-name input')
    expect(name.attributes('disabled')).toBeUndefined()
    await name.setValue('目标明确')
    await w.find('[data-testid="template-save"]').trigger('click')
    await flushPromises()

    expect(updateTemplate).toHaveBeenCalledTimes(1)
    const [id, body] = vi.mocked(updateTemplate).mock.calls[0]
    expect(id).toBe(1)
    expect(body.dimensions[0].indicators[0].name).toBe('目标明确')
    expect(router.currentRoute.value.params.id).toBe('2')
    expect(w.find('[data-testid="template-save"]').exists()).toBe(false)
    w.unmount()
  })
})
