// The conclusions (评估结论) of a plan: their four sections, their states
// and the limits the server enforces, for the editor, the review screen and
// the read-only view.
import type { NarrativeSections, NarrativeStatus } from '@/api/types'
import type { Tagged } from './labels'

/** The longest section, in characters (runes, as the server counts them). */
export const MAX_SECTION = 5000

/** The sections in the order the report prints them, with their names and hints. */
export const narrativeSections: { key: keyof NarrativeSections; label: string; hint: string }[] = [
  { key: 'overall', label: '总体评价', hint: '对方案实施情况和目标达成程度的总体判断' },
  { key: 'achievements', label: '主要成效', hint: '取得的主要成效，尽量有数据支撑' },
  { key: 'problems', label: '存在问题', hint: '实施中存在的主要问题（可据记录的问题修改）' },
  { key: 'recommendations', label: '意见建议', hint: '对下一步工作的意见和建议' },
]

/** The states with their labels and tag colours. */
export const narrativeStatus: Record<NarrativeStatus, Tagged> = {
  empty: { label: '未撰写', type: 'info' },
  draft: { label: '草稿', type: 'warning' },
  submitted: { label: '待审定', type: 'primary' },
  returned: { label: '已退回', type: 'danger' },
  approved: { label: '已审定', type: 'success' },
}

/** The states in their order of progress, for lists by status. */
export const narrativeStatusOrder: NarrativeStatus[] = ['submitted', 'returned', 'draft', 'empty', 'approved']

/** Characters as the server counts them (code points, so 𠀀 is one). */
export function charCount(s: string): number {
  return Array.from(s).length
}

/** The sections left empty (blank), by key: the server refuses to submit them. */
export function emptySections(s: NarrativeSections): (keyof NarrativeSections)[] {
  return narrativeSections.filter((sec) => s[sec.key].trim() === '').map((sec) => sec.key)
}

/** The sections over the limit, by key. */
export function overLongSections(s: NarrativeSections): (keyof NarrativeSections)[] {
  return narrativeSections.filter((sec) => charCount(s[sec.key]) > MAX_SECTION).map((sec) => sec.key)
}

/** The section named by a server field path (`sections.overall`), or null. */
export function sectionOfField(field: string): keyof NarrativeSections | null {
  const key = field.startsWith('sections.') ? field.slice('sections.'.length) : ''
  return narrativeSections.some((s) => s.key === key) ? (key as keyof NarrativeSections) : null
}
