// The charts the app draws, as ECharts options with their text alternative
// (a table of the same figures). Pure functions: no ECharts at run time, so
// pages and tests import them without loading the library.
import type { AgencyProgress, DimensionScore, GradeBand, PlanHistoryRound, PlanResult, RectificationDepartment, ScorecardItem } from '@/api/types'
import { palette } from '@/theme'
import { orderedBands, UNGRADED } from '@/utils/grades'
import { percent } from '@/utils/labels'
import type { ChartOption } from './echarts'
import type { ChartTable } from './types'

/** An option and the table it draws. */
export interface Chart {
  option: ChartOption
  table: ChartTable
}

const round2 = (v: number) => Math.round(v * 100) / 100
const fixed = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(2))
const tooltip = { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } } as const

/**
 * The distribution of a round's totals over the grade bands (a histogram with
 * one bar per band, highest first), and the plans without a complete result.
 * A plan's band is its grade, so a vetoed plan counts as 不合格.
 */
export function gradeDistribution(items: readonly PlanResult[], bands: readonly GradeBand[] | null | undefined): Chart {
  const ordered = orderedBands(bands)
  const counts = new Map(ordered.map((b) => [b.grade, 0]))
  let unscored = 0
  for (const r of items) {
    if (r.grade === null) unscored++
    else counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1)
  }
  const ranges = ordered.map((b, i) => (i === 0 ? `≥ ${b.min}` : `${b.min}–${ordered[i - 1].min}`))
  const names = [...ordered.map((b) => b.grade), UNGRADED]
  const values = [...ordered.map((b) => counts.get(b.grade) ?? 0), unscored]
  return {
    option: {
      tooltip,
      grid: { left: 48, right: 24, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: names.map((n, i) => (i < ranges.length ? `${n}\n${ranges[i]}` : n)) },
      yAxis: { type: 'value', name: '方案数', minInterval: 1 },
      series: [{ type: 'bar', name: '方案数', data: values, barMaxWidth: 56, label: { show: true, position: 'top' } }],
    },
    table: {
      columns: ['等次', '总分区间', '方案数'],
      rows: names.map((n, i) => [n, i < ranges.length ? ranges[i] : '结果不完整', values[i]]),
    },
  }
}

/**
 * A plan's dimension scores beside the round's mean (when known), as grouped
 * horizontal bars; the table adds each dimension's points when known.
 */
export function dimensionsChart(
  dims: readonly DimensionScore[],
  mean: readonly DimensionScore[] | null | undefined,
  maxByCode?: Record<string, number>,
  planName = '本方案',
): Chart {
  const meanOf = new Map((mean ?? []).map((d) => [d.code, d.score]))
  const names = dims.map((d) => `${d.code} ${d.name}`)
  const series: ChartOption['series'] = [{ type: 'bar', name: planName, data: dims.map((d) => round2(d.score)), barMaxWidth: 18 }]
  if (mean) series.push({ type: 'bar', name: '全轮平均', data: dims.map((d) => meanOf.get(d.code) ?? null), barMaxWidth: 18 })
  const columns = ['维度', planName, ...(mean ? ['全轮平均'] : []), ...(maxByCode ? ['满分'] : [])]
  return {
    option: {
      tooltip,
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '分' },
      yAxis: { type: 'category', data: names, inverse: true },
      series,
    },
    table: {
      columns,
      rows: dims.map((d, i) => [
        names[i],
        fixed(d.score),
        ...(mean ? [fixed(meanOf.get(d.code))] : []),
        ...(maxByCode ? [maxByCode[d.code] ?? '—'] : []),
      ]),
    },
  }
}

/** Per dimension, the department's self-assessment beside the third-party score and the gap. */
export function selfVersusThirdParty(dims: readonly DimensionScore[]): Chart {
  const names = dims.map((d) => `${d.code} ${d.name}`)
  return {
    option: {
      tooltip,
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '分' },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        { type: 'bar', name: '第三方评估', data: dims.map((d) => round2(d.score)), barMaxWidth: 18 },
        { type: 'bar', name: '部门自评', data: dims.map((d) => (d.self_score == null ? null : round2(d.self_score))), barMaxWidth: 18 },
      ],
    },
    table: {
      columns: ['维度', '第三方评估', '部门自评', '差距（自评 − 第三方）'],
      rows: dims.map((d, i) => [names[i], fixed(d.score), fixed(d.self_score), d.self_score == null ? '—' : fixed(d.self_score - d.score)]),
    },
  }
}

/**
 * Rater severity (宽严度): each agency's mean total over its submitted sheets
 * beside the round's mean (a line across the bars).
 */
