package demo

import (
	"fmt"

	"github.com/evald/evald/evaluation"
)

// narrativeSections are demo conclusions for a plan: the lead's text, with
// 存在问题 taken from the suggestion the server makes from the plan's findings.
func narrativeSections(title, problems string) evaluation.NarrativeSections {
	if problems == "" {
		problems = "未发现需要专门整改的问题，个别配套措施的跟踪评估有待加强。"
	}
	return evaluation.NarrativeSections{
		Overall: fmt.Sprintf("《%s》印发以来，牵头单位按方案明确的时间表和路线图推进改革任务，"+
			"主要改革举措基本落地，方案总体目标基本实现，实施效果总体较好。", title),
		Achievements: "一是制度框架基本建立，配套文件陆续出台；二是重点任务按期推进，阶段性目标如期完成；" +
			"三是改革成效逐步显现，群众和企业的获得感有所增强。",
		Problems: problems,
		Recommendations: "一是对照方案逐项梳理未完成任务，明确责任和时限；二是加快出台配套制度，" +
			"推动改革举措系统集成；三是建立跟踪评估机制，及时总结推广经验。",
	}
}

// writeNarrative has the lead of a plan write its conclusions (saved once)
// and returns them.
func (l *loader) writeNarrative(roundID int64, lead evaluation.AssignmentView) (*evaluation.NarrativeView, error) {
	actor := evaluation.ActorOf(l.users[l.username(lead.EvaluatorID)])
	v, err := l.store.Narrative(l.ctx, actor, roundID, lead.Plan.ID)
	if err != nil {
		return nil, fmt.Errorf("demo narrative: %w", err)
	}
	problems := ""
	if v.Prefilled {
		problems = v.Sections.Problems
	}
	v, err = l.store.SaveNarrative(l.ctx, actor, roundID, lead.Plan.ID,
		evaluation.NarrativeRequest{Version: v.Version, Sections: narrativeSections(lead.Plan.Title, problems)})
	if err != nil {
		return nil, fmt.Errorf("demo narrative: %w", err)
	}
	return v, nil
}

// narrativeTo takes a plan's conclusions to a state: written (draft),
// submitted, returned with a comment, or approved by the office.
func (l *loader) narrativeTo(roundID int64, lead evaluation.AssignmentView, to evaluation.NarrativeStatus) error {
	if to == evaluation.NarrativeEmpty {
		return nil
	}
	v, err := l.writeNarrative(roundID, lead)
	if err != nil || to == evaluation.NarrativeDraft {
		return err
	}
	actor := evaluation.ActorOf(l.users[l.username(lead.EvaluatorID)])
	if _, err := l.store.SubmitNarrative(l.ctx, actor, roundID, lead.Plan.ID, v.Version); err != nil {
		return fmt.Errorf("demo narrative submit: %w", err)
	}
	switch to {
	case evaluation.NarrativeReturned:
		_, err = l.store.ReturnNarrative(l.ctx, l.admin, roundID, lead.Plan.ID,
			evaluation.NarrativeReturn{Comment: "「主要成效」请补充量化数据（如任务完成率、受益群众数），「意见建议」请更有针对性。"})
	case evaluation.NarrativeApproved:
		_, err = l.store.ApproveNarrative(l.ctx, l.admin, roundID, lead.Plan.ID)
	}
	if err != nil {
		return fmt.Errorf("demo narrative review: %w", err)
	}
	return nil
}

// leads returns the lead assignments of a round in assignment order.
func (l *loader) leads(roundID int64) ([]evaluation.AssignmentView, error) {
	all, err := l.assignments(roundID)
	if err != nil {
		return nil, err
	}
	var out []evaluation.AssignmentView
	for _, a := range all {
		if a.Lead {
			out = append(out, a)
		}
	}
	return out, nil
}

// publishedNarratives has every plan's conclusions written, submitted and
// approved, so that the round (which requires them) can be published.
func (l *loader) publishedNarratives(roundID int64) error {
	leads, err := l.leads(roundID)
	if err != nil {
		return err
	}
	for _, a := range leads {
		if err := l.narrativeTo(roundID, a, evaluation.NarrativeApproved); err != nil {
			return err
		}
	}
	return nil
}

// openNarratives puts the open round's conclusions in every state: the
// first leads of other evaluators get draft, submitted, returned and
// approved ones; the rest, and the demo evaluator's own, are not written yet.
func (l *loader) openNarratives(roundID int64) error {
	leads, err := l.leads(roundID)
	if err != nil {
		return err
	}
	states := []evaluation.NarrativeStatus{evaluation.NarrativeDraft, evaluation.NarrativeSubmitted,
		evaluation.NarrativeReturned, evaluation.NarrativeApproved}
	for _, a := range leads {
		if len(states) == 0 {
			break
		}
		if l.username(a.EvaluatorID) == "evaluator" {
			continue
		}
		if err := l.narrativeTo(roundID, a, states[0]); err != nil {
			return err
		}
		states = states[1:]
	}
	return nil
}
