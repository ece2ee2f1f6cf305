import { describe, expect, it } from 'vitest'
import { versionRows } from './reportVersions'

describe('versionRows', () => {
  const items = [
    { version: 1, reason: '', issued_at: '2026-05-10T01:00:00Z', current: false },
    { version: 3, reason: '数据更正', issued_at: '2026-06-02T16:30:00Z', current: true },
    { version: 2, reason: '方案名称更正', issued_at: '2026-05-20T02:00:00Z', current: false },
  ]

  it('lists the newest version first, the current one marked', () => {
    const rows = versionRows(items, 'FA-01', 'Asia/Shanghai')
    expect(rows.map((r) => r.label)).toEqual(['第3版', '第2版', '第1版'])
    expect(rows.map((r) => r.current)).toEqual([true, false, false])
  })

  it('shows the time in the given zone, across midnight', () => {
    const rows = versionRows(items, 'FA-01', 'Asia/Shanghai')
    expect(rows[0].issuedAt).toBe('2026-06-03 00:30:00')
    expect(rows[2].issuedAt).toBe('2026-05-10 09:00:00')
  })

  it('says the first version was issued first, and names superseded files so', () => {
    const rows = versionRows(items, 'FA-01', 'Asia/Shanghai')
    expect(rows[2].reason).toBe('首次出具')
    expect(rows[1].reason).toBe('方案名称更正')
    expect(rows[0].fileName).toBe('FA-01-评估报告-第3版.pdf')
    expect(rows[2].fileName).toBe('FA-01-评估报告-第1版（已被取代）.pdf')
  })

  it('does not reorder the list it is given', () => {
    const copy = [...items]
    versionRows(items, 'FA-01')
    expect(items).toEqual(copy)
  })
})
