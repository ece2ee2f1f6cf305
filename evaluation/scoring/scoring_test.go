package scoring

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// pts answers a score indicator.
func pts(code string, v float64) Answer { return Answer{IndicatorCode: code, Points: &v} }

// check answers a check indicator.
func check(code string, yes bool) Answer { return Answer{IndicatorCode: code, Yes: &yes} }

// validTemplate fails the test unless t passes CheckTemplate.
func validTemplate(tb testing.TB, t *Template) *Template {
	tb.Helper()
	if errs := CheckTemplate(t); len(errs) != 0 {
		tb.Fatalf("fixture template is invalid: %v", errs)
	}
	return t
}

// singleTemplate has one 100-point score indicator, so that a sheet's total
// is the one number it answers.
func singleTemplate(tb testing.TB) *Template {
	return validTemplate(tb, &Template{Name: "单项", Dimensions: []Dimension{{
		Code: "1", Name: "总体", Indicators: []Indicator{{Code: "1.1", Name: "总体评价", Kind: KindScore, MaxScore: 100}},
	}}})
}

// twoDimTemplate has score and check items and a zero-point veto item.
func twoDimTemplate(tb testing.TB) *Template {
	return validTemplate(tb, &Template{Name: "两维", Dimensions: []Dimension{
		{Code: "1", Name: "方案设计", Indicators: []Indicator{
			{Code: "1.1", Name: "目标明确", Kind: KindScore, MaxScore: 40},
			{Code: "1.2", Name: "措施可行", Kind: KindScore, MaxScore: 30},
		}},
		{Code: "2", Name: "实施成效", Indicators: []Indicator{
			{Code: "2.1", Name: "任务完成", Kind: KindScore, MaxScore: 20},
			{Code: "2.2", Name: "按时报送", Kind: KindCheck, MaxScore: 10},
			{Code: "2.3", Name: "无重大失误", Kind: KindCheck, Veto: true},
		}},
	}})
}

// totalSheets builds sheets on singleTemplate with assignment ids 1, 2, …
func totalSheets(totals ...float64) []RaterSheet {
	ids := make([]int64, len(totals))
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	return idSheets(ids, totals)
}

// idSheets builds sheets on singleTemplate with the given ids and totals.
func idSheets(ids []int64, totals []float64) []RaterSheet {
	sheets := make([]RaterSheet, len(totals))
	for i, v := range totals {
		sheets[i] = RaterSheet{AssignmentID: ids[i], Agency: fmt.Sprintf("机构%d", ids[i]), Answers: []Answer{pts("1.1", v)}}
	}
	return sheets
}

// repeat returns n copies of v.
func repeat(v float64, n int) []float64 { return slices.Repeat([]float64{v}, n) }

// concat joins lists of totals.
func concat(lists ...[]float64) []float64 { return slices.Concat(lists...) }

// computeOne scores a single plan.
func computeOne(t *Template, threshold float64, sheets []RaterSheet) PlanResult {
	return ComputeResults(t, threshold, []PlanSheets{{PlanID: 1, Sheets: sheets}})[0]
}

// dropped returns the assignment ids that were not kept, ascending.
func dropped(r PlanResult) []int64 {
	out := []int64{}
	for _, rt := range r.RaterTotals {
		if !rt.Kept {
			out = append(out, rt.AssignmentID)
		}
	}
	return out
}

