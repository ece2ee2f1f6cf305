package e2e

import (
	"context"
	"fmt"
	"testing"

	"github.com/evald/evald/evaluation"
)

// Destructive steps say what they do in a red button, with the safe
// 取消 beside it: 撤销分配 names the plan; deleting a dimension of the
// template names its indicators; leaving the template editor with unsaved
// changes asks first.
func TestDestructiveConfirmationsSayWhatTheyDo(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	w.Assign(w.Round, w.P1, w.Eval1)
	a.login("admin")

	// 撤销分配: the red button says the action, the other says 取消.
	a.open(fmt.Sprintf("/admin/rounds/%d?tab=assignments", w.Round.ID))
	a.clickText(".el-table button", "撤销分配")
	a.untilText(".el-message-box", fmt.Sprintf("不再评估“%s %s”", w.P1.Code, w.P1.Title))
	if got := a.text(".el-message-box__btns .el-button--danger"); got != "撤销分配" {
		t.Errorf("the red button says %q", got)
	}
	if got := evaluate[string](a, `[...document.querySelectorAll('.el-message-box__btns .el-button')].map((b) => b.innerText.trim()).join('|')`); got != "取消|撤销分配" {
		t.Errorf("the buttons are %q, want 取消 then 撤销分配", got)
	}
	a.settle()
	a.screenshot("unassign")
	a.confirm("撤销分配")
	a.toast("已撤销分配")
	if list, err := w.Store.RoundAssignments(ctx, evaluation.AssignmentFilter{RoundID: w.Round.ID}); err != nil || list.Total != 0 {
		t.Fatalf("assignments after 撤销分配: %+v, %v", list, err)
	}

	// Deleting a dimension asks, naming it with its indicators and points.
	first := w.Template.Dimensions[0]
	a.open(fmt.Sprintf("/admin/templates/%d?edit=1", w.Template.ID))
	a.clickText(".dim-head button", "删除一级指标")
	a.untilText(".el-message-box", fmt.Sprintf("删除一级指标“%s %s”及其下 %d 项指标", first.Code, first.Name, len(first.Indicators)))
	a.settle()
	a.screenshot("delete-dimension")
	a.clickText(".el-message-box__btns button", "取消")
	a.gone(".el-message-box")
	dims := func() int { return evaluate[int](a, `document.querySelectorAll('.dim').length`) }
	if n := dims(); n != len(w.Template.Dimensions) {
		t.Fatalf("%d dimensions after 取消, want %d", n, len(w.Template.Dimensions))
	}
	a.clickText(".dim-head button", "删除一级指标")
	a.confirm("删除")
	a.until("the dimension to go", fmt.Sprintf(`document.querySelectorAll('.dim').length === %d`, len(w.Template.Dimensions)-1))

	// Leaving with the change unsaved asks; 留在本页 stays.
	a.clickText(".page-head button", "返回列表")
	a.untilText(".el-message-box", "指标体系有未保存的修改")
	a.clickText(".el-message-box__btns button", "留在本页")
	a.gone(".el-message-box")
	a.untilPath(fmt.Sprintf("/admin/templates/%d", w.Template.ID))
	a.clickText(".page-head button", "返回列表")
	a.confirm("放弃修改并离开")
	a.untilPath("/admin/templates")
}

// A plan published without a submitted sheet has no evaluation report: the
// department's 报告下载 says so instead of offering it again.
func TestReportsPageSaysNoResult(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	round := a.currentRound("2026年度专项改革方案第三方评估")
	asg := w.Assign(round, w.P1, w.Eval1)
	w.Move(round, evaluation.RoundOpen)
	if _, err := w.Store.CreateFinding(ctx, evaluation.ActorOf(w.Eval1), asg.ID, evaluation.FindingRequest{IndicatorCode: "2.2",
		Severity: evaluation.SeverityMajor, Description: "台账中有3项任务滞后", Recommendation: "按月对账销号"}); err != nil {
		t.Fatal(err)
	}
	w.Move(round, evaluation.RoundScoringClosed)
	w.Move(round, evaluation.RoundPublished)

	a.login("finance")
	a.open("/my-reports")
	a.clickText(fmt.Sprintf(`[data-testid="evaluation-report-%s"]`, w.P1.Code), "评估报告")
	a.untilText(fmt.Sprintf(`[data-testid="no-result-%s"]`, w.P1.Code), "未评分 · 无评估报告")
	a.settle()
	a.screenshot("no-result")
}
