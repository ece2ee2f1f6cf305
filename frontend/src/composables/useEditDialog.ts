// The create/edit dialog of a list screen: which row is being edited, the
// form, its field errors, the save with its success message and the
// server's field errors mapped onto the form, and confirmed actions on a row.
import { computed, reactive, ref, type ComputedRef, type Reactive, type Ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { fieldErrors, formFieldErrors } from '@/utils/errors'
import { notifyError } from '@/utils/notify'

/** What a dialog needs to know about its form. */
export interface EditDialogOptions<T, F extends object> {
  /** The form of a new item. */
  blank: () => F
  /** The form of an existing item. */
  fromRow?: (row: T) => F
  /** Field errors found before sending (empty: send). */
  check?: (form: F, editing: T | null) => Record<string, string>
  /** Sends the form: a create when editing is null, else an update. */
  submit: (form: F, editing: T | null) => Promise<unknown>
  /** Runs after a successful save (the dialog is closed by then), e.g. reloading the list. */
  saved?: () => unknown
  /** Message after a successful save. */
  message?: string
  /** Server field names that stand for another form field (formFieldErrors). */
  aliases?: Record<string, string>
}

/** State and actions of one edit dialog. */
export interface EditDialog<T, F extends object> {
  open: Ref<boolean>
  editing: Ref<T | null>
  form: Reactive<F>
  errors: Ref<Record<string, string>>
  saving: Ref<boolean>
  /** Whether the open form differs from what it was opened with (closing asks first). */
  dirty: ComputedRef<boolean>
  openCreate: () => void
  openEdit: (row: T) => void
  save: () => Promise<void>
}

/** Keeps a create/edit dialog: open it for a new item or a row, check, save, report. */
export function useEditDialog<T, F extends object>(opts: EditDialogOptions<T, F>): EditDialog<T, F> {
  const open = ref(false)
  const editing = ref<T | null>(null) as Ref<T | null>
  const form = reactive(opts.blank())
  const errors = ref<Record<string, string>>({})
  const saving = ref(false)
  const opened = ref('')
  const dirty = computed(() => open.value && JSON.stringify(form) !== opened.value)

  function show(row: T | null, values: F): void {
    editing.value = row
    Object.assign(form, values)
    opened.value = JSON.stringify(form)
    errors.value = {}
    open.value = true
  }

  async function save(): Promise<void> {
    const values = form as F
    const e = opts.check?.(values, editing.value) ?? {}
    errors.value = e
    if (Object.keys(e).length) return
    saving.value = true
    try {
      await opts.submit(values, editing.value)
      ElMessage.success(opts.message ?? '已保存')
      open.value = false
      await opts.saved?.()
    } catch (err) {
      errors.value = formFieldErrors(fieldErrors(err), opts.aliases)
      notifyError(err)
    } finally {
      saving.value = false
    }
  }

  return {
    open,
    editing,
    form,
    errors,
    saving,
    dirty,
    openCreate: () => show(null, opts.blank()),
    openEdit: (row: T) => show(row, opts.fromRow ? opts.fromRow(row) : opts.blank()),
    save,
  }
}

/** What confirmAction asks and does. */
export interface ConfirmedAction {
  title: string
  message: string
  /** The label of the confirming button: the action's own verb (the other button says 取消). */
  confirm: string
  /** Whether the action destroys or undoes something: the confirming button is red. */
  danger?: boolean
  run: () => Promise<unknown>
  /** Message after it is done. */
  done: string
}

/**
 * Asks before an action on a row (a delete, disabling an account), runs it
 * and reports; true when it was done, so that the caller reloads.
 */
export async function confirmAction(a: ConfirmedAction): Promise<boolean> {
  try {
    await ElMessageBox.confirm(a.message, a.title, {
      type: 'warning',
      confirmButtonText: a.confirm,
      confirmButtonType: a.danger ? 'danger' : 'primary',
      cancelButtonText: '取消',
    })
  } catch {
    return false
  }
  try {
    await a.run()
    ElMessage.success(a.done)
    return true
  } catch (err) {
    notifyError(err)
    return false
  }
}
