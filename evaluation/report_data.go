package evaluation

import (
	"context"
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm/clause"
)

// ReportKind names a kind of report the platform hands out.
type ReportKind string

// Report kinds.
const (
	ReportEvaluation    ReportKind = "evaluation"    // 评估报告, per plan
	ReportRectification ReportKind = "rectification" // 整改情况报告, per plan
	ReportSummaryPDF    ReportKind = "summary_pdf"   // round summary
	ReportSummaryXLSX   ReportKind = "summary_xlsx"
	ReportScorecard     ReportKind = "scorecard" // 考核计分表, of a year and no round
)

// RoundReportData is everything the reports of a round print, loaded in a
// fixed number of queries however many plans the round has.
type RoundReportData struct {
	Round       *Round
	Template    *Template
	Results     *RoundResults
	Issuer      string           // the reform office's name
	Departments map[int64]string // lead departments by id
	Raters      map[int64][]ReportRater
	Findings    map[int64][]ReportFinding  // by plan, in the order they were raised
	Surveys     map[int64][]SurveySummary  // published and closed surveys linked to a plan of the round, by plan
	Narratives  map[int64]*ReportNarrative // by plan; absent when never written
	Today       Date
	Location    *time.Location // the city's time zone, in which dates are days

	// Issued holds, once the round is published, each plan's current issued
	// evaluation report (issued_report.go); its reports print that, not the
	// data above.
	Issued map[int64]*IssuedReport
}

// ReportRater is an assignment of a plan as the reports name it.
type ReportRater struct {
	AssignmentID int64
	Agency       string
	Submitted    bool
}

// ReportFinding is a finding with its department's responses and the
// verdicts on them, for the reports.
type ReportFinding struct {
	Finding
	Agency   string // the agency of the evaluator who raised it
	Overdue  bool
	Versions []ResponseVersion // oldest first
	Verdicts []ReportVerdict   // oldest first
	// Origins are, for a finding carried from earlier rounds, the findings it
	// came from (nearest first), as the evaluation report prints its history.
	Origins []CarriedOrigin `json:",omitempty"`
}

// ReportVerdict is a verdict with who gave it, as the reports print it: the
// evaluator's agency, or the reform office.
type ReportVerdict struct {
	VerdictRecord
	Verifier string
}

// LoadRoundReportData loads a round's report data.
func (s *Store) LoadRoundReportData(ctx context.Context, roundID int64) (*RoundReportData, error) {
	rr, err := s.ComputeRoundResults(ctx, roundID)
	if err != nil {
		return nil, err
	}
	g := s.read(ctx)
	d := &RoundReportData{Round: rr.Round, Template: rr.Template, Results: rr, Departments: map[int64]string{},
		Raters: map[int64][]ReportRater{}, Findings: map[int64][]ReportFinding{}, Today: s.Today(), Location: s.loc}
	if d.Issuer, err = s.Issuer(ctx); err != nil {
		return nil, err
	}
	var depts []Org
	if err := g.Where("kind = ?", OrgDepartment).Find(&depts).Error; err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	for _, o := range depts {
		d.Departments[o.ID] = o.Name
	}
	type raterRow struct {
		ID     int64
		PlanID int64
		Agency string
		Status SheetStatus
	}
	var raters []raterRow
	err = g.Table("assignments").Select("assignments.id, assignments.plan_id, orgs.name AS agency, scoresheets.status").
		Joins("JOIN orgs ON orgs.id = assignments.agency_id").
		Joins("JOIN scoresheets ON scoresheets.assignment_id = assignments.id").
		Where("assignments.round_id = ?", roundID).Order("assignments.id").Scan(&raters).Error
	if err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	agencyOf := map[int64]string{}
	for _, r := range raters {
		d.Raters[r.PlanID] = append(d.Raters[r.PlanID], ReportRater{AssignmentID: r.ID, Agency: r.Agency, Submitted: r.Status == SheetSubmitted})
		agencyOf[r.ID] = r.Agency
	}
	var findings []Finding
	if err := g.Where("round_id = ?", roundID).Order("id").Find(&findings).Error; err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	var versions []ResponseVersion
	err = g.Where("finding_id IN (?)", g.Model(&Finding{}).Select("id").Where("round_id = ?", roundID)).
		Order("finding_id, number").Find(&versions).Error
	if err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	type verdictRow struct {
		VerdictRecord
		Agency string
	}
	var verdicts []verdictRow
	err = g.Table("verdicts").Select("verdicts.*, COALESCE(orgs.name, '') AS agency").
		Joins("JOIN users ON users.id = verdicts.verified_by").
		Joins("LEFT JOIN orgs ON orgs.id = users.org_id").
		Where("verdicts.finding_id IN (?)", g.Model(&Finding{}).Select("id").Where("round_id = ?", roundID)).
		Order("verdicts.id").Find(&verdicts).Error
	if err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	versionsOf := map[int64][]ResponseVersion{}
	for _, v := range versions {
		versionsOf[v.FindingID] = append(versionsOf[v.FindingID], v)
	}
	verdictsOf := map[int64][]ReportVerdict{}
	for _, v := range verdicts {
		who := v.Agency
		if v.VerifierRole == RoleAdmin || who == "" {
			who = d.Issuer
		}
		verdictsOf[v.FindingID] = append(verdictsOf[v.FindingID], ReportVerdict{VerdictRecord: v.VerdictRecord, Verifier: who})
	}
	carried, err := carriedFindings(g, roundID, 0)
	if err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	originsOf := make(map[int64][]CarriedOrigin, len(carried))
	for _, c := range carried {
		originsOf[c.ID] = c.Origins
	}
	for _, f := range findings {
		d.Findings[f.PlanID] = append(d.Findings[f.PlanID], ReportFinding{Finding: f, Agency: agencyOf[f.AssignmentID],
			Overdue: f.Overdue(d.Today), Versions: versionsOf[f.ID], Verdicts: verdictsOf[f.ID], Origins: originsOf[f.ID]})
	}
	if d.Surveys, err = s.linkedSurveys(ctx, roundID, 0); err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	if d.Narratives, err = s.reportNarratives(ctx, roundID, d.Issuer); err != nil {
		return nil, fmt.Errorf("report data: %w", err)
	}
	return d, nil
}

