package reports

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// EvaluationReport is everything the evaluation report (评估报告) of one plan
// in one round prints. Numbers are the domain's, already rounded to two
// decimals.
type EvaluationReport struct {
	ReportNumber string   `json:"report_number"` // e.g. "PG-2024-01-0003"
	Date         string   `json:"date"`          // report date, YYYY-MM-DD; also the PDF's creation date
	Issuer       string   `json:"issuer"`        // issuing office, e.g. 成都市委全面深化改革委员会办公室
	RoundName    string   `json:"round_name"`
	Agencies     []string `json:"agencies"` // the evaluation agencies of the plan, in order
	Plan         Plan     `json:"plan"`

	// Method.
	Template         string      `json:"template"`          // name (and version) of the indicator system
	Assigned         int         `json:"assigned"`          // raters assigned to the plan
	OutlierThreshold float64     `json:"outlier_threshold"` // points from the median that flag an outlier
	GradeBands       []GradeBand `json:"grade_bands"`       // highest first

	// Raters are the submitted scoresheets, in assignment order.
	Raters []Rater `json:"raters"`

	Result     Result           `json:"result"`
	Dimensions []DimensionScore `json:"dimensions"`
	Indicators []IndicatorScore `json:"indicators"`
	Spread     Spread           `json:"spread"`
	Findings   []Finding        `json:"findings"`

	// Surveys are the public satisfaction surveys linked to the plan in the
	// round (omitted from the verification data when there are none).
	Surveys []SurveySummary `json:"surveys,omitempty"`

	// The judgement (omitted from the verification data when absent, so
	// that reports issued before they existed keep their codes).
	SelfTotal  *float64   `json:"self_total,omitempty"` // the submitted self-assessment's total; nil without one
	SelfGap    *float64   `json:"self_gap,omitempty"`   // self − third party
	LeadAgency string     `json:"lead_agency,omitempty"`
	Narrative  *Narrative `json:"narrative,omitempty"` // the conclusions printed; nil when none are

	// Issue: which version of the issued report this is, and why it was
	// reissued; Draft marks the office's preview before publication,
	// watermarked 草稿 on every page.
	Version int    `json:"version,omitempty"`
	Reason  string `json:"reason,omitempty"`
	Draft   bool   `json:"draft,omitempty"`
}

// Narrative is a plan's conclusions (评估结论), written by the lead agency
// and approved (审定) by the office.
type Narrative struct {
	Overall         string `json:"overall"`         // 总体评价
	Achievements    string `json:"achievements"`    // 主要成效
	Problems        string `json:"problems"`        // 存在问题
	Recommendations string `json:"recommendations"` // 意见建议
	ApprovedBy      string `json:"approved_by"`     // the office; "" while not approved (a draft preview)
	ApprovedOn      string `json:"approved_on"`     // YYYY-MM-DD; "" while not approved
}

// SurveySummary is a public satisfaction survey (群众满意度调查) about the plan.
type SurveySummary struct {
	Title     string `json:"title"`
	Closed    bool   `json:"closed"` // no longer taking answers
	Responses int64  `json:"responses"`
	// SatisfactionIndex is 0–100 from the likert5 answers, already rounded
	// to two decimals; nil without any.
	SatisfactionIndex *float64 `json:"satisfaction_index"`
}

// GradeBand is a grade and the lowest total that earns it.
type GradeBand struct {
	Grade string  `json:"grade"` // 优秀, 良好, 合格…
	Min   float64 `json:"min"`
}

// Rater is one submitted scoresheet.
type Rater struct {
	Label   string  `json:"label"`   // how the report names the rater, e.g. 评估人员 1 or a name
	Agency  string  `json:"agency"`  // their evaluation agency
	Total   float64 `json:"total"`   // their total
	Dropped string  `json:"dropped"` // "" (kept), "highest" or "lowest": dropped by the 5-or-more rule
	Outlier bool    `json:"outlier"` // more than the threshold away from the median
}

