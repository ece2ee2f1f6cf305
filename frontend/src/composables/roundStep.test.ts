import { describe, expect, it } from 'vitest'
import type { Readiness } from '@/api/types'
import { stepFacts } from './roundStep'

const readiness = (over: Partial<Readiness> = {}): Readiness => ({
  next_step: 'close_scoring',
  sheets: { assigned: 66, submitted: 17, draft: 9, not_started: 40 },
  by_agency: [],
  by_evaluator: [],
  plans_without_result: [3, 4, 5, 6, 7],
  plans_below_assigned: [],
  self_assessments: { expected: 0, submitted: 0 },
  narratives: { expected: 0, approved: 0 },
  findings: { published: 0, accepted: 0, overdue: 0, carried: 0, carried_checked: 0 },
  blockers: [],
  warnings: [],
  ...over,
})

describe('stepFacts', () => {
  it('says how many sheets are in and how many plans have no result before closing scoring', () => {
    expect(stepFacts('open', readiness(), 22)).toEqual([
      '已提交 17/66 份评分表（草稿 9 份，未开始 40 份）。',
      '17 个方案有完整的评估结果并参加排名。',
      '5 个方案没有完整的评估结果：不排名、不出具评估报告。',
    ])
  })

  it('leaves out what is complete or unknown', () => {
    const all = readiness({ sheets: { assigned: 4, submitted: 4, draft: 0, not_started: 0 }, plans_without_result: [] })
    expect(stepFacts('open', all, null)).toEqual(['已提交 4/4 份评分表。'])
  })

  it('counts approved conclusions before publishing and open findings before archiving', () => {
    const r = readiness({ narratives: { expected: 3, approved: 1 }, findings: { published: 8, accepted: 5, overdue: 2, carried: 2, carried_checked: 1 } })
    expect(stepFacts('scoring_closed', r, 8)).toContain('评估结论已审定 1/3 份。')
    expect(stepFacts('open', r, 8)).toContain('上轮未整改问题已核查 1/2 个。')
    expect(stepFacts('published', r, 8)).toEqual(['已发布的 8 个问题中，已销号 5 个，未销号 3 个（逾期 2 个）。'])
  })
})