func TestScoringTrim(t *testing.T) {
	tests := []struct {
		name        string
		ids         []int64
		totals      []float64
		wantDropped []int64
		wantTotal   string
	}{
		{"one rater", []int64{4}, []float64{77.5}, []int64{}, "77.50"},
		{"four raters keep all", []int64{1, 2, 3, 4}, []float64{100, 60, 80, 70}, []int64{}, "77.50"},
		{"five distinct", []int64{1, 2, 3, 4, 5}, []float64{70, 95, 80, 60, 85}, []int64{2, 4}, "78.33"},
		{"five tie on highest", []int64{3, 7, 8, 9, 12}, []float64{90, 70, 90, 60, 80}, []int64{3, 9}, "80.00"},
		{"five tie on lowest", []int64{20, 21, 22, 23, 24}, []float64{80, 60, 90, 75, 60}, []int64{21, 22}, "71.67"},
		{"six tie on lowest", []int64{10, 11, 12, 13, 14, 15}, []float64{80, 60, 90, 60, 70, 85}, []int64{11, 12}, "73.75"},
		{"six tie on both", []int64{31, 32, 33, 34, 35, 36}, []float64{50, 95, 95, 50, 70, 80}, []int64{31, 32}, "73.75"},
		{"seven tie on both, ids unsorted", []int64{17, 4, 9, 30, 2, 11, 25}, []float64{88, 88, 61.5, 70, 61.5, 75, 88}, []int64{2, 4}, "76.50"},
		{"five all equal drops the two lowest ids", []int64{5, 3, 9, 1, 7}, []float64{80, 80, 80, 80, 80}, []int64{1, 3}, "80.00"},
		{"seven with a tie between highest and others", []int64{1, 2, 3, 4, 5, 6, 7}, []float64{85, 85, 85, 85, 85, 85, 40}, []int64{1, 7}, "85.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := computeOne(singleTemplate(t), 15, idSheets(tt.ids, tt.totals))
			if got := dropped(r); !slices.Equal(got, tt.wantDropped) {
				t.Errorf("dropped = %v, want %v", got, tt.wantDropped)
			}
			if r.Raters != len(tt.ids) || r.RatersKept != len(tt.ids)-len(tt.wantDropped) {
				t.Errorf("raters = %d, kept %d; want %d, %d", r.Raters, r.RatersKept, len(tt.ids), len(tt.ids)-len(tt.wantDropped))
			}
			if r.Total.String() != tt.wantTotal {
				t.Errorf("total = %s, want %s", r.Total, tt.wantTotal)
			}
			ids := make([]int64, 0, len(r.RaterTotals))
			for _, rt := range r.RaterTotals {
				ids = append(ids, rt.AssignmentID)
				if want := fmt.Sprintf("机构%d", rt.AssignmentID); rt.Agency != want {
					t.Errorf("rater %d agency = %q, want %q", rt.AssignmentID, rt.Agency, want)
				}
			}
			if !slices.IsSorted(ids) || len(ids) != len(tt.ids) {
				t.Errorf("rater totals not one per sheet by assignment id: %v", ids)
			}
		})
	}
}

// floatWays are the float64 roundings a careless implementation would use.
var floatWays = map[string]func(mean float64) string{
	"%.2f":         func(m float64) string { return fmt.Sprintf("%.2f", m) },
	"math.Round":   func(m float64) string { return fmt.Sprintf("%.2f", math.Round(m*100)/100) },
	"Floor(x+0.5)": func(m float64) string { return fmt.Sprintf("%.2f", math.Floor(m*100+0.5)/100) },
}

