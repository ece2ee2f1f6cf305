// Declared conflicts of interest (利益冲突), checked in the browser only to
// warn early and to mark assignments; the server enforces them.
import type { AssignmentSummary, Conflict } from '@/api/types'

/** The conflict that keeps an agency off a plan, by plan or by its lead department; null when none. */
export function conflictFor(
  conflicts: readonly Conflict[],
  agencyId: number | null | undefined,
  plan: { id: number; lead_department_id?: number | null } | null | undefined,
): Conflict | null {
  if (agencyId == null || !plan) return null
  return (
    conflicts.find(
      (c) =>
        c.agency_id === agencyId &&
        ((c.plan_id != null && c.plan_id === plan.id) ||
          (c.department_id != null && plan.lead_department_id != null && c.department_id === plan.lead_department_id)),
    ) ?? null
  )
}

/** One agency's or evaluator's share of a set of assignments. */
export interface LoadRow {
  key: string
  count: number
}

/** What an auto-assignment preview adds up to. */
export interface AssignmentSummaryStats {
  plans: number
  assignments: number
  byAgency: LoadRow[]
  byEvaluator: LoadRow[]
}

/**
 * Counts a proposed set of assignments per plan, agency and evaluator, so the
 * preview shows whether the load is balanced. (Whether every plan gets enough
 * raters is the server's to say: it refuses a plan it cannot cover.)
 */
export function summarizeAssignments(list: readonly AssignmentSummary[]): AssignmentSummaryStats {
  const plans = new Set<number>()
  // By id, so that two people of the same name stay apart.
  const perAgency = new Map<number, LoadRow>()
  const perEvaluator = new Map<number, LoadRow>()
  const bump = (m: Map<number, LoadRow>, id: number, key: string) => {
    const row = m.get(id) ?? { key, count: 0 }
    row.count++
    m.set(id, row)
  }
  for (const a of list) {
    plans.add(a.plan.id)
    bump(perAgency, a.agency_id, a.agency_name)
    bump(perEvaluator, a.evaluator_id, a.evaluator_name)
  }
  const rows = (m: Map<number, LoadRow>) => [...m.values()].sort((x, y) => y.count - x.count || x.key.localeCompare(y.key))
  return { plans: plans.size, assignments: list.length, byAgency: rows(perAgency), byEvaluator: rows(perEvaluator) }
}
