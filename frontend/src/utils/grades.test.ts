import { describe, expect, it } from 'vitest'
import { gradeDistribution } from '@/components/charts/options'
import type { PlanResult } from '@/api/types'
import { gradeOptions, hasGrade, UNGRADED } from './grades'

const results = [
  { grade: '优秀', result_status: 'complete' },
  { grade: '良好', result_status: 'complete' },
  { grade: '良好', result_status: 'complete' },
  { grade: null, result_status: 'insufficient' },
  { grade: null, result_status: 'none' },
] as PlanResult[]

describe('hasGrade', () => {
  it('keeps every result without a grade chosen', () => {
    expect(results.filter((r) => hasGrade(r, ''))).toHaveLength(5)
  })
  it('keeps the results of the grade chosen', () => {
    expect(results.filter((r) => hasGrade(r, '良好')).map((r) => r.grade)).toEqual(['良好', '良好'])
    expect(results.filter((r) => hasGrade(r, '不合格'))).toEqual([])
  })
  it('keeps the results without a grade, insufficient or none, for 未评分', () => {
    expect(results.filter((r) => hasGrade(r, UNGRADED)).map((r) => r.result_status)).toEqual(['insufficient', 'none'])
  })
})

describe('gradeOptions', () => {
  it('lists the default bands highest first, then the ungraded, with their counts', () => {
    expect(gradeOptions(results, null)).toEqual([
      { value: '优秀', label: '优秀（1）', count: 1 },
      { value: '良好', label: '良好（2）', count: 2 },
      { value: '合格', label: '合格（0）', count: 0 },
      { value: '不合格', label: '不合格（0）', count: 0 },
      { value: UNGRADED, label: '未评分或评分不足（2）', count: 2 },
    ])
  })
  it("follows a template's bands and keeps a grade the bands lack", () => {
    const bands = [
      { grade: 'B', min: 70 },
      { grade: 'A', min: 85 },
    ]
    expect(gradeOptions([...results, { grade: 'C' } as PlanResult], bands).map((o) => o.label)).toEqual([
      'A（0）',
      'B（0）',
      '优秀（1）',
      '良好（2）',
      'C（1）',
      '未评分或评分不足（2）',
    ])
  })
  it("counts as the distribution's table does, so a count clicked is the rows shown", () => {
    const table = gradeDistribution(results, null).table.rows
    for (const [grade, , count] of table) expect(results.filter((r) => hasGrade(r, String(grade))).length, String(grade)).toBe(count)
  })
})

