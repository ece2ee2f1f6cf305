import { describe, expect, it } from 'vitest'
import type { Indicator, Template } from '@/api/types'
import {
  answersFrom,
  dimensionPoints,
  formatPoints,
  halfPoints,
  missingIndicators,
  parsePoints,
  pointsOf,
  runningTotal,
  scoresFor,
  scoringLock,
  validateScore,
  vetoedIndicators,
} from './scoring'

const score = (code: string, max: number): Indicator => ({ code, name: code, kind: 'score', max_score: max, veto: false, guidance: '' })
const check = (code: string, max: number, veto = false): Indicator => ({ code, name: code, kind: 'check', max_score: max, veto, guidance: '' })

const template: Pick<Template, 'dimensions'> = {
  dimensions: [
    { code: '1', name: '方案设计', indicators: [score('1.1', 6), score('1.2', 6), check('1.3', 4), check('1.4', 0, true)] },
    { code: '2', name: '组织实施', indicators: [score('2.1', 10), check('2.2', 5)] },
  ],
}

describe('validateScore', () => {
  const cases: { name: string; ind: Indicator; value: unknown; want: string | null }[] = [
    { name: 'unanswered is fine in a draft', ind: score('a', 6), value: null, want: null },
    { name: 'zero', ind: score('a', 6), value: 0, want: null },
    { name: 'half step', ind: score('a', 6), value: 5.5, want: null },
    { name: 'the maximum', ind: score('a', 6), value: 6, want: null },
    { name: 'not a half step', ind: score('a', 6), value: 3.3, want: '得分须为 0.5 的整数倍' },
    { name: 'quarter step', ind: score('a', 6), value: 2.25, want: '得分须为 0.5 的整数倍' },
    { name: 'negative', ind: score('a', 6), value: -0.5, want: '得分不能小于 0' },
    { name: 'above the maximum', ind: score('a', 6), value: 6.5, want: '得分不能超过分值 6' },
    { name: 'above a half-point maximum', ind: score('a', 7.5), value: 8, want: '得分不能超过分值 7.5' },
    { name: 'NaN', ind: score('a', 6), value: NaN, want: '请输入数字' },
    { name: 'boolean on a score item', ind: score('a', 6), value: true, want: '请输入数字' },
    { name: 'yes on a check item', ind: check('c', 4), value: true, want: null },
    { name: 'no on a check item', ind: check('c', 4), value: false, want: null },
    { name: 'number on a check item', ind: check('c', 4), value: 4, want: '请选择“是”或“否”' },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(validateScore(c.ind, c.value as never)).toBe(c.want)
    })
  }
})

describe('parsePoints', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['7', 7],
    ['7.5', 7.5],
    [' 8 ', 8],
    ['.5', 0.5],
    ['25', 25],
    ['-1', -1],
    ['８．５', 8.5],
  ])('%j → %s', (text, want) => {
    expect(parsePoints(text)).toBe(want)
  })
  it.each(['abc', '7分', '1e3', '7..5', '--1'])('%j is not a number', (text) => {
    const v = parsePoints(text)
    expect(Number.isNaN(v)).toBe(true)
    expect(validateScore({ kind: 'score', max_score: 10 }, v)).toBe('请输入数字')
  })
})

describe('points and totals', () => {
  it('a check item earns max_score for yes and 0 for no', () => {
    expect(pointsOf(check('c', 4), true)).toBe(4)
    expect(pointsOf(check('c', 4), false)).toBe(0)
    expect(pointsOf(check('c', 4), null)).toBe(0)
  })

  it('an invalid score earns nothing rather than a wrong total', () => {
    expect(pointsOf(score('a', 6), 3.3)).toBe(0)
    expect(pointsOf(score('a', 6), 9)).toBe(0)
  })

  it('adds half points exactly', () => {
    const answers = { '1.1': 5.5, '1.2': 0.5, '1.3': true, '1.4': true, '2.1': 9.5, '2.2': false }
    expect(runningTotal(template, answers)).toBe(19.5)
    expect(dimensionPoints(template.dimensions[0], answers)).toBe(10)
    expect(dimensionPoints(template.dimensions[1], answers)).toBe(9.5)
  })

  it('counts a partial sheet', () => {
    expect(runningTotal(template, { '1.1': 6 })).toBe(6)
    expect(runningTotal(template, {})).toBe(0)
  })

  it('sums many 0.1-unfriendly halves without float drift', () => {
    const dims = [{ code: 'd', name: 'd', indicators: Array.from({ length: 20 }, (_, i) => score(`x${i}`, 5)) }]
    const answers = Object.fromEntries(dims[0].indicators.map((i) => [i.code, 4.5]))
    expect(runningTotal({ dimensions: dims }, answers)).toBe(90)
  })
})

