import { describe, expect, it } from 'vitest'
import type { AssignmentSummary, Conflict, Round } from '@/api/types'
import { averageDimensions, dimensionMaxima } from './chart'
import { conflictFor, summarizeAssignments } from './conflicts'
import { isJobDone, isJobFailed, jobPercent, jobStatusLabel } from './jobs'
import { isRead, linkOf } from './notifications'
import { safeRedirect } from './redirect'
import { defaultRound, latestPublished, scorecardYears } from './rounds'

describe('safeRedirect', () => {
  it.each([
    ['/tasks/3', '/tasks/3'],
    ['/results?round=2', '/results?round=2'],
    ['https://evil.example', null],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['/login?redirect=/x', null],
    ['/login', null],
    ['/loginx', '/loginx'],
    [undefined, null],
    [['/a'], null],
  ])('%s → %s', (raw, want) => {
    expect(safeRedirect(raw)).toBe(want)
  })
})

describe('conflictFor', () => {
  const conflicts: Conflict[] = [
    { id: 1, agency_id: 10, department_id: 100, plan_id: null, reason: '承担起草', created_at: '2024-01-01T00:00:00Z' },
    { id: 2, agency_id: 11, department_id: null, plan_id: 7, reason: '参与论证', created_at: '2024-01-01T00:00:00Z' },
  ]
  it('finds a conflict by the plan lead department', () => {
    expect(conflictFor(conflicts, 10, { id: 5, lead_department_id: 100 })?.id).toBe(1)
  })
  it('finds a conflict by the plan', () => {
    expect(conflictFor(conflicts, 11, { id: 7, lead_department_id: 999 })?.id).toBe(2)
  })
  it('finds none for another agency, plan or department', () => {
    expect(conflictFor(conflicts, 11, { id: 5, lead_department_id: 100 })).toBeNull()
    expect(conflictFor(conflicts, 10, { id: 7, lead_department_id: 101 })).toBeNull()
    expect(conflictFor(conflicts, null, { id: 7 })).toBeNull()
  })
})

describe('summarizeAssignments', () => {
  const a = (plan: number, evaluator: string, agency: string): AssignmentSummary => ({
    id: 0,
    round_id: 1,
    round_name: '第一轮',
    round_status: 'open',
    plan: { id: plan, code: `P${plan}`, title: `方案${plan}` },
    evaluator_id: evaluator.charCodeAt(0),
    evaluator_name: evaluator,
    agency_id: agency.charCodeAt(0),
    agency_name: agency,
    lead: false,
    status: 'assigned',
    reopened: false,
    scoring_due: '2024-01-01',
    submitted_at: null,
  })
  it('counts plans, and assignments per agency and evaluator', () => {
    const list = [a(1, '张', '川大'), a(1, '李', '电子科大'), a(2, '张', '川大'), a(2, '王', '西华'), a(3, '李', '电子科大')]
    const s = summarizeAssignments(list)
    expect(s.plans).toBe(3)
    expect(s.assignments).toBe(5)
    expect(s.byAgency).toEqual([
      { key: '川大', count: 2 },
      { key: '电子科大', count: 2 },
      { key: '西华', count: 1 },
    ])
    expect(s.byEvaluator).toEqual(expect.arrayContaining([{ key: '张', count: 2 }, { key: '王', count: 1 }]))
    expect(s.byEvaluator.map((r) => r.count)).toEqual([2, 2, 1])
  })
  it('keeps two evaluators of the same name apart', () => {
    const other = { ...a(2, '张', '西华'), evaluator_id: 99 }
    const s = summarizeAssignments([a(1, '张', '川大'), other])
    expect(s.byEvaluator).toEqual([
      { key: '张', count: 1 },
      { key: '张', count: 1 },
    ])
  })
})

