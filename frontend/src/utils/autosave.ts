// The autosave of a scoresheet draft: a save runs `delay` ms after the last
// change (or at once on flush, e.g. on blur or before submit), and never two
// at a time — each save must carry the version the previous one returned, or
// the server would answer 409 to our own second write.

/** Timer functions, injectable for tests. */
export interface Timers {
  set: (fn: () => void, ms: number) => unknown
  clear: (handle: unknown) => void
}

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

/** Debounced, serialised saving of a changing document. */
export class Autosaver {
  private timer: unknown = null
  private running: Promise<void> | null = null
  private dirty = false
  private stopped = false
  private readonly save: () => Promise<void>
  private readonly delay: number
  private readonly onError: (e: unknown) => void
  private readonly timers: Timers

  /**
   * `save` writes the current state (reading it when called); `onError`
   * receives the failures of saves started by the timer.
   */
  constructor(opts: { save: () => Promise<void>; delay?: number; onError?: (e: unknown) => void; timers?: Timers }) {
    this.save = opts.save
    this.delay = opts.delay ?? 2000
    this.onError = opts.onError ?? (() => {})
    this.timers = opts.timers ?? browserTimers
  }

  /** Whether there are changes not yet saved (or a save in flight). */
  get pending(): boolean {
    return this.dirty || this.running !== null
  }

  /** Whether there are changes that no save has picked up yet. */
  get hasChanges(): boolean {
    return this.dirty
  }

  /** Whether saving has been stopped (after a conflict). */
  get isStopped(): boolean {
    return this.stopped
  }

  /** Records a change and (re)starts the countdown to the next save. */
  changed(): void {
    if (this.stopped) return
    this.dirty = true
    this.cancelTimer()
    this.timer = this.timers.set(() => {
      this.timer = null
      this.flush().catch(this.onError)
    }, this.delay)
  }

  /** Saves now if anything changed, after any save in flight; rejects with the save's error. */
  async flush(): Promise<void> {
    this.cancelTimer()
    while (this.running) await this.running.catch(() => {})
    if (this.stopped || !this.dirty) return
    this.dirty = false
    this.running = this.save()
      .catch((e: unknown) => {
        if (!this.stopped) this.dirty = true
        throw e
      })
      .finally(() => {
        this.running = null
      })
    return this.running
  }

  /** Stops saving for good (a conflict: the user must reload). */
  stop(): void {
    this.stopped = true
    this.dirty = false
    this.cancelTimer()
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.timers.clear(this.timer)
      this.timer = null
    }
  }
}
