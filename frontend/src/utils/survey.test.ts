import { describe, expect, it } from 'vitest'
import type { SurveyQuestion } from '@/api/types'
import { countBars } from './chart'
import {
  answerProblems,
  answersToSend,
  basicsProblems,
  conditionSources,
  conditionValues,
  draftsFrom,
  formatScore,
  newQuestion,
  nextQuestionCode,
  problemsOf,
  questionProblems,
  questionsOf,
  shownQuestions,
} from './survey'

const yesNo = (code: string, extra: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  code,
  text: '是否办理过政务服务事项？',
  kind: 'single',
  options: ['是', '否'],
  required: true,
  ...extra,
})
const likert = (code: string, extra: Partial<SurveyQuestion> = {}): SurveyQuestion => ({
  code,
  text: '总体满意度',
  kind: 'likert5',
  required: true,
  ...extra,
})

/** The fixture survey of evaltest.SurveyRequest: q3 and q4 only for those who answered q2 with 是. */
const fixture: SurveyQuestion[] = [
  likert('q1'),
  yesNo('q2'),
  likert('q3', { show_if: { question: 'q2', equals: '是' } }),
  { code: 'q4', text: '渠道', kind: 'multiple', options: ['线上平台', '服务窗口'], required: false, show_if: { question: 'q2', equals: '是' } },
  likert('q5'),
  { code: 'q6', text: '推荐', kind: 'nps', required: true },
  { code: 'q7', text: '年龄段', kind: 'single', options: ['18岁以下', '60岁以上'], required: false },
  { code: 'q8', text: '意见', kind: 'text', required: false },
]

describe('questionProblems (the server rules of evaluation.ValidateQuestions)', () => {
  it('accepts a valid survey', () => {
    expect(questionProblems(fixture)).toEqual({})
  })

  it.each<[string, SurveyQuestion[], Record<string, string>]>([
    ['a code with a space', [likert('q 1')], { 'questions[0].code': '问题编号只能由 1 到 32 个字母、数字、下划线或连字符组成' }],
    ['an empty code', [likert('')], { 'questions[0].code': '问题编号只能由 1 到 32 个字母、数字、下划线或连字符组成' }],
    ['a code of 33 characters', [likert('a'.repeat(33))], { 'questions[0].code': '问题编号只能由 1 到 32 个字母、数字、下划线或连字符组成' }],
    ['a repeated code', [likert('q1'), likert('q2'), likert('q1')], { 'questions[2].code': '问题编号「q1」与第 1 题重复' }],
    ['a blank text', [likert('q1', { text: '   ' })], { 'questions[0].text': '题目为必填字段' }],
    ['a text of 501 characters', [likert('q1', { text: '满'.repeat(501) })], { 'questions[0].text': '题目最多 500 个字' }],
    ['one option', [yesNo('q1', { options: ['是'] })], { 'questions[0].options': '单选题和多选题需要 2 到 50 个选项' }],
    ['no options', [yesNo('q1', { options: undefined })], { 'questions[0].options': '单选题和多选题需要 2 到 50 个选项' }],
    ['an empty option', [yesNo('q1', { options: ['是', ' '] })], { 'questions[0].options[1]': '选项不能为空' }],
    ['a repeated option (after trimming)', [yesNo('q1', { options: ['是', ' 是'] })], { 'questions[0].options[1]': '选项「是」重复' }],
    ['options on a scale', [likert('q1', { options: ['a', 'b'] })], { 'questions[0].options': '只有单选题和多选题可以设置选项' }],
    [
      'a condition on a later question',
      [likert('q1', { show_if: { question: 'q2', equals: '是' } }), yesNo('q2')],
      { 'questions[0].show_if.question': '显示条件必须引用本题之前的问题，「q2」不是' },
    ],
    [
      'a condition on itself',
      [yesNo('q1', { show_if: { question: 'q1', equals: '是' } })],
      { 'questions[0].show_if.question': '显示条件必须引用本题之前的问题，「q1」不是' },
    ],
    [
      'a condition on a multiple question',
      [{ ...yesNo('q1'), kind: 'multiple' }, likert('q2', { show_if: { question: 'q1', equals: '是' } })],
      { 'questions[1].show_if.question': '显示条件只能引用单选题、五级量表题或推荐度（NPS）题' },
    ],
    [
      'a condition on a text question',
      [{ code: 'q1', text: '意见', kind: 'text', required: false }, likert('q2', { show_if: { question: 'q1', equals: 'x' } })],
      { 'questions[1].show_if.question': '显示条件只能引用单选题、五级量表题或推荐度（NPS）题' },
    ],
    [
      'a value that is not an option',
      [yesNo('q1'), likert('q2', { show_if: { question: 'q1', equals: '也许' } })],
      { 'questions[1].show_if.equals': '显示条件的取值必须是问题「q1」的一个选项' },
    ],
    [
      'a number for a single question',
      [yesNo('q1'), likert('q2', { show_if: { question: 'q1', equals: 1 } })],
      { 'questions[1].show_if.equals': '显示条件的取值必须是问题「q1」的一个选项' },
    ],
    [
      'a likert value out of range',
      [likert('q1'), likert('q2', { show_if: { question: 'q1', equals: 6 } })],
      { 'questions[1].show_if.equals': '显示条件的取值必须是 1 到 5 的整数' },
    ],
    [
      'a likert value as text',
      [likert('q1'), likert('q2', { show_if: { question: 'q1', equals: '3' } })],
      { 'questions[1].show_if.equals': '显示条件的取值必须是 1 到 5 的整数' },
    ],
    [
      'a fractional nps value',
      [{ code: 'q1', text: '推荐', kind: 'nps', required: true }, likert('q2', { show_if: { question: 'q1', equals: 2.5 } })],
      { 'questions[1].show_if.equals': '显示条件的取值必须是 0 到 10 的整数' },
    ],
    [
      'a condition not chosen yet',
      [yesNo('q1'), likert('q2', { show_if: { question: '', equals: '' } })],
      { 'questions[1].show_if.question': '请选择显示条件所依据的问题' },
    ],
    [
      'a value not chosen yet',
      [yesNo('q1'), likert('q2', { show_if: { question: 'q1', equals: '' } })],
      { 'questions[1].show_if.equals': '请选择显示条件的取值' },
    ],
  ])('refuses %s', (_, qs, want) => {
    expect(questionProblems(qs)).toEqual(want)
  })

  it('accepts the ends of the scales', () => {
    const nps: SurveyQuestion = { code: 'n', text: '推荐', kind: 'nps', required: false }
    expect(questionProblems([nps, likert('a', { show_if: { question: 'n', equals: 0 } }), likert('b', { show_if: { question: 'n', equals: 10 } })])).toEqual({})
    expect(questionProblems([likert('l'), likert('a', { show_if: { question: 'l', equals: 1 } }), likert('b', { show_if: { question: 'l', equals: 5 } })])).toEqual({})
  })

  it('allows at most 100 questions', () => {
    const many = Array.from({ length: 101 }, (_, i) => likert(`q${i}`))
    expect(questionProblems(many)).toEqual({ questions: '问卷最多 100 个问题' })
    expect(questionProblems(many.slice(0, 100))).toEqual({})
  })
})

