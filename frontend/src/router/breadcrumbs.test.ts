import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { breadcrumbsFor } from './breadcrumbs'
import { routes } from './routes'

const router = createRouter({ history: createMemoryHistory(), routes })

describe('breadcrumbsFor', () => {
  it('is the page alone at home', () => {
    expect(breadcrumbsFor(router.resolve('/'), router)).toEqual([{ title: '工作台' }])
  })
  it('goes home › page for a menu page', () => {
    expect(breadcrumbsFor(router.resolve('/admin/audit'), router)).toEqual([{ title: '工作台', to: '/' }, { title: '审计日志' }])
  })
  it('goes home › menu entry › page with the object name for a detail page', () => {
    expect(breadcrumbsFor(router.resolve('/admin/rounds/3'), router, '2026年第一轮')).toEqual([
      { title: '工作台', to: '/' },
      { title: '评估轮次', to: '/admin/rounds' },
      { title: '轮次详情：2026年第一轮' },
    ])
  })
  it('has a title for every page of the app', () => {
    const walk = (rs: typeof routes): string[] =>
      rs.flatMap((r) => [...(r.component && r.name && !r.redirect ? [String(r.name)] : []), ...walk(r.children ?? [])])
    for (const name of walk(routes)) {
      const r = router.getRoutes().find((x) => x.name === name)
      expect(r?.meta.title, String(name)).toBeTruthy()
      if (r?.meta.menu) expect(router.hasRoute(r.meta.menu), `${String(name)} → ${r.meta.menu}`).toBe(true)
    }
  })
})
