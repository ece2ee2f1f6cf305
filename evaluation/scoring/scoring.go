package scoring

import (
	"cmp"
	"math"
	"math/big"
	"slices"
)

// The scoring rules of DESIGN.md "The numbers". Every answer is a multiple
// of 0.5, so all sums are kept as integer counts of half points and every
// printed number is rounded from an exact fraction, never through float64.

// RaterSheet is one submitted scoresheet of a plan.
type RaterSheet struct {
	AssignmentID int64
	Agency       string
	Answers      []Answer
}

// PlanSheets is a plan and its submitted scoresheets.
type PlanSheets struct {
	PlanID int64
	Sheets []RaterSheet
}

// PlanResult is a plan's result in a round, as the reports print it.
type PlanResult struct {
	PlanID     int64            `json:"plan_id"`
	Raters     int              `json:"raters"`      // submitted scoresheets
	RatersKept int              `json:"raters_kept"` // those left after dropping the highest and lowest
	Total      Hundredths       `json:"total"`
	Grade      string           `json:"grade"`
	Rank       int              `json:"rank"`          // 0 unless Status is complete
	Status     string           `json:"result_status"` // StatusComplete, StatusInsufficient or StatusNone
	Veto       bool             `json:"veto"`
	VetoItems  []string         `json:"veto_items,omitempty"` // codes of the veto items a majority of kept raters answered no
	StdDev     Hundredths       `json:"std_dev"`
	Range      Hundredths       `json:"range"`
	Dimensions []DimensionScore `json:"dimensions"`
	SelfTotal  *Hundredths      `json:"self_total"`
	SelfGap    *Hundredths      `json:"self_gap"`
	Indicators []IndicatorStat  `json:"indicators"`
	// RaterTotals are by assignment id. Not "raters" as in API.md: that key
	// is the count above, and encoding/json drops both fields of a repeated key.
	RaterTotals []RaterTotal `json:"rater_totals"`
	Outliers    []int64      `json:"outliers"` // assignment ids ascending, never nil
}

// DimensionScore is the mean score of a dimension over the raters kept.
type DimensionScore struct {
	Code      string      `json:"code"`
	Name      string      `json:"name"`
	Score     Hundredths  `json:"score"`
	SelfScore *Hundredths `json:"self_score"`
}

// IndicatorStat is the mean, lowest and highest points of an indicator over
// the raters kept.
type IndicatorStat struct {
	Code string     `json:"code"`
	Mean Hundredths `json:"mean"`
	Min  Hundredths `json:"min"`
	Max  Hundredths `json:"max"`
}

// RaterTotal is one rater's total on a plan and what the rules made of it.
type RaterTotal struct {
	AssignmentID int64      `json:"assignment_id"`
	Agency       string     `json:"agency"`
	Total        Hundredths `json:"total"`
	Kept         bool       `json:"kept"`    // counted in the means
	Outlier      bool       `json:"outlier"` // far from the median; flagged, not dropped
}

// minRatersToTrim is the number of submitted scoresheets from which the
// highest and the lowest total are dropped (去掉一个最高分和一个最低分).
const minRatersToTrim = 5

// Result statuses (DESIGN.md "Readiness"): complete with at least the
// round's minimum of submitted scoresheets, insufficient with 1 to that
// minimum − 1, none without any.
const (
	StatusComplete     = "complete"
	StatusInsufficient = "insufficient"
	StatusNone         = "none"
)

// ComputeResults applies the scoring rules to every plan of a round with the
// given template and outlier threshold (in points), one submitted scoresheet
// making a result complete; results are in the order of plans.
func ComputeResults(t *Template, outlierThreshold float64, plans []PlanSheets) []PlanResult {
	return ComputeResultsMin(t, outlierThreshold, 1, plans)
}

