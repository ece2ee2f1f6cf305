package reports

import (
	"fmt"
	"strings"

	"github.com/evald/evald/evaluation"
)

// This file maps the domain's report data (evaluation.RoundReportData) into
// the input structs of the reports. It copies and labels; every number is
// the domain's, already rounded.

// numberOf is a report number: prefix, year of the round, round id and plan sequence.
func numberOf(prefix string, d *evaluation.RoundReportData, seq int) string {
	year := string(d.Round.StartsOn)[:4]
	if seq == 0 {
		return fmt.Sprintf("%s-%s-%02d", prefix, year, d.Round.ID)
	}
	return fmt.Sprintf("%s-%s-%02d-%04d", prefix, year, d.Round.ID, seq)
}

// planSeq is a plan's position in the round's report order (1, 2, …).
func planSeq(d *evaluation.RoundReportData, planID int64) int {
	for i, id := range d.PlanIDs() {
		if id == planID {
			return i + 1
		}
	}
	return 0
}

func planOf(d *evaluation.RoundReportData, planID int64) Plan {
	p := d.Results.Plans[planID]
	return Plan{Code: p.Code, Title: p.Title, LeadDepartment: d.Departments[p.LeadDepartmentID], ApprovedBy: p.ApprovedBy,
		IssuedOn: string(p.IssuedOn), Field: p.Field, Summary: p.Summary}
}

// EvaluationReportOf assembles the evaluation report of a plan: once its
// round is published, from the current version of its issued report (the
// data frozen when it was issued); before, from the data as it is, as a
// draft preview.
func EvaluationReportOf(d *evaluation.RoundReportData, planID int64) (*EvaluationReport, error) {
	if iss := d.Issued[planID]; iss != nil {
		in, err := iss.Input()
		if err != nil {
			return nil, err
		}
		r, err := evaluationReportOf(in.ReportData(d.Location), planID, in.Seq)
		if err != nil {
			return nil, err
		}
		r.Version, r.Reason = iss.Version, iss.Reason
		r.Narrative = approvedOnly(r.Narrative)
		return r, nil
	}
	r, err := evaluationReportOf(d, planID, planSeq(d, planID))
	if err != nil {
		return nil, err
	}
	r.Draft = !d.Published()
	if !r.Draft {
		r.Narrative = approvedOnly(r.Narrative)
	}
	return r, nil
}

func evaluationReportOf(d *evaluation.RoundReportData, planID int64, seq int) (*EvaluationReport, error) {
	res, ok := d.Result(planID)
	if !ok {
		return nil, fmt.Errorf("%w: plan %d is not in round %d", ErrInvalidReport, planID, d.Round.ID)
	}
	t := d.Template
	r := &EvaluationReport{ReportNumber: numberOf("PG", d, seq), Date: string(d.ReportDate()), Issuer: d.Issuer,
		RoundName: d.Round.Name, Plan: planOf(d, planID), Template: fmt.Sprintf("%s（第%d版）", t.Name, t.Version),
		Assigned: len(d.Raters[planID]), OutlierThreshold: d.Round.OutlierThreshold}
	seen := map[string]bool{}
	for _, rt := range d.Raters[planID] {
		if !seen[rt.Agency] {
			seen[rt.Agency] = true
			r.Agencies = append(r.Agencies, rt.Agency)
		}
	}
	bands := t.GradeBands
	if len(bands) == 0 {
		bands = evaluation.DefaultGradeBands()
	}
	for _, b := range bands {
		if b.Grade != evaluation.GradeFail {
			r.GradeBands = append(r.GradeBands, GradeBand{Grade: b.Grade, Min: b.Min})
		}
	}
	// Which of the dropped raters was the highest: the one with the higher
	// total, or on a tie the lower assignment id (dropped first).
	var dropped []evaluation.RaterTotal
	for _, rt := range res.RaterTotals {
		if !rt.Kept {
			dropped = append(dropped, rt)
		}
	}
	highest := int64(0)
	if len(dropped) == 2 {
		highest = dropped[0].AssignmentID
		if dropped[1].Total > dropped[0].Total {
			highest = dropped[1].AssignmentID
		}
	}
	var totals []evaluation.Hundredths
	for i, rt := range res.RaterTotals {
		rater := Rater{Label: fmt.Sprintf("评估人员 %d", i+1), Agency: rt.Agency, Total: rt.Total.Float64(), Outlier: rt.Outlier}
		switch {
		case rt.Kept:
		case rt.AssignmentID == highest:
			rater.Dropped = DroppedHighest
		default:
			rater.Dropped = DroppedLowest
		}
		r.Raters = append(r.Raters, rater)
		totals = append(totals, rt.Total)
	}
	r.Result = Result{Total: res.Total.Float64(), Grade: res.Grade, Rank: res.Rank, RankedPlans: d.Results.Ranked, Veto: res.Veto}
	for _, code := range res.VetoItems {
		ind, _ := t.Indicator(code)
		r.Result.VetoItems = append(r.Result.VetoItems, ind.Code+" "+ind.Name)
	}
	dimMax := map[string]float64{}
	for _, dim := range t.Dimensions {
		for _, ind := range dim.Indicators {
			dimMax[dim.Code] += ind.MaxScore
		}
	}
	for _, ds := range res.Dimensions {
		r.Dimensions = append(r.Dimensions, DimensionScore{Code: ds.Code, Name: ds.Name, Score: ds.Score.Float64(), Max: dimMax[ds.Code],
			SelfScore: floatOf(ds.SelfScore)})
	}
	r.SelfTotal, r.SelfGap = floatOf(res.SelfTotal), floatOf(res.SelfGap)
	if n := d.Narratives[planID]; n != nil {
		r.LeadAgency = n.LeadAgency
		r.Narrative = narrativeOf(n)
	}
	stats := map[string]evaluation.IndicatorStat{}
	for _, st := range res.Indicators {
		stats[st.Code] = st
	}
	for _, dim := range t.Dimensions {
		for _, ind := range dim.Indicators {
			st := stats[ind.Code]
			r.Indicators = append(r.Indicators, IndicatorScore{Dimension: dim.Name, Code: ind.Code, Name: ind.Name,
				Check: ind.Kind == evaluation.KindCheck, Veto: ind.Veto, MaxScore: ind.MaxScore,
				Mean: st.Mean.Float64(), Min: st.Min.Float64(), Max: st.Max.Float64()})
		}
	}
	r.Spread = Spread{StdDev: res.StdDev.Float64(), Range: res.Range.Float64(), Median: median(totals)}
	for i, f := range d.Findings[planID] {
		r.Findings = append(r.Findings, findingOf(t, i+1, f))
	}
	for _, sv := range d.Surveys[planID] {
		sum := SurveySummary{Title: sv.Title, Closed: sv.Status == evaluation.SurveyClosed, Responses: sv.Responses}
		if sv.SatisfactionIndex != nil {
			v := sv.SatisfactionIndex.Float64()
			sum.SatisfactionIndex = &v
		}
		r.Surveys = append(r.Surveys, sum)
	}
	return r, nil
}

