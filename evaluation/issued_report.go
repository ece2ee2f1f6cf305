package evaluation

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Issued means frozen (DESIGN.md): publishing a round snapshots each plan's
// evaluation report input as version 1; the office may reissue a plan's
// report from the data of the day as version N, with a reason. The reports
// of a published round print the current version's snapshot, so that later
// edits of a plan, an organisation or a user change no issued report.

// PlanReportInput is everything a plan's evaluation report prints, as frozen
// when it was issued: a one-plan cut of RoundReportData.
type PlanReportInput struct {
	Round          Round            `json:"round"`
	Template       *Template        `json:"template"` // without guidance, which the report does not print
	Issuer         string           `json:"issuer"`
	Seq            int              `json:"seq"`    // the plan's position in the round's report order (its report number)
	Ranked         int              `json:"ranked"` // plans ranked in the round
	Plan           Plan             `json:"plan"`
	LeadDepartment string           `json:"lead_department"`
	Result         PlanResult       `json:"result"`
	Raters         []ReportRater    `json:"raters"`
	Findings       []ReportFinding  `json:"findings"` // without responses and verdicts
	Surveys        []SurveySummary  `json:"surveys"`
	Narrative      *ReportNarrative `json:"narrative"`
}

// IssuedReport is one version of a plan's issued evaluation report.
type IssuedReport struct {
	ID       int64     `json:"-"`
	RoundID  int64     `json:"round_id"`
	PlanID   int64     `json:"plan_id"`
	Version  int       `json:"version"`
	Reason   string    `json:"reason"` // why it was reissued; "" for version 1
	Snapshot string    `json:"-"`      // JSON of PlanReportInput
	IssuedAt time.Time `json:"issued_at"`
	IssuedBy *int64    `json:"-"`
}

// Input decodes the frozen report input.
func (ir *IssuedReport) Input() (*PlanReportInput, error) {
	var in PlanReportInput
	if err := json.Unmarshal([]byte(ir.Snapshot), &in); err != nil {
		return nil, fmt.Errorf("issued report %d v%d of round %d: %w", ir.PlanID, ir.Version, ir.RoundID, err)
	}
	return &in, nil
}

// PlanInput cuts a plan's report input out of the round's data.
func (d *RoundReportData) PlanInput(planID int64) (*PlanReportInput, bool) {
	res, ok := d.Result(planID)
	if !ok {
		return nil, false
	}
	seq := 0
	for i, id := range d.PlanIDs() {
		if id == planID {
			seq = i + 1
		}
	}
	tpl := *d.Template
	tpl.Dimensions = make([]Dimension, len(d.Template.Dimensions))
	for i, dim := range d.Template.Dimensions {
		dim.Indicators = append([]Indicator(nil), dim.Indicators...)
		for j := range dim.Indicators {
			dim.Indicators[j].Guidance = ""
		}
		tpl.Dimensions[i] = dim
	}
	p := *d.Results.Plans[planID]
	in := &PlanReportInput{Round: *d.Round, Template: &tpl, Issuer: d.Issuer, Seq: seq, Ranked: d.Results.Ranked, Plan: p,
		LeadDepartment: d.Departments[p.LeadDepartmentID], Result: *res, Raters: d.Raters[planID],
		Surveys: d.Surveys[planID], Narrative: d.Narratives[planID]}
	for _, f := range d.Findings[planID] {
		f.Versions, f.Verdicts = nil, nil
		in.Findings = append(in.Findings, f)
	}
	return in, true
}

// ReportData turns a frozen input back into the report data of its one plan.
func (in *PlanReportInput) ReportData(loc *time.Location) *RoundReportData {
	r, plan := in.Round, in.Plan
	rr := &RoundResults{Round: &r, Template: in.Template, Plans: map[int64]*Plan{plan.ID: &plan},
		Results: []PlanResult{in.Result}, Ranked: in.Ranked}
	d := &RoundReportData{Round: &r, Template: in.Template, Results: rr, Issuer: in.Issuer,
		Departments: map[int64]string{plan.LeadDepartmentID: in.LeadDepartment},
		Raters:      map[int64][]ReportRater{plan.ID: in.Raters}, Findings: map[int64][]ReportFinding{plan.ID: in.Findings},
		Surveys: map[int64][]SurveySummary{}, Narratives: map[int64]*ReportNarrative{}, Location: loc}
	if r.PublishedOn != nil {
		d.Today = *r.PublishedOn
	}
	if len(in.Surveys) > 0 {
		d.Surveys[plan.ID] = in.Surveys
	}
	if in.Narrative != nil {
		d.Narratives[plan.ID] = in.Narrative
	}
	return d
}

