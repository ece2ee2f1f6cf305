// Mapping of API errors onto the screen: `error.fields` next to the form
// fields they name, `error.message` in a toast.
import { ApiError } from '@/api/client'

/** The message to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error && e.message) return `操作失败：${e.message}`
  return '操作失败，请稍后重试'
}

/** The field errors an API error carries ({} for other errors). */
export function fieldErrors(e: unknown): Record<string, string> {
  return e instanceof ApiError ? { ...e.fields } : {}
}

/**
 * Field errors of a form, keyed by the form's own field names. The server may
 * name a field by its JSON path with a prefix (`body.name`) or by a bare
 * name; `aliases` maps server names to form names where they differ (e.g.
 * `lead_department` → `lead_department_id`). Unknown fields are kept under
 * their server name so that nothing is silently lost.
 */
export function formFieldErrors(
  fields: Record<string, string>,
  aliases: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [raw, msg] of Object.entries(fields)) {
    const key = raw.replace(/^(body|request)\./, '')
    out[aliases[key] ?? key] = msg
  }
  return out
}

/** Errors of a scoresheet save or submit, split into those of indicators and the rest. */
export interface ScoreErrors {
  /** Indicator code → message. */
  byCode: Record<string, string>
  /** Errors not tied to an indicator (e.g. `comment`, `version`). */
  other: Record<string, string>
}

/**
 * Maps a scoresheet's `error.fields` to indicators. The server names an
 * offending answer either by the indicator code (`1.1`) or by its position
 * in the `scores` array sent (`scores[3].value`, `scores[3]`); `sentCodes` is
 * that array's codes in order. A 422 for a missing indicator may also list the
 * codes in `missing` (comma separated).
 */
export function scoreFieldErrors(
  fields: Record<string, string>,
  sentCodes: readonly string[],
  indicatorCodes: ReadonlySet<string>,
): ScoreErrors {
  const byCode: Record<string, string> = {}
  const other: Record<string, string> = {}
  for (const [raw, msg] of Object.entries(fields)) {
    const key = raw.replace(/^(body|request)\./, '')
    const pos = /^scores\[(\d+)\](?:\.(value|comment|indicator_code))?$/.exec(key)
    if (pos) {
      const code = sentCodes[Number(pos[1])]
      if (code !== undefined) {
        byCode[code] = msg
        continue
      }
    }
    const byScoresKey = /^scores\.(.+?)(?:\.(value|comment))?$/.exec(key)
    if (byScoresKey && indicatorCodes.has(byScoresKey[1])) {
      byCode[byScoresKey[1]] = msg
      continue
    }
    if (indicatorCodes.has(key)) {
      byCode[key] = msg
      continue
    }
    other[key] = msg
  }
  return { byCode, other }
}