// PlanIDs returns the round's plans in report order: by rank, unranked last.
func (d *RoundReportData) PlanIDs() []int64 {
	ids := make([]int64, len(d.Results.Results))
	for i, r := range d.Results.Results {
		ids[i] = r.PlanID
	}
	return ids
}

// Complete reports whether a plan's result is complete: only then does it
// have an evaluation report (DESIGN.md "Readiness").
func (d *RoundReportData) Complete(planID int64) bool {
	res, ok := d.Result(planID)
	return ok && res.Status == ResultComplete
}

// WithoutResult lists, in report order, the plans whose result is not
// complete (no evaluation report).
func (d *RoundReportData) WithoutResult() []int64 {
	var ids []int64
	for _, r := range d.Results.Results {
		if r.Status != ResultComplete {
			ids = append(ids, r.PlanID)
		}
	}
	return ids
}

// noResult is the conflict of asking for the evaluation report of a plan
// whose result is not complete.
func noResult(r *Round) *ConflictError {
	return conflictf("no_result", "该方案没有完整的评估结果（已提交的评分表少于本轮要求的%d份），不出具评估报告", max(r.MinRaters, 1))
}

// Result returns a plan's result.
func (d *RoundReportData) Result(planID int64) (*PlanResult, bool) {
	for i := range d.Results.Results {
		if d.Results.Results[i].PlanID == planID {
			return &d.Results.Results[i], true
		}
	}
	return nil, false
}

// ReportDate is the date an evaluation report carries: the publication
// date, or while a round is being reviewed the scoring deadline, so that the
// same data always gives the same report.
func (d *RoundReportData) ReportDate() Date {
	if d.Round.PublishedOn != nil {
		return *d.Round.PublishedOn
	}
	return d.Round.ScoringDue
}

// Published reports whether the round's findings have been published.
func (d *RoundReportData) Published() bool {
	return d.Round.Status.Published()
}

