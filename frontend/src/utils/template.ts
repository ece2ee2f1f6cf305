// Rules of an indicator system (指标体系) checked in the editor before the
// server checks them again: the points of all indicators sum to exactly 100,
// points are multiples of 0.5, codes are unique, veto only on check items.
// Problems are keyed by the same paths the server uses in `error.fields`
// (`dimensions[0].indicators[1].max_score`), so both show in the same place.
import type { DimensionInput, GradeBand, IndicatorInput, TemplateInput } from '@/api/types'
import { formatPoints, halfPoints } from './scoring'

/** The points a template must add up to (百分制). */
export const TEMPLATE_TOTAL = 100

/** Sum of the max_score of a dimension's indicators (invalid numbers count 0). */
export function dimensionMax(dim: Pick<DimensionInput, 'indicators'>): number {
  return dim.indicators.reduce((h, ind) => h + (halfPoints(Number(ind.max_score)) ?? 0), 0) / 2
}

/** Sum of the max_score of every indicator. */
export function templateTotal(dims: readonly Pick<DimensionInput, 'indicators'>[]): number {
  return dims.reduce((h, d) => h + dimensionMax(d) * 2, 0) / 2
}

/** The grade bands used when a template names none (DESIGN.md). */
export function defaultGradeBands(): GradeBand[] {
  return [
    { grade: '优秀', min: 90 },
    { grade: '良好', min: 80 },
    { grade: '合格', min: 60 },
    { grade: '不合格', min: 0 },
  ]
}

/** Field path → problem, in Chinese; empty when the template may be saved. */
export function templateProblems(t: TemplateInput): Record<string, string> {
  const p: Record<string, string> = {}
  if (!t.name.trim()) p.name = '请填写指标体系名称'
  if (t.dimensions.length === 0) p.dimensions = '至少需要一个一级指标'
  const dimCodes = new Set<string>()
  const indCodes = new Set<string>()
  t.dimensions.forEach((d, i) => {
    const dp = `dimensions[${i}]`
    const code = d.code.trim()
    if (!code) p[`${dp}.code`] = '请填写编号'
    else if (dimCodes.has(code)) p[`${dp}.code`] = `一级指标编号重复：${code}`
    dimCodes.add(code)
    if (!d.name.trim()) p[`${dp}.name`] = '请填写名称'
    if (d.indicators.length === 0) p[`${dp}.indicators`] = '至少需要一个二级指标'
    d.indicators.forEach((ind, j) => {
      const ip = `${dp}.indicators[${j}]`
      Object.assign(p, indicatorProblems(ind, ip, indCodes))
    })
  })
  if (Object.keys(p).length === 0) {
    const total = templateTotal(t.dimensions)
    if (total !== TEMPLATE_TOTAL) {
      p.dimensions = `各指标分值合计必须为 ${TEMPLATE_TOTAL} 分，当前为 ${formatPoints(total)} 分`
    }
  }
  ;(t.grade_bands ?? []).forEach((b, i) => {
    const bp = `grade_bands[${i}]`
    if (!b.grade.trim()) p[`${bp}.grade`] = '请填写等次名称'
    if (!(b.min >= 0 && b.min <= 100)) p[`${bp}.min`] = '分数线须在 0 到 100 之间'
    else if (i > 0 && b.min >= (t.grade_bands ?? [])[i - 1].min) p[`${bp}.min`] = '分数线须从高到低排列'
  })
  return p
}

function indicatorProblems(ind: IndicatorInput, path: string, seen: Set<string>): Record<string, string> {
  const p: Record<string, string> = {}
  const code = ind.code.trim()
  if (!code) p[`${path}.code`] = '请填写编号'
  else if (seen.has(code)) p[`${path}.code`] = `指标编号重复：${code}`
  seen.add(code)
  if (!ind.name.trim()) p[`${path}.name`] = '请填写名称'
  const max = Number(ind.max_score)
  const h = halfPoints(max)
  if (h === null || h < 0) p[`${path}.max_score`] = '分值须为不小于 0 的 0.5 的整数倍'
  else if (h === 0 && !(ind.kind === 'check' && ind.veto)) p[`${path}.max_score`] = '分值须大于 0（仅一票否决项可为 0）'
  if (ind.veto && ind.kind !== 'check') p[`${path}.veto`] = '只有清单项可以设为一票否决'
  return p
}

/** Whether the editor may save: no problems, which includes a total of exactly 100. */
export function canSaveTemplate(t: TemplateInput): boolean {
  return Object.keys(templateProblems(t)).length === 0
}

/** A suggested code for the next indicator of a dimension: `2.` + (count + 1). */
export function nextIndicatorCode(dim: Pick<DimensionInput, 'code' | 'indicators'>): string {
  const prefix = dim.code.trim() || '?'
  const used = new Set(dim.indicators.map((i) => i.code))
  let n = dim.indicators.length + 1
  while (used.has(`${prefix}.${n}`)) n++
  return `${prefix}.${n}`
}

/** A suggested code for the next dimension: one more than the largest numeric code. */
export function nextDimensionCode(dims: readonly Pick<DimensionInput, 'code'>[]): string {
  const nums = dims.map((d) => Number(d.code)).filter((n) => Number.isInteger(n))
  return String((nums.length ? Math.max(...nums) : 0) + 1)
}

/** A deep copy of a template's editable part, e.g. to make a new version of a frozen one. */
export function editableCopy(t: TemplateInput, name?: string): TemplateInput {
  return {
    name: name ?? t.name,
    grade_bands: (t.grade_bands?.length ? t.grade_bands : defaultGradeBands()).map((b) => ({ ...b })),
    dimensions: t.dimensions.map((d) => ({
      code: d.code,
      name: d.name,
      indicators: d.indicators.map((i) => ({
        code: i.code,
        name: i.name,
        kind: i.kind,
        max_score: i.max_score,
        veto: !!i.veto,
        guidance: i.guidance ?? '',
      })),
    })),
  }
}