// Raters' Dropped values.
const (
	DroppedHighest = "highest"
	DroppedLowest  = "lowest"
)

// Result is a plan's result in the round.
type Result struct {
	Total       float64  `json:"total"`
	Grade       string   `json:"grade"`
	Rank        int      `json:"rank"`         // 1 is best; equal totals share a rank
	RankedPlans int      `json:"ranked_plans"` // plans ranked in the round
	Veto        bool     `json:"veto"`         // graded 不合格 by a veto item
	VetoItems   []string `json:"veto_items"`   // the veto items that failed, "code name"
}

// DimensionScore is a dimension's (一级指标) mean score over the raters kept.
type DimensionScore struct {
	Code  string  `json:"code"`
	Name  string  `json:"name"`
	Score float64 `json:"score"`
	Max   float64 `json:"max"` // the dimension's points
	// SelfScore is the department's self-assessment of the dimension; nil
	// without a submitted self-assessment.
	SelfScore *float64 `json:"self_score,omitempty"`
}

// IndicatorScore is an indicator's (二级指标) scores.
type IndicatorScore struct {
	Dimension string  `json:"dimension"` // the dimension's name; consecutive indicators of one dimension are grouped
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	Check     bool    `json:"check"` // a yes/no checklist item
	Veto      bool    `json:"veto"`  // a veto item
	MaxScore  float64 `json:"max_score"`
	Mean      float64 `json:"mean"` // over the raters kept
	Min       float64 `json:"min"`
	Max       float64 `json:"max"`
}

// Spread is the dispersion of all submitted totals of the plan.
type Spread struct {
	StdDev float64 `json:"std_dev"` // sample standard deviation (n−1); 0 for one rater
	Range  float64 `json:"range"`
	Median float64 `json:"median"`
}

// VerificationCode is the report's verification code (see VerificationCode).
func (r *EvaluationReport) VerificationCode() (string, error) {
	return VerificationCode(KindEvaluation, r)
}

// EvaluationReport renders the evaluation report of a plan as an A4 PDF.
func (r *Renderer) EvaluationReport(w io.Writer, data *EvaluationReport) error {
	code, err := data.VerificationCode()
	if err != nil {
		return err
	}
	title := "《" + data.Plan.Title + "》第三方评估报告"
	meta := docMeta{
		title: title, subject: data.RoundName + " 评估报告", author: data.Issuer,
		number: data.ReportNumber, date: data.Date, cover: true, draft: data.Draft,
	}
	return r.render(w, meta, data.blocks(code))
}

func (r *EvaluationReport) blocks(code string) []block {
	fields := []field{{"评估轮次", r.RoundName}, {"评估机构", strings.Join(r.Agencies, "\n")}}
	if r.LeadAgency != "" {
		fields = append(fields, field{"牵头评估机构", r.LeadAgency})
	}
	fields = append(fields, field{"牵头单位", r.Plan.LeadDepartment}, field{"报告日期", r.Date})
	if r.Version > 1 {
		fields = append(fields, field{"版次", fmt.Sprintf("第%d版", r.Version)})
	}
	if r.Draft {
		fields = append(fields, field{"状态", "草稿（发布前预览，不是正式报告）"})
	}
	b := []block{cover{
		number: r.ReportNumber,
		title:  []string{"《" + r.Plan.Title + "》", "第三方评估报告"},
		fields: fields,
		issuer: r.Issuer, date: r.Date, code: ShortCode(code), codeNote: codeNote,
	}}
	if r.Version > 1 {
		b = append(b, paragraph{label: fmt.Sprintf("第%d版　", r.Version),
			text: "本报告为重新出具的第" + strconv.Itoa(r.Version) + "版，取代此前各版本（此前版本仍可查验，查验结果注明已被取代）。重新出具原因：" + r.Reason,
			tone: toneMuted, after: 4})
	}
	b = append(b, planFacts("一、方案基本情况", r.Plan)...)
	b = append(b, r.method()...)
	b = append(b, r.result()...)
	b = append(b, r.surveys()...)
	b = append(b, r.indicatorTable()...)
	b = append(b, r.spread()...)
	b = append(b, r.findings()...)
	b = append(b, r.conclusions()...)
	return append(b, closing{r.Issuer, r.Date})
}