// ComputeResultsMin is ComputeResults where a complete result needs
// minRaters submitted scoresheets; only complete results are ranked.
func ComputeResultsMin(t *Template, outlierThreshold float64, minRaters int, plans []PlanSheets) []PlanResult {
	minRaters = max(minRaters, 1)
	s := newScorer(t, outlierThreshold)
	results := make([]PlanResult, len(plans))
	for i, p := range plans {
		results[i] = s.plan(p)
		switch n := results[i].Raters; {
		case n == 0:
			results[i].Status = StatusNone
		case n < minRaters:
			results[i].Status = StatusInsufficient
		default:
			results[i].Status = StatusComplete
		}
	}
	rank(results)
	return results
}

// scorer holds what is derived once from a template, and scratch space that
// is reused from plan to plan.
type scorer struct {
	tmpl      *Template
	threshold float64
	inds      []Indicator
	dimOf     []int          // dimension index of each indicator
	index     map[string]int // indicator code → position in inds
	bandMins  []Hundredths   // lowest rounded total of each grade band
	bands     []GradeBand

	// Scratch, overwritten by each plan; r counts raters in assignment id order.
	points  []int64 // r × indicator, half points
	no      []bool  // r × indicator, answered "no"
	order   []int   // r → position of the sheet in the plan
	totals  []int64 // r → total in half points
	kept    []bool  // r → counted in the means
	dimSums []int64 // half points of each dimension over the raters kept
	sorted  []int64 // totals, ascending, for the median
	spread  spread
}

// newScorer prepares the scoring of a round's plans on template t.
func newScorer(t *Template, threshold float64) *scorer {
	s := &scorer{tmpl: t, threshold: threshold, index: map[string]int{}, bands: t.GradeBands}
	for di, d := range t.Dimensions {
		for _, ind := range d.Indicators {
			s.index[ind.Code] = len(s.inds)
			s.inds = append(s.inds, ind)
			s.dimOf = append(s.dimOf, di)
		}
	}
	if len(s.bands) == 0 {
		s.bands = DefaultGradeBands()
	}
	s.bandMins = make([]Hundredths, len(s.bands))
	for i, b := range s.bands {
		s.bandMins[i] = ceilHundredths(b.Min)
	}
	return s
}

// plan computes one plan's result, all but its rank.
func (s *scorer) plan(p PlanSheets) PlanResult {
	n := len(p.Sheets)
	res := PlanResult{
		PlanID:      p.PlanID,
		Raters:      n,
		Dimensions:  make([]DimensionScore, len(s.tmpl.Dimensions)),
		Indicators:  []IndicatorStat{},
		RaterTotals: []RaterTotal{},
		Outliers:    []int64{},
	}
	for i, d := range s.tmpl.Dimensions {
		res.Dimensions[i] = DimensionScore{Code: d.Code, Name: d.Name}
	}
	if n == 0 {
		return res
	}

	s.readSheets(p.Sheets)
	s.kept = resize(s.kept, n)
	res.RatersKept = trim(s.totals, s.kept)
	s.means(&res)
	s.spreadOf(&res, p.Sheets)
	return res
}

// readSheets fills the scratch points, noes and totals of the sheets, in
// assignment id order. Answers to unknown indicators are ignored; a later
// answer to the same indicator replaces an earlier one.
func (s *scorer) readSheets(sheets []RaterSheet) {
	n, m := len(sheets), len(s.inds)
	s.order = s.order[:0]
	for i := range n {
		s.order = append(s.order, i)
	}
	slices.SortStableFunc(s.order, func(a, b int) int {
		return cmp.Compare(sheets[a].AssignmentID, sheets[b].AssignmentID)
	})
	s.points = resize(s.points, n*m)
	s.no = resize(s.no, n*m)
	s.totals = resize(s.totals, n)
	for r, si := range s.order {
		row, no := s.points[r*m:(r+1)*m], s.no[r*m:(r+1)*m]
		clear(row)
		clear(no)
		for _, a := range sheets[si].Answers {
			j, ok := s.index[a.IndicatorCode]
			if !ok {
				continue
			}
			row[j], _ = PointsFor(s.inds[j], a)
			no[j] = a.Yes != nil && !*a.Yes
		}
		var total int64
		for _, v := range row {
			total += v
		}
		s.totals[r] = total
	}
}

