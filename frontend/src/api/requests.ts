// Requests for more material (补充材料, API.md "Second stage"): evaluators
// ask on an assignment, the plan's department answers with text and files.
// Kept beside client.ts, on its `request`, so that this feature's calls are in
// one place.
import { API_BASE, ApiError, errorFromResponse, request } from './client'
import type { components, operations } from './schema'
import type { Attachment, Page } from './types'
import { session } from '@/stores/session'

/** A request as its reader may see it (departments: never who asked). */
export type MaterialRequest = components['schemas']['MaterialRequest']
export type RequestStatus = components['schemas']['RequestStatus']
/** `GET /requests` filters. */
export type RequestQuery = NonNullable<operations['listRequests']['parameters']['query']>

/** The longest question and answer the server takes, in characters. */
export const MAX_QUESTION = 2000
export const MAX_ANSWER = 10000

export const listRequests = (q: RequestQuery = {}) => request<Page<MaterialRequest>>('GET', '/requests', { query: q })
export const getRequest = (id: number) => request<MaterialRequest>('GET', `/requests/${id}`)
export const askForMaterial = (assignmentId: number, question: string) =>
  request<MaterialRequest>('POST', `/assignments/${assignmentId}/requests`, { body: { question } })
export const answerRequest = (id: number, answer: string) =>
  request<MaterialRequest>('POST', `/requests/${id}/answer`, { body: { answer } })

/**
 * POST /requests/{id}/attachments (multipart `file`) with upload progress
 * (0–100). XMLHttpRequest because fetch reports no upload progress.
 */
export function uploadRequestFile(
  requestId: number,
  file: File,
  onProgress?: (percent: number) => void,
): { promise: Promise<Attachment>; abort: () => void } {
  const xhr = new XMLHttpRequest()
  const promise = new Promise<Attachment>((resolve, reject) => {
    xhr.open('POST', `${API_BASE}/requests/${requestId}/attachments`)
    xhr.setRequestHeader('Accept', 'application/json')
    if (session.token) xhr.setRequestHeader('Authorization', `Bearer ${session.token}`)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'))
    xhr.onabort = () => reject(new ApiError(0, 'aborted', '上传已取消'))
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(JSON.parse(xhr.responseText) as Attachment)
        return
      }
      void errorFromResponse(new Response(xhr.responseText || null, { status: xhr.status })).then(reject)
    }
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
  return { promise, abort: () => xhr.abort() }
}
