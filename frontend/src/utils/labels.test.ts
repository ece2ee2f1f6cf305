import { describe, expect, it } from 'vitest'
import { findingStatus, gradeTagType, nextRoundStep, percent, roundStatus, roundStatusOrder, severity, tagOf } from './labels'

describe('round workflow', () => {
  it('offers the next step of each state, none after archiving', () => {
    expect(roundStatusOrder.map((s) => nextRoundStep(s)?.action ?? null)).toEqual([
      'open',
      'close-scoring',
      'publish',
      'archive',
      null,
    ])
  })

  it('says what each step does, in Chinese', () => {
    for (const s of roundStatusOrder.slice(0, 4)) expect(nextRoundStep(s)?.effect).toMatch(/后/)
  })

  it('labels every state as the UI says it', () => {
    expect(roundStatusOrder.map((s) => roundStatus[s].label)).toEqual(['草稿', '评估中', '评分截止', '已发布', '已归档'])
  })
})

describe('tags', () => {
  it('labels finding states and severities', () => {
    expect(Object.values(findingStatus).map((t) => t.label)).toEqual(['待整改', '已回复', '已退回', '已销号'])
    expect(severity.critical).toEqual({ label: '严重', type: 'danger' })
    expect(severity.major.label).toBe('较重')
    expect(severity.minor.label).toBe('一般')
  })

  it('shows an unknown value as a neutral tag', () => {
    expect(tagOf(findingStatus, 'weird')).toEqual({ label: 'weird', type: 'info' })
    expect(tagOf(findingStatus, null)).toEqual({ label: '—', type: 'info' })
  })

  it('colours grades', () => {
    expect(gradeTagType('优秀')).toBe('success')
    expect(gradeTagType('不合格')).toBe('danger')
    expect(gradeTagType('其他')).toBe('info')
  })

  it('formats rates as percentages', () => {
    expect(percent(0.4567)).toBe('45.7%')
    expect(percent(1)).toBe('100.0%')
    expect(percent(0)).toBe('0.0%')
    expect(percent(null)).toBe('—')
  })
})
