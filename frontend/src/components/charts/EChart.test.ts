// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import type { AgencyProgress, PlanHistoryRound, PlanResult, ScorecardItem } from '@/api/types'
import EChart from './EChart.vue'
import { agencySeverity, dimensionsChart, gradeDistribution, planHistoryChart, rectificationByDepartment, scorecardMeans, selfVersusThirdParty } from './options'

// The drawing itself is ECharts' business (and needs a real canvas); what is
// checked here is what the component promises around it.
const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() }
vi.mock('./echarts', () => ({ echarts: { init: vi.fn(() => chart) } }))

describe('EChart', () => {
  const table = { columns: ['等次', '方案数'], rows: [['优秀', 2], ['良好', 1]] }

  it('is an image labelled with its figures, with a hidden table of them', () => {
    const w = mount(EChart, { props: { option: {}, title: '本轮总分分布', table } })
    const img = w.get('[role="img"]')
    expect(img.attributes('aria-label')).toBe('本轮总分分布。优秀：方案数 2；良好：方案数 1')
    expect(w.get('figcaption').text()).toBe('本轮总分分布')
    const alt = w.get('[data-testid="echart-alt"]')
    expect(alt.classes()).toContain('sr-only')
    expect(alt.get('caption').text()).toBe('本轮总分分布')
    expect(alt.findAll('th[scope="col"]').map((t) => t.text())).toEqual(['等次', '方案数'])
    expect(alt.findAll('tbody tr').map((r) => r.text())).toEqual(['优秀2', '良好1'])
    expect(chart.setOption).toHaveBeenCalled()
    w.unmount()
    expect(chart.dispose).toHaveBeenCalled()
  })

  it('takes any other text alternative in its alt slot', () => {
    const w = mount(EChart, { props: { option: {}, title: '台账' }, slots: { alt: '<p>共 3 个方案</p>' } })
    expect(w.get('[role="img"]').attributes('aria-label')).toBe('台账')
    expect(w.get('[data-testid="echart-alt"]').text()).toBe('共 3 个方案')
  })
})

describe('chart options', () => {
  const result = (grade: string | null) => ({ grade }) as PlanResult

  it('counts plans per grade band, highest first, and the unscored apart', () => {
    const c = gradeDistribution([result('优秀'), result('良好'), result('良好'), result(null), result('不合格')], null)
    expect(c.table.rows).toEqual([
      ['优秀', '≥ 90', 1],
      ['良好', '80–90', 2],
      ['合格', '60–80', 0],
      ['不合格', '0–60', 1],
      ['未评分', '结果不完整', 1],
    ])
  })

  it('sets each agency mean against the round mean', () => {
    const a = (name: string, mean: number | null) => ({ name, submitted: 2, mean_total: mean }) as AgencyProgress
    const c = agencySeverity([a('四川大学', 85), a('电子科技大学', 63), a('西华大学', null)], 77.67)
    expect(c.table.rows).toEqual([
      ['四川大学', 2, '85.00', '+7.33'],
      ['电子科技大学', 2, '63.00', '-14.67'],
    ])
  })

  it('splits findings into accepted, in progress and overdue', () => {
    const c = rectificationByDepartment([
      { department_id: 1, name: '市财政局', plans: 1, published: 5, accepted: 2, overdue: 1, rate: 0.4 },
      { department_id: 2, name: '市国资委', plans: 1, published: 0, accepted: 0, overdue: 0, rate: null },
    ])
    expect(c.table.rows).toEqual([['市财政局', 5, 2, 1, '40.0%']])
    const series = c.option.series as { name: string; data: number[] }[]
    expect(series.map((s) => [s.name, s.data[0]])).toEqual([['已销号', 2], ['整改中', 2], ['逾期', 1]])
  })

  const dims = [
    { code: '1', name: '方案设计', score: 12.5, self_score: 14 },
    { code: '2', name: '组织实施', score: 25, self_score: null },
  ]

  it('sets the dimensions of a plan against the round mean and their points', () => {
    const c = dimensionsChart(dims, [{ code: '1', name: '方案设计', score: 13.25, self_score: null }], { '1': 16, '2': 30 })
    expect(c.table.columns).toEqual(['维度', '本方案', '全轮平均', '满分'])
    expect(c.table.rows).toEqual([
      ['1 方案设计', '12.50', '13.25', 16],
      ['2 组织实施', '25.00', '—', 30],
    ])
    expect(dimensionsChart(dims, null).table.columns).toEqual(['维度', '本方案'])
  })

  it('sets the self-assessment against the third party with the gap', () => {
    expect(selfVersusThirdParty(dims).table.rows).toEqual([
      ['1 方案设计', '12.50', '14.00', '1.50'],
      ['2 组织实施', '25.00', '—', '—'],
    ])
  })

  it('draws a plan over its rounds, a round without a complete result as a gap', () => {
    const r = (name: string, total: number | null, score: number) =>
      ({ name, total, result_status: total === null ? 'insufficient' : 'complete', dimensions: [{ code: '1', name: '方案设计', score, self_score: null }] }) as unknown as PlanHistoryRound
    const c = planHistoryChart([r('2025 年度', 81.5, 12), r('2026 年度', null, 0)])
    expect(c.table.columns).toEqual(['评估轮次', '总分', '1 方案设计'])
    expect(c.table.rows).toEqual([
      ['2025 年度', '81.50', '12.00'],
      ['2026 年度', '—', '—'],
    ])
    const series = c.option.series as { data: (number | null)[] }[]
    expect(series[1].data).toEqual([12, null])
  })

  it('bars the mean totals of the scorecard and names the unscored in the table', () => {
    const i = (name: string, rank: number, mean_total: number | null, results: number) => ({ name, rank, mean_total, results }) as ScorecardItem
    const c = scorecardMeans([i('市财政局', 1, 88.5, 2), i('市国资委', 2, null, 0)])
    expect(c.table.rows).toEqual([
      ['市财政局', 1, '88.50', 2],
      ['市国资委', 2, '—', 0],
    ])
    expect((c.option.series as { data: unknown[] }[])[0].data).toEqual([88.5])
  })
})