describe('basicsProblems', () => {
  const now = new Date('2026-05-01T10:00:00+08:00')
  it('needs a title and a closing time ahead', () => {
    expect(basicsProblems({ title: ' ', intro: '', closesAt: null }, now)).toEqual({ title: '标题为必填字段' })
    expect(basicsProblems({ title: '调查', intro: '', closesAt: new Date('2026-05-01T10:00:00+08:00') }, now)).toEqual({
      closes_at: '截止时间必须晚于当前时间',
    })
    expect(basicsProblems({ title: '调查', intro: '', closesAt: new Date('2026-05-01T10:01:00+08:00') }, now)).toEqual({})
  })
  it('lets a saved closing time pass unchecked', () => {
    expect(basicsProblems({ title: '调查', intro: '', closesAt: new Date('2026-04-01T00:00:00Z') }, now, false)).toEqual({})
  })
  it('bounds the title and the introduction', () => {
    expect(basicsProblems({ title: '调'.repeat(256), intro: '说'.repeat(5001), closesAt: null }, now)).toEqual({
      title: '标题最多 255 个字',
      intro: '说明最多 5000 个字',
    })
  })
})

describe('the designer model', () => {
  it('keeps a condition when the question it names is renamed or moved', () => {
    const drafts = draftsFrom(fixture)
    expect(drafts[2].showIf?.key).toBe(drafts[1].key)
    drafts[1].code = 'visited'
    expect(questionsOf(drafts)[2].show_if).toEqual({ question: 'visited', equals: '是' })
    // Moving the condition's question after it breaks the rule, which says so.
    ;[drafts[1], drafts[2]] = [drafts[2], drafts[1]]
    expect(questionProblems(questionsOf(drafts))).toEqual({
      'questions[1].show_if.question': '显示条件必须引用本题之前的问题，「visited」不是',
    })
  })

  it('round-trips the questions it was given', () => {
    expect(questionsOf(draftsFrom(fixture))).toEqual(fixture)
  })

  it('sends options only for choice questions, trimmed', () => {
    const q = newQuestion([], 'single')
    q.options = [' 是 ', '否']
    q.text = ' 是否办理过？ '
    expect(questionsOf([q])[0]).toEqual({ code: 'q1', text: '是否办理过？', kind: 'single', options: ['是', '否'], required: true })
    q.kind = 'likert5'
    expect(questionsOf([q])[0].options).toBeUndefined()
  })

  it('offers as conditions only earlier single, likert5 and nps questions', () => {
    const drafts = draftsFrom(fixture)
    expect(conditionSources(drafts, 5).map((d) => d.code)).toEqual(['q1', 'q2', 'q3', 'q5'])
    expect(conditionSources(drafts, 0)).toEqual([])
  })

  it('offers the values a condition may take', () => {
    expect(conditionValues(yesNo('q'))).toEqual([
      { value: '是', label: '是' },
      { value: '否', label: '否' },
    ])
    expect(conditionValues(likert('q')).map((v) => v.value)).toEqual([1, 2, 3, 4, 5])
    expect(conditionValues({ kind: 'nps' }).map((v) => v.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(conditionValues({ kind: 'text' })).toEqual([])
  })

  it('numbers new questions after the taken codes', () => {
    expect(nextQuestionCode([])).toBe('q1')
    expect(nextQuestionCode(['q1', 'q3'])).toBe('q4')
    expect(nextQuestionCode(['q2'])).toBe('q3')
  })

  it('picks the problems of one question', () => {
    const p = { 'questions[1].options[0]': 'a', 'questions[1]': 'b', 'questions[10].text': 'c', title: 'd' }
    expect(problemsOf(p, 1)).toEqual({ 'options[0]': 'a', '': 'b' })
    expect(problemsOf(p, 10)).toEqual({ text: 'c' })
  })
})

describe('show_if as citizens answer (the preview, the public page and evaluation.ValidateAnswers)', () => {
  it('hides the conditional questions until the condition holds', () => {
    expect([...shownQuestions(fixture, {})]).toEqual(['q1', 'q2', 'q5', 'q6', 'q7', 'q8'])
    expect(shownQuestions(fixture, { q2: '否' }).has('q3')).toBe(false)
    expect([...shownQuestions(fixture, { q2: '是' })]).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'])
  })

  it('compares scale answers as numbers', () => {
    const qs = [likert('a'), likert('b', { show_if: { question: 'a', equals: 1 } })]
    expect(shownQuestions(qs, { a: 1 }).has('b')).toBe(true)
    expect(shownQuestions(qs, { a: 2 }).has('b')).toBe(false)
    expect(shownQuestions(qs, { a: '1' }).has('b')).toBe(false)
  })

  it('chains conditions: a hidden question’s answer does not count', () => {
    const qs = [yesNo('a'), yesNo('b', { show_if: { question: 'a', equals: '是' } }), likert('c', { show_if: { question: 'b', equals: '是' } })]
    expect(shownQuestions(qs, { a: '是', b: '是' }).has('c')).toBe(true)
    expect([...shownQuestions(qs, { a: '否', b: '是' })]).toEqual(['a'])
  })

  it('requires the required questions only when shown', () => {
    expect(answerProblems(fixture, { q1: 4, q2: '否', q5: 3, q6: 8 })).toEqual({})
    expect(answerProblems(fixture, { q1: 4, q2: '是', q5: 3, q6: 8 })).toEqual({ q3: '此题为必答题' })
    expect(answerProblems(fixture, { q2: '是', q3: 5, q4: [], q5: 3, q8: '  ' })).toEqual({ q1: '此题为必答题', q6: '此题为必答题' })
  })

  it('refuses a text answer over 2000 characters', () => {
    expect(answerProblems(fixture, { q1: 4, q2: '否', q5: 3, q6: 8, q8: '字'.repeat(2001) })).toEqual({ q8: '回答最多 2000 个字' })
  })

  it('sends only the answers of the questions shown', () => {
    expect(answersToSend(fixture, { q1: 4, q2: '否', q3: 5, q4: ['线上平台'], q6: 0, q8: ' 好 ', q7: '' })).toEqual({
      q1: 4,
      q2: '否',
      q6: 0,
      q8: '好',
    })
  })
})

describe('results', () => {
  it('draws counts as shares of those who answered, in the order given', () => {
    expect(countBars({ 是: 6, 否: 2 }, 8)).toEqual([
      { option: '是', label: '是', count: 6, fraction: 0.75, valueText: '6（75.0%）' },
      { option: '否', label: '否', count: 2, fraction: 0.25, valueText: '2（25.0%）' },
    ])
    expect(countBars({ a: 0 }, 0)[0].fraction).toBe(0)
    expect(countBars(undefined, 3)).toEqual([])
  })

  it('prints the API’s hundredths with two decimals', () => {
    expect(formatScore(62.5)).toBe('62.50')
    expect(formatScore(-33.33)).toBe('-33.33')
    expect(formatScore(100)).toBe('100.00')
    expect(formatScore(null)).toBe('—')
  })
})
