// The rules both the server and the web UI implement are checked against one
// table of cases, evaluation/testdata/vectors, which evaluation/vectors_test.go
// reads too: a rule changed on one side only fails a test.
import { describe, expect, it } from 'vitest'
import type { Indicator, ScoreValue, SurveyQuestion, Template, TemplateInput } from '@/api/types'
import scoringJSON from '../../../evaluation/testdata/vectors/scoring.json'
import surveyJSON from '../../../evaluation/testdata/vectors/survey.json'
import templateJSON from '../../../evaluation/testdata/vectors/template.json'
import { dimensionPoints, missingIndicators, pointsOf, runningTotal, validateScore, vetoedIndicators } from './scoring'
import { answerProblems, answersToSend, questionProblems, shownQuestions, type AnswerValue } from './survey'
import { templateProblems, templateTotal } from './template'

interface ScoringVectors {
  steps: { name: string; indicator: Indicator; value: ScoreValue; valid: boolean; points: number | null }[]
  template: Pick<Template, 'dimensions'>
  totals: { name: string; answers: Record<string, ScoreValue>; total: number; dimensions: number[]; vetoed: string[]; missing: string[] }[]
}
interface TemplateVectors {
  templates: { name: string; template: TemplateInput; problems: string[]; total: number }[]
}
interface SurveyVectors {
  questionnaires: Record<string, SurveyQuestion[]>
  questions: { name: string; questions: SurveyQuestion[]; problems: string[] }[]
  answers: {
    name: string
    questionnaire: string
    answers: Record<string, AnswerValue | null>
    shown: string[]
    problems: string[]
    sent: string[]
  }[]
}

const scoring = scoringJSON as unknown as ScoringVectors
const templates = (templateJSON as unknown as TemplateVectors).templates
const survey = surveyJSON as unknown as SurveyVectors

const sorted = (xs: Iterable<string>): string[] => [...xs].sort()

describe('shared vectors: score steps', () => {
  it('has cases', () => expect(scoring.steps.length).toBeGreaterThan(0))
  it.each(scoring.steps.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(validateScore(c.indicator, c.value) === null).toBe(c.valid)
    if (c.points !== null) expect(pointsOf(c.indicator, c.value)).toBe(c.points)
  })
})

describe('shared vectors: scoresheet totals', () => {
  it('has cases', () => expect(scoring.totals.length).toBeGreaterThan(0))
  it.each(scoring.totals.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const t = scoring.template
    expect(runningTotal(t, c.answers)).toBe(c.total)
    expect(t.dimensions.map((d) => dimensionPoints(d, c.answers))).toEqual(c.dimensions)
    expect(sorted(vetoedIndicators(t, c.answers).map((i) => i.code))).toEqual(sorted(c.vetoed))
    expect(sorted(missingIndicators(t, c.answers).map((i) => i.code))).toEqual(sorted(c.missing))
  })
})

describe('shared vectors: templates', () => {
  it('has cases', () => expect(templates.length).toBeGreaterThan(0))
  it.each(templates.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(sorted(Object.keys(templateProblems(c.template)))).toEqual(sorted(c.problems))
    expect(templateTotal(c.template.dimensions)).toBe(c.total)
  })
})

describe('shared vectors: survey questions', () => {
  it('has cases', () => expect(survey.questions.length).toBeGreaterThan(0))
  it.each(survey.questions.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(sorted(Object.keys(questionProblems(c.questions)))).toEqual(sorted(c.problems))
  })
})

describe('shared vectors: survey answers and show_if', () => {
  it('has cases', () => expect(survey.answers.length).toBeGreaterThan(0))
  it.each(survey.answers.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const qs = survey.questionnaires[c.questionnaire]
    expect(qs).toBeDefined()
    const answers = c.answers as Record<string, AnswerValue | undefined>
    expect(sorted(shownQuestions(qs, answers))).toEqual(sorted(c.shown))
    expect(sorted(Object.keys(answerProblems(qs, answers)))).toEqual(sorted(c.problems))
    expect(sorted(Object.keys(answersToSend(qs, answers)))).toEqual(sorted(c.sent))
  })
})
