import { describe, expect, it } from 'vitest'
import { MAX_EVIDENCE_BYTES, checkEvidenceFile, checkImportFile, extensionOf, formatSize, sniff } from './files'

const bytes = (...b: number[]) => new Uint8Array(b)
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37)
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46)
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0)
const EXE = bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0)

describe('sniff', () => {
  it('recognises the accepted formats by their first bytes', () => {
    expect(sniff(PDF)).toBe('pdf')
    expect(sniff(PNG)).toBe('png')
    expect(sniff(JPEG)).toBe('jpeg')
    expect(sniff(ZIP)).toBe('zip')
    expect(sniff(EXE)).toBeNull()
    expect(sniff(bytes())).toBeNull()
  })
})

describe('checkEvidenceFile', () => {
  it('accepts the allowed types whose content matches', () => {
    expect(checkEvidenceFile({ name: '整改报告.PDF', size: 1000 }, PDF)).toBeNull()
    expect(checkEvidenceFile({ name: '现场.jpeg', size: 1000 }, JPEG)).toBeNull()
    expect(checkEvidenceFile({ name: '现场.jpg', size: 1000 }, JPEG)).toBeNull()
    expect(checkEvidenceFile({ name: '截图.png', size: 1000 }, PNG)).toBeNull()
    expect(checkEvidenceFile({ name: '台账.xlsx', size: 1000 }, ZIP)).toBeNull()
    expect(checkEvidenceFile({ name: '说明.docx', size: 1000 }, ZIP)).toBeNull()
  })

  it('accepts exactly 20 MB and refuses one byte more', () => {
    expect(checkEvidenceFile({ name: 'a.pdf', size: MAX_EVIDENCE_BYTES }, PDF)).toBeNull()
    expect(checkEvidenceFile({ name: 'a.pdf', size: MAX_EVIDENCE_BYTES + 1 }, PDF)).toContain('超过 20 MB')
  })

  it('refuses other types and empty files', () => {
    expect(checkEvidenceFile({ name: 'a.exe', size: 10 }, EXE)).toContain('格式不支持')
    expect(checkEvidenceFile({ name: 'a.doc', size: 10 })).toContain('格式不支持')
    expect(checkEvidenceFile({ name: 'noext', size: 10 })).toContain('格式不支持')
    expect(checkEvidenceFile({ name: 'a.pdf', size: 0 })).toContain('空文件')
  })

  it('refuses a file whose content does not match its name', () => {
    expect(checkEvidenceFile({ name: 'fake.pdf', size: 10 }, EXE)).toContain('内容与扩展名不符')
    expect(checkEvidenceFile({ name: 'fake.png', size: 10 }, JPEG)).toContain('内容与扩展名不符')
    expect(checkEvidenceFile({ name: 'fake.docx', size: 10 }, PDF)).toContain('内容与扩展名不符')
  })
})

describe('checkImportFile', () => {
  it('takes .xlsx and .csv only', () => {
    expect(checkImportFile({ name: 'plans.xlsx', size: 10 })).toBeNull()
    expect(checkImportFile({ name: 'plans.CSV', size: 10 })).toBeNull()
    expect(checkImportFile({ name: 'plans.xls', size: 10 })).toBe('请选择 .xlsx 或 .csv 文件')
    expect(checkImportFile({ name: 'plans.csv', size: 0 })).toBe('文件是空的')
  })
})

describe('helpers', () => {
  it('extensionOf ignores leading dots and case', () => {
    expect(extensionOf('a.b.PDF')).toBe('pdf')
    expect(extensionOf('.hidden')).toBe('')
  })

  it('formatSize', () => {
    expect(formatSize(512)).toBe('512 B')
    expect(formatSize(1536)).toBe('1.5 KB')
    expect(formatSize(3.2 * 1024 * 1024)).toBe('3.2 MB')
  })
})