// trim marks in kept which of the totals (in assignment id order) count and
// returns how many do. From minRatersToTrim totals on it drops the highest,
// then the lowest of the rest; on a tie the lowest assignment id goes, which
// is the first in id order.
func trim(totals []int64, kept []bool) int {
	for r := range kept {
		kept[r] = true
	}
	n := len(totals)
	if n < minRatersToTrim {
		return n
	}
	hi := 0
	for r := 1; r < n; r++ {
		if totals[r] > totals[hi] {
			hi = r
		}
	}
	kept[hi] = false
	lo := -1
	for r := range n {
		if kept[r] && (lo < 0 || totals[r] < totals[lo]) {
			lo = r
		}
	}
	kept[lo] = false
	return n - 2
}

// means sets the indicator statistics, dimension scores, total, veto and
// grade of res over the raters kept.
func (s *scorer) means(res *PlanResult) {
	n, m, k := len(s.totals), len(s.inds), res.RatersKept
	s.dimSums = resize(s.dimSums, len(res.Dimensions))
	clear(s.dimSums)
	var totalSum int64
	res.Indicators = make([]IndicatorStat, m)
	for j, ind := range s.inds {
		var sum, lo, hi int64
		first, noes := true, 0
		for r := range n {
			if !s.kept[r] {
				continue
			}
			v := s.points[r*m+j]
			sum += v
			if first || v < lo {
				lo = v
			}
			if first || v > hi {
				hi = v
			}
			first = false
			if s.no[r*m+j] {
				noes++
			}
		}
		res.Indicators[j] = IndicatorStat{Code: ind.Code, Mean: roundHalves(sum, k), Min: halvesToHundredths(lo), Max: halvesToHundredths(hi)}
		s.dimSums[s.dimOf[j]] += sum
		totalSum += sum
		if ind.Veto && 2*noes > k {
			res.Veto = true
			res.VetoItems = append(res.VetoItems, ind.Code)
		}
	}
	for i, sum := range s.dimSums {
		res.Dimensions[i].Score = roundHalves(sum, k)
	}
	res.Total = roundHalves(totalSum, k)
	res.Grade = s.grade(res.Total)
	if res.Veto {
		res.Grade = GradeFail
	}
}

// spreadOf sets the standard deviation, range, rater totals and outliers of
// res over every submitted total, kept or not.
func (s *scorer) spreadOf(res *PlanResult, sheets []RaterSheet) {
	totals := s.totals
	res.StdDev = s.spread.stdDev(totals)
	lo, hi := totals[0], totals[0]
	for _, v := range totals {
		lo, hi = min(lo, v), max(hi, v)
	}
	res.Range = halvesToHundredths(hi - lo)
	s.sorted = append(s.sorted[:0], totals...)
	median4 := medianQuarters(s.sorted)
	res.RaterTotals = make([]RaterTotal, len(totals))
	for r, si := range s.order {
		sh := sheets[si]
		rt := RaterTotal{AssignmentID: sh.AssignmentID, Agency: sh.Agency, Total: halvesToHundredths(totals[r]), Kept: s.kept[r]}
		// |total − median| in quarter points is exact and so is its float64.
		if d := 2*totals[r] - median4; float64(absInt(d))/4 > s.threshold {
			rt.Outlier = true
			res.Outliers = append(res.Outliers, sh.AssignmentID)
		}
		res.RaterTotals[r] = rt
	}
}

// grade returns the first band whose lowest total the rounded total reaches.
func (s *scorer) grade(total Hundredths) string {
	for i, b := range s.bands {
		if total >= s.bandMins[i] {
			return b.Grade
		}
	}
	return GradeFail
}

// rank gives the plans with a complete result their rank by rounded total,
// descending; equal totals share a rank (1, 2, 2, 4).
func rank(results []PlanResult) {
	var scored []int
	for i := range results {
		if results[i].Status == StatusComplete {
			scored = append(scored, i)
		}
	}
	slices.SortStableFunc(scored, func(a, b int) int {
		return cmp.Compare(results[b].Total, results[a].Total)
	})
	for pos, i := range scored {
		if pos > 0 && results[i].Total == results[scored[pos-1]].Total {
			results[i].Rank = results[scored[pos-1]].Rank
		} else {
			results[i].Rank = pos + 1
		}
	}
}