func TestScoringRoundHalfUp(t *testing.T) {
	// Raters beyond four add a highest (100, dropped) and a lowest (0, the
	// lowest id, dropped), so kept are exactly the listed totals.
	trimmed := func(kept ...[]float64) []float64 { return concat([]float64{0}, concat(kept...), []float64{100}) }
	tests := []struct {
		name       string
		totals     []float64
		wantKept   int
		want       string
		wantGrade  string
		floatWrong bool // some float64 rounding of the same mean prints something else
	}{
		{"k=3 sixths", []float64{87, 87, 87.5}, 3, "87.17", "良好", false},
		{"k=3 after trimming", trimmed([]float64{0.5, 0, 0}), 3, "0.17", GradeFail, false},
		{"k=4 mean 87.125", []float64{87, 87, 87, 87.5}, 4, "87.13", "良好", true},
		{"k=4 mean 87.625", []float64{87.5, 87.5, 87.5, 88}, 4, "87.63", "良好", true},
		{"k=4 mean 87.375", []float64{87.5, 87.5, 87, 87.5}, 4, "87.38", "良好", false},
		{"k=4 after trimming 6, mean 0.125", trimmed([]float64{0.5, 0, 0, 0}), 4, "0.13", GradeFail, true},
		{"k=4 mean 89.875", []float64{90, 90, 89.5, 90}, 4, "89.88", "良好", false},
		{"k=6 twelfths", trimmed([]float64{87.5, 87, 87, 87, 87, 87}), 6, "87.08", "良好", false},
		{"k=20 mean 80.225", trimmed(repeat(80, 19), []float64{84.5}), 20, "80.23", "良好", true},
		{"k=20 mean 87.175", trimmed(repeat(87, 19), []float64{90.5}), 20, "87.18", "良好", true},
		{"k=100 mean 87.135", trimmed(repeat(87, 73), repeat(87.5, 27)), 100, "87.14", "良好", false},
		{"k=100 mean 0.005", trimmed([]float64{0.5}, repeat(0, 99)), 100, "0.01", GradeFail, false},
		{"k=100 mean 89.995 earns 优秀", trimmed(repeat(90, 99), []float64{89.5}), 100, "90.00", "优秀", false},
		{"k=100 mean 79.995 earns 良好", trimmed(repeat(80, 99), []float64{79.5}), 100, "80.00", "良好", false},
		{"k=100 mean 80.085", trimmed(repeat(80, 83), repeat(80.5, 17)), 100, "80.09", "良好", true},
		{"k=101 mean 59.99505 rounds to 60.00, 合格", trimmed(repeat(60, 100), []float64{59.5}), 101, "60.00", "合格", false},
		{"k=101 mean 59.9901", trimmed(repeat(60, 99), []float64{59.5, 59.5}), 101, "59.99", GradeFail, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := computeOne(singleTemplate(t), 15, totalSheets(tt.totals...))
			if r.RatersKept != tt.wantKept {
				t.Fatalf("kept %d raters, want %d", r.RatersKept, tt.wantKept)
			}
			if got := r.Total.String(); got != tt.want {
				t.Errorf("total = %s, want %s", got, tt.want)
			}
			if r.Grade != tt.wantGrade {
				t.Errorf("grade = %s, want %s", r.Grade, tt.wantGrade)
			}
			if got := r.Indicators[0].Mean.String(); got != tt.want {
				t.Errorf("indicator mean = %s, want %s", got, tt.want)
			}
			if got := r.Dimensions[0].Score.String(); got != tt.want {
				t.Errorf("dimension score = %s, want %s", got, tt.want)
			}

			// Show that the case tells exact rounding from float64 rounding.
			var sum float64
			for _, rt := range r.RaterTotals {
				if rt.Kept {
					sum += rt.Total.Float64()
				}
			}
			mean := sum / float64(r.RatersKept)
			var wrong []string
			for name, way := range floatWays {
				if got := way(mean); got != tt.want {
					wrong = append(wrong, name+" → "+got)
				}
			}
			if tt.floatWrong != (len(wrong) > 0) {
				t.Errorf("floatWrong = %v but float64 roundings disagree with %s in %v", tt.floatWrong, tt.want, wrong)
			}
		})
	}
}

