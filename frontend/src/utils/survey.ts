// The rules of a public satisfaction survey (群众满意度调查), checked in the
// designer before the server checks them again (evaluation/survey.go), and
// the show_if logic of the questionnaire as citizens see it (the preview
// mirrors the public page /s/{token} and the server's answer check).
// Problems are keyed by the paths the server uses in `error.fields`
// (`questions[2].options[1]`, `questions[3].show_if.equals`), so that the
// designer shows both in the same place.
import type { QuestionKind, ShowIf, SurveyQuestion } from '@/api/types'

/** Limits of a survey (evaluation/survey.go, api/openapi.yaml). */
export const SURVEY_LIMITS = {
  questions: 100,
  minOptions: 2,
  maxOptions: 50,
  title: 255,
  intro: 5000,
  questionText: 500,
  option: 200,
  textAnswer: 2000,
} as const

/** What a question code may look like. */
export const QUESTION_CODE = /^[A-Za-z0-9_-]{1,32}$/

/** The kinds whose answer is one of a list of options. */
export function hasOptions(kind: QuestionKind): boolean {
  return kind === 'single' || kind === 'multiple'
}

/** The kinds a show_if condition may name: their answer is one value. */
export function canBeCondition(kind: QuestionKind): boolean {
  return kind === 'single' || kind === 'likert5' || kind === 'nps'
}

/** The range of a likert5 (1–5) or nps (0–10) answer. */
export function scaleOf(kind: QuestionKind): [number, number] {
  return kind === 'nps' ? [0, 10] : [1, 5]
}

/** Captions of the points of a likert5 question, as the public page shows them. */
export const LIKERT_LABELS = ['1 非常不满意', '2 不满意', '3 一般', '4 满意', '5 非常满意']

/** Captions of the two ends of an nps question. */
export const NPS_ENDS = ['0 完全不可能', '10 非常可能'] as const

/** Characters as the server counts them (runes, not UTF-16 units). */
function length(s: string): number {
  return [...s].length
}

/** One value a show_if condition may take, with its caption. */
export interface ConditionValue {
  value: string | number
  label: string
}

/** The values a condition on question q may take: its options, or the points of its scale. */
export function conditionValues(q: Pick<SurveyQuestion, 'kind' | 'options'>): ConditionValue[] {
  switch (q.kind) {
    case 'single':
      return (q.options ?? []).map((o) => o.trim()).filter((o) => o !== '').map((o) => ({ value: o, label: o }))
    case 'likert5':
      return LIKERT_LABELS.map((label, i) => ({ value: i + 1, label }))
    case 'nps': {
      const out: ConditionValue[] = []
      for (let v = 0; v <= 10; v++) out.push({ value: v, label: String(v) })
      return out
    }
    default:
      return []
  }
}

/** Field path → problem in Chinese for the questions; empty when they may be saved. */
export function questionProblems(qs: readonly SurveyQuestion[]): Record<string, string> {
  const p: Record<string, string> = {}
  if (qs.length > SURVEY_LIMITS.questions) {
    p.questions = `问卷最多 ${SURVEY_LIMITS.questions} 个问题`
    return p
  }
  const seen = new Map<string, number>()
  qs.forEach((q, i) => {
    const at = `questions[${i}]`
    if (!QUESTION_CODE.test(q.code)) {
      p[`${at}.code`] = '问题编号只能由 1 到 32 个字母、数字、下划线或连字符组成'
    } else if (seen.has(q.code)) {
      p[`${at}.code`] = `问题编号「${q.code}」与第 ${seen.get(q.code)} 题重复`
    } else {
      seen.set(q.code, i + 1)
    }
    const text = q.text.trim()
    if (!text) p[`${at}.text`] = '题目为必填字段'
    else if (length(text) > SURVEY_LIMITS.questionText) p[`${at}.text`] = `题目最多 ${SURVEY_LIMITS.questionText} 个字`
    if (hasOptions(q.kind)) {
      Object.assign(p, optionProblems(at, q.options ?? []))
    } else if (!['likert5', 'nps', 'text'].includes(q.kind)) {
      p[`${at}.kind`] = '题型只能是 single、multiple、likert5、nps 或 text'
    } else if ((q.options ?? []).length > 0) {
      p[`${at}.options`] = '只有单选题和多选题可以设置选项'
    }
    if (q.show_if) Object.assign(p, showIfProblems(at, qs.slice(0, i), q.show_if))
  })
  return p
}

function optionProblems(at: string, options: readonly string[]): Record<string, string> {
  const p: Record<string, string> = {}
  const n = options.length
  if (n < SURVEY_LIMITS.minOptions || n > SURVEY_LIMITS.maxOptions) {
    p[`${at}.options`] = `单选题和多选题需要 ${SURVEY_LIMITS.minOptions} 到 ${SURVEY_LIMITS.maxOptions} 个选项`
    if (n > SURVEY_LIMITS.maxOptions) return p
  }
  const seen = new Set<string>()
  options.forEach((raw, j) => {
    const o = raw.trim()
    const key = `${at}.options[${j}]`
    if (o === '') p[key] = '选项不能为空'
    else if (seen.has(o)) p[key] = `选项「${o}」重复`
    else if (length(o) > SURVEY_LIMITS.option) p[key] = `选项最多 ${SURVEY_LIMITS.option} 个字`
    seen.add(o)
  })
  return p
}

