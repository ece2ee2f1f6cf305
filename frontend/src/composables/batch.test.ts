import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { batchSummary, runBatch } from './batch'

describe('runBatch', () => {
  it('goes on after a failure and names it', async () => {
    const seen: number[] = []
    const r = await runBatch(
      [1, 2, 3, 4, 5, 6],
      async (n) => {
        seen.push(n)
        if (n === 4) throw new ApiError(409, 'conflict', '该问题的整改回复已被核验', {})
      },
      (n) => `#${n}`,
    )
    expect(seen).toEqual([1, 2, 3, 4, 5, 6])
    expect(r.done).toBe(5)
    expect(batchSummary('已通过', r)).toBe('已通过 5 条，失败 1 条：#4：该问题的整改回复已被核验')
  })
  it('says only the count when all went through', () => {
    expect(batchSummary('已删除', { done: 3, failures: [] })).toBe('已删除 3 条')
  })
})
