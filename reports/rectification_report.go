package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// RectificationReport is everything the rectification report (整改情况报告)
// of one plan in one round prints: the lead department's answers to the
// published findings and how they were verified.
type RectificationReport struct {
	ReportNumber string `json:"report_number"`
	Date         string `json:"date"` // report date, YYYY-MM-DD; also the PDF's creation date
	Issuer       string `json:"issuer"`
	RoundName    string `json:"round_name"`
	PublishedOn  string `json:"published_on"` // when the round's findings were published
	Plan         Plan   `json:"plan"`
	// RatePercent is the rectification rate: accepted findings / published
	// findings × 100, rounded to two decimals (66.67 for 2 of 3).
	RatePercent float64 `json:"rate_percent"`
	// Findings are the plan's published findings, in report order.
	Findings []RectificationItem `json:"findings"`
}

// RectificationItem is a published finding with the department's response
// and its verification history.
type RectificationItem struct {
	Finding
	Status  FindingStatus `json:"status"`
	DueOn   string        `json:"due_on"`
	Overdue bool          `json:"overdue"` // not accepted and past DueOn on the report date
	// Response is the department's current (latest submitted) response; nil
	// if it has not answered yet.
	Response *Response `json:"response"`
	// Verifications are the verdicts on the responses, oldest first: every
	// return with its comment, and the acceptance if there was one.
	Verifications []Verification `json:"verifications"`
}

// FindingStatus is where a finding is in its rectification.
type FindingStatus string

// The finding statuses of DESIGN.md.
const (
	StatusOpen      FindingStatus = "open"
	StatusResponded FindingStatus = "responded"
	StatusReturned  FindingStatus = "returned"
	StatusAccepted  FindingStatus = "accepted"
)

var statuses = []FindingStatus{StatusOpen, StatusResponded, StatusReturned, StatusAccepted}

// Label is the status as printed: 待整改, 已回复, 已退回 or 已销号.
func (s FindingStatus) Label() string { return labelOf("FindingStatus", string(s)) }

func (s FindingStatus) tone() tone {
	switch s {
	case StatusAccepted:
		return toneGood
	case StatusReturned:
		return toneWarn
	}
	return toneStrong
}

// Progress is how far the department says the rectification is.
type Progress string

// The progress values of DESIGN.md.
const (
	ProgressNotStarted Progress = "not_started"
	ProgressInProgress Progress = "in_progress"
	ProgressCompleted  Progress = "completed"
)

// Label is the progress as printed: 未开始, 推进中 or 已完成.
func (p Progress) Label() string { return labelOf("Progress", string(p)) }

// Response is a department's answer to a finding (整改回复).
type Response struct {
	Measures          string   `json:"measures"`
	ResponsiblePerson string   `json:"responsible_person"`
	Progress          Progress `json:"progress"`
	CompletedOn       string   `json:"completed_on"` // empty until completed
	Evidence          []string `json:"evidence"`     // file names of the evidence
	SubmittedOn       string   `json:"submitted_on"`
}

// Verdict of a verification: "accepted" (销号) or "returned" (退回).
type Verdict string

// The verdicts.
const (
	VerdictAccepted Verdict = "accepted"
	VerdictReturned Verdict = "returned"
)

// Label is the verdict as printed: 销号 or 退回.
func (v Verdict) Label() string { return labelOf("Verdict", string(v)) }

// Verification is one verdict on a response.
type Verification struct {
	Date     string  `json:"date"`
	Verifier string  `json:"verifier"` // who verified: an evaluator's agency, or the reform office
	Verdict  Verdict `json:"verdict"`
	Comment  string  `json:"comment"`
}

// VerificationCode is the report's verification code (see VerificationCode).
func (r *RectificationReport) VerificationCode() (string, error) {
	return VerificationCode(KindRectification, r)
}

// RectificationReport renders the rectification report of a plan as an A4 PDF.
func (r *Renderer) RectificationReport(w io.Writer, data *RectificationReport) error {
	code, err := data.VerificationCode()
	if err != nil {
		return err
	}
	meta := docMeta{
		title: "《" + data.Plan.Title + "》整改情况报告", subject: data.RoundName + " 整改情况报告",
		author: data.Issuer, number: data.ReportNumber, date: data.Date, cover: true,
	}
	return r.render(w, meta, data.blocks(code))
}

func (r *RectificationReport) blocks(code string) []block {
	b := []block{cover{
		number: r.ReportNumber,
		title:  []string{"《" + r.Plan.Title + "》", "整改情况报告"},
		fields: []field{
			{"评估轮次", r.RoundName},
			{"牵头单位", r.Plan.LeadDepartment},
			{"问题发布", r.PublishedOn},
			{"报告日期", r.Date},
		},
		issuer: r.Issuer, date: r.Date, code: ShortCode(code), codeNote: codeNote,
	}}
	b = append(b, planFacts("一、方案基本情况", r.Plan)...)
	b = append(b, r.overview()...)
	b = append(b, heading{1, "三、问题整改明细"})
	if len(r.Findings) == 0 {
		b = append(b, paragraph{text: "本方案没有已发布的问题。", indent: true})
	}
	for _, it := range r.Findings {
		b = append(b, it.blocks()...)
	}
	return append(b, closing{r.Issuer, r.Date})
}

