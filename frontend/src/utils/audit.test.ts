import { describe, expect, it } from 'vitest'
import { actionLabel, diffFields, entityLabel } from './audit'

describe('audit labels', () => {
  it('names actions and object types in Chinese, unknown ones as themselves', () => {
    expect(actionLabel('round.published')).toBe('发布结果')
    expect(entityLabel('self_assessment')).toBe('部门自评')
    expect(actionLabel('x.y')).toBe('x.y')
  })
})

describe('diffFields', () => {
  it('lists only the fields that changed, in words, enums in Chinese', () => {
    const before = JSON.stringify({ id: 3, name: '2026年第一轮', status: 'draft', scoring_due: '2026-04-30', updated_at: '2026-01-01T00:00:00Z' })
    const after = JSON.stringify({ id: 3, name: '2026年第一轮', status: 'open', scoring_due: '2026-05-31', updated_at: '2026-02-01T00:00:00Z' })
    expect(diffFields('round', before, after)).toEqual([
      { path: 'status', label: '状态', before: '草稿', after: '评估中' },
      { path: 'scoring_due', label: '评分截止', before: '2026-04-30', after: '2026-05-31' },
    ])
  })
  it('shows a creation as every field of after, nested paths named', () => {
    const d = diffFields('template', '', { name: '指标', dimensions: [{ code: '1', name: '制度建设' }], veto: false })
    expect(d).toContainEqual({ path: 'dimensions[0].name', label: 'dimensions[0].名称', before: '—', after: '制度建设' })
    expect(d).toContainEqual({ path: 'veto', label: 'veto', before: '—', after: '否' })
    expect(d).toHaveLength(4)
  })
  it('shows a deletion as every field of before', () => {
    expect(diffFields('finding', { severity: 'major' }, null)).toEqual([{ path: 'severity', label: '严重程度', before: '较重', after: '—' }])
  })
})
