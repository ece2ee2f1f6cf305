// The department's self-assessment (自评) as its form holds it: values and
// explanations by indicator code, and the `scores` of a save in template order.
import type { SelfAssessment, SelfAssessmentInput, SelfAttachment, Template } from '@/api/types'
import { allIndicators, type Answers } from './scoring'

/** The values and explanations of a saved self-assessment, by indicator code. */
export function selfAnswersFrom(sa: Pick<SelfAssessment, 'scores'> | null | undefined): {
  answers: Answers
  explanations: Record<string, string>
} {
  const answers: Answers = {}
  const explanations: Record<string, string> = {}
  for (const s of sa?.scores ?? []) {
    answers[s.indicator_code] = s.value ?? null
    if (s.explanation) explanations[s.indicator_code] = s.explanation
  }
  return { answers, explanations }
}

/**
 * The `scores` of a save, in template order: every indicator with a value or
 * an explanation (a draft may be partial; the server names errors by position).
 */
export function selfScoresFor(
  template: Pick<Template, 'dimensions'>,
  answers: Answers,
  explanations: Record<string, string>,
): NonNullable<SelfAssessmentInput['scores']> {
  const out: NonNullable<SelfAssessmentInput['scores']> = []
  for (const ind of allIndicators(template)) {
    const value = answers[ind.code] ?? null
    const explanation = (explanations[ind.code] ?? '').trim()
    if (value === null && !explanation) continue
    out.push({ indicator_code: ind.code, value, explanation })
  }
  return out
}

/** The files of a self-assessment tied to one indicator ('' for the untied ones). */
export function filesOf(files: readonly SelfAttachment[], indicatorCode: string): SelfAttachment[] {
  return files.filter((f) => f.indicator_code === indicatorCode)
}

/** Whether the browser shows the file itself (opened in a new tab rather than downloaded). */
export function opensInBrowser(contentType: string): boolean {
  return contentType === 'application/pdf' || contentType.startsWith('image/')
}
