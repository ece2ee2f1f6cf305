// Batch actions of list screens: the existing per-item route called for each
// selected row in turn, after a confirmation that names the count, and one
// summary of what was done and what failed.
import { ref, type Ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '@/utils/errors'

/** The outcome of a batch: how many went through, and why the others failed. */
export interface BatchResult {
  done: number
  failures: { label: string; message: string }[]
}

/** Calls `act` on every item, one at a time, and collects the failures. */
export async function runBatch<T>(items: readonly T[], act: (item: T) => Promise<unknown>, label: (item: T) => string): Promise<BatchResult> {
  const out: BatchResult = { done: 0, failures: [] }
  for (const item of items) {
    try {
      await act(item)
      out.done++
    } catch (e) {
      out.failures.push({ label: label(item), message: errorMessage(e) })
    }
  }
  return out
}

/** "已通过 5 条，失败 1 条：CD-2017-001：…" — `verb` is what was done (已通过, 已删除). */
export function batchSummary(verb: string, r: BatchResult): string {
  const head = `${verb} ${r.done} 条`
  if (r.failures.length === 0) return head
  return `${head}，失败 ${r.failures.length} 条：${r.failures.map((f) => `${f.label}：${f.message}`).join('；')}`
}

/**
 * Asks to confirm a batch of `count` items (`question` says what will happen
 * to them), runs it and shows the summary. Returns null when cancelled.
 */
export async function confirmBatch<T>(
  opts: { title: string; question: string; verb: string; confirm: string; danger?: boolean },
  items: readonly T[],
  act: (item: T) => Promise<unknown>,
  label: (item: T) => string,
): Promise<BatchResult | null> {
  try {
    await ElMessageBox.confirm(opts.question, opts.title, {
      confirmButtonText: opts.confirm,
      cancelButtonText: '取消',
      type: 'warning',
      // A deletion's button is red, as confirmAction's `danger`.
      confirmButtonType: opts.danger ? 'danger' : 'primary',
    })
  } catch {
    return null
  }
  const r = await runBatch(items, act, label)
  const text = batchSummary(opts.verb, r)
  if (r.failures.length === 0) ElMessage.success(text)
  else ElMessage({ type: r.done ? 'warning' : 'error', message: text, duration: 8000, showClose: true })
  return r
}

/** A batch button's state: busy while a batch runs; `after` (a reload) follows a batch that ran. */
export function useBatch(after: () => Promise<void>): {
  busy: Ref<boolean>
  run: <T>(opts: Parameters<typeof confirmBatch>[0], items: readonly T[], act: (item: T) => Promise<unknown>, label: (item: T) => string) => Promise<void>
} {
  const busy = ref(false)
  async function run<T>(opts: Parameters<typeof confirmBatch>[0], items: readonly T[], act: (item: T) => Promise<unknown>, label: (item: T) => string) {
    busy.value = true
    try {
      if (await confirmBatch(opts, [...items], act, label)) await after()
    } finally {
      busy.value = false
    }
  }
  return { busy, run }
}
