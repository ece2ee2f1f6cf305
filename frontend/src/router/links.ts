// The server names pages of this app in todo items and notifications (and in
// the e-mail copies of notifications): /tasks/{id}, /findings/{id},
// /findings?round_id=, /rounds/{id}, /verify?round_id=. Some of these mean a
// different page for each role; these functions say which, so that the
// routes of those paths can redirect (routes.ts) and a link is never a dead end.
// The app's own /surveys, the viewers' survey list, is one too.
import type { LocationQuery, LocationQueryRaw, RouteLocationNormalized, RouteLocationRaw } from 'vue-router'
import type { Role } from '@/api/types'

/** What these functions read of the route being opened. */
export type LinkRoute = Pick<RouteLocationNormalized, 'params' | 'query' | 'fullPath'>

/** Signed out: log in first, then come back to the link (which resolves by role then). */
function loginFirst(to: LinkRoute): RouteLocationRaw {
  return { name: 'login', query: { redirect: to.fullPath } }
}

/** A positive integer id from a route param or query value, else null. */
export function idParam(raw: unknown): number | null {
  const v = Array.isArray(raw) ? raw[0] : raw
  if (typeof v !== 'string' && typeof v !== 'number') return null
  const n = Number(v)
  return Number.isInteger(n) && n > 0 ? n : null
}

/** A text filter from a query value (?q=, ?grade=), trimmed; '' when absent or repeated. */
export function textParam(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : ''
}

/** The query with only a round filter, as `key` (when the URL carries `round_id`). */
function roundQuery(query: LocationQuery, key: string): LocationQueryRaw {
  const id = idParam(query.round_id)
  return id === null ? {} : { [key]: String(id) }
}

/** `/findings?round_id=`: the findings list each role works in. */
export function findingsTarget(role: Role | null, to: LinkRoute): RouteLocationRaw {
  const query = to.query
  switch (role) {
    case 'admin':
      return { name: 'admin-findings', query: roundQuery(query, 'round_id') }
    case 'evaluator':
      return { name: 'verify', query: roundQuery(query, 'round_id') }
    case 'department':
      return { name: 'rectify', query: roundQuery(query, 'round_id') }
    case 'viewer':
      return { name: 'rectification', query: roundQuery(query, 'round') }
    default:
      return loginFirst(to)
  }
}

/** `/rounds/{id}`: the admin's round page; for the others, their view of that round. */
export function roundTarget(role: Role | null, to: LinkRoute): RouteLocationRaw {
  const id = idParam(to.params.id)
  if (role === null) return loginFirst(to)
  if (id === null) return { name: 'home' }
  switch (role) {
    case 'admin': {
      // The office's todo of conclusions awaiting approval opens the round on its tab.
      const tab = typeof to.query.tab === 'string' ? { query: { tab: to.query.tab } } : {}
      return { name: 'round', params: { id: String(id) }, ...tab }
    }
    case 'viewer':
      return { name: 'results', query: { round: String(id) } }
    case 'evaluator':
      return { name: 'tasks', query: { round_id: String(id) } }
    case 'department':
      return { name: 'rectify', query: { round_id: String(id) } }
  }
}

/**
 * `/verify?round_id=`: the evaluator's verification page; an admin's todo
 * item uses the same path for the responses awaiting a verdict, which the
 * admin verifies in the findings page. null: stay on the page.
 */
export function verifyTarget(role: Role | null, to: LinkRoute): RouteLocationRaw | null {
  if (role === 'admin') return { name: 'admin-findings', query: { ...roundQuery(to.query, 'round_id'), status: 'responded' } }
  return null
}

/** `/findings/{id}`: a department answers it in the response form; the others see the finding page. null: stay. */
export function findingTarget(role: Role | null, to: LinkRoute): RouteLocationRaw | null {
  const id = idParam(to.params.id)
  if (role === 'department' && id !== null) return { name: 'response', params: { id: String(id) } }
  return null
}

/**
 * `/surveys`: the survey list a viewer reads; the office, which designs
 * surveys, reads them in its own list. null: stay on the page.
 */
export function surveyListTarget(role: Role | null): RouteLocationRaw | null {
  return role === 'admin' ? { name: 'surveys' } : null
}

/** Whether a link from the server is a path of this app (not another site). */
export function isAppLink(link: string | null | undefined): link is string {
  return !!link && link.startsWith('/') && !link.startsWith('//')
}