func (r *EvaluationReport) method() []block {
	kept, high, low := 0, []string{}, []string{}
	agencies := map[string]bool{}
	for _, rt := range r.Raters {
		agencies[rt.Agency] = true
		switch rt.Dropped {
		case DroppedHighest:
			high = append(high, rater(rt))
		case DroppedLowest:
			low = append(low, rater(rt))
		default:
			kept++
		}
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "本次评估采用《%s》，按百分制计分。本方案共指派评估人员 %d 名，收到已提交的评分表 %d 份（来自 %d 家评估机构），计入结果 %d 份",
		r.Template, r.Assigned, len(r.Raters), len(agencies), kept)
	if len(high)+len(low) > 0 {
		fmt.Fprintf(&sb, "；按规则去掉最高分 %s，去掉最低分 %s", strings.Join(high, "、"), strings.Join(low, "、"))
	}
	sb.WriteString("。评分规则如下：")

	var bands []string
	for _, g := range r.GradeBands {
		bands = append(bands, fmt.Sprintf("%s（%s 分及以上）", g.Grade, trimNumber(g.Min)))
	}
	rules := []string{
		"评估人员的总分为其各项指标得分之和；清单项答“是”得该项分值，答“否”得 0 分；维度得分为其所含指标得分之和。",
		"已提交评分表达到 5 份及以上的，去掉一个最高分和一个最低分（总分相同时去掉评估任务编号较小者），其余评估人员的各项指标得分、维度得分和总分分别取算术平均，因此维度平均分之和等于总分；不足 5 份的全部计入。",
		"分数四舍五入保留两位小数，等次和排名以四舍五入后的总分为准；总分相同的方案并列同一名次。",
		"等次划分：" + strings.Join(bands, "、") + "，其余为不合格。",
		"一票否决：计入结果的评估人员中超过半数对一票否决项答“否”的，等次为不合格，不论得分。",
		fmt.Sprintf("离散度：计算全部已提交总分的样本标准差和极差；与中位数相差超过 %s 分的评估人员标记为离群，仅作提示，不予剔除。", trimNumber(r.OutlierThreshold)),
	}
	b := []block{heading{1, "二、评估方法"}, paragraph{text: sb.String(), indent: true}}
	for i, s := range rules {
		b = append(b, paragraph{label: strconv.Itoa(i+1) + ". ", text: s, hang: true, after: 0.8})
	}
	return append(b, space(2))
}

// rater is how the report names a rater: "评估人员 1（某某大学）".
func rater(rt Rater) string {
	if rt.Agency == "" {
		return rt.Label
	}
	return rt.Label + "（" + rt.Agency + "）"
}

