import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/types'
import { navFor, navItems } from './nav'
import { routes } from './routes'

function flatten(list: RouteRecordRaw[]): RouteRecordRaw[] {
  return list.flatMap((r) => [r, ...flatten(r.children ?? [])])
}
const byName = new Map(flatten(routes).filter((r) => r.name).map((r) => [String(r.name), r]))
const roles: Role[] = ['admin', 'evaluator', 'department', 'viewer']

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

  it('keeps detail pages behind the same roles as their list', () => {
    for (const r of flatten(routes)) {
      const menu = r.meta?.menu
      if (!menu) continue
      expect(r.meta?.roles, String(r.name)).toEqual(byName.get(menu)?.meta?.roles)
    }
  })
})
