package demo

import (
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/evald/evald/evaluation"
)

// surveyPlan is the plan whose people the demo surveys: 基本公共服务清单.
const surveyPlan = "CD-2017-004"

// surveyQuestions is a short questionnaire of the kind offices send out.
func surveyQuestions() []evaluation.SurveyQuestion {
	business := json.RawMessage(`"企业"`)
	return []evaluation.SurveyQuestion{
		{Code: "role", Text: "您与本项改革的关系", Kind: evaluation.QuestionSingle, Required: true,
			Options: []string{"服务对象（市民）", "企业", "基层工作人员", "其他"}},
		{Code: "open", Text: "您对基本公共服务清单公开透明程度的满意度", Kind: evaluation.QuestionLikert5, Required: true},
		{Code: "ease", Text: "您对办理公共服务事项便利程度的满意度", Kind: evaluation.QuestionLikert5, Required: true},
		{Code: "firms", Text: "您对涉企服务事项清单的满意度", Kind: evaluation.QuestionLikert5, Required: true,
			ShowIf: &evaluation.ShowIf{Question: "role", Equals: business}},
		{Code: "improve", Text: "您认为还需要改进的方面（可多选）", Kind: evaluation.QuestionMultiple,
			Options: []string{"办事流程", "信息公开", "服务态度", "服务覆盖范围"}},
		{Code: "nps", Text: "您向亲友推荐这些公共服务的可能性有多大？（0—10分）", Kind: evaluation.QuestionNPS},
		{Code: "advice", Text: "其他意见和建议", Kind: evaluation.QuestionText},
	}
}

// survey runs a survey about the demo plan, linked to a round, from the
// demo clock's present: published, answered by the given number of citizens
// over the following hours, and closed when closeIt. The survey of the
// published round is closed (its evaluation reports list it); that of the
// open round is running (its evaluators see it beside 4.2 群众满意度).
func (l *loader) survey(round int64, days, answers int, closeIt bool) error {
	list, err := l.store.Plans(l.ctx, evaluation.PlanFilter{Q: surveyPlan})
	if err != nil || len(list.Items) == 0 {
		return err // the plan is not in a scaled-down demo
	}
	plan := list.Items[0]
	closes := l.clock.Now().Add(time.Duration(days) * 24 * time.Hour)
	sv, err := l.store.CreateSurvey(l.ctx, l.admin, evaluation.SurveyRequest{
		Title: "《" + plan.Title + "》群众满意度调查", RoundID: &round, PlanID: &plan.ID, ClosesAt: &closes,
		Intro:     "为了解基本公共服务清单管理改革的实际成效，市委改革办开展本次匿名调查，约需1分钟。感谢您的参与！",
		Questions: surveyQuestions()})
	if err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	if sv, err = l.store.PublishSurvey(l.ctx, l.admin, sv.ID); err != nil {
		return fmt.Errorf("demo survey: %w", err)
	}
	for i := 0; i < answers; i++ {
		l.clock.set(l.clock.Now().Add(time.Duration(l.rng.IntN(20)+1) * time.Minute))
		if err := l.store.AnswerSurvey(l.ctx, *sv.Token, l.surveyAnswer()); err != nil {
			return fmt.Errorf("demo survey answer: %w", err)
		}
	}
	if closeIt {
		if _, err := l.store.CloseSurvey(l.ctx, l.admin, sv.ID); err != nil {
			return fmt.Errorf("demo survey: %w", err)
		}
	}
	return nil
}

// surveyAnswer is one citizen's plausible answer.
func (l *loader) surveyAnswer() map[string]json.RawMessage {
	raw := func(v any) json.RawMessage {
		b, err := json.Marshal(v)
		if err != nil {
			panic(err) // strings and numbers: cannot happen
		}
		return b
	}
	roles := []string{"服务对象（市民）", "服务对象（市民）", "服务对象（市民）", "企业", "基层工作人员", "其他"}
	role := roles[l.rng.IntN(len(roles))]
	likert := func() int { return min(5, 2+l.rng.IntN(3)+l.rng.IntN(2)) }
	a := map[string]json.RawMessage{"role": raw(role), "open": raw(likert()), "ease": raw(likert()),
		"nps": raw(min(10, 4+l.rng.IntN(7)))}
	if role == "企业" {
		a["firms"] = raw(likert())
	}
	if l.rng.IntN(2) == 0 {
		a["improve"] = raw([]string{[]string{"办事流程", "信息公开", "服务态度", "服务覆盖范围"}[l.rng.IntN(4)]})
	}
	if l.rng.IntN(5) == 0 {
		a["advice"] = raw("希望把清单在社区公告栏和“天府市民云”同步公开，第" + strconv.Itoa(1+l.rng.IntN(9)) + "项办理时限还可以再缩短。")
	}
	return a
}
