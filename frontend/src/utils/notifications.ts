// How a notification and a todo item read and where they lead. API.md does
// not fix their fields, so these read whichever of the likely ones are set.
import type { Notification, Role, TodoItem } from '@/api/types'
import type { RouteLocationRaw } from 'vue-router'

/** The text of a notification. */
export function notificationText(n: Notification): string {
  return n.title || n.message || n.body || '（无内容）'
}

/** Whether a notification has been read. */
export function isRead(n: Notification): boolean {
  return n.read === true || !!n.read_at
}

/**
 * Where a todo item leads, by the ids it carries and the user's role: an
 * assignment to its scoresheet, a finding to the response form (department)
 * or to the verification list (evaluator, admin); else its `link`.
 */
export function todoTarget(item: TodoItem, role: Role | null): RouteLocationRaw | null {
  if (item.link && item.link.startsWith('/')) return item.link
  if (item.assignment_id != null) {
    if (role === 'evaluator') return { name: 'scoresheet', params: { id: item.assignment_id } }
    if (role === 'admin' && item.round_id != null)
      return { name: 'round', params: { id: item.round_id }, query: { tab: 'assignments' } }
  }
  if (item.finding_id != null) {
    if (role === 'department') return { name: 'response', params: { id: item.finding_id } }
    if (role === 'evaluator') return { name: 'verify', query: { finding: item.finding_id } }
    if (role === 'admin') return { name: 'admin-findings', query: { finding: item.finding_id } }
  }
  if (role === 'admin' && item.round_id != null) return { name: 'round', params: { id: item.round_id } }
  return null
}
