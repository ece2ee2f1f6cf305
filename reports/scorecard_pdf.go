package reports

import (
	"fmt"
	"io"
	"strconv"

	"github.com/evald/evald/evaluation"
)

// ScorecardRules are the rules of each figure, printed under the table
// (docs/DECISIONS.md "The scorecard" says the same).
var ScorecardRules = []string{
	"统计范围：当年（按本市时区）发布的评估轮次；列出在这些轮次中牵头至少一个参评方案的单位。",
	"方案数：这些轮次中本单位牵头的参评方案数，同一方案参加多轮只计一次。",
	"平均总分：结果完整的“方案×轮次”总分（两位小数）的平均，四舍五入到两位小数；等次分布按同样的结果计数。",
	"问题数：这些轮次对本单位方案提出的问题，含从此前轮次结转的问题；已销号为其中已通过审核的。",
	"整改率 = 已销号 / 问题数；没有问题时不计算，记作“—”。",
	"按期销号率 = 在整改期限当天或之前销号的问题数 / 已销号或已过整改期限的问题数；没有这样的问题时记作“—”。",
	"逾期：未销号且已过整改期限的问题数。自评差距：自评总分减第三方总分的平均。",
	"排名：依次按平均总分、整改率、按期销号率从高到低，“—”排在最后；三项都相同的并列。",
}

// ScorecardPDF renders a year's department scorecard (考核) as an A4 PDF:
// the same rows as the JSON and XLSX, the rules of every figure, and the
// verification code (ScorecardCode). The document's date is the
// scorecard's as-of day, so the same data gives the same bytes.
func (r *Renderer) ScorecardPDF(w io.Writer, sc *evaluation.Scorecard, issuer, code string) error {
	title := strconv.Itoa(sc.Year) + "年度牵头单位改革评估考核计分表"
	meta := docMeta{title: title, subject: title, author: issuer, number: "KH-" + strconv.Itoa(sc.Year), date: sc.AsOf.String()}
	return r.render(w, meta, scorecardBlocks(sc, title, issuer, code))
}

// ScorecardCode is the verification code of a scorecard (see VerificationCode).
func ScorecardCode(sc *evaluation.Scorecard) (string, error) {
	return VerificationCode(KindScorecard, sc)
}

func scorecardBlocks(sc *evaluation.Scorecard, title, issuer, code string) []block {
	rounds := ""
	for i, rd := range sc.Rounds {
		if i > 0 {
			rounds += "、"
		}
		rounds += rd.Name
	}
	if rounds == "" {
		rounds = "无"
	}
	b := []block{
		titleBlock{title: title, subtitle: "部门年度考核"},
		paragraph{tone: toneMuted, size: sizeSmall + 0.5, text: fmt.Sprintf("统计截至：%s　　纳入轮次：%s", sc.AsOf, rounds)},
		paragraph{tone: toneMuted, size: sizeSmall, text: fmt.Sprintf("验证码：%s　　%s", ShortCode(code), codeNote)},
		space(2),
	}
	t := table{header: true, size: sizeSmall, cols: []column{
		{"排名", 9, 'C'}, {"牵头单位", 30, 'L'}, {"方案", 9, 'R'}, {"平均总分", 15, 'R'}, {"等次分布", 26, 'L'},
		{"问题", 9, 'R'}, {"已销号", 11, 'R'}, {"整改率", 14, 'R'}, {"按期销号率", 16, 'R'}, {"逾期", 9, 'R'},
		{"自评差距", 14, 'R'},
	}, fit: &fitColumns{widen: []int{1}, from: 2}}
	for _, it := range sc.Items {
		t.rows = append(t.rows, row{{text: strconv.Itoa(it.Rank)}, {text: it.Name}, {text: strconv.Itoa(it.Plans)},
			{text: hundredthsText(it.MeanTotal), tone: toneStrong}, {text: gradeMix(it.Grades)}, {text: strconv.Itoa(it.Findings)},
			{text: strconv.Itoa(it.Accepted)}, {text: rateText(it.Rate)}, {text: rateText(it.OnTimeRate)},
			{text: strconv.Itoa(it.Overdue), tone: badIf(it.Overdue > 0)}, {text: hundredthsText(it.SelfGap)}})
	}
	b = append(b, t, heading{1, "计算规则"})
	for _, rule := range ScorecardRules {
		b = append(b, paragraph{size: sizeSmall, text: rule})
	}
	return append(b, closing{issuer, sc.AsOf.String()})
}

// rateText prints a rate as a percentage with 2 decimals, or "—".
func rateText(r *evaluation.Rate) string {
	if r == nil {
		return undefined
	}
	return num(r.Float64()*100) + "%"
}

// hundredthsText prints a score with 2 decimals, or "—".
func hundredthsText(h *evaluation.Hundredths) string {
	if h == nil {
		return undefined
	}
	return h.String()
}
