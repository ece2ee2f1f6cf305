// Figures behind the charts: dimension means and maxima, survey answer bars.
import type { DimensionScore } from '@/api/types'

/**
 * The mean score of each dimension over a round's plans, rounded to 2
 * decimals, in the order the dimensions first appear.
 */
export function averageDimensions(results: readonly { dimensions: readonly DimensionScore[] }[]): DimensionScore[] {
  const acc = new Map<string, { name: string; sum: number; n: number }>()
  for (const r of results) {
    for (const d of r.dimensions) {
      const a = acc.get(d.code) ?? { name: d.name, sum: 0, n: 0 }
      a.sum += d.score
      a.n++
      acc.set(d.code, a)
    }
  }
  return [...acc.entries()].map(([code, a]) => ({ code, name: a.name, score: Math.round((a.sum / a.n) * 100) / 100, self_score: null }))
}

/** Dimension code → its points (sum of its indicators' max_score) in a template. */
export function dimensionMaxima(template: { dimensions: readonly { code: string; indicators: readonly { max_score: number }[] }[] } | null): Record<string, number> | undefined {
  if (!template) return undefined
  const out: Record<string, number> = {}
  for (const d of template.dimensions) out[d.code] = d.indicators.reduce((s, i) => s + i.max_score, 0)
  return out
}

/** One bar of an answer count: the share of the respondents who gave it. */
export interface CountBar {
  option: string
  label: string
  count: number
  /** count / answered, 0–1 (a multiple-choice question's shares add up to more than 1). */
  fraction: number
  /** "12（40.0%）" */
  valueText: string
}

/**
 * Bars for the counts of a survey question (in the order the API gives
 * them, which is the question's), each as a share of those who answered it.
 */
export function countBars(counts: Record<string, number> | undefined, answered: number, label: (option: string) => string = (o) => o): CountBar[] {
  return Object.entries(counts ?? {}).map(([option, count]) => {
    const fraction = answered > 0 ? Math.min(1, Math.max(0, count / answered)) : 0
    const pct = (Math.round(fraction * 1000) / 10).toFixed(1)
    return { option, label: label(option), count, fraction, valueText: `${count}（${pct}%）` }
  })
}
