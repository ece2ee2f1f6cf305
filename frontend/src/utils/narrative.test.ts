import { describe, expect, it } from 'vitest'
import { charCount, emptySections, overLongSections, sectionOfField } from './narrative'

describe('narrative sections', () => {
  const s = { overall: '总体较好', achievements: ' ', problems: '𠀀'.repeat(5001), recommendations: '' }
  it('counts characters as code points', () => {
    expect(charCount('𠀀a中')).toBe(3)
  })
  it('names empty and over-long sections', () => {
    expect(emptySections(s)).toEqual(['achievements', 'recommendations'])
    expect(overLongSections(s)).toEqual(['problems'])
  })
  it('reads the server field paths', () => {
    expect(sectionOfField('sections.problems')).toBe('problems')
    expect(sectionOfField('sections.x')).toBeNull()
    expect(sectionOfField('comment')).toBeNull()
  })
})
