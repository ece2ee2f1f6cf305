import { describe, expect, it, vi } from 'vitest'
import { Autosaver } from './autosave'

/** A save whose completion the test controls. */
function controlledSave() {
  const calls: { resolve: () => void; reject: (e: unknown) => void }[] = []
  const save = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        calls.push({ resolve, reject })
      }),
  )
  return { save, calls }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('Autosaver', () => {
  it('saves once, delay ms after the last change', async () => {
    vi.useFakeTimers()
    const save = vi.fn(async () => {})
    const a = new Autosaver({ save, delay: 2000 })
    a.changed()
    vi.advanceTimersByTime(1500)
    a.changed()
    vi.advanceTimersByTime(1500)
    expect(save).not.toHaveBeenCalled()
    vi.advanceTimersByTime(500)
    expect(save).toHaveBeenCalledTimes(1)
    vi.useRealTimers()
  })

  it('flush saves at once and only when something changed', async () => {
    const save = vi.fn(async () => {})
    const a = new Autosaver({ save, delay: 2000 })
    await a.flush()
    expect(save).not.toHaveBeenCalled()
    a.changed()
    await a.flush()
    expect(save).toHaveBeenCalledTimes(1)
    expect(a.pending).toBe(false)
  })

  it('never runs two saves at once: a change during a save is saved after it', async () => {
    const { save, calls } = controlledSave()
    const a = new Autosaver({ save, delay: 2000 })
    a.changed()
    const first = a.flush()
    await tick()
    expect(save).toHaveBeenCalledTimes(1)
    a.changed()
    const second = a.flush()
    await tick()
    expect(save).toHaveBeenCalledTimes(1) // still waiting for the first
    calls[0].resolve()
    await first
    await tick()
    expect(save).toHaveBeenCalledTimes(2)
    calls[1].resolve()
    await second
    expect(a.pending).toBe(false)
  })

  it('two flushes during one save lead to one more save, not two', async () => {
    const { save, calls } = controlledSave()
    const a = new Autosaver({ save })
    a.changed()
    const p1 = a.flush()
    await tick()
    a.changed()
    const p2 = a.flush()
    const p3 = a.flush()
    calls[0].resolve()
    await tick()
    await tick()
    expect(save).toHaveBeenCalledTimes(2)
    calls[1].resolve()
    await Promise.all([p1, p2, p3])
    expect(save).toHaveBeenCalledTimes(2)
  })

  it('keeps the changes pending after a failed save, and retries on the next flush', async () => {
    let fail = true
    const save = vi.fn(async () => {
      if (fail) throw new Error('network')
    })
    const a = new Autosaver({ save })
    a.changed()
    await expect(a.flush()).rejects.toThrow('network')
    expect(a.hasChanges).toBe(true)
    fail = false
    await a.flush()
    expect(save).toHaveBeenCalledTimes(2)
    expect(a.hasChanges).toBe(false)
  })

  it('reports timer-started failures to onError', async () => {
    vi.useFakeTimers()
    const onError = vi.fn()
    const a = new Autosaver({ save: async () => Promise.reject(new Error('x')), delay: 10, onError })
    a.changed()
    await vi.advanceTimersByTimeAsync(10)
    expect(onError).toHaveBeenCalledTimes(1)
    vi.useRealTimers()
  })

  it('stops for good after stop(): no more saves, nothing pending', async () => {
    vi.useFakeTimers()
    const save = vi.fn(async () => {})
    const a = new Autosaver({ save, delay: 100 })
    a.changed()
    a.stop()
    vi.advanceTimersByTime(1000)
    a.changed()
    await a.flush()
    expect(save).not.toHaveBeenCalled()
    expect(a.isStopped).toBe(true)
    expect(a.pending).toBe(false)
    vi.useRealTimers()
  })

  it('a failure that stopped saving does not leave changes pending', async () => {
    const a: Autosaver = new Autosaver({
      save: async () => {
        a.stop()
        throw new Error('409')
      },
    })
    a.changed()
    await expect(a.flush()).rejects.toThrow('409')
    expect(a.hasChanges).toBe(false)
  })
})
