// Dates and times as the UI shows them. API dates are calendar days
// (`YYYY-MM-DD`, in the city's time zone); instants are RFC 3339.

const pad = (n: number) => String(n).padStart(2, '0')

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function todayISO(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string, or NaN when it is not one. */
function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return NaN
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000
}

/** Whole days from `from` to `to` (negative when `to` is earlier); NaN for a bad date. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/**
 * Whether a finding is overdue: not accepted and today is past its due day
 * (DESIGN.md). The server says so too (`overdue`); this is for local checks.
 */
export function isOverdue(dueOn: string | null | undefined, status: string, today: string = todayISO()): boolean {
  if (!dueOn || status === 'accepted') return false
  return daysBetween(dueOn, today) > 0
}

/** A short Chinese phrase for a due day: 剩余 N 天 / 今天到期 / 逾期 N 天. */
export function dueLabel(dueOn: string | null | undefined, today: string = todayISO()): string {
  if (!dueOn) return '—'
  const d = daysBetween(today, dueOn)
  if (Number.isNaN(d)) return dueOn
  if (d > 0) return `剩余 ${d} 天`
  if (d === 0) return '今天到期'
  return `逾期 ${-d} 天`
}

/** An instant as `YYYY-MM-DD HH:mm:ss` in the browser's time zone; '—' when empty or invalid. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—'
  const d = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(d.getTime())) return String(value)
  return `${todayISO(d)} ${formatTime(d)}`
}

/** The time of day as `HH:mm:ss`. */
export function formatTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** What the rectification lists sort by. */
export interface DueSortable {
  id: number
  due_on: string | null
  overdue: boolean
}

/**
 * Orders findings as a department works through them: overdue first, then by
 * due day (earliest first, none last), then by id.
 */
export function sortByUrgency<T extends DueSortable>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
    if (a.due_on !== b.due_on) {
      if (!a.due_on) return 1
      if (!b.due_on) return -1
      return a.due_on < b.due_on ? -1 : 1
    }
    return a.id - b.id
  })
}
