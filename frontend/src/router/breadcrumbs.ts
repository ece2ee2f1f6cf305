// The breadcrumb trail of the header: 工作台 › the menu entry › the page,
// built from the route table's titles (meta.title, and meta.menu for a detail
// page). A detail page may name its object (a plan's code, a survey's title)
// with setCrumbName; the name is dropped when the route changes.
import { ref } from 'vue'
import type { RouteLocationNormalizedLoaded, RouteLocationResolved, Router } from 'vue-router'

/** One step of the trail; `to` is absent on the last one (the page itself). */
export interface Crumb {
  title: string
  to?: string
}

/** The object a detail page shows, as it names it ('' while unknown). */
export const crumbName = ref('')

/** Names the object of the page shown (call with the loaded object's name). */
export function setCrumbName(name: string): void {
  crumbName.value = name
}

/** The trail of `route`: the home page, the menu entry of a detail page, the page. */
export function breadcrumbsFor(route: RouteLocationNormalizedLoaded | RouteLocationResolved, router: Router, objectName = ''): Crumb[] {
  const home = router.resolve({ name: 'home' })
  const out: Crumb[] = [{ title: String(home.meta.title ?? '工作台'), to: home.path }]
  if (route.name === 'home') return [{ title: out[0].title }]
  const menu = route.meta.menu
  if (menu && router.hasRoute(menu)) {
    const parent = router.resolve({ name: menu })
    if (parent.meta.title) out.push({ title: String(parent.meta.title), to: parent.path })
  }
  const title = route.meta.title ?? ''
  out.push({ title: objectName ? `${title}：${objectName}` : title })
  return out
}
