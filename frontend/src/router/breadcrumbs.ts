// The breadcrumb trail of the header: 工作台 › the menu entry › the page,
// built from the route table's titles (meta.title, and meta.menu for a detail
// page). A detail page names its object (a round's name, a plan's code) with
// useCrumbName; the name is dropped when the route changes.
import { ref, watch } from 'vue'
import { useRoute } from 'vue-router'
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

/**
 * Names the page's object in the last crumb for as long as the page is shown:
 * `name` is read again when it changes (the object loaded, renamed, another
 * one opened) and after the path changes (a new object saved moves to its own
 * path, and the layout drops the name on every path change; this runs after it).
 */
export function useCrumbName(name: () => string | null | undefined): void {
  const route = useRoute()
  watch([name, () => route.path], ([n]) => setCrumbName(n ?? ''), { immediate: true, flush: 'post' })
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