func TestScoringVeto(t *testing.T) {
	// Every sheet earns 90 points with check item 2.2 answered yes; veto
	// item 2.3 is answered as given: "y", "n", "0" (null) or "-" (left out).
	sheets := func(veto string, totals ...float64) []RaterSheet {
		out := make([]RaterSheet, len(veto))
		for i, c := range veto {
			s := RaterSheet{AssignmentID: int64(i + 1), Answers: []Answer{
				pts("1.1", 35), pts("1.2", 30), pts("2.1", 15), check("2.2", true),
			}}
			if totals != nil {
				s.Answers[2] = pts("2.1", totals[i]-75)
			}
			switch c {
			case 'y':
				s.Answers = append(s.Answers, check("2.3", true))
			case 'n':
				s.Answers = append(s.Answers, check("2.3", false))
			case '0': // present but without a value, as in a draft
				s.Answers = append(s.Answers, Answer{IndicatorCode: "2.3"})
			}
			out[i] = s
		}
		return out
	}
	tests := []struct {
		name      string
		sheets    []RaterSheet
		wantVeto  bool
		wantGrade string
	}{
		{"no one says no", sheets("yyyy"), false, "优秀"},
		{"one of one says no", sheets("n"), true, GradeFail},
		{"exactly half is not a veto", sheets("nnyy"), false, "优秀"},
		{"more than half is a veto", sheets("nyn"), true, GradeFail},
		{"three of four", sheets("ynnn"), true, GradeFail},
		{"unanswered is not no", sheets("nn--"), false, "优秀"},
		{"unanswered, one no of three", sheets("-n-"), false, "优秀"},
		{"null answers are not no", sheets("n0n0"), false, "优秀"},
		{"null answers and a majority", sheets("n0nn"), true, GradeFail},
		// Five raters: 1 is the lowest (80) and 5 the highest (95), both dropped.
		{"noes only among the dropped raters", sheets("nyyyn", 80, 90, 90, 90, 95), false, "优秀"},
		{"three noes of five but one kept", sheets("nnyyn", 80, 90, 90, 90, 95), false, "优秀"},
		{"two of three kept is a veto though 2 of 5 submitted", sheets("ynnyy", 80, 90, 90, 90, 95), true, GradeFail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := computeOne(twoDimTemplate(t), 15, tt.sheets)
			if r.Veto != tt.wantVeto || r.Grade != tt.wantGrade {
				t.Errorf("veto %v grade %s, want %v %s", r.Veto, r.Grade, tt.wantVeto, tt.wantGrade)
			}
			if r.Total < 9000 {
				t.Errorf("total = %s: the veto must not change the score", r.Total)
			}
		})
	}
}

func TestScoringCheckItems(t *testing.T) {
	tmpl := twoDimTemplate(t)
	sheets := []RaterSheet{
		{AssignmentID: 1, Answers: []Answer{pts("1.1", 30), pts("1.2", 20.5), pts("2.1", 10), check("2.2", true), check("2.3", true)}},
		{AssignmentID: 2, Answers: []Answer{pts("1.1", 30), pts("1.2", 20.5), pts("2.1", 10), check("2.2", false), check("2.3", true)}},
		{AssignmentID: 3, Answers: []Answer{pts("1.1", 30), pts("1.2", 20.5), pts("2.1", 10), check("2.3", false)}}, // 2.2 unanswered
		// Unknown codes are ignored, and so is a number on a check item.
		{AssignmentID: 4, Answers: []Answer{pts("1.1", 30), pts("9.9", 50), pts("2.2", 10)}},
	}
	r := computeOne(tmpl, 100, sheets)
	wantTotals := []string{"70.50", "60.50", "60.50", "30.00"}
	for i, rt := range r.RaterTotals {
		if rt.Total.String() != wantTotals[i] {
			t.Errorf("rater %d total = %s, want %s", rt.AssignmentID, rt.Total, wantTotals[i])
		}
	}
	stat := r.Indicators[3]
	if stat.Code != "2.2" || stat.Mean.String() != "2.50" || stat.Min.String() != "0.00" || stat.Max.String() != "10.00" {
		t.Errorf("check item stat = %+v, want 2.2 mean 2.50 min 0.00 max 10.00", stat)
	}
	if veto := r.Indicators[4]; veto.Mean != 0 || veto.Max != 0 {
		t.Errorf("veto item earns points: %+v", veto)
	}
	if r.Total.String() != "55.38" || r.Grade != GradeFail || r.Veto {
		t.Errorf("total %s grade %s veto %v, want 55.38 不合格 false", r.Total, r.Grade, r.Veto)
	}
}

