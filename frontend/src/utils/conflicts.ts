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
  /** Plans with fewer raters than asked for. */
  shortPlans: { plan: string; raters: number }[]
}

/**
 * Counts a proposed set of assignments per plan, agency and evaluator, so the
 * preview shows whether the load is balanced and every plan is covered.
 */
export function summarizeAssignments(
  list: readonly AssignmentSummary[],
  ratersPerPlan: number,
  agencyOf: (a: AssignmentSummary) => string,
  evaluatorOf: (a: AssignmentSummary) => string,
): AssignmentSummaryStats {
  const perPlan = new Map<string, number>()
  const perAgency = new Map<string, number>()
  const perEvaluator = new Map<string, number>()
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
  for (const a of list) {
    const plan = a.plan ? `${a.plan.code} ${a.plan.title}` : `#${a.plan_id ?? '?'}`
    bump(perPlan, plan)
    bump(perAgency, agencyOf(a))
    bump(perEvaluator, evaluatorOf(a))
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()].map(([key, count]) => ({ key, count })).sort((x, y) => y.count - x.count || x.key.localeCompare(y.key))
  return {
    plans: perPlan.size,
    assignments: list.length,
    byAgency: rows(perAgency),
    byEvaluator: rows(perEvaluator),
    shortPlans: [...perPlan.entries()].filter(([, n]) => n < ratersPerPlan).map(([plan, raters]) => ({ plan, raters })),
  }
}
