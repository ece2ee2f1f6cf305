package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
)

// Closing scoring with sheets missing: the confirmation says how many sheets
// are in and which plans have no result, and goes ahead only with a typed
// reason, which the audit trail keeps. Publishing while a required
// conclusion is not approved: the button stays disabled and says why.
func TestRoundStepDialogTellsTheTruth(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	round := a.currentRound("2026年度专项改革方案第三方评估")
	a1 := w.Assign(round, w.P1, w.Eval1)
	w.Assign(round, w.P1, w.Eval2)
	w.Assign(round, w.P2, w.Eval2)
	w.Move(round, evaluation.RoundOpen)
	w.Score(a1, w.Eval1, w.FullAnswers(0.8))

	a.login("admin")
	page := fmt.Sprintf("/admin/rounds/%d", round.ID)
	dialog := `[data-testid="round-step-dialog"]`
	confirm := `[data-testid="round-step-confirm"]`
	disabled := func() bool {
		return evaluate[bool](a, fmt.Sprintf(`document.querySelector(%s).disabled`, js(confirm)))
	}

	// Close scoring: the numbers, the plans concerned, no confirming without a reason.
	a.open(page)
	a.clickText(`[data-testid="round-next-step"]`, "截止评分")
	a.untilText(`[data-testid="round-step-facts"]`, "已提交 1/3 份评分表（草稿 0 份，未开始 2 份）")
	a.untilText(`[data-testid="round-step-facts"]`, "1 个方案没有完整的评估结果")
	warnings := `[data-testid="round-step-warnings"]`
	a.untilText(warnings, "评分表未交齐（2 个方案）")
	a.untilText(warnings, "方案没有评估结果（1 个方案）")
	a.untilText(warnings, w.P2.Code+" "+w.P2.Title)
	a.untilText(warnings, "方案的评分表少于分配份数（1 个方案）")
	a.untilText(dialog, "请先填写理由")
	if !disabled() {
		t.Fatal("截止评分 can be confirmed without a reason despite the warnings")
	}
	a.settle()
	a.screenshot("close-scoring")
	a.checkA11y("截止评分确认")
	a.fill("#round-step-reason", "催办")
	if !disabled() {
		t.Fatal("a two-character reason is accepted")
	}
	reason := "评估机构已书面确认无法按期完成"
	a.fill("#round-step-reason", reason)
	a.until("the confirm button to be enabled", fmt.Sprintf(`!document.querySelector(%s).disabled`, js(confirm)))
	a.settle()
	a.screenshot("close-scoring-reason")
	a.click(confirm)
	a.toast("已截止评分")
	a.gone(dialog)
	r, err := w.Store.Round(ctx, round.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != evaluation.RoundScoringClosed {
		t.Fatalf("round status after confirming: %s", r.Status)
	}
	events, err := w.Store.ListAudit(ctx, evaluation.AuditFilter{Entity: "round", EntityID: round.ID})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range events.Items {
		if e.Action == "round.scoring_closed" && strings.Contains(e.After, reason) {
			found = true
		}
	}
	if !found {
		t.Errorf("the reason is not in the audit trail: %+v", events.Items)
	}

	// Publish with a conclusion required and not approved: a blocker disables the button.
	require := true
	if _, err := w.Store.UpdateRound(ctx, w.AdminActor(), round.ID, evaluation.RoundPatch{RequireNarrative: &require}); err != nil {
		t.Fatal(err)
	}
	a.open(page)
	a.clickText(`[data-testid="round-next-step"]`, "发布结果")
	blockers := `[data-testid="round-step-blockers"]`
	a.untilText(blockers, "评估结论未审定（1 个方案）")
	a.untilText(blockers, w.P1.Code+" "+w.P1.Title)
	a.untilText(dialog, "须先处理上述问题")
	if !disabled() {
		t.Fatal("发布结果 can be confirmed despite a blocker")
	}
	if evaluate[bool](a, `!!document.querySelector('#round-step-reason')`) {
		t.Error("a reason is asked for although the step is blocked")
	}
	a.settle()
	a.screenshot("publish-blocked")
	a.checkA11y("发布结果确认（受阻）")
	a.clickText(dialog+" .el-dialog__footer button", "取消")
	a.gone(dialog)
	if r, err := w.Store.Round(ctx, round.ID); err != nil || r.Status != evaluation.RoundScoringClosed {
		t.Fatalf("round after cancelling: %+v, %v", r, err)
	}
}
