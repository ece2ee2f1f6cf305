package reports

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// HTML rendering of the same blocks a PDF is made of. It exists to measure
// the PDF engine against a browser printing the same report (see
// bench_test.go), so it lives with the tests, outside the binary; the PDF
// is the document of record. Page furniture comes from the printer: a
// browser's print footer template gives "第 x 页 / 共 y 页" (see
// htmlFooterTemplate).

// htmlFooterTemplate is the footer template to give a headless browser's
// print-to-PDF so that its pages carry the same footer as the PDF reports.
const htmlFooterTemplate = `<div style="width:100%;text-align:center;font-size:8.5pt;color:#69727d;font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif">第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>`

// evaluationReportHTML writes the evaluation report as a self-contained HTML
// page (A4 print CSS, tables with repeating headers, an SVG chart).
func evaluationReportHTML(w io.Writer, data *EvaluationReport) error {
	code, err := data.VerificationCode()
	if err != nil {
		return err
	}
	return writeHTML(w, "《"+data.Plan.Title+"》第三方评估报告", data.blocks(code))
}

const htmlStyle = `@page{size:A4;margin:30mm 25mm 27mm 25mm}
body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;font-size:10.5pt;line-height:1.55;color:#212529;margin:0;text-align:justify}
h1{font-size:15pt;color:#16365c;border-bottom:1.3pt solid #16365c;margin:6mm 0 4mm;break-after:avoid}
h2{font-size:12pt;color:#16365c;margin:3mm 0 2mm;break-after:avoid}
p{margin:0 0 1.5mm}p.indent{text-indent:2em}p .label{font-weight:bold;color:#16365c}
table{width:100%;border-collapse:collapse;font-size:9.5pt;line-height:1.4;margin-bottom:4mm}
th,td{border:0.6pt solid #96a0ae;padding:1.6mm 1.8mm;vertical-align:middle}
th{background:#dde5f0;color:#16365c}td.label{background:#f3f5f8;color:#16365c;font-weight:bold}
td.group{background:#f1f4f8;color:#16365c;font-weight:bold}tr{break-inside:auto}thead{display:table-header-group}
.stats{display:flex;gap:3mm;margin-bottom:5mm}.stat{flex:1;background:#f1f4f8;border-top:1.1mm solid #16365c;text-align:center;padding:2mm 0}
.stat .l{font-size:8.5pt;color:#69727d}.stat .v{font-size:17pt;font-weight:bold;color:#16365c}
.caption{background:#f1f4f8;border-left:1.2mm solid #16365c;padding:1mm 3mm;margin:1.5mm 0 2.5mm;font-weight:bold;color:#16365c;display:flex;justify-content:space-between;break-after:avoid}
.cover{height:240mm;text-align:center;break-after:page;position:relative}.cover .no{text-align:right;color:#69727d}
.cover .title{font-size:24pt;font-weight:bold;color:#16365c;margin-top:30mm}.cover dl{text-align:left;margin:20mm 18mm;font-size:12pt}
.cover dt{float:left;width:5em;color:#69727d}.cover dd{margin-left:5.5em;white-space:pre-line}.cover .code{border:0.7pt solid #96a0ae;padding:2mm;margin-top:10mm}
.closing{text-align:right;margin-top:8mm}.muted{color:#69727d}.good{color:#1c753a;font-weight:bold}.warn{color:#bd6800;font-weight:bold}.bad{color:#b02020;font-weight:bold}.strong{color:#16365c;font-weight:bold}
figure{margin:2mm 0;text-align:center;break-inside:avoid}figcaption{font-weight:bold;color:#16365c}`