// snapshot is the row of version v of a plan's issued report.
func (d *RoundReportData) snapshot(planID int64, version int, reason string, at time.Time, by *int64) (*IssuedReport, error) {
	in, ok := d.PlanInput(planID)
	if !ok {
		return nil, ErrNotFound
	}
	b, err := json.Marshal(in)
	if err != nil {
		return nil, fmt.Errorf("issued report snapshot: %w", err)
	}
	return &IssuedReport{RoundID: d.Round.ID, PlanID: planID, Version: version, Reason: reason, Snapshot: string(b),
		IssuedAt: at, IssuedBy: by}, nil
}

// txKey carries a transaction in a context, so that the loaders, which read
// through Store.read, read inside it (SQLite has one connection: a read
// beside a write transaction would wait for it forever).
type txKey struct{}

// inTx is ctx with reads going through the transaction t.
func inTx(ctx context.Context, t *tx) context.Context { return context.WithValue(ctx, txKey{}, t.DB) }

// issueRound snapshots every plan of a round being published as version 1,
// inside the publishing transaction (the round already saved as published).
func (t *tx) issueRound(ctx context.Context, roundID int64) error {
	d, err := t.store.LoadRoundReportData(inTx(ctx, t), roundID)
	if err != nil {
		return err
	}
	var rows []*IssuedReport
	for _, id := range d.PlanIDs() {
		if !d.Complete(id) {
			continue // no evaluation report without a complete result
		}
		row, err := d.snapshot(id, 1, "", t.now, t.actor.idPtr())
		if err != nil {
			return err
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil
	}
	// A plan issued already (a round published, then lazily frozen) keeps its rows.
	if err := t.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(rows, 100).Error; err != nil {
		return fmt.Errorf("issue reports: %w", err)
	}
	return nil
}

// currentIssued loads the current version of each plan's issued report of a
// round (of one plan when planID is not 0), in one query.
func currentIssued(g *gorm.DB, roundID, planID int64) (map[int64]*IssuedReport, error) {
	q := g.Where("round_id = ? AND version = (SELECT MAX(i2.version) FROM issued_reports i2 "+
		"WHERE i2.round_id = issued_reports.round_id AND i2.plan_id = issued_reports.plan_id)", roundID)
	if planID != 0 {
		q = q.Where("plan_id = ?", planID)
	}
	var rows []*IssuedReport
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("issued reports: %w", err)
	}
	out := make(map[int64]*IssuedReport, len(rows))
	for _, r := range rows {
		out[r.PlanID] = r
	}
	return out, nil
}

// loadIssued fills d.Issued for a published round. A plan without an issued
// report (its round was published before reports were frozen) is frozen now,
// as version 1 from the data of the day.
func (s *Store) loadIssued(ctx context.Context, actor Actor, d *RoundReportData, planID int64) error {
	issued, err := currentIssued(s.read(ctx), d.Round.ID, planID)
	if err != nil {
		return err
	}
	var missing []*IssuedReport
	now := s.Now()
	for _, id := range d.PlanIDs() {
		if issued[id] != nil || (planID != 0 && id != planID) || !d.Complete(id) {
			continue
		}
		row, err := d.snapshot(id, 1, "", now, nil)
		if err != nil {
			return err
		}
		missing = append(missing, row)
	}
	if len(missing) > 0 {
		err := s.write(ctx, actor, func(t *tx) error {
			if err := t.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(missing, 100).Error; err != nil {
				return fmt.Errorf("freeze reports: %w", err)
			}
			t.audit("report.freeze", "round", d.Round.ID, nil, map[string]any{"plans": len(missing)})
			return nil
		})
		if err != nil {
			return err
		}
		// Another reader may have frozen them first: read what was kept.
		if issued, err = currentIssued(s.read(ctx), d.Round.ID, planID); err != nil {
			return err
		}
	}
	d.Issued = issued
	return nil
}

// ReissueRequest asks for a new version of a plan's evaluation report.
type ReissueRequest struct {
	Reason string `json:"reason" validate:"required,col=issued_reports.reason" text:"multiline"`
}