func TestScoringDimensionsAndIndicators(t *testing.T) {
	tmpl := twoDimTemplate(t)
	sheet := func(id int64, a, b, c float64, yes bool) RaterSheet {
		return RaterSheet{AssignmentID: id, Answers: []Answer{pts("1.1", a), pts("1.2", b), pts("2.1", c), check("2.2", yes), check("2.3", true)}}
	}
	t.Run("five raters, means add up", func(t *testing.T) {
		// Totals 100 (id 1, highest), 35.5 (id 2, lowest), 85, 80.5, 74: ids 1 and 2 dropped.
		r := computeOne(tmpl, 100, []RaterSheet{
			sheet(1, 40, 30, 20, true),
			sheet(2, 10, 10, 15.5, false),
			sheet(3, 35, 25, 15, true),
			sheet(4, 30.5, 25, 15, true),
			sheet(5, 30, 24, 20, false),
		})
		wantDims := []DimensionScore{{"1", "方案设计", 5650, nil}, {"2", "实施成效", 2333, nil}}
		if !slices.Equal(r.Dimensions, wantDims) {
			t.Errorf("dimensions = %v, want %v", r.Dimensions, wantDims)
		}
		wantInds := []IndicatorStat{
			{"1.1", 3183, 3000, 3500}, // dropped raters' 40 and 10 do not count
			{"1.2", 2467, 2400, 2500},
			{"2.1", 1667, 1500, 2000},
			{"2.2", 667, 0, 1000},
			{"2.3", 0, 0, 0},
		}
		if !slices.Equal(r.Indicators, wantInds) {
			t.Errorf("indicators = %v, want %v", r.Indicators, wantInds)
		}
		// The exact means 56.5 + 23.333… = 79.833… add up; each is rounded.
		if r.Total.String() != "79.83" {
			t.Errorf("total = %s, want 79.83", r.Total)
		}
	})
	t.Run("rounded dimension scores add up when the means are exact", func(t *testing.T) {
		r := computeOne(tmpl, 100, []RaterSheet{
			sheet(1, 35, 25, 18, true),
			sheet(2, 30, 20, 12, false),
			sheet(3, 39.5, 29, 19, true),
			sheet(4, 20.5, 10, 10, true),
		})
		var sum Hundredths
		for _, d := range r.Dimensions {
			sum += d.Score
		}
		if sum != r.Total || r.Total.String() != "74.50" {
			t.Errorf("dimensions %v add up to %s, total %s; want both 74.50", r.Dimensions, sum, r.Total)
		}
		var indSum Hundredths
		for _, s := range r.Indicators {
			indSum += s.Mean
		}
		if indSum != r.Total {
			t.Errorf("indicator means add up to %s, total %s", indSum, r.Total)
		}
	})
	t.Run("each printed number is rounded on its own", func(t *testing.T) {
		// Exact means 1/6 + 1/6 = 1/3: the dimensions print 0.17 and 0.17,
		// the total 0.33, not their sum 0.34.
		r := computeOne(tmpl, 100, []RaterSheet{
			sheet(1, 0.5, 0, 0.5, false),
			sheet(2, 0, 0, 0, false),
			sheet(3, 0, 0, 0, false),
		})
		if r.Dimensions[0].Score != 17 || r.Dimensions[1].Score != 17 || r.Total != 33 {
			t.Errorf("dimensions %v total %s, want 0.17, 0.17 and 0.33", r.Dimensions, r.Total)
		}
	})
}

func TestScoringSpread(t *testing.T) {
	tests := []struct {
		name      string
		totals    []float64
		wantSD    string
		wantRange string
	}{
		{"one rater", []float64{83.5}, "0.00", "0.00"},
		{"two raters", []float64{80, 81}, "0.71", "1.00"}, // √0.5 = 0.7071
		{"three, hand computed", []float64{80, 85, 90}, "5.00", "10.00"},
		{"all equal", []float64{77, 77, 77, 77, 77}, "0.00", "0.00"},
		// Over all submitted totals, the dropped 60 and 100 included: √(800/4).
		{"five with dropped raters", []float64{60, 80, 80, 80, 100}, "14.14", "40.00"},
		// √39 = 6.244998…, just below 6.245 (6.245² = 39.000025).
		{"near boundary below", []float64{80, 83, 92}, "6.24", "12.00"},
		// √351.75 = 18.7549993…, 18.755² = 351.750025.
		{"near boundary below 2", []float64{60, 64.5, 94.5}, "18.75", "34.50"},
		// 15 totals of 80 and one of 80.5: variance 1/64, deviation exactly 0.125.
		{"exact tie 0.125 rounds up", concat(repeat(80, 15), []float64{80.5}), "0.13", "0.50"},
		// 15 totals of 80 and one of 81.5: variance 9/64, deviation exactly 0.375.
		{"exact tie 0.375 rounds up", concat(repeat(80, 15), []float64{81.5}), "0.38", "1.50"},
		{"large spread", []float64{0, 100}, "70.71", "100.00"}, // 50·√2 = 70.7106
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := computeOne(singleTemplate(t), 15, totalSheets(tt.totals...))
			if r.StdDev.String() != tt.wantSD || r.Range.String() != tt.wantRange {
				t.Errorf("std dev %s range %s, want %s %s", r.StdDev, r.Range, tt.wantSD, tt.wantRange)
			}
		})
	}
}

