import { describe, expect, it } from 'vitest'
import type { FindingView } from '@/api/types'
import { findingMatches } from './findings'

const finding = {
  description: '配套文件《绩效目标管理办法》未印发。',
  plan: { id: 1, code: 'CD-2017-001', title: '以绩效为导向的财政预算管理改革方案' },
} as Pick<FindingView, 'description' | 'plan'>

describe('findingMatches', () => {
  it.each([
    ['', true],
    ['  ', true],
    ['绩效目标管理办法', true],
    ['cd-2017', true],
    ['财政预算', true],
    [' 未印发 ', true],
    ['联席会议', false],
    ['CD-2018', false],
  ])('%j → %s', (q, want) => {
    expect(findingMatches(finding, q)).toBe(want)
  })
})
