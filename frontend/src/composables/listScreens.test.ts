// The pieces every list screen is built from: the paged list's reset, the
// edit dialog's check, save and error mapping, and confirmed row actions.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/client'
import { confirmAction, useEditDialog } from './useEditDialog'
import { usePagedList } from './usePagedList'

const messages = vi.hoisted(() => ({ success: vi.fn(), error: vi.fn(), confirm: vi.fn() }))
vi.mock('element-plus', () => ({
  ElMessage: { success: messages.success, error: messages.error },
  ElMessageBox: { confirm: messages.confirm },
}))

afterEach(() => vi.clearAllMocks())

describe('usePagedList', () => {
  it('resets the filters to how they started and goes back to page 1', async () => {
    const fetch = vi.fn(async () => ({ items: [1, 2], total: 42 }))
    const list = usePagedList(fetch, { q: '', status: 'responded' as string | undefined })
    list.filters.q = '改革'
    list.filters.status = undefined
    list.page.value = 3
    await list.reset()
    expect(list.filters).toEqual({ q: '', status: 'responded' })
    expect(list.page.value).toBe(1)
    expect(fetch).toHaveBeenLastCalledWith({ q: '', status: 'responded', page: 1, per_page: 20 })
    expect(list.total.value).toBe(42)
  })
})

interface Row {
  id: number
  name: string
}

function dialog(submit: (f: { name: string }, editing: Row | null) => Promise<unknown>, saved = vi.fn()) {
  return {
    saved,
    d: useEditDialog({
      blank: () => ({ name: '' }),
      fromRow: (r: Row) => ({ name: r.name }),
      check: (f): Record<string, string> => (f.name.trim() ? {} : { name: '请填写名称' }),
      submit,
      saved,
      aliases: { title: 'name' },
    }),
  }
}

describe('useEditDialog', () => {
  it('opens empty for a new item and filled for a row', () => {
    const { d } = dialog(async () => undefined)
    d.openEdit({ id: 7, name: '财政局' })
    expect([d.open.value, d.editing.value?.id, d.form.name]).toEqual([true, 7, '财政局'])
    d.errors.value = { name: 'old' }
    d.openCreate()
    expect([d.open.value, d.editing.value, d.form.name, d.errors.value]).toEqual([true, null, '', {}])
  })

  it('does not send a form its check refuses', async () => {
    const submit = vi.fn(async () => undefined)
    const { d, saved } = dialog(submit)
    d.openCreate()
    await d.save()
    expect(submit).not.toHaveBeenCalled()
    expect(saved).not.toHaveBeenCalled()
    expect(d.errors.value).toEqual({ name: '请填写名称' })
    expect(d.open.value).toBe(true)
  })

  it('sends an edit with its row, closes and reloads', async () => {
    const submit = vi.fn(async () => undefined)
    const { d, saved } = dialog(submit)
    d.openEdit({ id: 7, name: '财政局' })
    d.form.name = '市财政局'
    await d.save()
    expect(submit).toHaveBeenCalledWith({ name: '市财政局' }, { id: 7, name: '财政局' })
    expect(messages.success).toHaveBeenCalledWith('已保存')
    expect(saved).toHaveBeenCalledOnce()
    expect([d.open.value, d.saving.value]).toEqual([false, false])
  })

  it('puts the server field errors next to the form fields and stays open', async () => {
    const { d, saved } = dialog(async () => {
      throw new ApiError(422, 'invalid', '名称已存在', { 'body.title': '名称已存在' })
    })
    d.openCreate()
    d.form.name = '财政局'
    await d.save()
    expect(d.errors.value).toEqual({ name: '名称已存在' })
    expect(messages.error).toHaveBeenCalled()
    expect(saved).not.toHaveBeenCalled()
    expect([d.open.value, d.saving.value]).toEqual([true, false])
  })
})

describe('confirmAction', () => {
  const action = (run: () => Promise<unknown>) => ({ title: '删除组织', message: '确定删除吗？', confirm: '删除', run, done: '已删除' })

  it('runs the action once confirmed and says so', async () => {
    messages.confirm.mockResolvedValueOnce('confirm')
    const run = vi.fn(async () => undefined)
    expect(await confirmAction(action(run))).toBe(true)
    expect(run).toHaveBeenCalledOnce()
    expect(messages.success).toHaveBeenCalledWith('已删除')
  })

  it('does nothing when cancelled', async () => {
    messages.confirm.mockRejectedValueOnce('cancel')
    const run = vi.fn(async () => undefined)
    expect(await confirmAction(action(run))).toBe(false)
    expect(run).not.toHaveBeenCalled()
  })

  it('reports a failed action', async () => {
    messages.confirm.mockResolvedValueOnce('confirm')
    expect(await confirmAction(action(async () => Promise.reject(new ApiError(409, 'conflict', '已有用户的组织不能删除'))))).toBe(false)
    expect(messages.error).toHaveBeenCalled()
    expect(messages.success).not.toHaveBeenCalled()
  })
})