// checkReportAccess enforces who may have which report of a round, and when:
// first the phase rule (a round the reader may not see is not found), then
// evaluation reports from the close of scoring for the office (a preview)
// and from publication for others; rectification reports and the round
// summary for non-office readers from publication. Evaluators get the
// reports of plans they were assigned, departments those of plans they
// lead; a plan or round they may not see is not found.
func (s *Store) checkReportAccess(ctx context.Context, actor Actor, r *Round, planID int64, kind ReportKind) error {
	if !actor.MayReadRound(r.Status) {
		return ErrNotFound
	}
	switch actor.Role {
	case RoleAdmin, RoleViewer:
	case RoleEvaluator, RoleDepartment:
		// Reports are issued at publication; the preview before it is the
		// office's, even for the evaluators of a round they may see.
		if !r.Status.Published() || planID == 0 {
			return ErrNotFound
		}
		q := s.read(ctx).Model(&Assignment{}).Where("assignments.round_id = ? AND assignments.plan_id = ?", r.ID, planID)
		if actor.Role == RoleEvaluator {
			q = q.Where("assignments.evaluator_id = ?", actor.UserID)
		} else {
			q = q.Joins("JOIN plans ON plans.id = assignments.plan_id").Where("plans.lead_department_id = ?", actor.OrgID)
		}
		var n int64
		if err := q.Count(&n).Error; err != nil {
			return fmt.Errorf("report access: %w", err)
		}
		if n == 0 {
			return ErrNotFound
		}
	default:
		return ErrNotFound
	}
	switch {
	case r.Status == RoundDraft || r.Status == RoundOpen:
		return conflictf("not_ready", "评分尚未截止，报告还不能生成")
	case kind == ReportRectification && !r.Status.Published():
		return conflictf("not_ready", "评估结果发布后才能生成整改情况报告")
	}
	return nil
}

