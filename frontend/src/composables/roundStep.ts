// Moving a round on to its next state: what the confirmation says (the step
// in words with the numbers of its readiness) and the call itself. The
// dialog is components/RoundStepDialog.vue.
import { ElMessage } from 'element-plus'
import { getRound, roundAction } from '@/api/client'
import type { Readiness, Round, RoundStatus } from '@/api/types'
import { nextRoundStep, roundStatus } from '@/utils/labels'

/** The shortest reason accepted for going ahead despite warnings. */
export const MIN_REASON_LENGTH = 5

/**
 * The numbers behind a round's next step, as sentences: the sheets before
 * closing scoring, the results before publishing, the findings before
 * archiving. `plans` is the number of plans in the round (null: unknown).
 */
export function stepFacts(status: RoundStatus, r: Readiness, plans: number | null): string[] {
  const out: string[] = []
  const noResult = r.plans_without_result.length
  const withResult = plans == null ? null : plans - noResult
  switch (status) {
    case 'open':
    case 'scoring_closed': {
      const s = r.sheets
      out.push(
        `已提交 ${s.submitted}/${s.assigned} 份评分表` +
          (s.assigned > s.submitted ? `（草稿 ${s.draft} 份，未开始 ${s.not_started} 份）。` : '。'),
      )
      if (withResult != null) out.push(`${withResult} 个方案有完整的评估结果并参加排名。`)
      if (noResult) out.push(`${noResult} 个方案没有完整的评估结果：不排名、不出具评估报告。`)
      if (r.self_assessments.expected)
        out.push(`部门自评已提交 ${r.self_assessments.submitted}/${r.self_assessments.expected} 份。`)
      if (r.findings.carried)
        out.push(`上轮未整改问题已核查 ${r.findings.carried_checked}/${r.findings.carried} 个。`)
      if (status === 'scoring_closed' && r.narratives.expected)
        out.push(`评估结论已审定 ${r.narratives.approved}/${r.narratives.expected} 份。`)
      break
    }
    case 'published': {
      const f = r.findings
      out.push(`已发布的 ${f.published} 个问题中，已销号 ${f.accepted} 个，未销号 ${f.published - f.accepted} 个（逾期 ${f.overdue} 个）。`)
      break
    }
  }
  return out
}

/**
 * Calls the round's next step with the reason (when given) and says so;
 * returns the updated round. Errors are thrown to the caller (a 409 means
 * the round changed meanwhile: reload).
 */
export async function runRoundStep(round: Round, reason?: string): Promise<Round> {
  const step = nextRoundStep(round.status)
  if (!step) return round
  let updated = await roundAction(round.id, step.action, reason?.trim() || undefined)
  if (!updated || !updated.status) updated = await getRound(round.id)
  ElMessage.success(`已${step.label}，当前状态：${roundStatus[updated.status]?.label ?? updated.status}`)
  return updated
}