describe('charts', () => {
  it('averages dimensions over plans', () => {
    expect(
      averageDimensions([
        { dimensions: [{ code: '1', name: '设计', score: 10, self_score: null }] },
        { dimensions: [{ code: '1', name: '设计', score: 13.33, self_score: null }] },
      ]),
    ).toEqual([{ code: '1', name: '设计', score: 11.67, self_score: null }])
  })
  it('derives dimension maxima from a template', () => {
    expect(dimensionMaxima({ dimensions: [{ code: '1', indicators: [{ max_score: 6 }, { max_score: 4.5 }] }] })).toEqual({ '1': 10.5 })
    expect(dimensionMaxima(null)).toBeUndefined()
  })
})

describe('jobs', () => {
  it('reports progress, 100 only when done', () => {
    expect(jobPercent({ status: 'running', done: 3, total: 10 })).toBe(30)
    expect(jobPercent({ status: 'running', done: 10, total: 10 })).toBe(99)
    expect(jobPercent({ status: 'done', done: 10, total: 10 })).toBe(100)
    expect(jobPercent({ status: 'queued', done: 0, total: 0 })).toBe(0)
    expect(jobPercent(null)).toBe(0)
  })
  it('reads states', () => {
    expect(isJobDone({ status: 'done' })).toBe(true)
    expect(isJobFailed({ status: 'failed' })).toBe(true)
    expect(jobStatusLabel({ status: 'running' })).toBe('生成中')
    expect(jobStatusLabel({ status: 'queued' })).toBe('排队中')
  })
})

describe('defaultRound', () => {
  const r = (id: number, starts_on: string, status: Round['status']): Round => ({
    id,
    name: `R${id}`,
    min_raters: 1,
    template_id: 1,
    starts_on,
    scoring_due: starts_on,
    min_plan_age_days: 183,
    outlier_threshold: 15,
    response_days: { critical: 30, major: 60, minor: 90 },
    require_narrative: false,
    status,
    published_on: null,
    self_assessment_due: null,
    created_at: '2024-01-01T00:00:00Z',
    updated_at: '2024-01-01T00:00:00Z',
  })
  const rounds = [r(1, '2023-01-01', 'archived'), r(2, '2024-01-01', 'published'), r(3, '2025-01-01', 'open')]
  it('takes the round from the URL when it exists', () => {
    expect(defaultRound(rounds, 1)?.id).toBe(1)
    expect(defaultRound(rounds, 99)?.id).toBe(2)
  })
  it('prefers the newest published round, else the newest', () => {
    expect(defaultRound(rounds)?.id).toBe(2)
    expect(defaultRound([rounds[0], rounds[2]])?.id).toBe(3)
    expect(defaultRound([])).toBeNull()
  })
})

describe('notifications', () => {
  it('follows only links of this app', () => {
    expect(linkOf({ link: '/tasks/1' })).toBe('/tasks/1')
    expect(linkOf({ link: '/verify?round_id=2' })).toBe('/verify?round_id=2')
    expect(linkOf({ link: 'https://x.example/' })).toBeNull()
    expect(linkOf({ link: '//x.example/' })).toBeNull()
    expect(linkOf({ link: '' })).toBeNull()
  })
  it('reads read_at', () => {
    expect(isRead({ read_at: null })).toBe(false)
    expect(isRead({ read_at: '2026-05-10T09:00:00+08:00' })).toBe(true)
  })
})

describe('scorecardYears', () => {
  it('opens on the latest year with a published round and offers this year too', () => {
    const r = (published_on: string | null) => ({ published_on })
    expect(scorecardYears([r('2025-06-30'), r(null), r('2024-12-01')], '2026-12-02')).toEqual({ years: [2026, 2025, 2024], initial: 2025 })
    expect(scorecardYears([r(null)], '2026-12-02')).toEqual({ years: [2026], initial: 2026 })
  })
})

describe('latestPublished', () => {
  it('takes the round published last, archived ones included, never an unpublished one', () => {
    const r = (id: number, status: Round['status'], published_on: string | null) => ({ id, status, published_on })
    expect(latestPublished([r(1, 'archived', '2025-06-01'), r(2, 'published', '2026-06-01'), r(3, 'open', null)])?.id).toBe(2)
    expect(latestPublished([r(3, 'open', null)])).toBeNull()
  })
})
