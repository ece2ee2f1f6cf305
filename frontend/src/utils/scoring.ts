// The arithmetic of a scoresheet, as DESIGN.md states it: a score indicator
// takes 0…max_score in steps of 0.5, a check indicator earns max_score for
// yes and 0 for no, and a rater's total is the sum of the points. Sums are
// kept in half points (integers) so that 0.5-steps add up exactly.
import type { Dimension, Indicator, Score, ScoreValue, Scoresheet, Template } from '@/api/types'

/** Answers by indicator code. */
export type Answers = Record<string, ScoreValue>

/** The number of half points in a value, or null when it is not a multiple of 0.5. */
export function halfPoints(v: number): number | null {
  const h = v * 2
  return Number.isFinite(h) && Number.isInteger(h) ? h : null
}

/**
 * Why a value is not a valid answer to an indicator, in Chinese, or null when
 * it is valid. An unanswered indicator (null) is valid in a draft; whether
 * everything is answered is missingIndicators' question.
 */
export function validateScore(ind: Pick<Indicator, 'kind' | 'max_score'>, value: ScoreValue | undefined): string | null {
  if (value === null || value === undefined) return null
  if (ind.kind === 'check') {
    return typeof value === 'boolean' ? null : '请选择“是”或“否”'
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return '请输入数字'
  if (value < 0) return '得分不能小于 0'
  if (value > ind.max_score) return `得分不能超过分值 ${formatPoints(ind.max_score)}`
  if (halfPoints(value) === null) return '得分须为 0.5 的整数倍'
  return null
}

/**
 * The points typed into a score field: null when empty, NaN when it is not a
 * number (validateScore then says so), else the number. Full-width digits and
 * the full-width point of Chinese input methods are read as their ASCII forms.
 */
export function parsePoints(text: string): number | null {
  const ascii = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
  if (ascii === '') return null
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(ascii) ? Number(ascii) : Number.NaN
}

/** Half points an answer earns (0 when unanswered or invalid). */
function halfPointsOf(ind: Indicator, value: ScoreValue | undefined): number {
  if (ind.kind === 'check') return value === true ? (halfPoints(ind.max_score) ?? 0) : 0
  if (typeof value !== 'number' || validateScore(ind, value) !== null) return 0
  return halfPoints(value) ?? 0
}

/** Points an answer earns: the value of a score item, max_score for a check item answered yes. */
export function pointsOf(ind: Indicator, value: ScoreValue | undefined): number {
  return halfPointsOf(ind, value) / 2
}

/** Sum of the points of one dimension's indicators. */
export function dimensionPoints(dim: Dimension, answers: Answers): number {
  return dim.indicators.reduce((h, ind) => h + halfPointsOf(ind, answers[ind.code]), 0) / 2
}

/** The running total of a scoresheet: the sum of every indicator's points. */
export function runningTotal(template: Pick<Template, 'dimensions'>, answers: Answers): number {
  let h = 0
  for (const dim of template.dimensions) for (const ind of dim.indicators) h += halfPointsOf(ind, answers[ind.code])
  return h / 2
}

/** Every indicator of a template, in order. */
export function allIndicators(template: Pick<Template, 'dimensions'>): Indicator[] {
  return template.dimensions.flatMap((d) => d.indicators)
}

/** Indicators that have no valid answer yet (what blocks a submit). */
export function missingIndicators(template: Pick<Template, 'dimensions'>, answers: Answers): Indicator[] {
  return allIndicators(template).filter((ind) => {
    const v = answers[ind.code]
    return v === null || v === undefined || validateScore(ind, v) !== null
  })
}

/** Veto items answered “否” (the plan is 不合格 if most raters say so). */
export function vetoedIndicators(template: Pick<Template, 'dimensions'>, answers: Answers): Indicator[] {
  return allIndicators(template).filter((ind) => ind.veto && answers[ind.code] === false)
}

/** Points as people write them: 12, 12.5. */
export function formatPoints(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

/** The answers and comments of a saved scoresheet, by indicator code. */
export function answersFrom(sheet: Pick<Scoresheet, 'scores'> | null | undefined): {
  answers: Answers
  comments: Record<string, string>
} {
  const answers: Answers = {}
  const comments: Record<string, string> = {}
  for (const s of sheet?.scores ?? []) {
    answers[s.indicator_code] = s.value ?? null
    if (s.comment) comments[s.indicator_code] = s.comment
  }
  return { answers, comments }
}

/**
 * The `scores` of a save, in template order: every indicator that has a value
 * or a comment (a draft may be partial). The order matters: the server names
 * errors as `scores[i].value`, which scoreFieldErrors maps back to codes.
 */
export function scoresFor(
  template: Pick<Template, 'dimensions'>,
  answers: Answers,
  comments: Record<string, string>,
): Score[] {
  const out: Score[] = []
  for (const ind of allIndicators(template)) {
    const value = answers[ind.code] ?? null
    const comment = (comments[ind.code] ?? '').trim()
    if (value === null && !comment) continue
    const s: Score = { indicator_code: ind.code, value }
    if (comment) s.comment = comment
    out.push(s)
  }
  return out
}

/**
 * Why a scoresheet cannot be edited now, by the round's state (DESIGN.md:
 * evaluators save and submit while the round is open, until scoring_due
 * inclusive; after scoring closes only a sheet an admin reopened), or '' when
 * it can. A submitted sheet is locked by its own status, not here.
 */
export function scoringLock(
  roundStatus: string | undefined,
  reopened: boolean,
  scoringDue: string | undefined,
  today: string,
): string {
  if (!roundStatus) return ''
  if (roundStatus === 'draft') return '评估尚未开始'
  if (roundStatus === 'open') {
    if (!reopened && scoringDue && today > scoringDue) return '已过评分截止日期'
    return ''
  }
  if (roundStatus === 'scoring_closed' && reopened) return ''
  return roundStatus === 'scoring_closed' ? '本轮次评分已截止' : '本轮次结果已发布，评分不能再修改'
}
