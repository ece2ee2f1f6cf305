// Dates and times as the UI shows them. API dates are calendar days
// (`YYYY-MM-DD`, in the city's time zone); instants are RFC 3339. Every
// instant is shown, and "today" computed, in the city's time zone (EVAL_TZ),
// whatever the browser's zone: the server names it in index.html's
// <meta name="evald-tz"> (docs/DECISIONS.md).

const pad = (n: number) => String(n).padStart(2, '0')

/** EVAL_TZ's default, for a page the Go server did not serve (the Vite dev server). */
export const DEFAULT_ZONE = 'Asia/Shanghai'

let zoneOverride: string | null = null

/** The city's IANA time zone. */
export function cityZone(): string {
  if (zoneOverride) return zoneOverride
  const meta = typeof document === 'undefined' ? null : document.querySelector('meta[name="evald-tz"]')
  return meta?.getAttribute('content') || DEFAULT_ZONE
}

/** Sets the city's zone (tests); null goes back to the page's. */
export function setCityZone(zone: string | null): void {
  zoneOverride = zone
  formatters.clear()
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** A wall clock's parts of an instant in a zone. */
interface Wall {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallIn(d: Date, zone: string): Wall {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(zone, f)
  }
  const w: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
  for (const part of f.formatToParts(d)) {
    if (part.type in w) w[part.type as keyof Wall] = Number(part.value)
  }
  if (w.hour === 24) w.hour = 0
  return w
}

/** An instant's wall clock in the city's zone. */
export function cityWall(d: Date, zone: string = cityZone()): Wall {
  return wallIn(d, zone)
}

/** Today as `YYYY-MM-DD` in the city's time zone. */
export function todayISO(now: Date = new Date(), zone: string = cityZone()): string {
  const w = wallIn(now, zone)
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`
}

/**
 * The instant at which the city's clocks show the wall time that `local`
 * shows in the browser's zone: what a date-time picker's choice means.
 */
export function fromPicker(local: Date, zone: string = cityZone()): Date {
  const wanted = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds())
  const offsetAt = (t: number) => {
    const w = wallIn(new Date(t), zone)
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - t
  }
  let t = wanted - offsetAt(wanted)
  t = wanted - offsetAt(t) // once more, in case the offset changes in between
  return new Date(t)
}

/** The browser-local Date whose wall clock shows what the city's shows at `instant`: what a date-time picker displays. */
export function toPicker(instant: Date, zone: string = cityZone()): Date {
  const w = wallIn(instant, zone)
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
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

/** An instant as `YYYY-MM-DD HH:mm:ss` in the city's time zone; '—' when empty or invalid. */
export function formatDateTime(value: string | Date | null | undefined, zone: string = cityZone()): string {
  if (!value) return '—'
  const d = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(d.getTime())) return String(value)
  const w = wallIn(d, zone)
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`
}

/** The time of day as `HH:mm:ss` in the city's time zone. */
export function formatTime(d: Date, zone: string = cityZone()): string {
  const w = wallIn(d, zone)
  return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`
}

/** An instant as `YYYY年M月D日 HH:mm` in the city's time zone (as the public survey page says it). */
export function formatChineseDateTime(d: Date, zone: string = cityZone()): string {
  const w = wallIn(d, zone)
  return `${w.year}年${w.month}月${w.day}日 ${pad(w.hour)}:${pad(w.minute)}`
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
