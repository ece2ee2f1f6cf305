package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/evald/evald/evaluation"
)

// selfRound is a current round (currentRound) with a self-assessment due in
// ten days, eval1 on P1 (市财政局), opened; it returns the round, the
// assignment and P1's self-assessment.
func (a *app) selfRound(name string) (*evaluation.Round, *evaluation.AssignmentView, int64) {
	a.t.Helper()
	ctx := context.Background()
	w := a.world
	r := a.currentRound(name)
	due := a.env.Clock.Now().AddDate(0, 0, 10).Format(time.DateOnly)
	if _, err := a.env.Store.UpdateRound(ctx, w.AdminActor(), r.ID, evaluation.RoundPatch{SelfAssessmentDue: &due}); err != nil {
		a.t.Fatal(err)
	}
	asg := w.Assign(r, w.P1, w.Eval1)
	w.Move(r, evaluation.RoundOpen)
	list, err := a.env.Store.SelfAssessments(ctx, w.AdminActor(), evaluation.SelfAssessmentFilter{RoundID: r.ID, PlanID: w.P1.ID})
	if err != nil || len(list.Items) != 1 {
		a.t.Fatalf("the round's self-assessment: %+v %v", list.Items, err)
	}
	return r, asg, list.Items[0].ID
}

// signOut forgets the session, so that another user can log in.
func (a *app) signOut() {
	a.t.Helper()
	a.run("sign out", chromedp.Evaluate[chromedp.Void](`localStorage.clear()`))
}

// The whole self-assessment path in the browser: the department fills in
// every indicator, ties an evidence file to one and submits; the office
// returns it with a comment; the department sees the comment and submits
// again; the evaluator sees the self-score, its explanation and the file
// beside the indicator, and opens the file in a new tab.
func TestSelfAssessmentPath(t *testing.T) {
	a := newApp(t)
	w := a.world
	round, asg, saID := a.selfRound("2026年度第二轮清单式集中评估")

	// The department opens its self-assessment from its to-do list.
	a.login("finance")
	a.clickText(`[data-testid="todo-list"] a`, w.P1.Title)
	a.untilPath(fmt.Sprintf("/self-assessments/%d", saID))
	a.visible(`[data-indicator="4.3"]`)
	a.fill("#self-summary", "方案确定的12项改革任务已完成10项，配套文件已印发5件。")
	values := map[string]string{"1.1": "5", "1.2": "5", "2.1": "9", "2.2": "8.5", "2.4": "4",
		"3.1": "13", "3.2": "12", "4.1": "8", "4.2": "7", "4.3": "5"}
	for _, code := range []string{"1.1", "1.2", "2.1", "2.2", "2.4", "3.1", "3.2", "4.1", "4.2", "4.3"} {
		a.fill(indicatorField(code), values[code])
	}
	for _, code := range []string{"1.3", "1.4", "2.3"} {
		a.click(fmt.Sprintf(`[data-indicator="%s"] .el-radio-button:first-child`, code)) // 是
	}
	a.fill(indicatorField("1.1")+"-comment", "已成立改革专班，按月调度，详见会议纪要。")
	a.untilText(`[data-testid="autosave-status"]`, "已自动保存")

	a.run("attach evidence to 1.1", chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="files-1.1"] input[type="file"]`), []string{evidencePNG(t)}))
	a.toast("“整改会议纪要.png”已上传")
	a.untilText(`[data-testid="files-1.1"]`, "整改会议纪要.png")
	a.settle()
	a.screenshot("department-filled")
	a.checkA11y("/self-assessments/{id} (填写自评)")

	a.click(`[data-testid="self-submit"]`)
	a.untilText(".el-message-box", "全部 13 项指标已填写")
	a.confirm("确认提交")
	a.toast("自评已提交")
	a.untilText(".page", "自评已提交，改革办和评估机构可以查看")

	// The office returns it with a comment, from the round's page.
	a.signOut()
	a.login("admin")
	a.open(fmt.Sprintf("/admin/rounds/%d?tab=self-assessments", round.ID))
	a.untilText(`[data-testid="self-assessments-panel"]`, w.P1.Code)
	a.clickText(`[data-testid="self-assessments-panel"] .el-button`, "退回")
	a.untilText(".el-dialog", "退回后部门可以修改并重新提交")
	a.fill("#return-comment", "请补充2.2项配套文件的印发通知。")
	a.click(`[data-testid="confirm-return"]`)
	a.toast("已退回")
	a.settle()
	a.screenshot("office-returned")
	a.checkA11y("/admin/rounds/{id}?tab=self-assessments (部门自评)")

	// The department sees the comment first, and submits again.
	a.signOut()
	a.login("finance")
	a.open(fmt.Sprintf("/self-assessments/%d", saID))
	a.untilText(`[data-testid="return-comment"]`, "请补充2.2项配套文件的印发通知。")
	a.settle()
	a.screenshot("department-sees-return")
	a.fill(indicatorField("2.2")+"-comment", "配套文件印发通知已补充。")
	a.untilText(`[data-testid="autosave-status"]`, "已自动保存")
	a.click(`[data-testid="self-submit"]`)
	a.confirm("确认提交")
	a.toast("自评已提交")

	sa, err := a.env.Store.SelfAssessment(context.Background(), w.AdminActor(), saID)
	if err != nil {
		t.Fatal(err)
	}
	if sa.Status != evaluation.SelfSubmitted || len(sa.Attachments) != 1 || sa.Attachments[0].IndicatorCode != "1.1" ||
		!strings.Contains(sa.Summary, "12项改革任务") {
		t.Fatalf("stored self-assessment: %+v", sa)
	}

	// The evaluator scores on the evidence: the self-score, explanation and file beside 1.1.
	a.signOut()
	a.login("eval1")
	a.open(fmt.Sprintf("/tasks/%d", asg.ID))
	a.untilText(`[data-testid="self-assessment-evidence"]`, "12项改革任务")
	a.untilText(`[data-testid="self-score-1.1"]`, "5 分")
	a.untilText(`[data-testid="self-score-1.1"]`, "已成立改革专班")
	a.untilText(`[data-testid="self-score-1.1"]`, "整改会议纪要.png")
	a.settle()
	a.screenshot("evaluator-sees-evidence")
	a.checkA11y("/tasks/{id} (评分表与部门自评)")

	fileLink := fmt.Sprintf(`[data-testid="self-file-%d"]`, sa.Attachments[0].ID)
	a.click(fileLink)
	a.until("the file to open in a new tab", "true")
	deadline := time.Now().Add(stepTimeout)
	for {
		targets, err := chromedp.Targets(a.ctx)
		if err != nil {
			t.Fatal(err)
		}
		opened := false
		for _, tg := range targets {
			opened = opened || tg.Type == "page" && strings.HasPrefix(tg.URL, "blob:")
		}
		if opened {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the evidence file did not open in a new tab: %+v", targets)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
