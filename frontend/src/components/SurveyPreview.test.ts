// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { SurveyQuestion } from '@/api/types'
import SurveyPreview from './SurveyPreview.vue'

const questions: SurveyQuestion[] = [
  { code: 'q1', text: '是否办理过政务服务事项？', kind: 'single', options: ['是', '否'], required: true },
  { code: 'q2', text: '办理的便捷程度', kind: 'likert5', required: true, show_if: { question: 'q1', equals: '是' } },
  { code: 'q3', text: '推荐的可能性', kind: 'nps', required: false, show_if: { question: 'q2', equals: 1 } },
]

function mountPreview() {
  return mount(SurveyPreview, { props: { title: '群众满意度调查', intro: '', closesAt: null, questions } })
}

const shown = (w: ReturnType<typeof mountPreview>) => w.findAll('[data-preview-question]').map((q) => q.attributes('data-preview-question'))

describe('SurveyPreview', () => {
  it('shows a conditional question as soon as its condition holds, and hides it again', async () => {
    const w = mountPreview()
    expect(shown(w)).toEqual(['q1'])
    await w.find('#pv-0-0').setValue(true) // 是
    expect(shown(w)).toEqual(['q1', 'q2'])
    await w.find('#pv-1-0').setValue(true) // 1 非常不满意
    expect(shown(w)).toEqual(['q1', 'q2', 'q3'])
    expect(w.find('[data-preview-question="q3"]').text()).toContain('0 完全不可能')
    await w.find('#pv-0-1').setValue(true) // 否: q2 hides, and q3 with it
    expect(shown(w)).toEqual(['q1'])
  })

  it('refuses a required question left empty next to it, and thanks once answered', async () => {
    const w = mountPreview()
    await w.find('#pv-0-0').setValue(true)
    await w.find('form').trigger('submit')
    expect(w.find('[data-preview-question="q2"] .pv-err').text()).toBe('此题为必答题')
    expect(w.find('[data-preview-question="q1"] .pv-err').text()).toBe('')
    expect(w.find('[data-testid="preview-done"]').exists()).toBe(false)
    await w.find('#pv-1-3').setValue(true)
    await w.find('form').trigger('submit')
    expect(w.find('[data-testid="preview-done"]').text()).toContain('感谢您的参与')
  })
})
