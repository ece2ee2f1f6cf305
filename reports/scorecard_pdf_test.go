package reports

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/evald/evald/evaluation"
)

// sampleScorecard is a year's scorecard of n departments; every third has
// no findings (rates undefined).
func sampleScorecard(n int) *evaluation.Scorecard {
	sc := &evaluation.Scorecard{Year: 2026, AsOf: "2026-12-31",
		Rounds: []evaluation.RoundRef{{ID: 1, Name: "2026年第一轮清单式集中评估"}, {ID: 2, Name: "2026年第二轮"}}}
	for i := range n {
		mean := evaluation.Hundredths(9000 - 37*i)
		it := evaluation.ScorecardItem{Rank: i + 1, DepartmentID: int64(i + 1), Name: fmt.Sprintf("市第%d局", i+1), Plans: 3 + i%5,
			Results: 6, MeanTotal: &mean, Grades: map[string]int{"优秀": 2, "良好": 3, "合格": 1}}
		if i%3 != 2 {
			it.Findings, it.Accepted, it.Due, it.OnTime, it.Overdue = 9, 6, 8, 5, 2
			it.Rate, it.OnTimeRate = evaluation.NewRate(6, 9), evaluation.NewRate(5, 8)
		}
		sc.Items = append(sc.Items, it)
	}
	return sc
}

// The scorecard PDF prints every row, "—" where a rate is undefined, and
// the rules of each figure; the same data gives the same bytes.
func TestScorecardPDF(t *testing.T) {
	sc := sampleScorecard(5)
	var a, b bytes.Buffer
	if err := renderer(t).ScorecardPDF(&a, sc, "市委改革办", "0123456789abcdef0123"); err != nil {
		t.Fatal(err)
	}
	if err := renderer(t).ScorecardPDF(&b, sc, "市委改革办", "0123456789abcdef0123"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same scorecard rendered twice differs")
	}
	body := bodyText(pdfPages(t, a.Bytes()), "2026年度牵头单位改革评估考核计分表", "KH-2026")
	texts := map[string]string{"rounds": "2026年第一轮清单式集中评估、2026年第二轮", "rate": "66.67%", "on time": "62.50%",
		"undefined rates": "市第3局589.26优秀2、良好3、合格100——0—", "code": "验证码：0123456789abcdef"}
	for i, rule := range ScorecardRules {
		texts[fmt.Sprintf("rule %d", i+1)] = rule
	}
	for _, it := range sc.Items {
		texts[it.Name] = it.Name
	}
	assertContainsAll(t, body, texts)
}

// BenchmarkScorecardPDF renders the scorecard of 60 departments (more than
// lead the demo's 349 plans).
func BenchmarkScorecardPDF(b *testing.B) {
	sc := sampleScorecard(60)
	r := renderer(b)
	for b.Loop() {
		var buf bytes.Buffer
		if err := r.ScorecardPDF(&buf, sc, "市委改革办", "0123456789abcdef0123"); err != nil {
			b.Fatal(err)
		}
	}
}
