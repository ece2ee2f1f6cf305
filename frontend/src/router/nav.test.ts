import { describe, expect, it } from 'vitest'
import { START_LOCATION, createMemoryHistory, createRouter, type RouteLocationNormalized, type RouteRecordRaw } from 'vue-router'
import type { Role, User } from '@/api/types'
import { clearSession, setSession } from '@/stores/session'
import { navFor, navItems } from './nav'
import { routes } from './routes'

function flatten(list: RouteRecordRaw[]): RouteRecordRaw[] {
  return list.flatMap((r) => [r, ...flatten(r.children ?? [])])
}
const byName = new Map(flatten(routes).filter((r) => r.name).map((r) => [String(r.name), r]))
const roles: Role[] = ['admin', 'evaluator', 'department', 'viewer']

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

describe('menu', () => {
  it('names only existing routes', () => {
    for (const item of navItems) expect(byName.has(item.route), item.route).toBe(true)
  })

  it.each(roles)('shows %s only pages the role may open', (role) => {
    for (const item of navFor(role)) {
      const allowed = byName.get(item.route)?.meta?.roles
      expect(!allowed || allowed.includes(role), `${role} → ${item.route}`).toBe(true)
    }
  })

  it('gives every role a home and the notifications', () => {
    for (const role of roles) {
      const names = navFor(role).map((i) => i.route)
      expect(names).toContain('home')
      expect(names).toContain('notifications')
    }
  })

  it('gives each role its main work', () => {
    expect(navFor('evaluator').map((i) => i.title)).toContain('我的评估任务')
    expect(navFor('department').map((i) => i.title)).toContain('待整改问题')
    expect(navFor('viewer').map((i) => i.route)).toEqual(expect.arrayContaining(['results', 'rectification']))
    expect(navFor('viewer').map((i) => i.route)).not.toContain('rounds')
    expect(navFor(null)).toEqual([])
  })

  it('lists the surveys for the office to design and for viewers to read', () => {
    const admin = navFor('admin').map((i) => i.route)
    const viewer = navFor('viewer').map((i) => i.route)
    expect(admin).toContain('surveys')
    expect(admin).not.toContain('survey-list')
    expect(viewer).toContain('survey-list')
    expect(viewer).not.toContain('surveys')
    for (const role of ['evaluator', 'department'] as const) {
      expect(navFor(role).map((i) => i.title), role).not.toContain('群众满意度调查')
    }
  })

  it.each(roles)('gives %s each title once', (role) => {
    const titles = navFor(role).map((i) => i.title)
    expect(titles).toEqual([...new Set(titles)])
  })

  it.each(roles)('leads %s to its pages without a redirect', (role) => {
    setSession('token', user(role))
    try {
      const router = createRouter({ history: createMemoryHistory(), routes })
      for (const item of navFor(role)) {
        const to = router.resolve({ name: item.route })
        const record = byName.get(item.route)!
        expect(record.redirect, `${role} → ${item.route}`).toBeUndefined()
        for (const guard of [record.beforeEnter ?? []].flat()) {
          const outcome = guard.call(undefined, to as RouteLocationNormalized, START_LOCATION, () => {})
          expect(outcome, `${role} → ${item.route}`).toBe(true)
        }
      }
    } finally {
      clearSession()
    }
  })

  it('keeps detail pages behind the same roles as their list', () => {
    for (const r of flatten(routes)) {
      const menu = r.meta?.menu
      if (!menu) continue
      expect(r.meta?.roles, String(r.name)).toEqual(byName.get(menu)?.meta?.roles)
    }
  })
})