// ReportData loads the report data of a round for a reader who may have the
// kind of report of the plan (planID 0: a round-wide report).
func (s *Store) ReportData(ctx context.Context, actor Actor, roundID, planID int64, kind ReportKind) (*RoundReportData, error) {
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	if err := s.checkReportAccess(ctx, actor, r, planID, kind); err != nil {
		return nil, err
	}
	d, err := s.LoadRoundReportData(ctx, roundID)
	if err != nil {
		return nil, err
	}
	if _, ok := d.Result(planID); planID != 0 && !ok {
		return nil, ErrNotFound
	}
	if kind == ReportEvaluation && planID != 0 && !d.Complete(planID) {
		return nil, noResult(r)
	}
	if kind == ReportEvaluation && r.Status.Published() {
		if err := s.loadIssued(ctx, actor, d, planID); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Issuer is who issues the platform's reports: the reform office's name
// (the first office organisation), or 改革办 before there is one.
func (s *Store) Issuer(ctx context.Context) (string, error) {
	var office Org
	if err := s.read(ctx).Where("kind = ?", OrgOffice).Order("id").Limit(1).Find(&office).Error; err != nil {
		return "", fmt.Errorf("report issuer: %w", err)
	}
	if office.Name == "" {
		return "改革办", nil
	}
	return office.Name, nil
}

// ReportRecord is a report the platform handed out, found again by its
// SHA-256 or its verification code.
type ReportRecord struct {
	ID               int64      `json:"-"`
	SHA256           string     `json:"sha256" gorm:"column:sha256"`
	VerificationCode string     `json:"verification_code"`
	Kind             ReportKind `json:"kind"`
	RoundID          *int64     `json:"round_id"` // the report's round; nil for a report of a year
	PlanID           *int64     `json:"plan_id"`
	Year             *int       `json:"year"` // the year of a yearly report (the scorecard); nil for a round's
	Size             int64      `json:"size"`
	ReportDate       Date       `json:"report_date"`
	GeneratedAt      time.Time  `json:"generated_at"`
	GeneratedBy      *int64     `json:"-"`
	Version          *int       `json:"version"` // the issued version of an evaluation report; nil for a draft and other kinds
	Draft            bool       `json:"draft"`   // an evaluation report previewed before publication (watermarked 草稿)
}

// RecordReports records reports handed out; a report already recorded (the
// same bytes) keeps its first record.
func (s *Store) RecordReports(ctx context.Context, actor Actor, recs []ReportRecord) error {
	if len(recs) == 0 {
		return nil
	}
	return s.write(ctx, actor, func(t *tx) error {
		hashes := make([]string, len(recs))
		for i, r := range recs {
			hashes[i] = r.SHA256
		}
		var known []string
		if err := t.Model(&ReportRecord{}).Where("sha256 IN ?", hashes).Pluck("sha256", &known).Error; err != nil {
			return fmt.Errorf("record reports: %w", err)
		}
		seen := map[string]bool{}
		for _, h := range known {
			seen[h] = true
		}
		var fresh []ReportRecord
		for _, r := range recs {
			if seen[r.SHA256] {
				continue
			}
			seen[r.SHA256] = true
			r.GeneratedAt, r.GeneratedBy = t.now, actor.idPtr()
			fresh = append(fresh, r)
		}
		if len(fresh) == 0 {
			return nil
		}
		// Two readers may hand out the same report at the same moment; the
		// hash is unique and the second insert does nothing.
		if err := t.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(fresh, 200).Error; err != nil {
			return fmt.Errorf("record reports: %w", err)
		}
		entity, id := "report", fresh[0].ID
		if fresh[0].RoundID != nil {
			entity, id = "round", *fresh[0].RoundID
		}
		t.audit("report.record", entity, id, nil, map[string]any{"count": len(fresh), "first": fresh[0].SHA256})
		return nil
	})
}

// VerifiedReport is the answer of the public verification of a report.
type VerifiedReport struct {
	Genuine          bool       `json:"genuine"`
	Kind             ReportKind `json:"kind"`
	Round            *RoundRef  `json:"round"` // null for a report of a year
	Year             *int       `json:"year"`  // the year of a yearly report (the scorecard); null otherwise
	Plan             *PlanRef   `json:"plan"`
	ReportDate       Date       `json:"report_date"`
	GeneratedAt      time.Time  `json:"generated_at"`
	SHA256           string     `json:"sha256"`
	VerificationCode string     `json:"verification_code"`
	Version          *int       `json:"version"`       // the issued version of an evaluation report; null otherwise
	SupersededBy     *int       `json:"superseded_by"` // the current version when a later one replaced this one; null when current
	Draft            bool       `json:"draft"`         // a preview before publication, not an issued report
}

// VerifyReport finds a report handed out by the SHA-256 of its file or by
// its verification code (all 64 hex digits, or the 16 printed on its cover).
func (s *Store) VerifyReport(ctx context.Context, key string) (*VerifiedReport, error) {
	if !isHex(key) || (len(key) != 64 && len(key) != 16) {
		return nil, ErrNotFound
	}
	g := s.read(ctx)
	var recs []ReportRecord
	q := g.Where("sha256 = ? OR verification_code = ?", key, key)
	if len(key) == 16 {
		q = g.Where("verification_code LIKE ?", key+"%")
	}
	if err := q.Order("id").Limit(2).Find(&recs).Error; err != nil {
		return nil, fmt.Errorf("verify report: %w", err)
	}
	if len(recs) == 0 {
		return nil, ErrNotFound
	}
	rec := recs[0]
	v := &VerifiedReport{Genuine: true, Kind: rec.Kind, Year: rec.Year, ReportDate: rec.ReportDate,
		GeneratedAt: rec.GeneratedAt, SHA256: rec.SHA256, VerificationCode: rec.VerificationCode,
		Version: rec.Version, Draft: rec.Draft}
	if rec.RoundID != nil {
		var r Round
		if err := g.First(&r, *rec.RoundID).Error; err != nil {
			return nil, notFound(err, "round")
		}
		v.Round = &RoundRef{ID: r.ID, Name: r.Name, Status: r.Status}
	}
	if rec.Version != nil && rec.PlanID != nil && rec.RoundID != nil {
		var current int
		if err := g.Model(&IssuedReport{}).Where("round_id = ? AND plan_id = ?", *rec.RoundID, *rec.PlanID).
			Select("COALESCE(MAX(version), 0)").Scan(&current).Error; err != nil {
			return nil, fmt.Errorf("verify report: %w", err)
		}
		if current > *rec.Version {
			v.SupersededBy = &current
		}
	}
	if rec.PlanID != nil {
		var p Plan
		if err := g.First(&p, *rec.PlanID).Error; err != nil {
			return nil, notFound(err, "plan")
		}
		v.Plan = &PlanRef{ID: p.ID, Code: p.Code, Title: p.Title}
	}
	return v, nil
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return s != ""
}

// SortedDepartments returns department ids sorted by name.
func (d *RoundReportData) SortedDepartments(ids []int64) []int64 {
	out := append([]int64(nil), ids...)
	sort.Slice(out, func(i, j int) bool { return d.Departments[out[i]] < d.Departments[out[j]] })
	return out
}
