// The issued versions of a plan's evaluation report as the 历史版本 list
// shows them: newest first, each with its 第N版 label, its time in the
// city's zone, its reason (版本1 has none) and the file name it downloads as.
import type { IssuedReportVersion } from '@/api/types'
import { formatDateTime } from '@/utils/dates'

export interface VersionRow {
  version: number
  label: string
  issuedAt: string
  reason: string
  current: boolean
  fileName: string
}

/** The rows of the 历史版本 list, newest first. */
export function versionRows(items: readonly IssuedReportVersion[], code: string, zone?: string): VersionRow[] {
  return [...items]
    .sort((a, b) => b.version - a.version)
    .map((v) => ({
      version: v.version,
      label: `第${v.version}版`,
      issuedAt: formatDateTime(v.issued_at, zone),
      reason: v.reason || (v.version === 1 ? '首次出具' : '—'),
      current: v.current,
      fileName: `${code}-评估报告-第${v.version}版${v.current ? '' : '（已被取代）'}.pdf`,
    }))
}