// floatOf is an optional number as the reports take it.
func floatOf(h *evaluation.Hundredths) *float64 {
	if h == nil {
		return nil
	}
	v := h.Float64()
	return &v
}

// narrativeApproved is the status of conclusions the office approved.
const narrativeApproved = "approved"

// narrativeOf is a plan's conclusions as the report prints them: the
// approved text with the approval line, or the current text of a draft (the
// caller keeps it for previews only); nil when nothing was written.
func narrativeOf(n *evaluation.ReportNarrative) *Narrative {
	if n.Overall == "" && n.Achievements == "" && n.Problems == "" && n.Recommendations == "" {
		return nil
	}
	out := &Narrative{Overall: n.Overall, Achievements: n.Achievements, Problems: n.Problems, Recommendations: n.Recommendations}
	if n.Status == narrativeApproved {
		out.ApprovedBy, out.ApprovedOn = n.ApprovedBy, string(n.ApprovedOn)
	}
	return out
}

// approvedOnly keeps conclusions only when approved: an issued report prints
// nothing else (DECISIONS.md "Reports").
func approvedOnly(n *Narrative) *Narrative {
	if n == nil || n.ApprovedOn == "" {
		return nil
	}
	return n
}

// median of rater totals, exact: totals are multiples of 0.5, so the mean
// of the two middle ones is a whole number of hundredths.
func median(totals []evaluation.Hundredths) float64 {
	n := len(totals)
	if n == 0 {
		return 0
	}
	s := append([]evaluation.Hundredths(nil), totals...)
	for i := 1; i < n; i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	if n%2 == 1 {
		return s[n/2].Float64()
	}
	return ((s[n/2-1] + s[n/2]) / 2).Float64()
}

func findingOf(t *evaluation.Template, n int, f evaluation.ReportFinding) Finding {
	out := Finding{Number: n, Severity: Severity(f.Severity), IndicatorCode: f.IndicatorCode, Description: f.Description,
		Recommendation: f.Recommendation, Agency: f.Agency}
	if ind, ok := t.Indicator(f.IndicatorCode); ok {
		out.IndicatorName = ind.Name
	}
	for _, o := range f.Origins {
		due := ""
		if o.DueOn != nil {
			due = "，整改期限 " + o.DueOn.String()
		}
		out.History = append(out.History, fmt.Sprintf("%s提出（原问题 #%d），当时状态：%s%s", o.RoundName, o.FindingID,
			FindingStatus(o.Status).Label(), due))
	}
	if f.CarriedFromFindingID != nil && out.History == nil {
		out.History = []string{fmt.Sprintf("结转自此前轮次的问题 #%d", *f.CarriedFromFindingID)}
	}
	return out
}

