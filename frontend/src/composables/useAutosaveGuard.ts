// Leaving an editor with unsaved changes. The autosaved editors (scoresheet,
// self-assessment, conclusions) share useAutosaveGuard: the save status, a
// 409 that stops autosave (a stale version asks to reload; any other says why
// the form is locked), and on leaving a flush, then 尚未保存 when it fails.
// Editors saved by a button use useLeaveGuard, and dialogs confirmDiscard.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { ElMessage, ElMessageBox } from 'element-plus'
import { ApiError } from '@/api/client'
import { Autosaver } from '@/utils/autosave'
import { formatTime } from '@/utils/dates'
import { errorMessage } from '@/utils/errors'

/**
 * Asks before dropping unsaved changes; true when the user chose to leave.
 * `what` says what would be lost (e.g. 问卷有未保存的修改).
 */
export async function confirmDiscard(what = '有修改尚未保存', leave = '离开'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(`${what}，${leave}将丢失这些修改。确定${leave}吗？`, '尚未保存', {
      confirmButtonText: `放弃修改并${leave}`,
      confirmButtonType: 'danger',
      cancelButtonText: leave === '离开' ? '留在本页' : '继续编辑',
      type: 'warning',
    })
    return true
  } catch {
    return false
  }
}

/**
 * The closing of a dialog whose form may hold unsaved changes, for its
 * before-close (which passes `done`) and its 取消 button: asks first while
 * `dirty()`, then closes.
 */
export function guardedClose(dirty: () => boolean, close: () => void): (done?: () => void) => Promise<void> {
  return async (done) => {
    if (dirty() && !(await confirmDiscard('表单有未保存的修改', '关闭'))) return
    if (done) done()
    else close()
  }
}

/**
 * Guards a page whose form is saved by a button: the browser asks before a
 * reload or closing the tab, and leaving through the app asks first, while
 * `dirty()` is true.
 */
export function useLeaveGuard(dirty: () => boolean, what?: string): void {
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault()
  }
  onBeforeRouteLeave(async () => (dirty() ? confirmDiscard(what) : true))
  onMounted(() => window.addEventListener('beforeunload', beforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', beforeUnload))
}

/** Where an autosaved form stands. */
export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed' | 'stopped'

/** The save status line of an autosaved form (the form adds what is its own, e.g. 已提交). */
export function saveStateText(state: SaveState, savedAt: Date | null, version: number): string {
  switch (state) {
    case 'saving':
      return '正在保存…'
    case 'dirty':
      return '有未保存的修改'
    case 'saved':
      return savedAt ? `已自动保存 ${formatTime(savedAt)}` : '已保存'
    case 'failed':
      return '保存失败，修改后将重试'
    case 'stopped':
      return '已停止自动保存'
    default:
      return version > 0 ? '草稿已保存' : '尚未保存'
  }
}

/** What an autosaved form gives useAutosaveGuard. */
export interface AutosaveOptions {
  /** Writes the form as it is now (with the version it is based on). */
  save: () => Promise<void>
  /** Milliseconds after the last change (default 2000). */
  delay?: number
  /** Whether a 409 is a stale version (default: code stale_version); any other 409 locks the form with its message. */
  isStale?: (e: ApiError) => boolean
  /** A failed save other than a 409 (e.g. a 422 mapped onto the fields). */
  onFailed?: (e: unknown) => void
  /** Whether a failure of a timed save is already shown on the form (no message then); 409 and 422 always are. */
  shown?: (e: unknown) => boolean
}

/** The state and actions of an autosaved form. */
export interface AutosaveGuard {
  saveState: Ref<SaveState>
  savedAt: Ref<Date | null>
  /** A stale version: the dialog asking to reload is open. */
  conflictOpen: Ref<boolean>
  /** Why the server refuses changes now (a 409 other than a stale version), or ''. */
  lockedReason: Ref<string>
  autosaver: Autosaver
  /** Records a change (the form is not read-only). */
  changed: () => void
  /** Saves now, showing failures on the form only. */
  flushQuietly: () => void
  /** After (re)loading the form from the server. */
  reset: () => void
  /** Reloads the page, so that a fresh autosaver starts from the server's version. */
  reloadPage: () => void
}

/**
 * Autosaves a form and guards leaving it: a save `delay` ms after the last
 * change, its status, a 409 that stops saving, and before leaving the page a
 * flush — then, when that fails, 尚未保存 asks whether to leave anyway.
 */
export function useAutosaveGuard(opts: AutosaveOptions): AutosaveGuard {
  const saveState = ref<SaveState>('idle')
  const savedAt = ref<Date | null>(null)
  const conflictOpen = ref(false)
  const lockedReason = ref('')
  const isStale = opts.isStale ?? ((e: ApiError) => e.code === 'stale_version')

  async function saveNow(): Promise<void> {
    saveState.value = 'saving'
    try {
      await opts.save()
      savedAt.value = new Date()
      saveState.value = autosaver.hasChanges ? 'dirty' : 'saved'
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        autosaver.stop()
        saveState.value = 'stopped'
        if (isStale(e)) conflictOpen.value = true
        else lockedReason.value = e.message
      } else {
        saveState.value = 'failed'
        opts.onFailed?.(e)
      }
      throw e
    }
  }

  const autosaver = new Autosaver({
    save: saveNow,
    delay: opts.delay ?? 2000,
    onError: (e) => {
      if (e instanceof ApiError && (e.status === 409 || e.status === 422)) return
      if (opts.shown?.(e)) return
      ElMessage.error(`自动保存失败：${errorMessage(e)}`)
    },
  })

  function beforeUnload(e: BeforeUnloadEvent): void {
    if (autosaver.pending && !autosaver.isStopped) {
      void autosaver.flush().catch(() => {})
      e.preventDefault()
    }
  }

  onBeforeRouteLeave(async () => {
    if (!autosaver.pending || autosaver.isStopped) return true
    try {
      await autosaver.flush()
      return true
    } catch {
      return confirmDiscard('有修改尚未保存成功')
    }
  })
  onMounted(() => window.addEventListener('beforeunload', beforeUnload))
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', beforeUnload)
    autosaver.stop()
  })

  return {
    saveState,
    savedAt,
    conflictOpen,
    lockedReason,
    autosaver,
    changed: () => {
      saveState.value = 'dirty'
      autosaver.changed()
    },
    flushQuietly: () => void autosaver.flush().catch(() => {}),
    reset: () => {
      lockedReason.value = ''
      saveState.value = 'idle'
    },
    reloadPage: () => {
      conflictOpen.value = false
      window.location.reload()
    },
  }
}
