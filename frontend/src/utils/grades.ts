// A round's results by grade: the bands a template may leave out, the
// choices of the results page's grade filter and the rows a choice keeps.
import type { GradeBand, PlanResult } from '@/api/types'

/** The bands of a template that names none (the server's defaults). */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
  { grade: '不合格', min: 0 },
]

/**
 * The grade filter's value (and the distribution's column) for the plans
 * without a grade: no submitted sheet (none) or too few (insufficient).
 */
export const UNGRADED = '未评分'

/** One choice of the grade filter: its value in `?grade=`, its label with the count. */
export interface GradeOption {
  value: string
  label: string
  count: number
}

/** The bands of a template, highest first (the defaults when it names none). */
export function orderedBands(bands: readonly GradeBand[] | null | undefined): GradeBand[] {
  return [...(bands?.length ? bands : DEFAULT_GRADE_BANDS)].sort((a, b) => b.min - a.min)
}

/** Whether a result belongs to the grade chosen ('' keeps every result). */
export function hasGrade(r: Pick<PlanResult, 'grade'>, grade: string): boolean {
  if (!grade) return true
  return grade === UNGRADED ? r.grade === null : r.grade === grade
}

/**
 * The grade filter's choices: every band highest first, then any grade the
 * results hold that the bands lack, then the plans without a grade, each with
 * how many results it keeps.
 */
export function gradeOptions(items: readonly Pick<PlanResult, 'grade'>[], bands: readonly GradeBand[] | null | undefined): GradeOption[] {
  const names = orderedBands(bands).map((b) => b.grade)
  for (const r of items) if (r.grade !== null && !names.includes(r.grade)) names.push(r.grade)
  const option = (value: string, label: string): GradeOption => {
    const count = items.filter((r) => hasGrade(r, value)).length
    return { value, label: `${label}（${count}）`, count }
  }
  return [...names.map((g) => option(g, g)), option(UNGRADED, '未评分或评分不足')]
}
