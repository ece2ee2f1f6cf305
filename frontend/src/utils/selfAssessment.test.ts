import { describe, expect, it } from 'vitest'
import type { SelfAttachment, Template } from '@/api/types'
import { filesOf, opensInBrowser, selfAnswersFrom, selfScoresFor } from './selfAssessment'

const template = {
  dimensions: [
    {
      code: '1',
      name: '组织实施',
      indicators: [
        { code: '1.1', name: '责任落实', kind: 'score', max_score: 10 },
        { code: '1.2', name: '配套文件', kind: 'check', max_score: 5 },
      ],
    },
  ],
} as unknown as Pick<Template, 'dimensions'>

describe('self-assessment form', () => {
  it('reads values and explanations back by code', () => {
    const { answers, explanations } = selfAnswersFrom({
      scores: [
        { indicator_code: '1.1', value: 8.5, explanation: '已落实' },
        { indicator_code: '1.2', value: null, explanation: '' },
      ],
    })
    expect(answers).toEqual({ '1.1': 8.5, '1.2': null })
    expect(explanations).toEqual({ '1.1': '已落实' })
  })

  it('saves what was filled in, in template order, explanations trimmed', () => {
    expect(selfScoresFor(template, { '1.2': true, '1.1': null }, { '1.1': ' 说明 ' })).toEqual([
      { indicator_code: '1.1', value: null, explanation: '说明' },
      { indicator_code: '1.2', value: true, explanation: '' },
    ])
  })

  it('sorts files by indicator and opens PDFs and images in the browser', () => {
    const f = (id: number, code: string) => ({ id, indicator_code: code }) as SelfAttachment
    expect(filesOf([f(1, '1.1'), f(2, ''), f(3, '1.1')], '1.1').map((x) => x.id)).toEqual([1, 3])
    expect(filesOf([f(1, '1.1'), f(2, '')], '').map((x) => x.id)).toEqual([2])
    expect(opensInBrowser('application/pdf')).toBe(true)
    expect(opensInBrowser('image/png')).toBe(true)
    expect(opensInBrowser('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(false)
  })
})
