package reports

import (
	"fmt"
	"strconv"
	"strings"
)

// Sections and blocks shared by the reports.

// planFacts is the section on the plan itself, shared by both plan reports.
func planFacts(title string, p Plan) []block {
	w := contentWidth
	cols := []column{{width: 0.17 * w}, {width: 0.38 * w}, {width: 0.17 * w}, {width: 0.28 * w}}
	label := func(s string) cell { return cell{text: s, fill: fillLabel, tone: toneStrong} }
	return []block{
		heading{1, title},
		table{cols: cols, rows: []row{
			{label("方案名称"), {text: p.Title, span: 3}},
			{label("方案编号"), {text: p.Code}, label("所属领域"), {text: p.Field}},
			{label("牵头单位"), {text: p.LeadDepartment, span: 3}},
			{label("审议机构"), {text: p.ApprovedBy}, label("印发日期"), {text: p.IssuedOn}},
		}},
		heading{2, "方案概要"},
		paragraph{text: p.Summary, indent: true},
	}
}

// findingCounts is the sentence that counts findings by severity.
func findingCounts(fs []Finding) string {
	n := map[Severity]int{}
	for _, f := range fs {
		n[f.Severity]++
	}
	var parts []string
	for _, s := range severities {
		parts = append(parts, fmt.Sprintf("%s %d 个", s.Label(), n[s]))
	}
	return fmt.Sprintf("评估人员共提出问题 %d 个，其中%s。", len(fs), strings.Join(parts, "、"))
}

// findingBlocks prints a finding: a caption with its number and indicator
// and a tag (its severity, and in the rectification report its status), then
// its description and recommendation.
func findingBlocks(f Finding, tag string, tagTone tone) []block {
	title := "问题 " + strconv.Itoa(f.Number)
	if ind := f.indicator(); ind != "" {
		title += "　指标 " + ind
	}
	b := []block{
		caption{text: title, tag: tag, tagTone: tagTone},
		paragraph{label: "问题描述：", text: f.Description},
		paragraph{label: "整改建议：", text: f.Recommendation},
	}
	if f.Agency != "" {
		b = append(b, paragraph{label: "提出机构：", text: f.Agency, tone: toneMuted})
	}
	return b
}

// num prints a number that the domain has already rounded, with two decimals.
func num(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }

// trimNumber prints a threshold or band without needless decimals: 15, 7.5.
func trimNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// closing is the right-aligned signature at the end of a report.
type closing struct {
	issuer string
	date   string
}

func (c closing) texts(add func(string)) {
	add(c.issuer)
	add(c.date)
}

func (c closing) draw(d *document) {
	lh := lineHeight(sizeBody) * 1.2
	d.ensure(8 + 2*lh)
	d.y += 8
	for _, s := range []string{c.issuer, c.date} {
		if s == "" {
			continue
		}
		w := d.textWidth(s, sizeBody)
		d.text(pageWidth-marginRight-w, d.baseline(d.y, lh, sizeBody), s, toneInk.style(sizeBody))
		d.y += lh
	}
}
