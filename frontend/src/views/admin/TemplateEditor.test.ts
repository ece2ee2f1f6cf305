// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import TemplateEditor from './TemplateEditor.vue'

vi.mock('@/api/client', () => ({
  createTemplate: vi.fn(async () => ({ id: 9 })),
  getTemplate: vi.fn(),
}))

async function mountNew() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/templates/new', name: 'template-new', component: TemplateEditor },
      { path: '/admin/templates/:id', name: 'template', component: TemplateEditor },
      { path: '/admin/templates', name: 'templates', component: { template: '<div />' } },
    ],
  })
  await router.push('/admin/templates/new')
  await router.isReady()
  const w = mount(TemplateEditor, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return w
}

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
})
