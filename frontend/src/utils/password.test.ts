import { describe, expect, it } from 'vitest'
import { passwordProblem } from './password'

describe('passwordProblem', () => {
  it('follows the server: 10 characters, 72 bytes, not the username', () => {
    expect(passwordProblem('short-pw1', 'eval1')).toContain('至少 10 个字符')
    expect(passwordProblem('评估平台密码八九十一', 'eval1')).toBe('') // 10 characters, 30 bytes
    expect(passwordProblem('长'.repeat(24), 'eval1')).toBe('') // 72 bytes
    expect(passwordProblem('长'.repeat(25), 'eval1')).toContain('72 个字节')
    expect(passwordProblem('Zhang.Wei01', 'zhang.wei01')).toContain('用户名')
    expect(passwordProblem('a-sound-password', 'eval1')).toBe('')
  })
})
