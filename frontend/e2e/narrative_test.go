package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
)

// The lead evaluator writes the conclusions (存在问题 proposed from the
// findings) and submits them; the office returns them with a comment; the
// lead sees the comment, revises and submits again; the office approves.
// The department sees them only once the round is published.
func TestNarrativeWrittenReturnedApproved(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	round := a.currentRound("2026年度专项改革方案第三方评估")
	asg, err := w.Store.CreateAssignment(ctx, w.AdminActor(), round.ID,
		evaluation.AssignmentRequest{PlanID: w.P1.ID, EvaluatorID: w.Eval1.ID, Lead: true})
	if err != nil {
		t.Fatal(err)
	}
	w.Move(round, evaluation.RoundOpen)
	if _, err := w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval1), asg.ID, evaluation.FindingRequest{IndicatorCode: "2.2",
		Severity: evaluation.SeverityMajor, Description: "台账中有3项任务滞后", Recommendation: "按月对账销号"}); err != nil {
		t.Fatal(err)
	}
	status := func() *evaluation.NarrativeView {
		t.Helper()
		v, err := w.Store.Narrative(ctx, w.AdminActor(), round.ID, w.P1.ID)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}

	// The lead opens the editor from the scoresheet: 存在问题 is proposed from the finding.
	a.login("eval1")
	a.open(fmt.Sprintf("/tasks/%d", asg.ID))
	a.clickText(`[data-testid="open-narrative"]`, "撰写评估结论")
	a.untilPath(fmt.Sprintf("/tasks/%d/narrative", asg.ID))
	a.until("the proposed problems", `document.querySelector('#narrative-problems')?.value === '1. 【较重】台账中有3项任务滞后（指标 2.2）'`)
	a.fill("#narrative-overall", "方案总体实施较好，主要目标基本实现。")
	a.fill("#narrative-achievements", "预算绩效管理覆盖全部市级部门。")
	a.fill("#narrative-recommendations", "尽快印发配套办法，建立按月对账机制。")
	a.untilText(`[data-testid="autosave-status"]`, "已自动保存")
	a.settle()
	a.screenshot("written")
	a.checkA11y("评估结论（撰写）")
	a.click(`[data-testid="narrative-submit"]`)
	a.untilText(".el-message-box", "交改革办审定")
	a.confirm("确认提交")
	a.toast("评估结论已提交")
	if v := status(); v.Status != evaluation.NarrativeSubmitted || v.Sections.Problems != "1. 【较重】台账中有3项任务滞后（指标 2.2）" {
		t.Fatalf("after submission: %+v", v)
	}

	// The office returns them with a comment.
	a.switchUser("admin")
	review := fmt.Sprintf("/rounds/%d/narratives/%d", round.ID, w.P1.ID)
	a.open(fmt.Sprintf("/admin/rounds/%d?tab=assignments", round.ID))
	a.untilText(`[data-testid="lead-tag"]`, "牵头")
	a.open(fmt.Sprintf("/admin/rounds/%d?tab=narratives", round.ID))
	a.untilText(`[data-testid="narratives-table"]`, "待审定")
	a.settle()
	a.screenshot("round")
	a.checkA11y("评估结论（本轮）")
	a.clickText(`[data-testid="narratives-table"] button`, "审定")
	a.untilPath(review)
	a.untilText(`[data-testid="review-overall"]`, "方案总体实施较好")
	a.untilText(".page", "台账中有3项任务滞后")
	a.settle()
	a.screenshot("review")
	a.checkA11y("审定评估结论")
	a.click(`[data-testid="narrative-return"]`)
	a.fill("#narrative-return-input", "主要成效请补充量化数据。")
	a.click(`[data-testid="narrative-return-confirm"]`)
	a.toast("已退回")
	if v := status(); v.Status != evaluation.NarrativeReturned {
		t.Fatalf("after the return: %+v", v)
	}

	// The lead sees the comment, revises and submits again.
	a.switchUser("eval1")
	a.open(fmt.Sprintf("/tasks/%d/narrative", asg.ID))
	a.untilText(`[data-testid="narrative-return-comment"]`, "主要成效请补充量化数据。")
	a.settle()
	a.screenshot("returned")
	a.fill("#narrative-achievements", "预算绩效管理覆盖全部市级部门，绩效目标完成率92%。")
	a.untilText(`[data-testid="autosave-status"]`, "已自动保存")
	a.click(`[data-testid="narrative-submit"]`)
	a.confirm("确认提交")
	a.toast("评估结论已提交")

	// The office approves.
	a.switchUser("admin")
	a.open(review)
	a.untilText(`[data-testid="review-achievements"]`, "绩效目标完成率92%")
	a.click(`[data-testid="narrative-approve"]`)
	a.untilText(".el-message-box", "确认审定")
	a.confirm("确认审定")
	a.toast("评估结论已审定")
	if v := status(); v.Status != evaluation.NarrativeApproved {
		t.Fatalf("after approval: %+v", v)
	}

	// The department: nothing before publication, the approved text after.
	a.switchUser("finance")
	conclusions := fmt.Sprintf("/conclusions/%d/%d", round.ID, w.P1.ID)
	a.open(conclusions)
	a.untilText(`[data-testid="narrative-unavailable"]`, "尚未审定发布")
	w.Move(round, evaluation.RoundScoringClosed)
	w.Move(round, evaluation.RoundPublished)
	a.open(conclusions)
	a.untilText(`[data-testid="narrative-read-achievements"]`, "绩效目标完成率92%")
	a.untilText(".page", "牵头评估机构：四川大学")
	if got := a.text(".page"); strings.Contains(got, "eval1") {
		t.Errorf("the department's page names the evaluator: %s", got)
	}
	a.settle()
	a.screenshot("department")
	a.checkA11y("评估结论（牵头单位）")
}