/** Checks a condition against the questions before its own. */
function showIfProblems(at: string, earlier: readonly SurveyQuestion[], c: ShowIf): Record<string, string> {
  const p: Record<string, string> = {}
  at += '.show_if'
  if (!c.question) {
    p[`${at}.question`] = '请选择显示条件所依据的问题'
    return p
  }
  const ref = [...earlier].reverse().find((q) => q.code === c.question)
  if (!ref) {
    p[`${at}.question`] = `显示条件必须引用本题之前的问题，「${c.question}」不是`
    return p
  }
  if (!canBeCondition(ref.kind)) {
    p[`${at}.question`] = '显示条件只能引用单选题、五级量表题或推荐度（NPS）题'
    return p
  }
  if (c.equals === '' || c.equals === null || c.equals === undefined) {
    p[`${at}.equals`] = '请选择显示条件的取值'
    return p
  }
  if (ref.kind === 'single') {
    const options = (ref.options ?? []).map((o) => o.trim())
    if (typeof c.equals !== 'string' || !options.includes(c.equals)) {
      p[`${at}.equals`] = `显示条件的取值必须是问题「${ref.code}」的一个选项`
    }
    return p
  }
  const [lo, hi] = scaleOf(ref.kind)
  if (typeof c.equals !== 'number' || !Number.isInteger(c.equals) || c.equals < lo || c.equals > hi) {
    p[`${at}.equals`] = `显示条件的取值必须是 ${lo} 到 ${hi} 的整数`
  }
  return p
}

/** What the designer holds of a survey besides its questions. */
export interface SurveyBasics {
  title: string
  intro: string
  /** null when open-ended. */
  closesAt: Date | null
}

/**
 * Problems of the survey's own fields. A closing time must lie ahead — only
 * when it is being set (`closesAtChanged`): a saved one may pass unnoticed.
 */
export function basicsProblems(s: SurveyBasics, now: Date = new Date(), closesAtChanged = true): Record<string, string> {
  const p: Record<string, string> = {}
  const title = s.title.trim()
  if (!title) p.title = '标题为必填字段'
  else if (length(title) > SURVEY_LIMITS.title) p.title = `标题最多 ${SURVEY_LIMITS.title} 个字`
  if (length(s.intro) > SURVEY_LIMITS.intro) p.intro = `说明最多 ${SURVEY_LIMITS.intro} 个字`
  if (closesAtChanged && s.closesAt && s.closesAt.getTime() <= now.getTime()) p.closes_at = '截止时间必须晚于当前时间'
  return p
}

/** The problems belonging to question i, keyed by the rest of their path (`text`, `options[1]`, `show_if.equals`). */
export function problemsOf(problems: Record<string, string>, i: number): Record<string, string> {
  const prefix = `questions[${i}]`
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(problems)) {
    if (k === prefix) out[''] = v
    else if (k.startsWith(prefix + '.')) out[k.slice(prefix.length + 1)] = v
  }
  return out
}

// ---------------------------------------------------------------- the designer's model

/**
 * A question in the designer. Its condition names the earlier question by
 * the designer's key rather than by code, so renaming a code keeps it.
 */
export interface DraftQuestion {
  key: number
  code: string
  text: string
  kind: QuestionKind
  /** Kept while the kind changes, sent only for single and multiple questions. */
  options: string[]
  required: boolean
  showIf: { key: number | null; equals: string | number | null } | null
}

let lastKey = 0

/** A key no other draft question has. */
export function newKey(): number {
  return ++lastKey
}

/** A code for a new question: q1, q2, … the first not taken. */
export function nextQuestionCode(codes: readonly string[]): string {
  const used = new Set(codes)
  let n = codes.length + 1
  while (used.has(`q${n}`)) n++
  return `q${n}`
}

/** A new question of a kind, with two empty options for a choice question. */
export function newQuestion(codes: readonly string[], kind: QuestionKind = 'single'): DraftQuestion {
  return {
    key: newKey(),
    code: nextQuestionCode(codes),
    text: '',
    kind,
    options: hasOptions(kind) ? ['', ''] : [],
    required: true,
    showIf: null,
  }
}

