// How a notification and a todo item read and where they lead. Both carry a
// `link`, a path of this app that the router resolves for the user's role
// (router/links.ts).
import type { Notification, TodoItem } from '@/api/types'
import { isAppLink } from '@/router/links'

/** Whether a notification has been read. */
export function isRead(n: Pick<Notification, 'read_at'>): boolean {
  return n.read_at !== null && n.read_at !== undefined
}

/** The path a notification or a todo item leads to, or null when it names none of this app. */
export function linkOf(item: Pick<TodoItem | Notification, 'link'>): string | null {
  return isAppLink(item.link) ? item.link : null
}

/** The window event that tells the bell to count again (after reading notifications elsewhere). */
export const NOTIFICATIONS_CHANGED = 'evald:notifications-changed'

/** Tells the bell that notifications were read. */
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED))
}
