// Showing a failed request to the user.
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/client'
import { errorMessage } from './errors'

/**
 * Shows an error as a message — except an expired session (401): the app
 * has already sent the user to the login page and said why, and a page
 * whose requests all fail would otherwise stack one message per request.
 */
export function notifyError(e: unknown): void {
  if (e instanceof ApiError && e.status === 401) return
  ElMessage.error(errorMessage(e))
}