// TestScoringStdDevExact compares the standard deviation with a 256-bit
// floating point reference on random totals.
func TestScoringStdDevExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var sp spread
	for range 3000 {
		n := 2 + rng.IntN(8)
		totals := make([]int64, n)
		for i := range totals {
			totals[i] = rng.Int64N(201)
		}
		got := sp.stdDev(totals)

		// N/D as in stdDev, then floor(100·√(N/D) + ½) in high precision.
		var sum, sumSq int64
		for _, v := range totals {
			sum += v
			sumSq += v * v
		}
		num := new(big.Float).SetPrec(256).SetInt64(int64(n)*sumSq - sum*sum)
		num.Quo(num, new(big.Float).SetInt64(int64(4*n*(n-1))))
		num.Sqrt(num)
		num.Mul(num, big.NewFloat(100))
		num.Add(num, big.NewFloat(0.5))
		want, _ := num.Int64()
		if int64(got) != want {
			t.Fatalf("stdDev(%v) = %d, want %d", totals, got, want)
		}
	}
}

// TestScoringStdDevSettle checks that the exact correction finds the
// rounded deviation from estimates that are off, however far.
func TestScoringStdDevSettle(t *testing.T) {
	var sp spread
	for _, totals := range [][]int64{
		{160, 166, 184}, // √39 → 6.24, the near-boundary case
		{120, 129, 189}, // √351.75 → 18.75
		{160, 160, 160, 160, 161, 160, 160, 160, 160, 160, 160, 160, 160, 160, 160, 160}, // 0.125 → 0.13
		{0, 200},   // 70.71
		{100, 101}, // 0.35
	} {
		want := sp.stdDev(totals) // leaves N and D in sp
		for _, est := range []int64{-5, 0, 1, int64(want) - 100, int64(want) - 1, int64(want) + 1, int64(want) + 37} {
			if got := sp.settle(est); got != want {
				t.Errorf("totals %v: settle(%d) = %d, want %d", totals, est, got, want)
			}
		}
	}
}

func TestScoringOutliers(t *testing.T) {
	tests := []struct {
		name      string
		threshold float64
		totals    []float64
		want      []int64
	}{
		{"odd count, median 82", 15, []float64{60, 80, 82, 85, 96}, []int64{1}},
		{"odd count, exactly at threshold is not an outlier", 15, []float64{67, 80, 82, 85, 97}, []int64{}},
		{"odd count, just beyond on both sides", 15, []float64{66.5, 80, 82, 85, 97.5}, []int64{1, 5}},
		{"even count, median 80.5, exactly at threshold", 15, []float64{65.5, 80, 81, 95.5}, []int64{}},
		{"even count, median 80.5, beyond", 15, []float64{65, 80, 81, 96}, []int64{1, 4}},
		// Middle totals 80.5 and 81: median 80.75, a quarter point.
		{"even count, quarter-point median", 15, []float64{65.5, 80.5, 81, 95.5}, []int64{1}},
		{"even count, quarter-point median, other side", 15, []float64{66, 80.5, 81, 96}, []int64{4}},
		{"two raters", 10, []float64{60, 90}, []int64{1, 2}},
		{"one rater is never an outlier", 0, []float64{50}, []int64{}},
		{"fractional threshold", 2.25, []float64{80, 82, 84.5}, []int64{3}},
		{"zero threshold", 0, []float64{80, 80, 80.5}, []int64{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := computeOne(singleTemplate(t), tt.threshold, totalSheets(tt.totals...))
			if r.Outliers == nil || !slices.Equal(r.Outliers, tt.want) {
				t.Errorf("outliers = %#v, want %v", r.Outliers, tt.want)
			}
			for _, rt := range r.RaterTotals {
				if rt.Outlier != slices.Contains(tt.want, rt.AssignmentID) {
					t.Errorf("rater %d outlier = %v", rt.AssignmentID, rt.Outlier)
				}
				if len(tt.totals) < minRatersToTrim && !rt.Kept {
					t.Errorf("rater %d was dropped: outliers are flagged, not dropped", rt.AssignmentID)
				}
			}
		})
	}
}