export function agencySeverity(agencies: readonly AgencyProgress[], roundMean: number | null): Chart {
  const rated = agencies.filter((a) => a.mean_total !== null)
  return {
    option: {
      tooltip,
      grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rated.map((a) => a.name), axisLabel: { interval: 0, width: 96, overflow: 'break' } },
      yAxis: { type: 'value', name: '平均总分', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10), max: 100 },
      series: [
        {
          type: 'bar',
          name: '平均总分',
          data: rated.map((a) => a.mean_total),
          barMaxWidth: 48,
          label: { show: true, position: 'top', formatter: (p: { value: unknown }) => Number(p.value).toFixed(2) },
          markLine:
            roundMean === null
              ? undefined
              : { symbol: 'none', label: { formatter: `全轮平均 ${roundMean.toFixed(2)}`, position: 'insideEndTop' }, data: [{ yAxis: roundMean }] },
        },
      ],
    },
    table: {
      columns: ['评估机构', '已提交评分表', '平均总分', '与全轮平均之差'],
      rows: rated.map((a) => [
        a.name,
        a.submitted,
        fixed(a.mean_total),
        roundMean === null || a.mean_total === null ? '—' : `${a.mean_total >= roundMean ? '+' : ''}${(a.mean_total - roundMean).toFixed(2)}`,
      ]),
    },
  }
}

/**
 * Rectification by department: each department's published findings split
 * into accepted (销号), open and overdue, stacked, worst first as given.
 */
export function rectificationByDepartment(departments: readonly RectificationDepartment[]): Chart {
  const rows = departments.filter((d) => d.published > 0)
  const names = rows.map((d) => d.name)
  const stack = (name: string, data: number[], color?: string) =>
    ({ type: 'bar', name, stack: 'findings', data, barMaxWidth: 20, ...(color ? { itemStyle: { color } } : {}) }) as const
  return {
    option: {
      tooltip,
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '问题数', minInterval: 1 },
      yAxis: { type: 'category', data: names, inverse: true },
      series: [
        stack('已销号', rows.map((d) => d.accepted), palette.success),
        stack('整改中', rows.map((d) => d.published - d.accepted - d.overdue), palette.primary),
        stack('逾期', rows.map((d) => d.overdue), palette.danger),
      ],
    },
    table: {
      columns: ['牵头单位', '问题数', '已销号', '逾期', '整改完成率'],
      rows: rows.map((d) => [d.name, d.published, d.accepted, d.overdue, percent(d.rate)]),
    },
  }
}

/**
 * A plan over its rounds (方案台账): the total and each dimension's score per
 * round, as lines, oldest round first; a round without a complete result is a
 * gap, never a zero.
 */
export function planHistoryChart(rounds: readonly PlanHistoryRound[]): Chart {
  const names = rounds.map((r) => r.name)
  const dims = new Map<string, string>()
  for (const r of rounds) for (const d of r.dimensions) if (!dims.has(d.code)) dims.set(d.code, `${d.code} ${d.name}`)
  const dimScore = (r: PlanHistoryRound, code: string) => {
    const d = r.result_status === 'complete' ? r.dimensions.find((x) => x.code === code) : undefined
    return d ? round2(d.score) : null
  }
  // Only the total carries its figures on the line: the dimensions' would overlap.
  const line = (name: string, data: (number | null)[], labelled = false) =>
    ({ type: 'line', name, data, connectNulls: false, symbolSize: 8, label: { show: labelled && rounds.length <= 8, position: 'top' } }) as const
  return {
    option: {
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, width: 120, overflow: 'break' } },
      yAxis: { type: 'value', name: '分', min: 0 },
      series: [
        line('总分', rounds.map((r) => r.total), true),
        ...[...dims].map(([code, name]) => line(name, rounds.map((r) => dimScore(r, code)))),
      ],
    },
    table: {
      columns: ['评估轮次', '总分', ...dims.values()],
      rows: rounds.map((r) => [r.name, fixed(r.total), ...[...dims.keys()].map((c) => fixed(dimScore(r, c)))]),
    },
  }
}

/**
 * The scorecard's mean totals, one bar per department in the order given
 * (the ranking); departments without a complete result are left out of the
 * bars but named in the table as "—".
 */
export function scorecardMeans(items: readonly ScorecardItem[]): Chart {
  const rated = items.filter((i) => i.mean_total !== null)
  return {
    option: {
      tooltip,
      grid: { left: 8, right: 48, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '平均总分', max: 100 },
      yAxis: { type: 'category', data: rated.map((i) => i.name), inverse: true },
      series: [
        {
          type: 'bar',
          name: '平均总分',
          data: rated.map((i) => i.mean_total),
          barMaxWidth: 20,
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => Number(p.value).toFixed(2) },
        },
      ],
    },
    table: {
      columns: ['牵头单位', '排名', '平均总分', '结果数'],
      rows: items.map((i) => [i.name, i.rank, fixed(i.mean_total), i.results]),
    },
  }
}
