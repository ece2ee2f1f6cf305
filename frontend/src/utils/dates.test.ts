import { describe, expect, it } from 'vitest'
import { daysBetween, dueLabel, formatDateTime, isOverdue, sortByUrgency, todayISO } from './dates'

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

describe('formatting', () => {
  it('todayISO pads month and day', () => {
    expect(todayISO(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05')
  })

  it('formatDateTime prints local date and time', () => {
    expect(formatDateTime(new Date(2024, 10, 3, 9, 4, 7))).toBe('2024-11-03 09:04:07')
    expect(formatDateTime(null)).toBe('—')
    expect(formatDateTime('not a date')).toBe('not a date')
  })
})