// ReissueEvaluationReport issues a plan's evaluation report again from the
// current data, as the next version with a reason (admin; published rounds).
// The earlier versions stay verifiable, marked superseded.
func (s *Store) ReissueEvaluationReport(ctx context.Context, actor Actor, roundID, planID int64, req ReissueRequest) (*IssuedReport, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	var out *IssuedReport
	err := s.write(ctx, actor, func(t *tx) error {
		var r Round
		if err := t.forUpdate().First(&r, roundID).Error; err != nil {
			return notFound(err, "round")
		}
		if r.Status != RoundPublished {
			return conflictf("wrong_state", "只有「已发布」状态的轮次可以重新出具评估报告，该轮次为「%s」", roundStatusNames[r.Status])
		}
		d, err := s.LoadRoundReportData(inTx(ctx, t), roundID)
		if err != nil {
			return err
		}
		if _, ok := d.Result(planID); !ok {
			return ErrNotFound
		}
		if !d.Complete(planID) {
			return noResult(&r)
		}
		var last int
		if err := t.Model(&IssuedReport{}).Where("round_id = ? AND plan_id = ?", roundID, planID).
			Select("COALESCE(MAX(version), 0)").Scan(&last).Error; err != nil {
			return fmt.Errorf("reissue: %w", err)
		}
		if last == 0 {
			// Never frozen (published before reports were): version 1 is
			// the data as it is now, like any first request would freeze it.
			last = 1
			first, err := d.snapshot(planID, 1, "", t.now, nil)
			if err != nil {
				return err
			}
			if err := t.Create(first).Error; err != nil {
				return fmt.Errorf("reissue: %w", err)
			}
		}
		row, err := d.snapshot(planID, last+1, req.Reason, t.now, actor.idPtr())
		if err != nil {
			return err
		}
		if err := t.Create(row).Error; err != nil {
			return fmt.Errorf("reissue: %w", err)
		}
		t.audit("report.reissue", "plan", planID, nil, map[string]any{"round_id": roundID, "version": row.Version, "reason": row.Reason})
		out = row
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// IssuedVersion is the current version of a plan's issued evaluation report.
type IssuedVersion struct {
	PlanID   int64     `json:"plan_id"`
	Version  int       `json:"version"`
	Reason   string    `json:"reason"` // why it was reissued; "" for version 1
	IssuedAt time.Time `json:"issued_at"`
}

// IssuedVersions lists the current version of each plan's issued evaluation
// report in a round the actor may see (none before publication), by plan id.
func (s *Store) IssuedVersions(ctx context.Context, actor Actor, roundID int64) (List[IssuedVersion], error) {
	if _, err := s.VisibleRound(ctx, actor, roundID); err != nil {
		return List[IssuedVersion]{}, err
	}
	items := []IssuedVersion{}
	err := s.read(ctx).Model(&IssuedReport{}).Select("plan_id, version, reason, issued_at").
		Where("round_id = ? AND version = (SELECT MAX(i2.version) FROM issued_reports i2 "+
			"WHERE i2.round_id = issued_reports.round_id AND i2.plan_id = issued_reports.plan_id)", roundID).
		Order("plan_id").Scan(&items).Error
	if err != nil {
		return List[IssuedVersion]{}, fmt.Errorf("issued versions: %w", err)
	}
	return List[IssuedVersion]{Items: items, Total: int64(len(items))}, nil
}

// IssuedReportData is the report data of version n of a plan's issued
// evaluation report, for a reader who may have the current one: the same
// snapshot, version and reason, so that it renders the bytes issued. A
// version the plan does not have (or a round not published) is not found.
func (s *Store) IssuedReportData(ctx context.Context, actor Actor, roundID, planID int64, version int) (*RoundReportData, error) {
	d, err := s.ReportData(ctx, actor, roundID, planID, ReportEvaluation)
	if err != nil {
		return nil, err
	}
	if !d.Published() || planID == 0 {
		return nil, ErrNotFound
	}
	var row IssuedReport
	if err := s.read(ctx).Where("round_id = ? AND plan_id = ? AND version = ?", roundID, planID, version).
		Take(&row).Error; err != nil {
		return nil, notFound(err, "issued report")
	}
	d.Issued = map[int64]*IssuedReport{planID: &row}
	return d, nil
}

// IssuedReportVersion is one version of a plan's issued evaluation report.
type IssuedReportVersion struct {
	Version  int       `json:"version"`
	Reason   string    `json:"reason"` // why it was reissued; "" for version 1
	IssuedAt time.Time `json:"issued_at"`
	Current  bool      `json:"current"` // the version GET .../evaluation-report.pdf serves
}

// IssuedReportVersions lists every version of a plan's issued evaluation
// report, oldest first, for a reader who may have the report. A published
// plan not yet frozen is frozen here, as the first download would.
func (s *Store) IssuedReportVersions(ctx context.Context, actor Actor, roundID, planID int64) (List[IssuedReportVersion], error) {
	d, err := s.ReportData(ctx, actor, roundID, planID, ReportEvaluation)
	if err != nil {
		return List[IssuedReportVersion]{}, err
	}
	items := []IssuedReportVersion{}
	if !d.Published() {
		return List[IssuedReportVersion]{Items: items}, nil
	}
	err = s.read(ctx).Model(&IssuedReport{}).Select("version, reason, issued_at").
		Where("round_id = ? AND plan_id = ?", roundID, planID).Order("version").Scan(&items).Error
	if err != nil {
		return List[IssuedReportVersion]{}, fmt.Errorf("issued report versions: %w", err)
	}
	if n := len(items); n > 0 {
		items[n-1].Current = true
	}
	return List[IssuedReportVersion]{Items: items, Total: int64(len(items))}, nil
}
