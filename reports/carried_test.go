package reports

import (
	"strings"
	"testing"
)

// Findings carried from earlier rounds come out of the evaluation report in
// a section of their own, after the round's own findings, each with the
// rounds it came through.
func TestEvaluationReportPrintsCarriedFindings(t *testing.T) {
	r := sampleEvaluation(3, 6, 2)
	carried := r.Findings[0]
	carried.Number = len(r.Findings) + 1
	carried.Description = "配套文件《绩效目标管理办法》仍未印发（上轮提出）。"
	carried.History = []string{"2026年第一轮清单式集中评估提出（原问题 #17），当时状态：已退回，整改期限 2026-06-09"}
	r.Findings = append(r.Findings, carried)
	body := bodyText(pdfPages(t, pdfOf(t, r)), "《"+r.Plan.Title+"》第三方评估报告", r.ReportNumber)
	assertContainsAll(t, body, map[string]string{
		"section":     "上轮未整改问题",
		"description": carried.Description,
		"history":     "来历：" + carried.History[0],
	})
	if own, section := strings.Index(body, squash(r.Findings[0].Description)), strings.Index(body, "上轮未整改问题"); own < 0 || section < own {
		t.Errorf("the carried section (at %d) does not follow the round's own findings (at %d)", section, own)
	}
}
