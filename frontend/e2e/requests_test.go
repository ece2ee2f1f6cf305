package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/evald/evald/evaluation"
)

// An evaluator asks the department for more material from the scoresheet
// page; the department answers it with a file from its 补充材料 list (opened
// from its to-do); the evaluator who asked and a second evaluator of the plan
// read the answer and the file. The department's pages never name the
// evaluators or their agencies.
func TestRequestsForMoreMaterial(t *testing.T) {
	a := newApp(t)
	w, ctx := a.world, context.Background()
	// Names that cannot turn up by chance on the department's pages.
	names := []string{"四川大学", "电子科技大学", "eval1", "eval2"}
	for i, u := range []*evaluation.User{w.Eval1, w.Eval2} {
		display := []string{"王审阅专家", "李核查专家"}[i]
		if _, err := w.Store.UpdateUser(ctx, evaluation.System, u.ID, evaluation.UserPatch{DisplayName: &display}); err != nil {
			t.Fatal(err)
		}
		names = append(names, display)
	}
	a1, a2 := w.Assign(w.Round, w.P1, w.Eval1), w.Assign(w.Round, w.P1, w.Eval2)
	w.Move(w.Round, evaluation.RoundOpen)
	const question = "请提供2025年度预算绩效目标表及绩效自评报告。"
	const answer = "绩效目标表及自评报告已上传，请查阅附件。"

	a.login("eval1")
	a.open(fmt.Sprintf("/tasks/%d", a1.ID))
	a.untilText(`[data-testid="material-requests"]`, "尚无补充材料请求")
	a.click(`[data-testid="ask-material"]`)
	a.fill(`textarea[data-testid="question-input"]`, question)
	a.click(`[data-testid="question-send"]`)
	a.toast("已发送给牵头单位")
	a.untilText(`[data-testid="material-requests"]`, question)
	a.untilText(`[data-testid="material-requests"]`, "我提出的")
	a.settle()
	a.screenshot("asked")

	list, err := w.Store.Requests(ctx, evaluation.System, evaluation.RequestFilter{RoundID: w.Round.ID})
	if err != nil || len(list.Items) != 1 {
		t.Fatalf("requests after asking: %+v, %v", list.Items, err)
	}
	id := list.Items[0].ID

	noNames := func(where string) {
		t.Helper()
		body := a.text("body")
		for _, n := range names {
			if strings.Contains(body, n) {
				t.Errorf("the department's %s names %q", where, n)
			}
		}
	}

	a.switchUser("finance")
	a.clickText(`[data-testid="todo-list"] a`, "补充材料请求")
	a.untilPath(fmt.Sprintf("/requests/%d", id))
	a.visible(`[data-testid="request-dialog"]`)
	a.untilText(`[data-testid="request-dialog"]`, question)
	a.fill(`textarea[data-testid="answer-input"]`, answer)
	a.run("attach the file", chromedp.SetUploadFiles(chromedp.CSS(`[data-testid="request-files"] input[type="file"]`), []string{evidencePNG(t)}))
	a.toast("“整改会议纪要.png”已上传")
	a.untilText(`[data-testid="request-files"]`, "整改会议纪要.png")
	a.settle()
	a.screenshot("department-answers")
	a.checkA11y("the answer dialog")
	noNames("answer dialog")
	a.click(`[data-testid="answer-send"]`)
	a.toast("已答复")
	a.untilPath("/requests")
	a.untilText(`[data-testid="requests-table"]`, "已答复")
	a.settle()
	a.screenshot("department-list")
	a.checkA11y("/requests (补充材料)")
	noNames("requests list")
	a.open("/notifications")
	a.untilText(".page", "补充材料请求")
	noNames("notifications")

	for _, ev := range []struct {
		user string
		asg  int64
	}{{"eval1", a1.ID}, {"eval2", a2.ID}} {
		a.switchUser(ev.user)
		a.open(fmt.Sprintf("/tasks/%d", ev.asg))
		a.untilText(`[data-testid="material-requests"]`, answer)
		a.untilText(`[data-testid="material-requests"]`, "整改会议纪要.png")
		a.settle()
		a.screenshot(ev.user + "-reads")
		a.checkA11y(fmt.Sprintf("/tasks/%d with answered requests", ev.asg))
	}
	// The second evaluator downloads the file the department gave.
	name, data := a.download("the answer's file", chromedp.Click(chromedp.CSS(`[data-testid="material-requests"] .files a`)))
	if name != "整改会议纪要.png" || len(data) == 0 {
		t.Errorf("downloaded %q (%d bytes)", name, len(data))
	}
}