// RectificationReportOf assembles the rectification report of a plan as of
// the day the data was loaded.
func RectificationReportOf(d *evaluation.RoundReportData, planID int64) (*RectificationReport, error) {
	if _, ok := d.Result(planID); !ok {
		return nil, fmt.Errorf("%w: plan %d is not in round %d", ErrInvalidReport, planID, d.Round.ID)
	}
	if d.Round.PublishedOn == nil {
		return nil, fmt.Errorf("%w: round %d is not published", ErrInvalidReport, d.Round.ID)
	}
	r := &RectificationReport{ReportNumber: numberOf("ZG", d, planSeq(d, planID)), Date: string(d.Today), Issuer: d.Issuer,
		RoundName: d.Round.Name, PublishedOn: string(*d.Round.PublishedOn), Plan: planOf(d, planID)}
	accepted := 0
	for i, f := range d.Findings[planID] {
		item := RectificationItem{Finding: findingOf(d.Template, i+1, f), Status: FindingStatus(f.Status), Overdue: f.Overdue}
		if f.DueOn != nil {
			item.DueOn = string(*f.DueOn)
		}
		if f.Status == evaluation.FindingAccepted {
			accepted++
		}
		if n := len(f.Versions); n > 0 {
			v := f.Versions[n-1]
			resp := &Response{Measures: v.Measures, ResponsiblePerson: v.ResponsiblePerson, Progress: Progress(v.Progress),
				SubmittedOn: string(evaluation.DateOf(v.SubmittedAt, d.Location)), Evidence: []string{}}
			if v.CompletedOn != nil {
				resp.CompletedOn = string(*v.CompletedOn)
			}
			for _, a := range v.Attachments {
				resp.Evidence = append(resp.Evidence, a.Name)
			}
			if v.Evidence != "" {
				resp.Evidence = append(resp.Evidence, v.Evidence)
			}
			item.Response = resp
		}
		for _, v := range f.Verdicts {
			item.Verifications = append(item.Verifications, Verification{Date: string(evaluation.DateOf(v.VerifiedAt, d.Location)),
				Verifier: v.Verifier, Verdict: Verdict(v.Verdict), Comment: v.Comment})
		}
		r.Findings = append(r.Findings, item)
	}
	if n := len(r.Findings); n > 0 {
		r.RatePercent = percent(accepted, n)
	}
	return r, nil
}

// percent is num/den × 100 rounded half up to two decimals, exactly.
func percent(num, den int) float64 {
	if den == 0 {
		return 0
	}
	hundredths := (int64(num)*20000 + int64(den)) / (2 * int64(den))
	return float64(hundredths) / 100
}

// RoundSummaryOf assembles the round summary: every plan by rank with its
// findings and rectification, and every lead department.
func RoundSummaryOf(d *evaluation.RoundReportData) *RoundSummary {
	s := &RoundSummary{ReportNumber: numberOf("HZ", d, 0), Date: string(d.Today), Issuer: d.Issuer, RoundName: d.Round.Name}
	type tally struct{ plans, findings, accepted, overdue int }
	depts := map[int64]*tally{}
	var order []int64
	for _, res := range d.Results.Results {
		p := d.Results.Plans[res.PlanID]
		ps := PlanSummary{Code: p.Code, Title: p.Title, LeadDepartment: d.Departments[p.LeadDepartmentID], Raters: res.Raters,
			Scored: res.Status == evaluation.ResultComplete}
		if ps.Scored {
			ps.Total, ps.Grade, ps.Rank = res.Total.Float64(), res.Grade, res.Rank
		}
		if d.Published() {
			for _, f := range d.Findings[res.PlanID] {
				ps.Findings++
				if f.Status == evaluation.FindingAccepted {
					ps.Accepted++
				}
				if f.Overdue {
					ps.Overdue++
				}
			}
		}
		ps.RatePercent = percent(ps.Accepted, ps.Findings)
		s.Plans = append(s.Plans, ps)
		t := depts[p.LeadDepartmentID]
		if t == nil {
			t = &tally{}
			depts[p.LeadDepartmentID] = t
			order = append(order, p.LeadDepartmentID)
		}
		t.plans++
		t.findings += ps.Findings
		t.accepted += ps.Accepted
		t.overdue += ps.Overdue
	}
	for _, id := range d.SortedDepartments(order) {
		t := depts[id]
		s.Departments = append(s.Departments, DepartmentSummary{Department: d.Departments[id], Plans: t.plans, Findings: t.findings,
			Accepted: t.accepted, Overdue: t.overdue, RatePercent: percent(t.accepted, t.findings)})
	}
	return s
}

// fileName is a safe file name for a report inside a ZIP or a download.
func fileName(code, title, suffix string) string {
	// 255 bytes is the longest file name of common file systems; a code and
	// a title at their longest (in 4-byte characters) would be four times that.
	const maxName = 255
	code = evaluation.ClipTextBytes(code, maxName/4)
	title = evaluation.ClipTextBytes(title, max(0, maxName-len(code)-len(" ")-len(suffix)))
	name := code + " " + title + suffix
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, name)
}
