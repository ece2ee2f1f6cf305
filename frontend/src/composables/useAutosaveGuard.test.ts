// The autosaved editors' shared guard: save status, the 409s, and leaving
// with changes (flushed first, 尚未保存 asked only when the flush fails).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import { useAutosaveGuard, useLeaveGuard } from './useAutosaveGuard'

const hooks = vi.hoisted(() => ({
  leave: [] as Array<() => Promise<boolean> | boolean>,
  confirm: vi.fn(),
  error: vi.fn(),
}))
vi.mock('vue-router', () => ({ onBeforeRouteLeave: (g: () => Promise<boolean>) => hooks.leave.push(g) }))
vi.mock('vue', async (original) => ({ ...(await original<typeof import('vue')>()), onMounted: vi.fn(), onBeforeUnmount: vi.fn() }))
vi.mock('element-plus', () => ({ ElMessage: { error: hooks.error }, ElMessageBox: { confirm: hooks.confirm } }))

afterEach(() => {
  hooks.leave.length = 0
  vi.clearAllMocks()
})

const leave = () => hooks.leave[hooks.leave.length - 1]()

describe('useAutosaveGuard', () => {
  it('saves the changes before leaving, without asking', async () => {
    const save = vi.fn(async () => {})
    const g = useAutosaveGuard({ save, delay: 60_000 })
    g.changed()
    expect(g.saveState.value).toBe('dirty')
    expect(await leave()).toBe(true)
    expect(save).toHaveBeenCalledTimes(1)
    expect(g.saveState.value).toBe('saved')
    expect(g.savedAt.value).toBeInstanceOf(Date)
    expect(hooks.confirm).not.toHaveBeenCalled()
  })

  it('asks 尚未保存 when the last save fails, and stays when the user says so', async () => {
    const onFailed = vi.fn()
    const g = useAutosaveGuard({ save: async () => Promise.reject(new ApiError(422, 'validation', '得分无效')), onFailed, delay: 60_000 })
    g.changed()
    hooks.confirm.mockRejectedValueOnce('cancel')
    expect(await leave()).toBe(false)
    expect(g.saveState.value).toBe('failed')
    expect(onFailed).toHaveBeenCalledWith(expect.any(ApiError))
    expect(hooks.confirm).toHaveBeenCalledWith(expect.stringContaining('离开将丢失这些修改'), '尚未保存', expect.anything())
    hooks.confirm.mockResolvedValueOnce('confirm')
    expect(await leave()).toBe(true)
  })

  it('stops on a stale version and asks to reload; leaving then needs no question', async () => {
    const g = useAutosaveGuard({ save: async () => Promise.reject(new ApiError(409, 'stale_version', '已被修改')), delay: 60_000 })
    g.changed()
    await expect(g.autosaver.flush()).rejects.toBeInstanceOf(ApiError)
    expect(g.saveState.value).toBe('stopped')
    expect(g.conflictOpen.value).toBe(true)
    expect(g.lockedReason.value).toBe('')
    expect(await leave()).toBe(true)
    expect(hooks.confirm).not.toHaveBeenCalled()
  })

  it('says why the form is locked on any other 409', async () => {
    const g = useAutosaveGuard({ save: async () => Promise.reject(new ApiError(409, 'round_closed', '评分已截止')), delay: 60_000 })
    g.changed()
    await g.autosaver.flush().catch(() => {})
    expect(g.conflictOpen.value).toBe(false)
    expect(g.lockedReason.value).toBe('评分已截止')
    g.reset()
    expect(g.lockedReason.value).toBe('')
    expect(g.saveState.value).toBe('idle')
  })
})

describe('useLeaveGuard', () => {
  it('asks only while the form is dirty', async () => {
    let dirty = false
    useLeaveGuard(() => dirty, '指标体系有未保存的修改')
    expect(await leave()).toBe(true)
    dirty = true
    hooks.confirm.mockRejectedValueOnce('cancel')
    expect(await leave()).toBe(false)
    expect(hooks.confirm).toHaveBeenCalledWith('指标体系有未保存的修改，离开将丢失这些修改。确定离开吗？', '尚未保存', expect.anything())
  })
})