func (r *RectificationReport) overview() []block {
	count := map[Severity]map[FindingStatus]int{}
	overdue := map[Severity]int{}
	total := map[FindingStatus]int{}
	totalOverdue := 0
	for _, it := range r.Findings {
		if count[it.Severity] == nil {
			count[it.Severity] = map[FindingStatus]int{}
		}
		count[it.Severity][it.Status]++
		total[it.Status]++
		if it.Overdue {
			overdue[it.Severity]++
			totalOverdue++
		}
	}
	n := len(r.Findings)
	overdueTone := toneGood
	if totalOverdue > 0 {
		overdueTone = toneBad
	}
	b := []block{
		heading{1, "二、整改总体情况"},
		statBox{
			{"已发布问题", strconv.Itoa(n), toneStrong},
			{"已销号", strconv.Itoa(total[StatusAccepted]), toneGood},
			{"整改率", num(r.RatePercent) + "%", toneStrong},
			{"逾期未销号", strconv.Itoa(totalOverdue), overdueTone},
		},
		paragraph{indent: true, text: fmt.Sprintf(
			"截至 %s，本方案已发布问题 %d 个，已销号 %d 个，整改率 %s%%（已销号问题数 / 已发布问题数）；待整改 %d 个、已回复待核查 %d 个、已退回 %d 个；超过整改时限仍未销号的 %d 个。",
			r.Date, n, total[StatusAccepted], num(r.RatePercent), total[StatusOpen], total[StatusResponded], total[StatusReturned], totalOverdue)},
	}
	w := contentWidth
	cols := []column{{"严重程度", 0.16 * w, 'C'}, {"问题数", 0.14 * w, 'R'}}
	for _, s := range statuses {
		cols = append(cols, column{s.Label(), 0.14 * w, 'R'})
	}
	cols = append(cols, column{"逾期", 0.14 * w, 'R'})
	t := table{header: true, cols: cols}
	for _, sev := range severities {
		rw := row{{text: sev.Label(), tone: sev.tone()}, {text: strconv.Itoa(sum(count[sev]))}}
		for _, s := range statuses {
			rw = append(rw, cell{text: strconv.Itoa(count[sev][s])})
		}
		rw = append(rw, cell{text: strconv.Itoa(overdue[sev]), tone: badIf(overdue[sev] > 0)})
		t.rows = append(t.rows, rw)
	}
	rw := row{{text: "合计", tone: toneStrong, fill: fillLabel}, {text: strconv.Itoa(n), tone: toneStrong, fill: fillLabel}}
	for _, s := range statuses {
		rw = append(rw, cell{text: strconv.Itoa(total[s]), tone: toneStrong, fill: fillLabel})
	}
	rw = append(rw, cell{text: strconv.Itoa(totalOverdue), tone: toneStrong, fill: fillLabel})
	t.rows = append(t.rows, rw)
	return append(b, heading{2, "按严重程度和整改状态统计"}, t)
}

func sum(m map[FindingStatus]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func badIf(b bool) tone {
	if b {
		return toneBad
	}
	return toneInk
}

// blocks prints one finding with its response and verification history.
func (it RectificationItem) blocks() []block {
	tag, tagTone := it.Severity.Label()+" · "+it.Status.Label(), it.Status.tone()
	if it.Overdue {
		tag, tagTone = tag+" · 逾期", toneBad
	}
	b := findingBlocks(it.Finding, tag, tagTone)

	w := contentWidth
	cols := []column{{width: 0.17 * w}, {width: 0.33 * w}, {width: 0.17 * w}, {width: 0.33 * w}}
	label := func(s string) cell { return cell{text: s, fill: fillLabel, tone: toneStrong} }
	due := it.DueOn
	if it.Overdue {
		due += "（已逾期）"
	}
	rows := []row{{label("整改时限"), {text: due, tone: badIf(it.Overdue)}, label("当前状态"), {text: it.Status.Label(), tone: it.Status.tone()}}}
	if resp := it.Response; resp != nil {
		completed := resp.CompletedOn
		if completed == "" {
			completed = "—"
		}
		evidence := strings.Join(resp.Evidence, "\n")
		if evidence == "" {
			evidence = "未提供"
		}
		rows = append(rows,
			row{label("责任人"), {text: resp.ResponsiblePerson}, label("整改进展"), {text: resp.Progress.Label()}},
			row{label("回复日期"), {text: resp.SubmittedOn}, label("完成日期"), {text: completed}},
			row{label("整改措施"), {text: resp.Measures, span: 3}},
			row{label("佐证材料"), {text: evidence, span: 3}},
		)
	}
	b = append(b, space(1), table{cols: cols, rows: rows, after: 2})
	if it.Response == nil {
		b = append(b, paragraph{text: "牵头单位尚未提交整改回复。", tone: toneBad})
	}
	if len(it.Verifications) > 0 {
		t := table{header: true, after: 2, cols: []column{
			{"核查日期", 0.16 * w, 'C'}, {"核查人", 0.24 * w, 'L'}, {"结论", 0.1 * w, 'C'}, {"核查意见", 0.5 * w, 'L'},
		}}
		for _, v := range it.Verifications {
			vt := toneGood
			if v.Verdict == VerdictReturned {
				vt = toneWarn
			}
			t.rows = append(t.rows, row{{text: v.Date}, {text: v.Verifier}, {text: v.Verdict.Label(), tone: vt}, {text: v.Comment}})
		}
		b = append(b, paragraph{text: "核查记录", tone: toneStrong, size: sizeTable, after: 1, keep: 16}, t)
	}
	return append(b, space(3))
}