/** The designer's questions for questions as the server answered them. */
export function draftsFrom(qs: readonly SurveyQuestion[]): DraftQuestion[] {
  const drafts: DraftQuestion[] = []
  for (const q of qs) {
    let showIf: DraftQuestion['showIf'] = null
    if (q.show_if) {
      const ref = [...drafts].reverse().find((d) => d.code === q.show_if!.question)
      showIf = { key: ref?.key ?? null, equals: q.show_if.equals }
    }
    drafts.push({
      key: newKey(),
      code: q.code,
      text: q.text,
      kind: q.kind,
      options: [...(q.options ?? [])],
      required: q.required,
      showIf,
    })
  }
  return drafts
}

/** The questions as the API takes them. */
export function questionsOf(drafts: readonly DraftQuestion[]): SurveyQuestion[] {
  const codeOf = new Map(drafts.map((d) => [d.key, d.code.trim()]))
  return drafts.map((d) => {
    const q: SurveyQuestion = { code: d.code.trim(), text: d.text.trim(), kind: d.kind, required: d.required }
    if (hasOptions(d.kind)) q.options = d.options.map((o) => o.trim())
    if (d.showIf) {
      q.show_if = {
        question: d.showIf.key === null ? '' : (codeOf.get(d.showIf.key) ?? ''),
        equals: d.showIf.equals ?? '',
      }
    }
    return q
  })
}

/** The earlier questions a condition of question i may name. */
export function conditionSources(drafts: readonly DraftQuestion[], i: number): DraftQuestion[] {
  return drafts.slice(0, i).filter((d) => canBeCondition(d.kind))
}

/** Keys of the questions whose condition names the question of `key`. */
export function dependentsOf(drafts: readonly DraftQuestion[], key: number): DraftQuestion[] {
  return drafts.filter((d) => d.showIf?.key === key)
}

// ---------------------------------------------------------------- answering (the preview)

/** An answer as the public page sends it: an option, a list of options, a point of a scale, a text. */
export type AnswerValue = string | string[] | number

/** Whether an answer counts as none: absent, a blank text, an empty list. */
export function isBlank(v: AnswerValue | null | undefined): boolean {
  if (v === undefined || v === null) return true
  if (typeof v === 'string') return v.trim() === ''
  if (Array.isArray(v)) return v.length === 0
  return false
}

/**
 * The codes of the questions shown for the answers given, in order: a
 * question with a condition is shown only when the earlier question it
 * names is shown and answered with exactly the condition's value (a hidden
 * question's answer does not count, so conditions chain). The server reads
 * answers the same way (evaluation.ValidateAnswers).
 */
export function shownQuestions(qs: readonly SurveyQuestion[], answers: Readonly<Record<string, AnswerValue | undefined>>): Set<string> {
  const shown = new Set<string>()
  const kept = new Map<string, AnswerValue>()
  for (const q of qs) {
    if (q.show_if) {
      const v = kept.get(q.show_if.question)
      if (v === undefined || !sameValue(v, q.show_if.equals)) continue
    }
    shown.add(q.code)
    const v = answers[q.code]
    if (!isBlank(v)) kept.set(q.code, v as AnswerValue)
  }
  return shown
}

function sameValue(answer: AnswerValue, equals: string | number): boolean {
  if (Array.isArray(answer)) return false
  return typeof answer === typeof equals && answer === equals
}

/**
 * What the server would refuse in the answers, keyed by question code: a
 * required question shown and not answered, a text too long. Answers to
 * hidden questions are not sent (the public page leaves them out).
 */
export function answerProblems(qs: readonly SurveyQuestion[], answers: Readonly<Record<string, AnswerValue | undefined>>): Record<string, string> {
  const shown = shownQuestions(qs, answers)
  const p: Record<string, string> = {}
  for (const q of qs) {
    if (!shown.has(q.code)) continue
    const v = answers[q.code]
    if (isBlank(v)) {
      if (q.required) p[q.code] = '此题为必答题'
    } else if (q.kind === 'text' && typeof v === 'string' && length(v.trim()) > SURVEY_LIMITS.textAnswer) {
      p[q.code] = `回答最多 ${SURVEY_LIMITS.textAnswer} 个字`
    }
  }
  return p
}

/** The answers the public page would send: those of the questions shown, not blank. */
export function answersToSend(qs: readonly SurveyQuestion[], answers: Readonly<Record<string, AnswerValue | undefined>>): Record<string, AnswerValue> {
  const shown = shownQuestions(qs, answers)
  const out: Record<string, AnswerValue> = {}
  for (const q of qs) {
    const v = answers[q.code]
    if (shown.has(q.code) && !isBlank(v)) out[q.code] = typeof v === 'string' ? v.trim() : (v as AnswerValue)
  }
  return out
}

// ---------------------------------------------------------------- results

/** The caption of a scale point or option in the results: likert points get their words. */
export function countLabel(kind: QuestionKind, option: string): string {
  if (kind === 'likert5') return LIKERT_LABELS[Number(option) - 1] ?? option
  return option
}

/**
 * A satisfaction index, mean or NPS as the API gives it — already rounded to
 * hundredths — printed with its two decimals as the reports print it
 * (62.50); '—' when there is none.
 */
export function formatScore(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(2)
}
