// Who may open which page: the pure decision behind the router guard.
import type { Role } from '@/api/types'

/** What a route declares in its meta. */
export interface AccessMeta {
  /** Reachable without login (the login page). */
  public?: boolean
  /** Roles that may open the page; any signed-in user when absent. */
  roles?: readonly Role[]
}

/** The outcome of a navigation: go on, log in first, or go to one's home page. */
export type Access = { kind: 'allow' } | { kind: 'login' } | { kind: 'home' }

/** Decides whether a user (null when signed out) may open a page. */
export function decideAccess(meta: AccessMeta, role: Role | null, hasToken: boolean): Access {
  if (meta.public) return { kind: 'allow' }
  if (!hasToken) return { kind: 'login' }
  if (meta.roles && (role === null || !meta.roles.includes(role))) return { kind: 'home' }
  return { kind: 'allow' }
}