func writeHTML(w io.Writer, title string, blocks []block) error {
	var sb strings.Builder
	sb.WriteString(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>`)
	sb.WriteString(html.EscapeString(title))
	sb.WriteString(`</title><style>` + htmlStyle + `</style></head><body>`)
	for _, b := range blocks {
		writeHTMLBlock(&sb, b)
	}
	sb.WriteString(`</body></html>`)
	if _, err := io.WriteString(w, sb.String()); err != nil {
		return fmt.Errorf("写出 HTML: %w", err)
	}
	return nil
}

var toneClass = map[tone]string{toneMuted: "muted", toneStrong: "strong", toneGood: "good", toneWarn: "warn", toneBad: "bad"}

func writeHTMLBlock(sb *strings.Builder, b block) {
	esc := html.EscapeString
	switch b := b.(type) {
	case cover:
		fmt.Fprintf(sb, `<div class="cover"><div class="no">报告编号：%s</div><div class="title">`, esc(b.number))
		for _, t := range b.title {
			fmt.Fprintf(sb, `<div>%s</div>`, esc(t))
		}
		sb.WriteString(`</div><dl>`)
		for _, f := range b.fields {
			fmt.Fprintf(sb, `<dt>%s</dt><dd>%s</dd>`, esc(f.label), esc(f.value))
		}
		fmt.Fprintf(sb, `</dl><div>%s</div><div>%s</div><div class="code"><b>验证码：%s</b><br><small class="muted">%s</small></div></div>`,
			esc(b.issuer), esc(b.date), esc(b.code), esc(b.codeNote))
	case heading:
		fmt.Fprintf(sb, "<h%d>%s</h%d>", b.level, esc(b.text), b.level)
	case paragraph:
		class := toneClass[b.tone]
		if b.indent {
			class += " indent"
		}
		fmt.Fprintf(sb, `<p class="%s">`, class)
		if b.label != "" {
			fmt.Fprintf(sb, `<span class="label">%s</span>`, esc(b.label))
		}
		sb.WriteString(strings.ReplaceAll(esc(b.text), "\n", "<br>"))
		sb.WriteString("</p>")
	case table:
		sb.WriteString("<table>")
		if b.header {
			sb.WriteString("<thead><tr>")
			for _, c := range b.cols {
				fmt.Fprintf(sb, `<th style="width:%.1fmm">%s</th>`, c.width, esc(c.title))
			}
			sb.WriteString("</tr></thead>")
		}
		sb.WriteString("<tbody>")
		for _, r := range b.rows {
			sb.WriteString("<tr>")
			for i, c := range r {
				class := toneClass[c.tone]
				switch c.fill {
				case fillLabel:
					class = "label"
				case fillGroup:
					class = "group"
				}
				align := c.align
				if align == 0 && i < len(b.cols) {
					align = b.cols[i].align
				}
				fmt.Fprintf(sb, `<td colspan="%d" class="%s" style="text-align:%s">%s</td>`,
					max(c.span, 1), class, cssAlign(align), strings.ReplaceAll(esc(c.text), "\n", "<br>"))
			}
			sb.WriteString("</tr>")
		}
		sb.WriteString("</tbody></table>")
	case statBox:
		sb.WriteString(`<div class="stats">`)
		for _, s := range b {
			fmt.Fprintf(sb, `<div class="stat"><div class="l">%s</div><div class="v %s">%s</div></div>`, esc(s.label), toneClass[s.tone], esc(s.value))
		}
		sb.WriteString(`</div>`)
	case caption:
		fmt.Fprintf(sb, `<div class="caption"><span>%s</span><span class="%s">%s</span></div>`, esc(b.text), toneClass[b.tagTone], esc(b.tag))
	case barChart:
		writeHTMLChart(sb, b)
	case closing:
		fmt.Fprintf(sb, `<div class="closing">%s<br>%s</div>`, esc(b.issuer), esc(b.date))
	case space:
		fmt.Fprintf(sb, `<div style="height:%.1fmm"></div>`, float64(b))
	case titleBlock:
		fmt.Fprintf(sb, `<h1 style="text-align:center;border:0">%s<br>%s</h1>`, esc(b.title), esc(b.subtitle))
	}
}

func cssAlign(a byte) string {
	switch a {
	case 'R':
		return "right"
	case 'C':
		return "center"
	}
	return "left"
}

// writeHTMLChart draws the bar chart as inline SVG, in mm like the PDF.
func writeHTMLChart(sb *strings.Builder, c barChart) {
	plotW := contentWidth - chartLabelW - chartValueW
	h := float64(len(c.bars))*chartRowH + 8
	fmt.Fprintf(sb, `<figure><figcaption>%s</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="%.1fmm" height="%.1fmm" viewBox="0 0 %.1f %.1f" font-size="3.2">`,
		html.EscapeString(c.title), contentWidth, h, contentWidth, h)
	for i := 0; i <= 5; i++ {
		x := chartLabelW + plotW*float64(i)/5
		fmt.Fprintf(sb, `<line x1="%.2f" y1="0" x2="%.2f" y2="%.2f" stroke="#e4e8ee" stroke-width="0.15"/><text x="%.2f" y="%.2f" text-anchor="middle" fill="#69727d" font-size="3">%d%%</text>`,
			x, x, h-8, x, h-4, i*20)
	}
	for i, b := range c.bars {
		y := float64(i) * chartRowH
		share := 0.0
		if b.max > 0 {
			share = min(1, max(0, b.score/b.max))
		}
		fmt.Fprintf(sb, `<text x="%.2f" y="%.2f" text-anchor="end">%s</text><rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="#e4e8ee"/><rect x="%.2f" y="%.2f" width="%.2f" height="%.2f" fill="#2962a3"/><text x="%.2f" y="%.2f" fill="#16365c" font-weight="bold">%s</text>`,
			chartLabelW-2.5, y+chartRowH/2+1.1, html.EscapeString(b.label),
			chartLabelW, y+(chartRowH-chartBarH)/2, plotW, chartBarH,
			chartLabelW, y+(chartRowH-chartBarH)/2, plotW*share, chartBarH,
			chartLabelW+plotW+2.5, y+chartRowH/2+1.1, html.EscapeString(c.value(b)))
	}
	sb.WriteString(`</svg></figure>`)
}
