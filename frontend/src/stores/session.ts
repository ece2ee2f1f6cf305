// The signed-in user and their token. The token is kept in localStorage so a
// reload keeps the session; the server decides when it expires (any 401).
import { computed, reactive } from 'vue'
import type { Role, User } from '@/api/types'

const TOKEN_KEY = 'evald.token'
const USER_KEY = 'evald.user'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

function readUser(): User | null {
  const raw = storage()?.getItem(USER_KEY)
  if (!raw) return null
  try {
    return JSON.parse(raw) as User
  } catch {
    return null
  }
}

const state = reactive<{ token: string | null; user: User | null }>({
  token: storage()?.getItem(TOKEN_KEY) ?? null,
  user: readUser(),
})

/** The current session (read-only outside this module). */
export const session = {
  get token(): string | null {
    return state.token
  },
  get user(): User | null {
    return state.user
  },
}

/** Whether someone is signed in (a token is held). */
export const loggedIn = computed(() => state.token !== null)

/** The signed-in user's role, or null. */
export const currentRole = computed<Role | null>(() => state.user?.role ?? null)

/** Starts a session after login. */
export function setSession(token: string, user: User): void {
  state.token = token
  state.user = user
  storage()?.setItem(TOKEN_KEY, token)
  storage()?.setItem(USER_KEY, JSON.stringify(user))
}

/** Replaces the stored user (e.g. from GET /me). */
export function setUser(user: User): void {
  state.user = user
  storage()?.setItem(USER_KEY, JSON.stringify(user))
}

/** Ends the session locally (logout, or the server said 401). */
export function clearSession(): void {
  state.token = null
  state.user = null
  storage()?.removeItem(TOKEN_KEY)
  storage()?.removeItem(USER_KEY)
}
