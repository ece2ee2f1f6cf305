package reports

import (
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
)

// Texts that have tripped up PDF pipelines: CJK punctuation, mixed digits and
// Latin, rare place names.
const (
	trickyTitle   = "关于深化郫都区、邛崃市“放管服”改革——优化营商环境的实施方案（2017—2020年）"
	trickySummary = "方案提出：到2020年，郫都区、邛崃市“一网通办”覆盖率达到100%；《成都市优化营商环境条例》……配套政策全面落地。2017年完成GDP 1.2万亿元（同比+8.5%），R&D投入强度2.6%。"
	trickyFinding = "“最多跑一次”事项清单未按《实施方案》要求动态调整——部分事项（如企业开办、不动产登记）办理时限仍超过5个工作日……"
)

// longText is a finding of several thousand characters that spans pages.
func longText(n int) string {
	parts := []string{
		"经查阅郫都区、邛崃市提供的台账资料，", "“一窗受理、集成服务”改革推进不平衡，", "2019年第3季度办件量为12,345件（同比+17.5%），",
		"但线上办理率仅为38.2%；", "《政务服务事项目录（V2.1）》与实际运行不一致——", "部分事项仍要求群众重复提交材料……",
		"建议对照GB/T 32170—2015标准逐项梳理，", "并于Q4前完成API接口对接、数据共享和电子证照互认。",
	}
	var sb strings.Builder
	for i := 0; sb.Len() < n*3; i++ {
		sb.WriteString(parts[i%len(parts)])
		if i%11 == 10 {
			sb.WriteString("\n")
		}
	}
	return sb.String()
}

var dimensionNames = []string{"方案设计的科学性", "政策举措的协同性", "组织实施的有效性", "改革成效与群众获得感", "制度创新与可复制推广"}

// sampleEvaluation builds an evaluation report with the given numbers of
// raters, indicators and findings; every text is different and realistic.
func sampleEvaluation(raters, indicators, findings int) *EvaluationReport {
	r := &EvaluationReport{
		ReportNumber: "PG-2024-01-0007",
		Date:         "2024-06-28",
		Issuer:       "成都市委全面深化改革委员会办公室",
		RoundName:    "2024年度专项改革方案清单式集中评估（第一批）",
		Plan: Plan{
			Code: "CD-GG-2017-031", Title: trickyTitle, LeadDepartment: "成都市政务服务管理和网络理政办公室",
			ApprovedBy: "市委深改组", IssuedOn: "2017-08-15", Field: "经济体制", Summary: trickySummary,
		},
		Template:         "专项改革方案评估指标体系（2024版）",
		Assigned:         raters,
		OutlierThreshold: 15,
		GradeBands:       []GradeBand{{"优秀", 90}, {"良好", 80}, {"合格", 60}},
		Result:           Result{Total: 84.37, Grade: "良好", Rank: 3, RankedPlans: 42},
		Spread:           Spread{StdDev: 6.12, Range: 15.5, Median: 84.5},
	}
	agencies := []string{"四川大学公共管理学院", "西南财经大学", "电子科技大学", "成都市社会科学院", "四川省社会科学院区域经济研究所"}
	for i := range raters {
		ag := agencies[i%len(agencies)]
		r.Raters = append(r.Raters, Rater{Label: fmt.Sprintf("评估人员 %d", i+1), Agency: ag, Total: 78.5 + float64(i*3)})
		if i < len(agencies) {
			r.Agencies = append(r.Agencies, ag)
		}
	}
	if raters >= 5 {
		r.Raters[raters-1].Dropped = DroppedHighest
		r.Raters[0].Dropped = DroppedLowest
		r.Raters[raters-1].Outlier = true
	}
	perDim := int(math.Ceil(float64(indicators) / float64(len(dimensionNames))))
	for i := range indicators {
		d := i / perDim
		r.Indicators = append(r.Indicators, IndicatorScore{
			Dimension: fmt.Sprintf("%d. %s", d+1, dimensionNames[d%len(dimensionNames)]),
			Code:      fmt.Sprintf("%d.%d", d+1, i%perDim+1),
			Name:      fmt.Sprintf("第%d项指标：改革任务分解落实情况及配套政策出台", i+1),
			Check:     i%7 == 3, Veto: i == 3,
			MaxScore: 3.5, Mean: 2.83, Min: 1.5, Max: 3.5,
		})
	}
	for d := range min(len(dimensionNames), max(1, indicators)) {
		r.Dimensions = append(r.Dimensions, DimensionScore{Code: fmt.Sprint(d + 1), Name: dimensionNames[d], Score: 14.25 + float64(d), Max: 20})
	}
	sev := []Severity{SeverityMinor, SeverityMajor, SeverityCritical}
	for i := range findings {
		r.Findings = append(r.Findings, Finding{
			Number: i + 1, Severity: sev[i%3], IndicatorCode: fmt.Sprintf("%d.1", i%5+1), IndicatorName: "改革任务分解落实",
			Description:    fmt.Sprintf("（第%d项）%s部分任务未明确完成时限和责任人，第%d批次台账缺失。", i+1, trickyFinding, i+2),
			Recommendation: fmt.Sprintf("建议在%d个月内建立任务台账，实行“清单化、项目化、责任化”管理，逐项明确时间节点。", i%6+1),
			Agency:         agencies[i%len(agencies)],
		})
	}
	return r
}

