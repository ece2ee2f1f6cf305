// Findings as the department's 待整改问题 page narrows them in the browser.
import type { FindingView } from '@/api/types'

/** The longest keyword the search box takes (the server's limit on `q`). */
export const MAX_KEYWORD = 100

/**
 * Whether a finding matches a keyword the way `q` of GET /findings does: part
 * of the description, the plan's code or its title, letters in either case
 * ('' matches every finding).
 */
export function findingMatches(f: Pick<FindingView, 'description' | 'plan'>, keyword: string): boolean {
  const q = keyword.trim().toLowerCase()
  if (!q) return true
  return [f.description, f.plan.code, f.plan.title].some((s) => s.toLowerCase().includes(q))
}
