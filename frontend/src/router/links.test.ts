import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Role, User } from '@/api/types'
import { clearSession, setSession } from '@/stores/session'
import { findingTarget, findingsTarget, idParam, isAppLink, textParam, roundTarget, surveyListTarget, verifyTarget, type LinkRoute } from './links'
import { routes } from './routes'

const roles: Role[] = ['admin', 'evaluator', 'department', 'viewer']

/** Every kind of path the server writes into todo items and notifications (evaluation/todo.go, reminders.go, rectification.go, request_notify.go, self_assessment_notify.go). */
const serverLinks = ['/', '/tasks', '/tasks/111', '/findings/2', '/findings?round_id=1', '/rounds/2', '/verify?round_id=1', '/requests/3',
  '/tasks/111/narrative', '/rounds/2/narratives/3', '/rounds/2?tab=narratives', '/self-assessments/3']

function user(role: Role): User {
  return {
    id: 1,
    username: role,
    display_name: role,
    role,
    org_id: null,
    email: '',
    disabled: false,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
  }
}

const at = (fullPath: string, params: Record<string, string> = {}): LinkRoute => {
  const url = new URL(fullPath, 'http://app')
  return { fullPath, params, query: Object.fromEntries(url.searchParams) }
}

afterEach(clearSession)

describe('server links', () => {
  it.each(roles)('all lead to a page of the app for %s', (role) => {
    setSession('token', user(role))
    const router = createRouter({ history: createMemoryHistory(), routes })
    for (const link of serverLinks) {
      const resolved = router.resolve(link)
      expect(resolved.name, `${role} ${link}`).not.toBe('not-found')
      expect(resolved.matched.length, `${role} ${link}`).toBeGreaterThan(0)
    }
  })

  it('sends each role to its own findings list, keeping the round', () => {
    const to = at('/findings?round_id=3')
    expect(findingsTarget('admin', to)).toEqual({ name: 'admin-findings', query: { round_id: '3' } })
    expect(findingsTarget('evaluator', to)).toEqual({ name: 'verify', query: { round_id: '3' } })
    expect(findingsTarget('department', to)).toEqual({ name: 'rectify', query: { round_id: '3' } })
    expect(findingsTarget('viewer', to)).toEqual({ name: 'rectification', query: { round: '3' } })
    expect(findingsTarget('admin', at('/findings?round_id=x'))).toEqual({ name: 'admin-findings', query: {} })
  })

  it('sends a signed-out user to login first, coming back to the link', () => {
    expect(findingsTarget(null, at('/findings?round_id=3'))).toEqual({ name: 'login', query: { redirect: '/findings?round_id=3' } })
    expect(roundTarget(null, at('/rounds/2', { id: '2' }))).toEqual({ name: 'login', query: { redirect: '/rounds/2' } })
  })

  it('opens a round as each role sees it', () => {
    const to = at('/rounds/2', { id: '2' })
    expect(roundTarget('admin', to)).toEqual({ name: 'round', params: { id: '2' } })
    expect(roundTarget('admin', at('/rounds/2?tab=narratives', { id: '2' }))).toEqual({
      name: 'round',
      params: { id: '2' },
      query: { tab: 'narratives' },
    })
    expect(roundTarget('viewer', to)).toEqual({ name: 'results', query: { round: '2' } })
    expect(roundTarget('evaluator', to)).toEqual({ name: 'tasks', query: { round_id: '2' } })
    expect(roundTarget('department', to)).toEqual({ name: 'rectify', query: { round_id: '2' } })
  })

  it("sends an admin's verify link to the responses awaiting a verdict", () => {
    expect(verifyTarget('admin', at('/verify?round_id=1'))).toEqual({
      name: 'admin-findings',
      query: { round_id: '1', status: 'responded' },
    })
    expect(verifyTarget('evaluator', at('/verify?round_id=1'))).toBeNull()
  })

  it('sends a department to its response form for a finding', () => {
    expect(findingTarget('department', at('/findings/9', { id: '9' }))).toEqual({ name: 'response', params: { id: '9' } })
    for (const role of ['admin', 'evaluator', 'viewer'] as const) expect(findingTarget(role, at('/findings/9', { id: '9' }))).toBeNull()
  })
})

describe('survey list', () => {
  it("sends the office to its own survey list and lets the others read the viewers' one", () => {
    expect(surveyListTarget('admin')).toEqual({ name: 'surveys' })
    for (const role of ['evaluator', 'department', 'viewer'] as const) expect(surveyListTarget(role), role).toBeNull()
  })
})

describe('helpers', () => {
  it.each([
    ['3', 3],
    [3, 3],
    [['4'], 4],
    ['0', null],
    ['-2', null],
    ['1.5', null],
    ['x', null],
    [undefined, null],
  ])('idParam(%j) = %s', (raw, want) => {
    expect(idParam(raw)).toBe(want)
  })
  it.each([
    [' 良好 ', '良好'],
    ['', ''],
    [undefined, ''],
    [null, ''],
    [['良好', '优秀'], ''],
  ])('textParam(%j) = %j', (raw, want) => {
    expect(textParam(raw)).toBe(want)
  })
  it('tells app links from others', () => {
    expect(isAppLink('/findings/1')).toBe(true)
    expect(isAppLink('//evil.example')).toBe(false)
    expect(isAppLink('https://evil.example')).toBe(false)
    expect(isAppLink('')).toBe(false)
    expect(isAppLink(null)).toBe(false)
  })
})