func TestComputeResultsRanks(t *testing.T) {
	tmpl := singleTemplate(t)
	plans := []PlanSheets{
		{PlanID: 10, Sheets: totalSheets(85, 85, 85)},
		{PlanID: 11, Sheets: nil},
		{PlanID: 12, Sheets: totalSheets(90, 91, 89)},
		// 100 totals of 85 and one of 85.5 (kept 101 of 103): 85.00495… → 85.00.
		{PlanID: 13, Sheets: totalSheets(concat([]float64{0}, repeat(85, 100), []float64{85.5, 100})...)},
		{PlanID: 14, Sheets: totalSheets(80)},
		{PlanID: 15, Sheets: []RaterSheet{}},
		{PlanID: 16, Sheets: totalSheets(85)},
		{PlanID: 17, Sheets: totalSheets(40, 100)},
	}
	results := ComputeResults(tmpl, 15, plans)
	want := []struct {
		total string
		rank  int
		grade string
	}{
		{"85.00", 2, "良好"},
		{"0.00", 0, ""},
		{"90.00", 1, "优秀"},
		{"85.00", 2, "良好"},
		{"80.00", 5, "良好"},
		{"0.00", 0, ""},
		{"85.00", 2, "良好"},
		{"70.00", 6, "合格"},
	}
	if len(results) != len(plans) {
		t.Fatalf("%d results for %d plans", len(results), len(plans))
	}
	for i, r := range results {
		if r.PlanID != plans[i].PlanID {
			t.Errorf("result %d is plan %d, want plan %d", i, r.PlanID, plans[i].PlanID)
		}
		if r.Total.String() != want[i].total || r.Rank != want[i].rank || r.Grade != want[i].grade {
			t.Errorf("plan %d: total %s rank %d grade %q, want %s %d %q", r.PlanID, r.Total, r.Rank, r.Grade, want[i].total, want[i].rank, want[i].grade)
		}
	}

	// A plan without sheets: zero numbers, zero dimension scores, empty lists.
	empty := results[1]
	if empty.Raters != 0 || empty.RatersKept != 0 || empty.Veto || empty.StdDev != 0 || empty.Range != 0 {
		t.Errorf("plan without sheets has numbers: %+v", empty)
	}
	if len(empty.Dimensions) != 1 || empty.Dimensions[0] != (DimensionScore{Code: "1", Name: "总体"}) {
		t.Errorf("plan without sheets: dimensions = %v", empty.Dimensions)
	}
	b, err := json.Marshal(empty)
	if err != nil {
		t.Fatal(err)
	}
	const wantJSON = `{"plan_id":11,"raters":0,"raters_kept":0,"total":0.00,"grade":"","rank":0,"result_status":"none","veto":false,` +
		`"std_dev":0.00,"range":0.00,"dimensions":[{"code":"1","name":"总体","score":0.00,"self_score":null}],` +
		`"self_total":null,"self_gap":null,"indicators":[],"rater_totals":[],"outliers":[]}`
	if string(b) != wantJSON {
		t.Errorf("json of a plan without sheets:\n got %s\nwant %s", b, wantJSON)
	}
}