// spread computes the sample standard deviation of rater totals exactly; its
// big integers are reused from plan to plan.
type spread struct {
	sum, sumSq, sq, num, den, lhs, rhs big.Int
}

// stdDev returns the sample standard deviation (n−1 denominator, 0 for a
// single rater) of totals given in half points, rounded half up to hundredths.
//
// With x = T/2 the variance is N/D where N = n·ΣT² − (ΣT)² and D = 4n(n−1).
// The rounded value c = floor(100·√(N/D) + ½) is the largest c with
// (2c−1)²·D ≤ 40000·N; a float64 estimate is corrected by exact checks.
func (s *spread) stdDev(totals []int64) Hundredths {
	n := int64(len(totals))
	if n < 2 {
		return 0
	}
	s.sum.SetInt64(0)
	s.sumSq.SetInt64(0)
	for _, t := range totals {
		s.sq.SetInt64(t)
		s.sum.Add(&s.sum, &s.sq)
		s.sq.Mul(&s.sq, &s.sq)
		s.sumSq.Add(&s.sumSq, &s.sq)
	}
	s.num.SetInt64(n)
	s.num.Mul(&s.num, &s.sumSq)
	s.sq.Mul(&s.sum, &s.sum)
	s.num.Sub(&s.num, &s.sq)
	if s.num.Sign() <= 0 {
		return 0
	}
	s.den.SetInt64(4 * n * (n - 1))

	nf, _ := s.num.Float64()
	df, _ := s.den.Float64()
	est := math.Floor(100*math.Sqrt(nf/df) + 0.5)
	if !(est > 0 && est < math.MaxInt64/4) {
		est = 0
	}
	return s.settle(int64(est))
}

// settle moves an estimate c of the rounded deviation of N/D to the exact
// answer, the largest c ≥ 0 that is within; the float64 estimate is off by
// one at most, so this takes a step or two.
func (s *spread) settle(c int64) Hundredths {
	c = max(c, 0)
	for c > 0 && !s.within(c) {
		c--
	}
	for s.within(c + 1) {
		c++
	}
	return Hundredths(c)
}

// within reports whether c−½ hundredths is at most the standard deviation:
// (2c−1)²·D ≤ 40000·N, for c ≥ 1.
func (s *spread) within(c int64) bool {
	s.lhs.SetInt64(2*c - 1)
	s.lhs.Mul(&s.lhs, &s.lhs)
	s.lhs.Mul(&s.lhs, &s.den)
	s.rhs.SetInt64(40000)
	s.rhs.Mul(&s.rhs, &s.num)
	return s.lhs.Cmp(&s.rhs) <= 0
}

// medianQuarters returns the median of totals given in half points, in
// quarter points so that the mean of the two middle totals stays exact. It
// sorts totals in place.
func medianQuarters(totals []int64) int64 {
	slices.Sort(totals)
	sorted, n := totals, len(totals)
	if n%2 == 1 {
		return 2 * sorted[n/2]
	}
	return sorted[n/2-1] + sorted[n/2]
}

// halvesToHundredths converts half points to hundredths; it is exact.
func halvesToHundredths(half int64) Hundredths { return Hundredths(50 * half) }

// ceilHundredths returns the lowest number of hundredths c with c/100 ≥ v,
// computed exactly, so that a band minimum such as 89.995 is honoured to the
// last digit. NaN and +Inf give a bound no total reaches; -Inf one every
// total reaches.
func ceilHundredths(v float64) Hundredths {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 1) || v >= math.MaxInt64/100:
		return math.MaxInt64
	case math.IsInf(v, -1) || v <= math.MinInt64/100:
		return math.MinInt64
	}
	r := new(big.Rat).SetFloat64(v)
	r.Mul(r, big.NewRat(100, 1))
	q, rem := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	// QuoRem truncates toward zero; step up for a positive remainder.
	if rem.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	return Hundredths(q.Int64())
}

// resize returns a slice of length n, reusing buf's storage when it is large enough.
func resize[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	return buf[:n]
}

func absInt(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
