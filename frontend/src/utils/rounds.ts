// Choosing a round for the result, rectification and report pages.
import type { Round } from '@/api/types'

/**
 * The round a page opens on: the one named in the URL if it exists, else the
 * newest published round (results are final there), else the newest round.
 * Newest means the latest `starts_on`, then the highest id.
 */
export function defaultRound(rounds: readonly Round[], wanted?: number | null): Round | null {
  if (wanted != null) {
    const r = rounds.find((x) => x.id === wanted)
    if (r) return r
  }
  const newest = [...rounds].sort((a, b) => (a.starts_on === b.starts_on ? b.id - a.id : a.starts_on < b.starts_on ? 1 : -1))
  return newest.find((r) => r.status === 'published') ?? newest[0] ?? null
}

/**
 * The years a scorecard can be asked for — every year a round was published
 * in, and this year — newest first, and the one a page opens on: the latest
 * year with a published round, else this year (`today` is YYYY-MM-DD in EVAL_TZ).
 */
export function scorecardYears(rounds: readonly Pick<Round, 'published_on'>[], today: string): { years: number[]; initial: number } {
  const thisYear = Number(today.slice(0, 4))
  const published = rounds.flatMap((r) => (r.published_on ? [Number(r.published_on.slice(0, 4))] : []))
  const years = [...new Set([thisYear, ...published])].sort((a, b) => b - a)
  return { years, initial: published.length ? Math.max(...published) : thisYear }
}

/** The most recently published round (published or archived; latest `published_on`, then highest id), or null. */
export function latestPublished<R extends Pick<Round, 'id' | 'status' | 'published_on'>>(rounds: readonly R[]): R | null {
  const done = rounds.filter((r) => (r.status === 'published' || r.status === 'archived') && r.published_on)
  done.sort((a, b) => (a.published_on === b.published_on ? b.id - a.id : a.published_on! < b.published_on! ? 1 : -1))
  return done[0] ?? null
}
