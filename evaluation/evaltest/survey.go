package evaltest

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/evald/evald/evaluation"
)

// SurveyRequest is a public satisfaction survey of eight questions, of every
// kind, two of them shown only to those who answered q2 with 是.
func SurveyRequest() evaluation.SurveyRequest {
	yes := json.RawMessage(`"是"`)
	return evaluation.SurveyRequest{
		Title: "基本公共服务群众满意度调查",
		Intro: "本调查匿名进行，约需一分钟。感谢您的参与！",
		Questions: []evaluation.SurveyQuestion{
			{Code: "q1", Text: "您对本市基本公共服务的总体满意度", Kind: evaluation.QuestionLikert5, Required: true},
			{Code: "q2", Text: "过去一年您是否办理过政务服务事项？", Kind: evaluation.QuestionSingle, Options: []string{"是", "否"}, Required: true},
			{Code: "q3", Text: "办理事项的便捷程度", Kind: evaluation.QuestionLikert5, Required: true,
				ShowIf: &evaluation.ShowIf{Question: "q2", Equals: yes}},
			{Code: "q4", Text: "您通过哪些渠道办理？", Kind: evaluation.QuestionMultiple,
				Options: []string{"线上平台", "服务窗口", "自助终端", "电话"}, ShowIf: &evaluation.ShowIf{Question: "q2", Equals: yes}},
			{Code: "q5", Text: "工作人员的服务态度", Kind: evaluation.QuestionLikert5, Required: true},
			{Code: "q6", Text: "您有多大可能向亲友推荐本市的政务服务？", Kind: evaluation.QuestionNPS, Required: true},
			{Code: "q7", Text: "您的年龄段", Kind: evaluation.QuestionSingle, Options: []string{"18岁以下", "18至35岁", "36至60岁", "60岁以上"}},
			{Code: "q8", Text: "您的意见和建议", Kind: evaluation.QuestionText},
		},
	}
}

// SurveyAnswers answers SurveyRequest's survey at random, validly.
func SurveyAnswers(rng *rand.Rand) map[string]any {
	a := map[string]any{"q1": 1 + rng.IntN(5), "q5": 1 + rng.IntN(5), "q6": rng.IntN(11)}
	if rng.IntN(3) > 0 {
		a["q2"] = "是"
		a["q3"] = 1 + rng.IntN(5)
		a["q4"] = []string{"线上平台", "服务窗口", "自助终端", "电话"}[:1+rng.IntN(4)]
	} else {
		a["q2"] = "否"
	}
	if rng.IntN(2) == 0 {
		a["q7"] = "36至60岁"
	}
	if rng.IntN(4) == 0 {
		a["q8"] = "希望延长周末窗口的服务时间。"
	}
	return a
}

// RawAnswers turns answers into the JSON values a client sends.
func RawAnswers(t testing.TB, answers map[string]any) map[string]json.RawMessage {
	out := make(map[string]json.RawMessage, len(answers))
	for k, v := range answers {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[k] = b
	}
	return out
}

// PublishedSurvey creates and publishes a survey as the admin.
func (w *World) PublishedSurvey(req evaluation.SurveyRequest) *evaluation.Survey {
	w.t.Helper()
	ctx := context.Background()
	s, err := w.Store.CreateSurvey(ctx, w.AdminActor(), req)
	if err != nil {
		w.t.Fatalf("seed survey: %v", err)
	}
	if s, err = w.Store.PublishSurvey(ctx, w.AdminActor(), s.ID); err != nil {
		w.t.Fatalf("publish survey: %v", err)
	}
	return s
}
