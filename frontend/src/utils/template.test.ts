import { describe, expect, it } from 'vitest'
import type { IndicatorInput, TemplateInput } from '@/api/types'
import {
  canSaveTemplate,
  defaultGradeBands,
  dimensionMax,
  editableCopy,
  nextDimensionCode,
  nextIndicatorCode,
  templateProblems,
  templateTotal,
} from './template'

const ind = (code: string, max: number, extra: Partial<IndicatorInput> = {}): IndicatorInput => ({
  code,
  name: `指标${code}`,
  kind: 'score',
  max_score: max,
  ...extra,
})

function valid(): TemplateInput {
  return {
    name: '指标体系',
    grade_bands: defaultGradeBands(),
    dimensions: [
      { code: '1', name: '方案设计', indicators: [ind('1.1', 30), ind('1.2', 20.5), ind('1.3', 0, { kind: 'check', veto: true })] },
      { code: '2', name: '实施', indicators: [ind('2.1', 49.5)] },
    ],
  }
}

describe('templateTotal', () => {
  it('adds every indicator, half points exactly', () => {
    expect(templateTotal(valid().dimensions)).toBe(100)
    expect(dimensionMax(valid().dimensions[0])).toBe(50.5)
  })

  it('counts an invalid max_score as 0', () => {
    const t = valid()
    t.dimensions[1].indicators[0].max_score = 49.3
    expect(templateTotal(t.dimensions)).toBe(50.5)
  })
})

describe('templateProblems', () => {
  it('accepts a valid template', () => {
    expect(templateProblems(valid())).toEqual({})
    expect(canSaveTemplate(valid())).toBe(true)
  })

  it('refuses a total other than 100', () => {
    const t = valid()
    t.dimensions[1].indicators[0].max_score = 45
    expect(templateProblems(t)).toEqual({ dimensions: '各指标分值合计必须为 100 分，当前为 95.5 分' })
    expect(canSaveTemplate(t)).toBe(false)
  })

  it('refuses 100.5 as well as 99.5', () => {
    const t = valid()
    t.dimensions[1].indicators[0].max_score = 50
    expect(canSaveTemplate(t)).toBe(false)
    t.dimensions[1].indicators[0].max_score = 49
    expect(canSaveTemplate(t)).toBe(false)
  })

  it('keys problems by the server field paths', () => {
    const t = valid()
    t.name = ' '
    t.dimensions[0].indicators[1].code = '1.1'
    t.dimensions[0].indicators[0].max_score = 2.3
    t.dimensions[1].indicators[0].veto = true
    t.dimensions[1].name = ''
    expect(templateProblems(t)).toEqual({
      name: '请填写指标体系名称',
      'dimensions[0].indicators[0].max_score': '分值须为不小于 0 的 0.5 的整数倍',
      'dimensions[0].indicators[1].code': '指标编号重复：1.1',
      'dimensions[1].name': '请填写名称',
      'dimensions[1].indicators[0].veto': '只有清单项可以设为一票否决',
    })
  })

  it('allows max_score 0 only on a veto check item', () => {
    const t = valid()
    t.dimensions[0].indicators[2].veto = false
    expect(templateProblems(t)['dimensions[0].indicators[2].max_score']).toBe('分值须大于 0（仅一票否决项可为 0）')
  })

  it('wants at least one dimension and one indicator per dimension', () => {
    expect(templateProblems({ name: 'x', dimensions: [] }).dimensions).toBe('至少需要一个一级指标')
    const t = valid()
    t.dimensions.push({ code: '3', name: '空', indicators: [] })
    expect(templateProblems(t)['dimensions[2].indicators']).toBe('至少需要一个二级指标')
  })

  it('wants grade bands from high to low within 0–100', () => {
    const t = valid()
    t.grade_bands = [
      { grade: '优秀', min: 90 },
      { grade: '良好', min: 95 },
      { grade: '', min: 120 },
    ]
    expect(templateProblems(t)).toEqual({
      'grade_bands[1].min': '分数线须从高到低排列',
      'grade_bands[2].grade': '请填写等次名称',
      'grade_bands[2].min': '分数线须在 0 到 100 之间',
    })
  })

  it('refuses duplicate dimension codes', () => {
    const t = valid()
    t.dimensions[1].code = '1'
    expect(templateProblems(t)['dimensions[1].code']).toBe('一级指标编号重复：1')
  })
})

describe('code suggestions', () => {
  it('numbers the next indicator after the dimension code', () => {
    expect(nextIndicatorCode({ code: '2', indicators: [ind('2.1', 1), ind('2.2', 1)] })).toBe('2.3')
    expect(nextIndicatorCode({ code: '2', indicators: [ind('2.2', 1)] })).toBe('2.3')
  })

  it('numbers the next dimension after the largest numeric code', () => {
    expect(nextDimensionCode([{ code: '1' }, { code: '4' }, { code: 'A' }])).toBe('5')
    expect(nextDimensionCode([])).toBe('1')
  })
})

describe('editableCopy', () => {
  it('copies deeply and fills in grade bands', () => {
    const src = valid()
    src.grade_bands = []
    const copy = editableCopy(src, '新版本')
    copy.dimensions[0].indicators[0].max_score = 1
    expect(src.dimensions[0].indicators[0].max_score).toBe(30)
    expect(copy.name).toBe('新版本')
    expect(copy.grade_bands).toEqual(defaultGradeBands())
  })
})
