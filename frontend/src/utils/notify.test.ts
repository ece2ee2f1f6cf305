import { describe, expect, it, vi } from 'vitest'
import { ElMessage } from 'element-plus'
import { ApiError } from '@/api/client'
import { notifyError } from './notify'

vi.mock('element-plus', () => ({ ElMessage: { error: vi.fn() } }))

describe('notifyError', () => {
  it('shows the message of a failed request', () => {
    notifyError(new ApiError(409, 'wrong_state', '轮次状态不对'))
    expect(ElMessage.error).toHaveBeenLastCalledWith('轮次状态不对')
  })
  it('stays quiet about an expired session, which the login page explains', () => {
    vi.mocked(ElMessage.error).mockClear()
    notifyError(new ApiError(401, 'unauthenticated', '未登录或登录已过期，请重新登录'))
    expect(ElMessage.error).not.toHaveBeenCalled()
  })
})
