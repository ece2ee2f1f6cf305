// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { h } from 'vue'
import { RouterView, createMemoryHistory, createRouter } from 'vue-router'
import type { Survey } from '@/api/types'
import { ApiError, getSurvey, updateSurvey } from '@/api/client'
import QuestionEditor from './QuestionEditor.vue'
import SurveyEditor from './SurveyEditor.vue'

vi.mock('@/api/client', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/api/client')>()
  return {
    ApiError: actual.ApiError,
    surveyPaths: actual.surveyPaths,
    createSurvey: vi.fn(),
    getSurvey: vi.fn(),
    updateSurvey: vi.fn(),
    publishSurvey: vi.fn(),
    closeSurvey: vi.fn(),
    surveyQRObjectURL: vi.fn(async () => 'blob:qr'),
    downloadFile: vi.fn(),
    listRounds: vi.fn(async () => ({ items: [], total: 0 })),
    listPlans: vi.fn(async () => ({ items: [], total: 0 })),
  }
})

function survey(status: Survey['status']): Survey {
  return {
    id: 3,
    title: '政务服务满意度调查',
    intro: '',
    round_id: null,
    plan_id: null,
    closes_at: null,
    status,
    token: status === 'draft' ? null : 'tok',
    public_url: status === 'draft' ? null : 'http://x/s/tok',
    questions: [
      { code: 'q1', text: '总体满意度', kind: 'likert5', required: true },
      { code: 'q2', text: '是否办理过', kind: 'single', options: ['是', '否'], required: true },
      { code: 'q3', text: '便捷程度', kind: 'likert5', required: true, show_if: { question: 'q2', equals: '是' } },
    ],
    responses: 0,
    created_by: 1,
    published_at: null,
    closed_at: null,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  }
}

async function mountEditor(status: Survey['status']) {
  vi.mocked(getSurvey).mockResolvedValue(survey(status))
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/surveys/:id', name: 'survey', component: SurveyEditor },
      { path: '/admin/surveys', name: 'surveys', component: { template: '<div />' } },
      { path: '/surveys/:id/results', name: 'survey-results', component: { template: '<div />' } },
    ],
  })
  await router.push('/admin/surveys/3')
  await router.isReady()
  // Inside a <router-view>, as in the app (its leave guard needs one).
  const w = mount({ render: () => h(RouterView) }, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return w
}

type Editor = Awaited<ReturnType<typeof mountEditor>>

/** The problems the editor hands to question q. */
const problemsOf = (w: Editor, q: number) => w.findAllComponents(QuestionEditor)[q].props('errors')

/** Whether option j of question q is marked as wrong. */
const optionMarked = (w: Editor, q: number, j: number) =>
  w.find(`[data-testid="question-${q}"] input[data-testid="option-${j}"]`).element.closest('.el-form-item')!.classList.contains('is-error')

// Mounting the whole designer (Element Plus, date picker) takes a few seconds
// alone, and over 20 s on a loaded two-core machine (CI while other work
// runs): the limit is for a hung test, not a slow one.
describe('SurveyEditor', { timeout: 90_000 }, () => {
  it('refuses locally what the server would refuse, beside the field, without sending it', async () => {
    vi.mocked(updateSurvey).mockClear()
    const w = await mountEditor('draft')
    await w.find('[data-testid="question-1"] input[data-testid="option-1"]').setValue('')
    await w.find('[data-testid="survey-save"]').trigger('click')
    await flushPromises()
    expect(updateSurvey).not.toHaveBeenCalled()
    expect(problemsOf(w, 1)).toEqual({ 'options[1]': '选项不能为空' })
    expect(optionMarked(w, 1, 1)).toBe(true)
    expect(optionMarked(w, 1, 0)).toBe(false)
    w.unmount()
  })

  it('puts the fields of a 422 next to the question they name', async () => {
    vi.mocked(updateSurvey).mockReset()
    vi.mocked(updateSurvey).mockRejectedValue(
      new ApiError(422, 'invalid', '提交的数据有误', { 'questions[1].options[0]': '选项太长', 'questions[2].show_if.equals': '取值不对' }),
    )
    const w = await mountEditor('draft')
    await w.find('[data-testid="survey-save"]').trigger('click')
    await flushPromises()
    expect(updateSurvey).toHaveBeenCalledTimes(1)
    const [id, body] = vi.mocked(updateSurvey).mock.calls[0]
    expect(id).toBe(3)
    expect(body.questions?.[2].show_if).toEqual({ question: 'q2', equals: '是' })
    expect(body.round_id).toBe(0)
    expect(problemsOf(w, 0)).toEqual({})
    expect(problemsOf(w, 1)).toEqual({ 'options[0]': '选项太长' })
    expect(problemsOf(w, 2)).toEqual({ 'show_if.equals': '取值不对' })
    expect(optionMarked(w, 1, 0)).toBe(true)
    w.unmount()
  })

  it('freezes the questions of a published survey, whose closing time alone may change', async () => {
    vi.mocked(updateSurvey).mockReset()
    const w = await mountEditor('published')
    expect(w.find('textarea[data-testid="question-text"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-testid="survey-publish"]').exists()).toBe(false)
    expect(w.find('[data-testid="add-single"]').exists()).toBe(false)
    expect((w.find('input[data-testid="survey-public-url"]').element as HTMLInputElement).value).toBe('http://x/s/tok')
    await flushPromises()
    expect(w.find('img[data-testid="survey-qr"]').attributes('src')).toBe('blob:qr')
    await w.find('[data-testid="survey-save"]').trigger('click')
    await flushPromises()
    // Nothing changed, nothing is sent.
    expect(updateSurvey).not.toHaveBeenCalled()
    w.unmount()
  })
})
