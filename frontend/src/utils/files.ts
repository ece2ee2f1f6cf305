// Checks made on a file before it is uploaded. The server checks again (and
// judges the type by content, not by name); checking first saves the user a
// 20 MB upload that would be refused.

/** The largest evidence file the server accepts (API.md: ≤ 20 MB). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024

/** Evidence types the server accepts, by what the content starts with. */
export type EvidenceKind = 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx'

const extensions: Record<string, EvidenceKind> = {
  pdf: 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  docx: 'docx',
  xlsx: 'xlsx',
}

/** The `accept` attribute of the evidence file input. */
export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx'

/** What the evidence uploader tells the user about allowed files. */
export const EVIDENCE_HINT = '支持 PDF、JPG、PNG、DOCX、XLSX 格式，单个文件不超过 20 MB'

/** The lower-case extension of a file name, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const i = name.lastIndexOf('.')
  return i > 0 ? name.slice(i + 1).toLowerCase() : ''
}

/**
 * The kind of file its first bytes show: PDF (%PDF), JPEG (FF D8 FF), PNG
 * (89 50 4E 47), or a ZIP container (PK\x03\x04, as DOCX and XLSX are); null
 * for anything else.
 */
export function sniff(head: Uint8Array): EvidenceKind | 'zip' | null {
  const starts = (...b: number[]) => b.every((v, i) => head[i] === v)
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf'
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip'
  return null
}

/**
 * Why an evidence file would be refused, in Chinese, or null when it may be
 * uploaded. `head` is the file's first bytes when they have been read: then
 * the content must match the extension (DOCX and XLSX are ZIP containers).
 */
export function checkEvidenceFile(file: { name: string; size: number }, head?: Uint8Array): string | null {
  if (file.size === 0) return `文件“${file.name}”是空文件`
  if (file.size > MAX_EVIDENCE_BYTES) return `文件“${file.name}”超过 20 MB，请压缩或拆分后上传`
  const kind = extensions[extensionOf(file.name)]
  if (!kind) return `文件“${file.name}”的格式不支持。${EVIDENCE_HINT}`
  if (head) {
    const seen = sniff(head)
    const ok = kind === 'docx' || kind === 'xlsx' ? seen === 'zip' : seen === kind
    if (!ok) return `文件“${file.name}”的内容与扩展名不符，请确认文件未损坏`
  }
  return null
}

/** Reads the first bytes of a file, for sniff. */
export async function readHead(file: Blob, n = 8): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, n).arrayBuffer())
}

/** Why a plan import file would be refused, or null (.xlsx or .csv, ≤ 20 MB). */
export function checkImportFile(file: { name: string; size: number }): string | null {
  const ext = extensionOf(file.name)
  if (ext !== 'xlsx' && ext !== 'csv') return '请选择 .xlsx 或 .csv 文件'
  if (file.size === 0) return '文件是空的'
  if (file.size > MAX_EVIDENCE_BYTES) return '文件超过 20 MB'
  return null
}

/** A byte count as people read it: 512 B, 1.5 KB, 3.2 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