func TestComputeResultsJSON(t *testing.T) {
	r := computeOne(twoDimTemplate(t), 15, []RaterSheet{
		{AssignmentID: 7, Agency: "四川大学", Answers: []Answer{pts("1.1", 35), pts("1.2", 25.5), pts("2.1", 17), check("2.2", true), check("2.3", true)}},
	})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"total":87.50`, `"grade":"良好"`, `"rank":1`, `"raters":1`, `"raters_kept":1`,
		`"dimensions":[{"code":"1","name":"方案设计","score":60.50,"self_score":null},{"code":"2","name":"实施成效","score":27.00,"self_score":null}]`,
		`"self_total":null`, `"self_gap":null`,
		`{"code":"1.2","mean":25.50,"min":25.50,"max":25.50}`,
		`"rater_totals":[{"assignment_id":7,"agency":"四川大学","total":87.50,"kept":true,"outlier":false}]`,
		`"outliers":[]`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("json lacks %s:\n%s", want, b)
		}
	}
}

func TestScoringGradeBands(t *testing.T) {
	tmpl := singleTemplate(t)
	tmpl.GradeBands = []GradeBand{{"A", 89.995}, {"B", 75.5}, {"C", 60.01}}
	tests := []struct {
		total float64
		want  string
	}{
		{100, "A"}, {90, "A"}, {89.5, "B"}, {75.5, "B"}, {75, "C"}, {60.5, "C"}, {60, GradeFail}, {0, GradeFail},
	}
	for _, tt := range tests {
		if r := computeOne(tmpl, 15, totalSheets(tt.total)); r.Grade != tt.want {
			t.Errorf("total %v: grade %s, want %s", tt.total, r.Grade, tt.want)
		}
	}
	// 60.01 is below the double nearest to 60.01 only by rounding; it must count.
	r := computeOne(tmpl, 15, totalSheets(concat([]float64{0}, repeat(60, 49), []float64{60.5, 100})...))
	if r.Total.String() != "60.01" || r.Grade != "C" {
		t.Errorf("total %s grade %s, want 60.01 C", r.Total, r.Grade)
	}
}

func TestCeilHundredths(t *testing.T) {
	tests := []struct {
		v    float64
		want Hundredths
	}{
		{90, 9000}, {89.995, 9000}, {60.01, 6001}, {80.1, 8010}, {0, 0}, {-0.004, 0}, {-1.5, -150},
		{0.001, 1}, {math.Inf(1), math.MaxInt64}, {math.NaN(), math.MaxInt64}, {math.Inf(-1), math.MinInt64},
	}
	for _, tt := range tests {
		if got := ceilHundredths(tt.v); got != tt.want {
			t.Errorf("ceilHundredths(%v) = %d, want %d", tt.v, got, tt.want)
		}
	}
}

// benchTemplate has 6 dimensions of 5 indicators, 30 in all, summing to 100:
// 24 score items of 3.5, 4 of 3, a check item of 4 and a veto item of 0.
func benchTemplate(tb testing.TB) *Template {
	t := &Template{Name: "基准"}
	n := 0
	for d := range 6 {
		dim := Dimension{Code: fmt.Sprint(d + 1), Name: fmt.Sprintf("维度%d", d+1)}
		for i := range 5 {
			ind := Indicator{Code: fmt.Sprintf("%d.%d", d+1, i+1), Name: fmt.Sprintf("指标%d", n+1), Kind: KindScore, MaxScore: 3.5}
			switch {
			case n >= 24 && n < 28:
				ind.MaxScore = 3
			case n == 28:
				ind.Kind, ind.MaxScore = KindCheck, 4
			case n == 29:
				ind.Kind, ind.MaxScore, ind.Veto = KindCheck, 0, true
			}
			dim.Indicators = append(dim.Indicators, ind)
			n++
		}
		t.Dimensions = append(t.Dimensions, dim)
	}
	return validTemplate(tb, t)
}

func BenchmarkComputeResults(b *testing.B) {
	tmpl := benchTemplate(b)
	rng := rand.New(rand.NewPCG(3, 4))
	plans := make([]PlanSheets, 349)
	id := int64(0)
	for p := range plans {
		plans[p].PlanID = int64(p + 1)
		for range 5 {
			id++
			sheet := RaterSheet{AssignmentID: id, Agency: "机构"}
			for _, ind := range tmpl.Indicators() {
				if ind.Kind == KindCheck {
					sheet.Answers = append(sheet.Answers, check(ind.Code, rng.IntN(5) > 0))
				} else {
					sheet.Answers = append(sheet.Answers, pts(ind.Code, float64(rng.IntN(int(2*ind.MaxScore)+1))/2))
				}
			}
			plans[p].Sheets = append(plans[p].Sheets, sheet)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		ComputeResults(tmpl, 15, plans)
	}
}