func (r *EvaluationReport) result() []block {
	b := []block{heading{1, "三、评估结果"}}
	if len(r.Raters) == 0 {
		return append(b, paragraph{text: "本轮尚无已提交的评分表，暂无评估结果。", indent: true})
	}
	res := r.Result
	veto, vetoTone := "未触发", toneGood
	if res.Veto {
		veto, vetoTone = "已触发", toneBad
	}
	gradeTone := toneStrong
	if res.Grade == "不合格" {
		gradeTone = toneBad
	}
	b = append(b, statBox{
		{"总分", num(res.Total), toneStrong},
		{"等次", res.Grade, gradeTone},
		{"排名", fmt.Sprintf("%d / %d", res.Rank, res.RankedPlans), toneStrong},
		{"一票否决", veto, vetoTone},
	})
	text := fmt.Sprintf("本方案总分 %s 分，等次为%s，在本轮 %d 个有评估结果的方案中排名第 %d 位。",
		num(res.Total), res.Grade, res.RankedPlans, res.Rank)
	if res.Veto {
		text += "因计入结果的评估人员中超过半数对一票否决项“" + strings.Join(res.VetoItems, "”“") + "”答“否”，等次定为不合格。"
	}
	b = append(b, paragraph{text: text, indent: true}, space(2))

	if len(r.Dimensions) > 0 {
		bars := make([]bar, len(r.Dimensions))
		rows := make([]row, len(r.Dimensions))
		for i, dm := range r.Dimensions {
			bars[i] = bar{label: dm.Name, score: dm.Score, max: dm.Max}
			rate := "—"
			if dm.Max > 0 {
				rate = fmt.Sprintf("%.1f%%", 100*dm.Score/dm.Max)
			}
			rows[i] = row{{text: dm.Code}, {text: dm.Name}, {text: num(dm.Max)}, {text: num(dm.Score)}, {text: rate}}
		}
		b = append(b, barChart{title: "图 1　各维度得分（平均分 / 分值）", bars: bars}, space(2))
		w := contentWidth
		b = append(b, table{header: true, cols: []column{
			{"编号", 0.1 * w, 'C'}, {"维度（一级指标）", 0.42 * w, 'L'}, {"分值", 0.15 * w, 'R'},
			{"平均分", 0.15 * w, 'R'}, {"得分率", 0.18 * w, 'R'},
		}, rows: rows})
	}
	return append(b, r.comparison()...)
}

// surveys is the part of the result about what the people served think:
// each linked survey's responses and satisfaction index.
func (r *EvaluationReport) surveys() []block {
	if len(r.Surveys) == 0 {
		return nil
	}
	w := contentWidth
	t := table{header: true, cols: []column{
		{"问卷", 0.5 * w, 'L'}, {"状态", 0.14 * w, 'C'}, {"有效答卷（份）", 0.18 * w, 'R'}, {"满意度指数", 0.18 * w, 'R'},
	}}
	var parts []string
	for _, sv := range r.Surveys {
		state, index := labelOf("SurveyStatus", "published"), "—"
		if sv.Closed {
			state = labelOf("SurveyStatus", "closed")
		}
		if sv.SatisfactionIndex != nil {
			index = num(*sv.SatisfactionIndex)
		}
		t.rows = append(t.rows, row{{text: sv.Title}, {text: state}, {text: strconv.FormatInt(sv.Responses, 10)},
			{text: index, tone: toneStrong}})
		part := fmt.Sprintf("《%s》收回有效答卷 %d 份", sv.Title, sv.Responses)
		if sv.SatisfactionIndex != nil {
			part += "，满意度指数为 " + index
		} else {
			part += "，尚无满意度评价"
		}
		parts = append(parts, part)
	}
	text := "本方案在本轮开展了群众满意度调查（匿名问卷）：" + strings.Join(parts, "；") +
		"。满意度指数由五级量表题的全部答案计算：（平均分 − 1）÷ 4 × 100，满分 100。"
	return []block{space(2), heading{2, "群众满意度调查"}, paragraph{text: text, indent: true}, t}
}

func (r *EvaluationReport) indicatorTable() []block {
	if len(r.Indicators) == 0 {
		return nil
	}
	w := contentWidth
	t := table{header: true, cols: []column{
		{"编号", 0.09 * w, 'C'}, {"指标名称", 0.43 * w, 'L'}, {"分值", 0.11 * w, 'R'},
		{"平均分", 0.13 * w, 'R'}, {"最低分", 0.12 * w, 'R'}, {"最高分", 0.12 * w, 'R'},
	}}
	group := "\x00"
	for _, in := range r.Indicators {
		if in.Dimension != group && in.Dimension != "" {
			t.rows = append(t.rows, row{{text: in.Dimension, span: 6, fill: fillGroup, tone: toneStrong, align: 'L'}})
		}
		group = in.Dimension
		name := in.Name
		switch {
		case in.Veto:
			name += "（" + labelOf("IndicatorKind", "check") + "·一票否决）"
		case in.Check:
			name += "（" + labelOf("IndicatorKind", "check") + "）"
		}
		t.rows = append(t.rows, row{{text: in.Code}, {text: name}, {text: num(in.MaxScore)},
			{text: num(in.Mean), tone: toneStrong}, {text: num(in.Min)}, {text: num(in.Max)}})
	}
	return []block{
		heading{1, "四、指标得分明细"},
		paragraph{text: "平均分为计入结果的评估人员的算术平均；最低分、最高分为其中的最低和最高得分。清单项答“是”得该项分值，答“否”得 0 分。", indent: true, tone: toneMuted, size: sizeSmall + 0.5},
		t,
	}
}

