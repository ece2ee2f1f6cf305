import { describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { errorMessage, fieldErrors, formFieldErrors, scoreFieldErrors } from './errors'

describe('scoreFieldErrors', () => {
  const codes = new Set(['1.1', '1.2', '2.1'])
  const sent = ['1.1', '2.1']

  it('maps scores[i].value to the indicator sent at position i', () => {
    expect(scoreFieldErrors({ 'scores[1].value': '超过分值' }, sent, codes)).toEqual({
      byCode: { '2.1': '超过分值' },
      other: {},
    })
  })

  it('maps scores[i] and scores[i].comment too', () => {
    const got = scoreFieldErrors({ 'scores[0]': 'x', 'scores[1].comment': 'y' }, sent, codes)
    expect(got.byCode).toEqual({ '1.1': 'x', '2.1': 'y' })
  })

  it('takes indicator codes as they are', () => {
    expect(scoreFieldErrors({ '1.2': '未评分' }, sent, codes).byCode).toEqual({ '1.2': '未评分' })
  })

  it('understands scores.<code>.value', () => {
    expect(scoreFieldErrors({ 'scores.1.2.value': '未评分' }, sent, codes).byCode).toEqual({ '1.2': '未评分' })
  })

  it('keeps other fields apart, including positions beyond what was sent', () => {
    expect(scoreFieldErrors({ comment: '过长', 'scores[5].value': '?', version: '过期' }, sent, codes)).toEqual({
      byCode: {},
      other: { comment: '过长', 'scores[5].value': '?', version: '过期' },
    })
  })

  it('strips a body. prefix', () => {
    expect(scoreFieldErrors({ 'body.scores[0].value': 'x' }, sent, codes).byCode).toEqual({ '1.1': 'x' })
  })
})

describe('formFieldErrors', () => {
  it('renames aliased fields and keeps the rest', () => {
    expect(formFieldErrors({ lead_department: '不存在', 'body.code': '重复', title: '必填' }, { lead_department: 'lead_department_id' })).toEqual({
      lead_department_id: '不存在',
      code: '重复',
      title: '必填',
    })
  })
})

describe('errorMessage and fieldErrors', () => {
  it('shows the server message of an ApiError', () => {
    const e = new ApiError(422, 'invalid', '提交的数据有误', { name: '必填' })
    expect(errorMessage(e)).toBe('提交的数据有误')
    expect(fieldErrors(e)).toEqual({ name: '必填' })
  })

  it('falls back for other errors', () => {
    expect(errorMessage(new Error('boom'))).toBe('操作失败：boom')
    expect(errorMessage('x')).toBe('操作失败，请稍后重试')
    expect(fieldErrors(new Error('x'))).toEqual({})
  })
})