describe('missingIndicators', () => {
  it('lists unanswered and invalid answers, in template order', () => {
    const missing = missingIndicators(template, { '1.1': 5, '1.2': 3.3, '1.4': false, '2.2': true })
    expect(missing.map((i) => i.code)).toEqual(['1.2', '1.3', '2.1'])
  })

  it('is empty when every indicator is answered', () => {
    const answers = { '1.1': 0, '1.2': 6, '1.3': false, '1.4': true, '2.1': 10, '2.2': false }
    expect(missingIndicators(template, answers)).toEqual([])
  })
})

describe('vetoedIndicators', () => {
  it('names veto items answered no', () => {
    expect(vetoedIndicators(template, { '1.4': false }).map((i) => i.code)).toEqual(['1.4'])
    expect(vetoedIndicators(template, { '1.4': true, '1.3': false })).toEqual([])
  })
})

describe('scoresFor and answersFrom', () => {
  it('sends answered indicators and commented ones, in template order', () => {
    const scores = scoresFor(template, { '2.1': 8, '1.1': 5, '1.3': false }, { '1.2': ' 材料不全 ', '2.1': '' })
    expect(scores).toEqual([
      { indicator_code: '1.1', value: 5 },
      { indicator_code: '1.2', value: null, comment: '材料不全' },
      { indicator_code: '1.3', value: false },
      { indicator_code: '2.1', value: 8 },
    ])
  })

  it('reads a saved scoresheet back', () => {
    const { answers, comments } = answersFrom({
      scores: [
        { indicator_code: '1.1', value: 5.5, comment: '较好' },
        { indicator_code: '1.3', value: true },
      ],
    })
    expect(answers).toEqual({ '1.1': 5.5, '1.3': true })
    expect(comments).toEqual({ '1.1': '较好' })
  })

  it('reads a never-saved scoresheet as empty', () => {
    expect(answersFrom(null)).toEqual({ answers: {}, comments: {} })
  })
})

describe('helpers', () => {
  it('halfPoints accepts only multiples of 0.5', () => {
    expect(halfPoints(2.5)).toBe(5)
    expect(halfPoints(2.4)).toBeNull()
    expect(halfPoints(Infinity)).toBeNull()
  })

  it('formatPoints prints integers without a decimal point', () => {
    expect(formatPoints(12)).toBe('12')
    expect(formatPoints(12.5)).toBe('12.5')
  })
})

describe('scoringLock', () => {
  it.each([
    ['open', false, '2024-05-10', '2024-05-10', ''],
    ['open', false, '2024-05-10', '2024-05-11', '已过评分截止日期'],
    ['open', true, '2024-05-10', '2024-05-11', ''],
    ['draft', false, '2024-05-10', '2024-05-01', '评估尚未开始'],
    ['scoring_closed', false, '2024-05-10', '2024-05-11', '本轮次评分已截止'],
    ['scoring_closed', true, '2024-05-10', '2024-05-11', ''],
    ['published', true, '2024-05-10', '2024-05-11', '本轮次结果已发布，评分不能再修改'],
    [undefined, false, undefined, '2024-05-11', ''],
  ])('round %s, reopened %s, due %s, today %s → %j', (status, reopened, due, today, want) => {
    expect(scoringLock(status, reopened, due, today)).toBe(want)
  })
})
