package reports

import (
	"fmt"
	"io"
	"strconv"
)

// RoundSummary is the round's results on one page per few dozen plans: every
// plan's total, grade, rank, findings and rectification rate, and every lead
// department's rectification.
type RoundSummary struct {
	ReportNumber string `json:"report_number"`
	Date         string `json:"date"` // YYYY-MM-DD; also the PDF's creation date
	Issuer       string `json:"issuer"`
	RoundName    string `json:"round_name"`
	// Plans are the round's plans in the order to print them, normally by
	// rank with unscored plans last.
	Plans       []PlanSummary       `json:"plans"`
	Departments []DepartmentSummary `json:"departments"`
}

// Unscored is printed in the summary for a plan whose result is not complete.
const Unscored = "未评分"

// PlanSummary is one plan's line in the round summary.
type PlanSummary struct {
	Code           string  `json:"code"`
	Title          string  `json:"title"`
	LeadDepartment string  `json:"lead_department"`
	Raters         int     `json:"raters"` // submitted scoresheets
	Scored         bool    `json:"scored"` // the result is complete: total, grade and rank mean something
	Total          float64 `json:"total"`
	Grade          string  `json:"grade"`
	Rank           int     `json:"rank"`
	Findings       int     `json:"findings"` // published findings
	Accepted       int     `json:"accepted"`
	Overdue        int     `json:"overdue"`
	RatePercent    float64 `json:"rate_percent"` // accepted / findings × 100, rounded; meaningless when Findings is 0
}

// DepartmentSummary is a lead department's rectification across its plans.
type DepartmentSummary struct {
	Department  string  `json:"department"`
	Plans       int     `json:"plans"`
	Findings    int     `json:"findings"` // published findings
	Accepted    int     `json:"accepted"`
	Overdue     int     `json:"overdue"`
	RatePercent float64 `json:"rate_percent"` // meaningless when Findings is 0
}

// VerificationCode is the summary's verification code (see VerificationCode).
func (s *RoundSummary) VerificationCode() (string, error) {
	return VerificationCode(KindSummary, s)
}

// RoundSummaryPDF renders the round summary as an A4 PDF.
func (r *Renderer) RoundSummaryPDF(w io.Writer, data *RoundSummary) error {
	code, err := data.VerificationCode()
	if err != nil {
		return err
	}
	meta := docMeta{
		title: data.RoundName + " 评估结果汇总", subject: data.RoundName + " 评估结果汇总",
		author: data.Issuer, number: data.ReportNumber, date: data.Date,
	}
	return r.render(w, meta, data.blocks(code))
}

// rate prints a rectification rate, or "—" when there is nothing to rectify.
func rate(findings int, percent float64) string {
	if findings == 0 {
		return "—"
	}
	return num(percent) + "%"
}

func (s *RoundSummary) blocks(code string) []block {
	scored, findings, accepted, overdue := 0, 0, 0, 0
	for _, p := range s.Plans {
		if p.Scored {
			scored++
		}
		findings += p.Findings
		accepted += p.Accepted
		overdue += p.Overdue
	}
	b := []block{
		titleBlock{title: s.RoundName, subtitle: "评估结果汇总表"},
		paragraph{tone: toneMuted, size: sizeSmall + 0.5, text: fmt.Sprintf("报告日期：%s　　报告编号：%s　　验证码：%s", s.Date, s.ReportNumber, ShortCode(code))},
		space(2),
		statBox{
			{"参评方案", strconv.Itoa(len(s.Plans)), toneStrong},
			{"有评估结果", strconv.Itoa(scored), toneStrong},
			{"发布问题", strconv.Itoa(findings), toneStrong},
			{"已销号", strconv.Itoa(accepted), toneGood},
			{"逾期", strconv.Itoa(overdue), badIf(overdue > 0)},
		},
		heading{1, "一、各方案评估结果"},
	}
	w := contentWidth
	t := table{header: true, size: sizeSmall + 0.5, cols: []column{
		{"排名", 10, 'C'}, {"方案编号", 19, 'L'}, {"方案名称", 52, 'L'}, {"牵头单位", 30, 'L'},
		{"总分", 14, 'R'}, {"等次", 11, 'C'}, {"问题", 10, 'R'}, {"整改率", 14, 'R'},
	}, fit: &fitColumns{widen: []int{1}, from: 2}}
	for _, p := range s.Plans {
		rank, total, grade := "—", "—", Unscored
		gradeTone := toneMuted
		if p.Scored {
			rank, total, grade, gradeTone = strconv.Itoa(p.Rank), num(p.Total), p.Grade, toneInk
			if p.Grade == "不合格" {
				gradeTone = toneBad
			}
		}
		t.rows = append(t.rows, row{{text: rank}, {text: p.Code}, {text: p.Title}, {text: p.LeadDepartment},
			{text: total, tone: toneStrong}, {text: grade, tone: gradeTone}, {text: strconv.Itoa(p.Findings)},
			{text: rate(p.Findings, p.RatePercent)}})
	}
	b = append(b, t, heading{1, "二、各牵头单位整改情况"})
	dt := table{header: true, size: sizeSmall + 0.5, cols: []column{
		{"牵头单位", 0.4 * w, 'L'}, {"方案数", 0.1 * w, 'R'}, {"发布问题", 0.12 * w, 'R'},
		{"已销号", 0.12 * w, 'R'}, {"逾期", 0.11 * w, 'R'}, {"整改率", 0.15 * w, 'R'},
	}}
	for _, d := range s.Departments {
		dt.rows = append(dt.rows, row{{text: d.Department}, {text: strconv.Itoa(d.Plans)}, {text: strconv.Itoa(d.Findings)},
			{text: strconv.Itoa(d.Accepted)}, {text: strconv.Itoa(d.Overdue), tone: badIf(d.Overdue > 0)},
			{text: rate(d.Findings, d.RatePercent), tone: toneStrong}})
	}
	b = append(b, dt,
		paragraph{tone: toneMuted, size: sizeSmall, text: "说明：总分、等次和排名按本轮评估规则计算，分数保留两位小数；整改率 = 已销号问题数 / 已发布问题数；逾期指超过整改时限仍未销号的问题。"},
		closing{s.Issuer, s.Date})
	return b
}

// titleBlock is the centred title at the top of a document without a cover.
type titleBlock struct {
	title    string
	subtitle string
}

func (t titleBlock) texts(add func(string)) {
	add(t.title)
	add(t.subtitle)
}

func (t titleBlock) draw(d *document) {
	const size = 18.0
	lh := lineHeight(size)
	measure := d.measure(size)
	for _, s := range []string{t.title, t.subtitle} {
		for _, l := range wrap(s, contentWidth, measure) {
			w := visibleWidth(l, measure)
			d.text((pageWidth-w)/2, d.baseline(d.y, lh, size), l, textStyle{size: size, color: colorNavy, bold: true})
			d.y += lh
		}
	}
	d.fillRect((pageWidth-40)/2, d.y+2, 40, 0.7, colorNavy)
	d.y += 7
}
