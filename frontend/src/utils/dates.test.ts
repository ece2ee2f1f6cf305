import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  daysBetween,
  dueLabel,
  formatChineseDateTime,
  formatDateTime,
  formatTime,
  fromPicker,
  isOverdue,
  setCityZone,
  sortByUrgency,
  toPicker,
  todayISO,
} from './dates'

describe('daysBetween', () => {
  it('counts calendar days, across months and leap days', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1)
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2)
    expect(daysBetween('2024-01-01', '2024-01-01')).toBe(0)
  })

  it('is NaN for a malformed date', () => {
    expect(daysBetween('2024/01/01', '2024-01-02')).toBeNaN()
  })
})

describe('isOverdue', () => {
  it('is overdue only after the due day', () => {
    expect(isOverdue('2024-05-10', 'open', '2024-05-10')).toBe(false)
    expect(isOverdue('2024-05-10', 'open', '2024-05-11')).toBe(true)
    expect(isOverdue('2024-05-10', 'returned', '2024-06-01')).toBe(true)
    expect(isOverdue('2024-05-10', 'responded', '2024-06-01')).toBe(true)
  })

  it('is never overdue once accepted or without a due day', () => {
    expect(isOverdue('2024-05-10', 'accepted', '2024-06-01')).toBe(false)
    expect(isOverdue(null, 'open', '2024-06-01')).toBe(false)
  })
})

describe('dueLabel', () => {
  it.each([
    ['2024-05-13', '2024-05-10', '剩余 3 天'],
    ['2024-05-10', '2024-05-10', '今天到期'],
    ['2024-05-08', '2024-05-10', '逾期 2 天'],
  ])('due %s seen on %s reads %s', (due, today, want) => {
    expect(dueLabel(due, today)).toBe(want)
  })

  it('shows a dash without a due day', () => {
    expect(dueLabel(null)).toBe('—')
  })
})

describe('sortByUrgency', () => {
  it('puts overdue first, then the earliest due day, undated last, then by id', () => {
    const items = [
      { id: 1, due_on: '2024-09-01', overdue: false },
      { id: 2, due_on: null, overdue: false },
      { id: 3, due_on: '2024-03-01', overdue: true },
      { id: 4, due_on: '2024-06-01', overdue: false },
      { id: 5, due_on: '2024-01-01', overdue: true },
      { id: 6, due_on: '2024-06-01', overdue: false },
    ]
    expect(sortByUrgency(items).map((i) => i.id)).toEqual([5, 3, 4, 6, 1, 2])
    expect(items[0].id).toBe(1) // not sorted in place
  })
})

describe('formatting in the city\'s zone, not the browser\'s', () => {
  // The browser in UTC, the city in Shanghai (UTC+8).
  beforeAll(() => {
    vi.stubEnv('TZ', 'UTC') // Node takes a new TZ at once
    setCityZone('Asia/Shanghai')
  })
  afterAll(() => {
    vi.unstubAllEnvs()
    setCityZone(null)
  })

  it('runs with the browser in UTC', () => {
    expect(new Date('2026-12-31T10:00:00Z').getHours()).toBe(10)
  })

  it('formatDateTime prints the city\'s date and time', () => {
    expect(formatDateTime('2026-12-31T10:00:00Z')).toBe('2026-12-31 18:00:00')
    expect(formatDateTime(new Date('2026-12-31T16:04:07Z'))).toBe('2027-01-01 00:04:07')
    expect(formatDateTime('2024-11-03T01:04:07Z', 'UTC')).toBe('2024-11-03 01:04:07')
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('not a date')).toBe('not a date')
  })

  it('formatTime and formatChineseDateTime', () => {
    expect(formatTime(new Date('2026-12-31T16:04:07Z'))).toBe('00:04:07')
    expect(formatChineseDateTime(new Date('2026-12-31T10:00:00Z'))).toBe('2026年12月31日 18:00')
  })

  it('todayISO is the city\'s day', () => {
    expect(todayISO(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31')
    expect(todayISO(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
    expect(todayISO(new Date('2024-01-05T09:00:00Z'))).toBe('2024-01-05')
    expect(todayISO(new Date('2026-12-31T16:00:00Z'), 'America/New_York')).toBe('2026-12-31')
  })

  it('a date-time picker\'s wall time means the city\'s', () => {
    // The picker shows 2026-12-31 18:00 (a browser-local Date): 10:00 UTC.
    const picked = new Date(2026, 11, 31, 18, 0, 0)
    expect(fromPicker(picked).toISOString()).toBe('2026-12-31T10:00:00.000Z')
    const shown = toPicker(new Date('2026-12-31T10:00:00Z'))
    expect([shown.getFullYear(), shown.getMonth() + 1, shown.getDate(), shown.getHours(), shown.getMinutes()]).toEqual([2026, 12, 31, 18, 0])
    // Across a daylight-saving change too.
    const ny = fromPicker(new Date(2026, 6, 1, 9, 30), 'America/New_York')
    expect(ny.toISOString()).toBe('2026-07-01T13:30:00.000Z')
    expect(fromPicker(toPicker(ny, 'America/New_York'), 'America/New_York').getTime()).toBe(ny.getTime())
  })
})