var (
	testRendererOnce sync.Once
	testRenderer     *Renderer
	testRendererErr  error
)

// renderer is one Renderer shared by the tests, as a server would share it.
func renderer(t testing.TB) *Renderer {
	t.Helper()
	testRendererOnce.Do(func() { testRenderer, testRendererErr = NewRenderer(Options{}) })
	if testRendererErr != nil {
		t.Fatal(testRendererErr)
	}
	return testRenderer
}

// sampleRectification builds a rectification report with findings in every
// status, one overdue, one returned twice and one with no response.
func sampleRectification(findings int) *RectificationReport {
	ev := sampleEvaluation(5, 5, findings)
	r := &RectificationReport{
		ReportNumber: "ZG-2024-01-0007", Date: "2024-10-08", Issuer: ev.Issuer, RoundName: ev.RoundName,
		PublishedOn: "2024-07-01", Plan: ev.Plan,
	}
	accepted := 0
	for i, f := range ev.Findings {
		it := RectificationItem{Finding: f, DueOn: "2024-09-29"}
		switch i % 4 {
		case 0:
			it.Status = StatusAccepted
			accepted++
		case 1:
			it.Status = StatusReturned
		case 2:
			it.Status = StatusResponded
		case 3:
			it.Status = StatusOpen
			it.Overdue = true
		}
		if it.Status != StatusOpen {
			it.Response = &Response{
				Measures:          fmt.Sprintf("一是制定《整改工作方案》，明确%d项具体措施；二是对郫都区、邛崃市窗口人员开展业务培训（累计120人次）；三是上线“蓉易办”v3.2版本……", i+3),
				ResponsiblePerson: "李明（副主任）",
				Progress:          ProgressInProgress,
				Evidence:          []string{"整改工作方案.pdf", fmt.Sprintf("培训签到表-第%d期.xlsx", i+1)},
				SubmittedOn:       "2024-08-15",
			}
		}
		if it.Status == StatusAccepted {
			it.Response.Progress, it.Response.CompletedOn = ProgressCompleted, "2024-08-30"
			it.Verifications = []Verification{
				{Date: "2024-08-20", Verifier: "四川大学公共管理学院", Verdict: VerdictReturned, Comment: "佐证材料不足，请补充办件量统计（2024年1—7月）。"},
				{Date: "2024-09-02", Verifier: "四川大学公共管理学院", Verdict: VerdictAccepted, Comment: "整改到位，同意销号。"},
			}
		}
		if it.Status == StatusReturned {
			it.Verifications = []Verification{{Date: "2024-08-25", Verifier: "市委改革办", Verdict: VerdictReturned, Comment: "措施未覆盖邛崃市，请补充。"}}
		}
		r.Findings = append(r.Findings, it)
	}
	if findings > 0 {
		r.RatePercent = math.Round(10000*float64(accepted)/float64(findings)) / 100
	}
	return r
}

// sampleSummary builds a round summary of n plans over a few departments;
// every seventh plan has no result and every fifth no findings.
func sampleSummary(n int) *RoundSummary {
	s := &RoundSummary{ReportNumber: "HZ-2024-01", Date: "2024-10-08", Issuer: "成都市委全面深化改革委员会办公室",
		RoundName: "2024年度专项改革方案清单式集中评估（第一批）"}
	depts := []string{"成都市发展和改革委员会", "成都市经济和信息化局", "成都市政务服务管理和网络理政办公室", "郫都区人民政府", "邛崃市人民政府"}
	per := map[string]*DepartmentSummary{}
	for i := range n {
		p := PlanSummary{
			Code: fmt.Sprintf("CD-%03d", i+1), Title: fmt.Sprintf("关于深化第%d项“放管服”改革的实施方案（2017—2020年）", i+1),
			LeadDepartment: depts[i%len(depts)], Raters: 5, Total: math.Round(9500-float64(i)*13.7) / 100, Rank: i + 1,
			Findings: i%9 + 1, Accepted: i % 9 / 2, Overdue: i % 3,
		}
		p.Grade, p.Scored = "良好", true
		if i%7 == 6 {
			p.Raters, p.Total, p.Rank, p.Grade, p.Scored = 0, 0, 0, "", false
		}
		if i%5 == 4 {
			p.Findings, p.Accepted, p.Overdue = 0, 0, 0
		}
		if p.Findings > 0 {
			p.RatePercent = math.Round(10000*float64(p.Accepted)/float64(p.Findings)) / 100
		}
		s.Plans = append(s.Plans, p)
		d := per[p.LeadDepartment]
		if d == nil {
			d = &DepartmentSummary{Department: p.LeadDepartment}
			per[p.LeadDepartment] = d
		}
		d.Plans++
		d.Findings += p.Findings
		d.Accepted += p.Accepted
		d.Overdue += p.Overdue
	}
	for _, name := range depts {
		if d := per[name]; d != nil {
			if d.Findings > 0 {
				d.RatePercent = math.Round(10000*float64(d.Accepted)/float64(d.Findings)) / 100
			}
			s.Departments = append(s.Departments, *d)
		}
	}
	return s
}
