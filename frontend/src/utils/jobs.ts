// Reading the state of a background job (the round's report ZIP):
// queued → running → done | failed.
import type { JobState } from '@/api/types'

/** Progress 0–100 of a job (100 once it is done, whatever the counts say). */
export function jobPercent(job: Pick<JobState, 'status' | 'done' | 'total'> | null): number {
  if (!job) return 0
  if (isJobDone(job)) return 100
  if (!job.total || job.total <= 0) return 0
  return Math.min(99, Math.floor((job.done / job.total) * 100))
}

/** Whether a job finished successfully. */
export function isJobDone(job: Pick<JobState, 'status'>): boolean {
  return job.status === 'done'
}

/** Whether a job failed. */
export function isJobFailed(job: Pick<JobState, 'status'>): boolean {
  return job.status === 'failed'
}

/** The Chinese word for a job's status. */
export function jobStatusLabel(job: Pick<JobState, 'status'>): string {
  switch (job.status) {
    case 'done':
      return '已完成'
    case 'failed':
      return '失败'
    case 'queued':
      return '排队中'
    default:
      return '生成中'
  }
}