func (r *EvaluationReport) spread() []block {
	b := []block{heading{1, "五、评分离散度"}}
	if len(r.Raters) == 0 {
		return append(b, paragraph{text: "暂无已提交的评分表。", indent: true})
	}
	outliers := 0
	for _, rt := range r.Raters {
		if rt.Outlier {
			outliers++
		}
	}
	text := fmt.Sprintf("全部 %d 份已提交评分表总分的样本标准差为 %s，极差为 %s，中位数为 %s。与中位数相差超过 %s 分的评估人员 %d 名，已在下表中标记（仅作提示，不影响计分）。",
		len(r.Raters), num(r.Spread.StdDev), num(r.Spread.Range), num(r.Spread.Median), trimNumber(r.OutlierThreshold), outliers)
	w := contentWidth
	t := table{header: true, cols: []column{
		{"序号", 0.08 * w, 'C'}, {"评估人员", 0.2 * w, 'L'}, {"评估机构", 0.32 * w, 'L'},
		{"总分", 0.13 * w, 'R'}, {"计分处理", 0.15 * w, 'C'}, {"离群", 0.12 * w, 'C'},
	}}
	for i, rt := range r.Raters {
		use, useTone := "计入", toneInk
		switch rt.Dropped {
		case DroppedHighest:
			use, useTone = "去掉最高分", toneMuted
		case DroppedLowest:
			use, useTone = "去掉最低分", toneMuted
		}
		out, outTone := "—", toneMuted
		if rt.Outlier {
			out, outTone = "离群", toneBad
		}
		t.rows = append(t.rows, row{{text: strconv.Itoa(i + 1)}, {text: rt.Label}, {text: rt.Agency},
			{text: num(rt.Total), tone: toneStrong}, {text: use, tone: useTone}, {text: out, tone: outTone}})
	}
	return append(b, paragraph{text: text, indent: true}, t)
}

func (r *EvaluationReport) findings() []block {
	b := []block{heading{1, "六、发现的问题及整改建议"}}
	if len(r.Findings) == 0 {
		return append(b, paragraph{text: "评估人员未提出问题。", indent: true})
	}
	b = append(b, paragraph{text: findingCounts(r.Findings), indent: true})
	var carried []Finding
	for _, f := range r.Findings {
		if f.History != nil {
			carried = append(carried, f)
			continue
		}
		b = append(b, findingBlocks(f, f.Severity.Label(), f.Severity.tone())...)
		b = append(b, space(2))
	}
	if len(carried) == 0 {
		return b
	}
	// Findings carried from earlier rounds, in a section of their own with
	// the rounds they came through (DESIGN.md "Across rounds: the ledger").
	b = append(b, heading{2, "上轮未整改问题"}, paragraph{indent: true, text: fmt.Sprintf(
		"以下%d个问题在此前轮次提出、至本轮开始时尚未销号，结转本轮由评估人员核查，原问题仍在原轮次跟踪。", len(carried))})
	for _, f := range carried {
		b = append(b, findingBlocks(f, f.Severity.Label(), f.Severity.tone())...)
		for _, h := range f.History {
			b = append(b, paragraph{text: "来历：" + h})
		}
		b = append(b, space(2))
	}
	return b
}

