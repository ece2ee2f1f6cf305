import { describe, expect, it } from 'vitest'
import { decideAccess } from './guard'

describe('decideAccess', () => {
  it('lets anyone open a public page', () => {
    expect(decideAccess({ public: true }, null, false)).toEqual({ kind: 'allow' })
  })
  it('sends a signed-out user to login', () => {
    expect(decideAccess({}, null, false)).toEqual({ kind: 'login' })
    expect(decideAccess({ roles: ['admin'] }, null, false)).toEqual({ kind: 'login' })
  })
  it('sends a user without the role home', () => {
    expect(decideAccess({ roles: ['admin'] }, 'evaluator', true)).toEqual({ kind: 'home' })
    expect(decideAccess({ roles: ['admin', 'viewer'] }, 'department', true)).toEqual({ kind: 'home' })
  })
  it('lets a user with the role in', () => {
    expect(decideAccess({ roles: ['admin', 'viewer'] }, 'viewer', true)).toEqual({ kind: 'allow' })
    expect(decideAccess({}, 'department', true)).toEqual({ kind: 'allow' })
  })
})
