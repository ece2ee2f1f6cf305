// Moving a round on to its next state, after the user confirms.
import { ElMessage, ElMessageBox } from 'element-plus'
import { getRound, roundAction } from '@/api/client'
import type { Round } from '@/api/types'
import { nextRoundStep, roundStatus } from '@/utils/labels'
import { notifyError } from '@/utils/notify'

/**
 * Asks for confirmation, then calls the round's next workflow step. Returns
 * the updated round, or null when the user cancelled or the server refused
 * (a 409 says the round is no longer in the state shown: reload it).
 */
export async function advanceRound(round: Round): Promise<Round | null> {
  const step = nextRoundStep(round.status)
  if (!step) return null
  try {
    await ElMessageBox.confirm(step.confirm, `${step.label}：${round.name}`, {
      confirmButtonText: step.label,
      cancelButtonText: '取消',
      type: 'warning',
    })
  } catch {
    return null
  }
  try {
    let updated = await roundAction(round.id, step.action)
    if (!updated || !updated.status) updated = await getRound(round.id)
    ElMessage.success(`已${step.label}，当前状态：${roundStatus[updated.status]?.label ?? updated.status}`)
    return updated
  } catch (e) {
    notifyError(e)
    return null
  }
}
