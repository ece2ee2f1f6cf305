// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { defineComponent, h, ref, watch } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter, RouterView, useRoute } from 'vue-router'
import { breadcrumbsFor, crumbName, useCrumbName } from './breadcrumbs'
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

describe('useCrumbName', () => {
  // A detail page naming its object, and the layout that drops the name on every path change (AppLayout).
  const name = ref<string | null>(null)
  const Detail = defineComponent({
    setup() {
      useCrumbName(() => name.value)
      return () => h('p', 'detail')
    },
  })
  const Layout = defineComponent({
    setup() {
      const route = useRoute()
      watch(
        () => route.path,
        () => (crumbName.value = ''),
      )
      return () => h(RouterView)
    },
  })

  it('names the object once loaded, keeps it when the same page moves to the saved object, drops it on leaving', async () => {
    const r = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/rounds/:id', component: Detail },
        { path: '/rounds', component: { render: () => h('p', 'list') } },
      ],
    })
    await r.push('/rounds/1')
    mount(Layout, { global: { plugins: [r] } })
    await flushPromises()
    expect(crumbName.value).toBe('')

    name.value = '2026年第一轮'
    await flushPromises()
    expect(crumbName.value).toBe('2026年第一轮')

    name.value = '2026年第一轮（改）'
    await flushPromises()
    expect(crumbName.value).toBe('2026年第一轮（改）')

    // The editor saves a new object and replaces its path: the layout clears, the page names it again.
    await r.replace('/rounds/2')
    await flushPromises()
    expect(crumbName.value).toBe('2026年第一轮（改）')

    await r.push('/rounds')
    await flushPromises()
    expect(crumbName.value).toBe('')
  })
})
