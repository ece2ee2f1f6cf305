// The app's router: history mode at `/` (the Go server answers index.html for
// every non-API path), with the login and role guard.
import { createRouter, createWebHistory, type Router } from 'vue-router'
import { me } from '@/api/client'
import { currentRole, session, setUser } from '@/stores/session'
import { decideAccess } from './guard'
import { routes } from './routes'

const APP_NAME = '专项改革方案第三方评估平台'

/** Builds the router (one per app). */
export function makeRouter(): Router {
  const router = createRouter({
    history: createWebHistory('/'),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })

  let userChecked = false
  router.beforeEach(async (to) => {
    // A stored token may be stale: ask the server once per page load who we
    // are (a 401 there clears the session and comes back here as signed out).
    if (session.token && !userChecked && !to.meta.public) {
      userChecked = true
      try {
        setUser(await me())
      } catch {
        // 401 is handled by the client's hook; other errors keep the stored user
      }
    }
    const access = decideAccess(to.meta, currentRole.value, session.token !== null)
    if (access.kind === 'login') return { name: 'login', query: { redirect: to.fullPath } }
    if (access.kind === 'home') return { name: 'home' }
    if (to.name === 'login' && session.token) return { name: 'home' }
    return true
  })
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${APP_NAME}` : APP_NAME
  })
  return router
}