// comparison sets the department's self-assessment (自评) beside the
// third-party score, per dimension and in total, with the gap (自评 − 第三方);
// only when the plan has a submitted self-assessment.
func (r *EvaluationReport) comparison() []block {
	if r.SelfTotal == nil {
		return nil
	}
	w := contentWidth
	t := table{header: true, cols: []column{
		{"维度（一级指标）", 0.4 * w, 'L'}, {"自评", 0.2 * w, 'R'}, {"第三方", 0.2 * w, 'R'}, {"差值", 0.2 * w, 'R'},
	}}
	bars := make([]pairBar, 0, len(r.Dimensions))
	for _, dm := range r.Dimensions {
		self, gap := "—", "—"
		if dm.SelfScore != nil {
			self, gap = num(*dm.SelfScore), signed(*dm.SelfScore-dm.Score)
		}
		t.rows = append(t.rows, row{{text: dm.Name}, {text: self}, {text: num(dm.Score)}, {text: gap, tone: gapTone(dm.SelfScore, dm.Score)}})
		bars = append(bars, pairBar{label: dm.Name, self: dm.SelfScore, score: dm.Score, max: dm.Max})
	}
	gap := "—"
	if r.SelfGap != nil {
		gap = signed(*r.SelfGap)
	}
	t.rows = append(t.rows, row{{text: "总分", tone: toneStrong}, {text: num(*r.SelfTotal), tone: toneStrong},
		{text: num(r.Result.Total), tone: toneStrong}, {text: gap, tone: toneStrong}})
	text := fmt.Sprintf("牵头单位自评总分 %s 分，第三方评估总分 %s 分，差值（自评 − 第三方）为 %s 分。", num(*r.SelfTotal), num(r.Result.Total), gap)
	// The heading, its sentence and the chart stay on one page.
	b := []block{space(2), room(45 + pairRowH*float64(len(bars))), heading{2, "自评与第三方评估对比"}, paragraph{text: text, indent: true}}
	if len(bars) > 0 {
		b = append(b, pairChart{title: "图 2　各维度自评与第三方评估得分（得分 / 分值）", bars: bars}, space(6))
	}
	return append(b, t)
}

// signed prints a gap with its sign: +3.50, -2.00, 0.00. The difference of
// two numbers of two decimals is rounded again to drop float noise.
func signed(v float64) string {
	v = math.Round(v*100) / 100
	if v > 0 {
		return "+" + num(v)
	}
	if v == 0 {
		return num(0)
	}
	return num(v)
}

func gapTone(self *float64, score float64) tone {
	if self == nil {
		return toneMuted
	}
	if math.Abs(*self-score) >= 5 {
		return toneWarn
	}
	return toneInk
}

// conclusions prints the lead agency's conclusions (评估结论) in full, the
// lead agency and the approval line (审定).
func (r *EvaluationReport) conclusions() []block {
	if r.Narrative == nil && r.LeadAgency == "" {
		return nil
	}
	b := []block{heading{1, "七、评估结论"}}
	if r.LeadAgency != "" {
		b = append(b, paragraph{label: "牵头评估机构：", text: r.LeadAgency})
	}
	n := r.Narrative
	if n == nil {
		return append(b, paragraph{text: "评估结论未审定。", indent: true, tone: toneMuted})
	}
	for i, sec := range []struct{ title, text string }{
		{"总体评价", n.Overall}, {"主要成效", n.Achievements}, {"存在问题", n.Problems}, {"意见建议", n.Recommendations},
	} {
		b = append(b, heading{2, "（" + chineseOrdinals[i] + "）" + sec.title})
		if strings.TrimSpace(sec.text) == "" {
			b = append(b, paragraph{text: "（未填写）", indent: true, tone: toneMuted})
			continue
		}
		b = append(b, paragraph{text: sec.text, indent: true})
	}
	approval := "审定：尚未审定"
	if n.ApprovedOn != "" {
		approval = "审定：" + n.ApprovedBy + " " + n.ApprovedOn
	}
	return append(b, paragraph{text: approval, tone: toneStrong, after: 2})
}

var chineseOrdinals = []string{"一", "二", "三", "四"}
