package demo

import (
	"fmt"
	"time"

	"github.com/evald/evald/evaluation"
)

// requestTexts are realistic requests for more material (补充材料) and answers.
var requestTexts = []struct{ question, answer string }{
	{"请补充方案实施以来各年度的工作台账及完成情况统计表。", "已上传2023—2025年度工作台账及任务完成情况统计表，其中2项任务正在推进，已在台账中注明原因。"},
	{"自评中提到“建立了联席会议机制”，请提供联席会议制度文件及近一年的会议纪要。", "联席会议制度文件及2025年4次会议纪要见附件。"},
	{"请说明方案确定的量化目标中尚未完成的指标及原因。", "未完成的2项指标为配套资金到位率和信息平台接入率，原因及下一步安排见附件说明。"},
	{"请提供方案涉及的配套政策文件清单及印发文号。", ""},
	{"请补充群众反映问题的办理情况统计（2025年1月以来）。", ""},
}

// requests plays requests for more material in the open round: every plan
// the demo evaluator rates has an answered request of another evaluator's
// (with a file), the demo evaluator has an open one of its own, the demo
// department (市财政局) has one answered and one open to answer, and a few
// other plans have answered or open ones.
func (l *loader) requests(roundID int64) error {
	assignments, err := l.assignments(roundID)
	if err != nil {
		return err
	}
	demoEval, demoDept := l.users["evaluator"], l.users["department"]
	deptUsers := map[int64]*evaluation.User{}
	for _, u := range l.users {
		if u.Role == evaluation.RoleDepartment && u.OrgID != nil {
			deptUsers[*u.OrgID] = u
		}
	}
	demoEvalPlans := map[int64]bool{}
	for _, a := range assignments {
		if a.EvaluatorID == demoEval.ID {
			demoEvalPlans[a.Plan.ID] = true
		}
	}
	start := l.clock.Now().Add(-6 * 24 * time.Hour)
	asked, ownAsked, deptAnswered := map[int64]int{}, false, false
	for i, a := range assignments {
		l.clock.set(start.Add(time.Duration(i%5) * 24 * time.Hour))
		plan, err := l.store.Plan(l.ctx, a.Plan.ID)
		if err != nil {
			return err
		}
		ofDemoDept := plan.LeadDepartmentID == *demoDept.OrgID
		answer := false
		switch {
		case a.EvaluatorID == demoEval.ID:
			if ownAsked {
				continue
			}
			ownAsked = true
		case ofDemoDept:
			if asked[plan.ID] >= 2 {
				continue
			}
			answer, deptAnswered = !deptAnswered, true
		case asked[plan.ID] > 0:
			continue
		case demoEvalPlans[plan.ID]:
			answer = true
		case i%6 == 0:
			answer = i%12 == 0
		default:
			continue
		}
		asked[plan.ID]++
		n := len(asked) + asked[plan.ID]
		text := requestTexts[n%len(requestTexts)]
		if answer && text.answer == "" {
			text = requestTexts[n%3]
		}
		q, err := l.store.AskForMaterial(l.ctx, evaluation.ActorOf(l.users[l.username(a.EvaluatorID)]), a.ID,
			evaluation.RequestAsk{Question: text.question})
		if err != nil {
			return fmt.Errorf("demo request: %w", err)
		}
		if !answer {
			continue
		}
		l.clock.set(l.clock.Now().Add(2 * 24 * time.Hour))
		dept := evaluation.ActorOf(deptUsers[plan.LeadDepartmentID])
		if l.store.Blobs() != nil {
			if _, err := l.store.AddRequestAttachment(l.ctx, dept, q.ID, evaluation.BytesUpload("补充材料.pdf", evidencePDF)); err != nil {
				return fmt.Errorf("demo request file: %w", err)
			}
		}
		if _, err := l.store.AnswerRequest(l.ctx, dept, q.ID, evaluation.RequestAnswer{Answer: text.answer}); err != nil {
			return fmt.Errorf("demo answer: %w", err)
		}
	}
	l.clock.set(l.opts.Now)
	return nil
}
