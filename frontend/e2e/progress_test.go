package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
)

// The office sees a round's progress on its page — 已提交 3/6, by evaluator
// and by agency — selects the one evaluator who has not started and sends
// 催办 to exactly them (the confirm names one person and one sheet; only they
// get a reminder); the 宽严度 chart and the results page's charts are drawn,
// each with its hidden table of figures.
func TestOfficeSeesProgressRemindsSelectedAndCharts(t *testing.T) {
	a := newApp(t)
	w := a.world
	round := a.currentRound("2026年度专项改革方案第三方评估")
	a11, a12 := w.Assign(round, w.P1, w.Eval1), w.Assign(round, w.P1, w.Eval2)
	a21 := w.Assign(round, w.P2, w.Eval1)
	w.Assign(round, w.P2, w.Eval3)
	w.Assign(round, w.P3, w.Eval3)
	w.Assign(round, w.P3, w.Eval5)
	w.Move(round, evaluation.RoundOpen)
	w.Score(a11, w.Eval1, w.FullAnswers(0.8)) // 80.5
	w.Score(a12, w.Eval2, w.FullAnswers(0.6)) // 63
	w.Score(a21, w.Eval1, w.FullAnswers(0.9)) // 89.5

	a.login("admin")
	a.open(fmt.Sprintf("/admin/rounds/%d", round.ID))
	a.untilText(`[data-testid="progress-submitted"]`, "已提交 3/6")
	a.untilText(`[data-testid="progress-deadline"]`, "距评分截止还有")
	a.untilText(`[data-testid="progress-evaluators"]`, w.Eval5.DisplayName)
	a.untilText(`[data-testid="progress-evaluators"]`, "剩 ")
	a.click(fmt.Sprintf(`.progress-evaluator-%d .el-checkbox`, w.Eval5.ID))
	a.untilText(`[data-testid="round-progress"]`, "已选 1 人 · 1 份未提交")
	a.settle()
	a.screenshot("progress")
	a.checkA11y("/admin/rounds/:id (评估进度)")

	a.click(`[data-testid="remind-selected"]`)
	a.untilText(".el-message-box", "将向所选的 1 名评估人员发送催办提醒，涉及 1 份未提交的评分表")
	a.settle()
	a.screenshot("confirm")
	a.confirm("提醒 1 人")
	a.toast("已提醒 1 人")
	var reminded []int64
	if err := a.env.DB.Gorm.Model(&evaluation.Notification{}).Where("kind = ?", evaluation.NoticeReminder).
		Order("user_id").Pluck("user_id", &reminded).Error; err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(reminded, []int64{w.Eval5.ID}) {
		t.Errorf("reminded %v, want only eval5 (%d)", reminded, w.Eval5.ID)
	}

	// 宽严度: each agency's mean total against the round's mean (77.67).
	a.clickText(".el-radio-button", "宽严度")
	a.visible(`[data-testid="round-progress"] [role="img"] canvas`)
	a.untilText(`[data-testid="round-progress"] figcaption`, "全轮平均 77.67")
	if got := a.text(`[data-testid="round-progress"] [data-testid="echart-alt"] tbody`); got == "" {
		t.Errorf("the 宽严度 chart has no table of its figures")
	}
	a.settle()
	a.screenshot("severity")

	// The results page: the distribution of totals by grade band, drawn, with its table.
	a.open(fmt.Sprintf("/results?round=%d", round.ID))
	a.visible(`[data-testid="grade-distribution"] [role="img"] canvas`)
	label := evaluate[string](a, `document.querySelector('[data-testid="grade-distribution"] [role="img"]').getAttribute('aria-label')`)
	// P1 (80.5 + 63) / 2 = 71.75 合格, P2 89.5 良好, P3 未评分.
	if want := "本轮总分分布（按等次）。优秀：总分区间 ≥ 90，方案数 0；良好：总分区间 80–90，方案数 1；合格：总分区间 60–80，方案数 1；" +
		"不合格：总分区间 0–60，方案数 0；未评分：总分区间 结果不完整，方案数 1"; label != want {
		t.Errorf("distribution label %q, want %q", label, want)
	}
	rows := evaluate[int](a, `document.querySelectorAll('[data-testid="grade-distribution"] [data-testid="echart-alt"] tbody tr').length`)
	if rows != 5 {
		t.Errorf("distribution table has %d rows, want 5", rows)
	}
	a.settle()
	a.screenshot("results")
	a.checkA11y("/results (charts)")

	// A plan's dimensions against the round's mean.
	a.open(fmt.Sprintf("/results/%d/plans/%d", round.ID, w.P1.ID))
	a.visible(`[data-testid="plan-dimensions-chart"] canvas`)
	a.untilText(`[data-testid="plan-dimensions-chart"] figcaption`, "各维度得分与全轮平均（2 个结果完整的方案）")
	a.settle()
	a.screenshot("plan")
	a.checkA11y("/results/:round/plans/:plan (charts)")

	// Once scoring has closed nothing counts down: not the progress, not the assignments.
	w.Move(round, evaluation.RoundScoringClosed)
	a.open(fmt.Sprintf("/admin/rounds/%d?tab=assignments", round.ID))
	a.untilText(`[data-testid="progress-deadline"]`, "评分已关闭")
	a.untilText(`[data-testid="progress-evaluators"]`, "评分已关闭")
	a.untilText(`[data-testid="assignments"]`, "评分已关闭")
	for _, css := range []string{`[data-testid="round-progress"]`, `[data-testid="assignments"]`} {
		if text := a.text(css); strings.Contains(text, "剩") || strings.Contains(text, "到期") || strings.Contains(text, "逾期") {
			t.Errorf("%s still counts down after scoring closed: %q", css, text)
		}
	}
	if evaluate[int](a, `document.querySelectorAll('[data-testid="remind-selected"]').length`) != 0 {
		t.Errorf("batch 催办 offered after scoring closed")
	}
	a.settle()
	a.screenshot("closed")
}

// The rectification page charts each department's findings — accepted, in
// progress, overdue — with the figures in a hidden table.
func TestRectificationChartByDepartment(t *testing.T) {
	a := newApp(t)
	p := a.published()
	a.login("admin")
	a.open(fmt.Sprintf("/rectification?round=%d", p.Round.ID))
	a.visible(`[data-testid="rectification-chart"] [role="img"] canvas`)
	a.untilText(`[data-testid="rectification-chart"] [data-testid="echart-alt"] tbody`, a.world.Finance.Name)
	label := evaluate[string](a, `document.querySelector('[data-testid="rectification-chart"] [role="img"]').getAttribute('aria-label')`)
	if want := a.world.Finance.Name + "：问题数 2，已销号 0"; !strings.Contains(label, want) {
		t.Errorf("rectification label %q lacks %q", label, want)
	}
	a.settle()
	a.screenshot("rectification")
	a.checkA11y("/rectification (chart)")
}
