// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Indicator } from '@/api/types'
import IndicatorRow from './IndicatorRow.vue'

const scoreItem: Indicator = { code: '1.1', name: '目标明确性', kind: 'score', max_score: 6, veto: false, guidance: '目标具体、可衡量的得满分。' }
const vetoItem: Indicator = { code: '1.4', name: '履行法定程序', kind: 'check', max_score: 0, veto: true, guidance: '' }

describe('IndicatorRow', () => {
  it('shows the indicator with its points, kind and guidance', () => {
    const w = mount(IndicatorRow, { props: { indicator: scoreItem, readonly: false, value: null } })
    expect(w.text()).toContain('1.1')
    expect(w.text()).toContain('目标明确性')
    expect(w.text()).toContain('评分项')
    expect(w.text()).toContain('分值 6 分')
    expect(w.text()).toContain('评分标准：目标具体、可衡量的得满分。')
    expect(w.find('label[for="ind-1_1"]').text()).toBe('得分')
  })

  it('says next to the field what is wrong with a value', () => {
    const w = mount(IndicatorRow, { props: { indicator: scoreItem, readonly: false, value: 3.3 } })
    expect(w.find('#ind-1_1-err').text()).toBe('得分须为 0.5 的整数倍')
    expect(w.find('[data-indicator="1.1"]').classes()).toContain('invalid')
  })

  it('keeps an out-of-range value as typed and refuses it beside the field', async () => {
    const w = mount(IndicatorRow, { props: { indicator: scoreItem, readonly: false, value: null } })
    const input = w.find('input')
    await input.setValue('25')
    expect(w.emitted('update:value')?.at(-1)).toEqual([25])
    expect((input.element as HTMLInputElement).value).toBe('25')
    await w.setProps({ value: 25 })
    expect(w.find('#ind-1_1-err').text()).toBe('得分不能超过分值 6')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toContain('ind-1_1-err')
  })

  it('steps by half points with the arrow keys, within the range', async () => {
    const w = mount(IndicatorRow, { props: { indicator: scoreItem, readonly: false, value: 5.5 } })
    const input = w.find('input')
    await input.trigger('keydown', { key: 'ArrowUp' })
    expect(w.emitted('update:value')?.at(-1)).toEqual([6])
    await w.setProps({ value: 6 })
    await input.trigger('keydown', { key: 'ArrowUp' })
    expect(w.emitted('update:value')?.at(-1)).toEqual([6])
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(w.emitted('update:value')?.at(-1)).toEqual([5.5])
  })

  it('shows a server error when the value itself looks fine', () => {
    const w = mount(IndicatorRow, { props: { indicator: scoreItem, readonly: false, value: 5, serverError: '该指标须填写评分说明' } })
    expect(w.find('#ind-1_1-err').text()).toBe('该指标须填写评分说明')
  })

  it('answers a checklist item with 是/否 and marks a veto item', async () => {
    const w = mount(IndicatorRow, { props: { indicator: vetoItem, readonly: false, value: null } })
    expect(w.text()).toContain('一票否决')
    expect(w.text()).toContain('清单项')
    const no = w.findAll('input[type="radio"]').find((i) => (i.element as HTMLInputElement).value === 'no')
    expect(no).toBeTruthy()
    await no!.setValue(true)
    expect(w.emitted('update:value')?.at(-1)).toEqual([false])
    expect(w.emitted('changed')).toBeTruthy()
    await w.setProps({ value: false })
    expect(w.text()).toContain('选择“否”将使方案评为不合格')
  })
})
