import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  buildQuery,
  configureClient,
  filenameFromDisposition,
  importErrors,
  importPlans,
  listFindings,
  login,
  reportPaths,
  saveScoresheet,
  submitResponse,
  updateTemplate,
} from './client'

type Call = { url: string; init: RequestInit }
let calls: Call[] = []
let next: () => Response
const onUnauthorized = vi.fn()

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

beforeEach(() => {
  calls = []
  onUnauthorized.mockReset()
  configureClient({ getToken: () => 'tok-123', onUnauthorized })
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    return next()
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('requests', () => {
  it('sends the bearer token and the filters as a query, leaving empty ones out', async () => {
    next = () => json(200, { items: [], total: 0 })
    await listFindings({ round_id: 3, status: undefined, overdue: true, page: 2, per_page: 50 })
    expect(calls[0].url).toBe('/api/v1/findings?round_id=3&overdue=true&page=2&per_page=50')
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok-123')
    expect(calls[0].init.method).toBe('GET')
  })

  it('sends JSON bodies with the version of a scoresheet', async () => {
    next = () => json(200, { version: 5, status: 'draft', comment: '', scores: [] })
    const sheet = await saveScoresheet(7, { version: 4, comment: '好', scores: [{ indicator_code: '1.1', value: 5.5 }] })
    expect(sheet.version).toBe(5)
    expect(calls[0].url).toBe('/api/v1/assignments/7/scoresheet')
    expect(calls[0].init.method).toBe('PUT')
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ version: 4, comment: '好', scores: [{ indicator_code: '1.1', value: 5.5 }] })
  })

  it('submits a response with the version it is based on, or with an empty body', async () => {
    next = () => json(200, { id: 4, status: 'responded' })
    await submitResponse(4, 3)
    expect(calls[0].url).toBe('/api/v1/findings/4/response/submit')
    expect(calls[0].init.method).toBe('POST')
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ version: 3 })
    await submitResponse(4)
    expect(JSON.parse(calls[1].init.body as string)).toEqual({})
  })

  it('updates a template with PUT and returns what the server made of it', async () => {
    next = () => json(201, { id: 8, version: 2, parent_id: 5 })
    const t = await updateTemplate(5, { name: 'x', dimensions: [] })
    expect(calls[0].url).toBe('/api/v1/templates/5')
    expect(calls[0].init.method).toBe('PUT')
    expect(t).toMatchObject({ id: 8, parent_id: 5 })
  })

  it('builds report paths under /api/v1', () => {
    expect(reportPaths.evaluation(1, 2)).toBe('/api/v1/rounds/1/plans/2/evaluation-report.pdf')
    expect(reportPaths.summaryXlsx(1)).toBe('/api/v1/rounds/1/summary.xlsx')
  })
})

describe('errors', () => {
  it('turns the error shape into an ApiError with fields', async () => {
    next = () => json(422, { error: { code: 'invalid', message: '提交的数据有误', fields: { 'scores[0].value': '超过分值' } } })
    const err = await saveScoresheet(1, { version: 1, comment: '', scores: [] }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 422, code: 'invalid', message: '提交的数据有误', fields: { 'scores[0].value': '超过分值' } })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('gives a Chinese message when the body is not JSON', async () => {
    next = () => new Response('<html>bad gateway</html>', { status: 502 })
    await expect(listFindings()).rejects.toMatchObject({ status: 502, message: '服务器出错（502），请稍后重试' })
  })

  it('reports a 409 stale version with its code', async () => {
    next = () => json(409, { error: { code: 'stale_version', message: '数据已被他人修改，请刷新后重试' } })
    await expect(saveScoresheet(1, { version: 1, comment: '', scores: [] })).rejects.toMatchObject({ status: 409, code: 'stale_version' })
  })

  it('calls the session hook on 401', async () => {
    next = () => json(401, { error: { code: 'unauthorized', message: '登录已过期' } })
    await expect(listFindings()).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('does not treat wrong credentials at login as an expired session', async () => {
    next = () => json(401, { error: { code: 'unauthorized', message: '用户名或密码错误' } })
    await expect(login({ username: 'a', password: 'b' })).rejects.toMatchObject({ status: 401 })
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('reports an unreachable server as status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(listFindings()).rejects.toMatchObject({ status: 0, code: 'network' })
  })
})

describe('plan import', () => {
  const file = new File(['code,title\n'], 'plans.csv', { type: 'text/csv' })

  it('returns the counts of a good file', async () => {
    next = () => json(200, { created: 3, updated: 1, errors: [] })
    expect(await importPlans(file)).toEqual({ created: 3, updated: 1, errors: [], refused: false })
    expect(calls[0].init.body).toBeInstanceOf(FormData)
    expect((calls[0].init.body as FormData).get('file')).toBeInstanceOf(File)
  })

  it('returns the row errors of a refused file (422)', async () => {
    next = () => json(422, { created: 0, updated: 0, errors: [{ row: 3, message: '牵头单位不存在' }] })
    expect(await importPlans(file)).toEqual({ created: 0, updated: 0, errors: [{ row: 3, message: '牵头单位不存在' }], refused: true })
  })

  it('throws other failures', async () => {
    next = () => json(403, { error: { code: 'forbidden', message: '无权限' } })
    await expect(importPlans(file)).rejects.toMatchObject({ status: 403 })
  })

  it('finds row errors wherever the server put them', () => {
    expect(importErrors({ error: { code: 'x', message: 'y', errors: [{ row: 2, message: 'a' }] } })).toEqual([{ row: 2, message: 'a' }])
    expect(importErrors({ error: { code: 'x', message: 'y', fields: { 'row 4': 'b', 'rows[2]': 'c', name: 'd' } } })).toEqual([
      { row: 2, message: 'c' },
      { row: 4, message: 'b' },
    ])
    expect(importErrors(null)).toEqual([])
  })
})

describe('helpers', () => {
  it('buildQuery', () => {
    expect(buildQuery({ a: 1, b: '', c: null, d: undefined, e: false })).toBe('?a=1&e=false')
    expect(buildQuery({})).toBe('')
    expect(buildQuery({ q: '财政 改革' })).toBe('?q=%E8%B4%A2%E6%94%BF+%E6%94%B9%E9%9D%A9')
  })

  it.each([
    [`attachment; filename*=UTF-8''%E8%AF%84%E4%BC%B0%E6%8A%A5%E5%91%8A.pdf`, '评估报告.pdf'],
    [`attachment; filename="report.pdf"; filename*=UTF-8''%E6%95%B4%E6%94%B9.pdf`, '整改.pdf'],
    [`attachment; filename="summary.xlsx"`, 'summary.xlsx'],
    [`attachment; filename=plain.zip`, 'plain.zip'],
    [`inline`, 'fallback.pdf'],
    [null, 'fallback.pdf'],
  ])('filename of %s', (header, want) => {
    expect(filenameFromDisposition(header, 'fallback.pdf')).toBe(want)
  })
})
