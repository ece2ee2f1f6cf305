package evaluation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// schemaV8 adds the lead assignment of a plan (one per plan per round: the
// flag is TRUE or NULL, never FALSE, so that the unique index lets any number
// of plain assignments and one lead through on both dialects, NULLs never
// colliding), the rounds that need approved conclusions before publication,
// and the conclusions (评估结论) with every submitted version.
const schemaV8 = `
ALTER TABLE assignments ADD COLUMN lead BOOLEAN NULL;

CREATE UNIQUE INDEX uq_assignments_lead ON assignments (round_id, plan_id, lead);

ALTER TABLE rounds ADD COLUMN require_narrative BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE narratives (
	id {{pk}},
	round_id {{ref}} NOT NULL,
	plan_id {{ref}} NOT NULL,
	status VARCHAR(16) NOT NULL,
	version INTEGER NOT NULL,
	overall {{text}} NOT NULL,
	achievements {{text}} NOT NULL,
	problems {{text}} NOT NULL,
	recommendations {{text}} NOT NULL,
	comment {{text}} NOT NULL,
	updated_by {{ref}} NULL,
	submitted_at {{time}} NULL,
	submitted_by {{ref}} NULL,
	approved_at {{time}} NULL,
	approved_by {{ref}} NULL,
	returned_at {{time}} NULL,
	returned_by {{ref}} NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT uq_narratives_plan UNIQUE (round_id, plan_id),
	CONSTRAINT fk_narratives_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_narratives_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT fk_narratives_updated_by FOREIGN KEY (updated_by) REFERENCES users (id),
	CONSTRAINT fk_narratives_submitted_by FOREIGN KEY (submitted_by) REFERENCES users (id),
	CONSTRAINT fk_narratives_approved_by FOREIGN KEY (approved_by) REFERENCES users (id),
	CONSTRAINT fk_narratives_returned_by FOREIGN KEY (returned_by) REFERENCES users (id)
){{opts}};

CREATE TABLE narrative_versions (
	id {{pk}},
	narrative_id {{ref}} NOT NULL,
	number INTEGER NOT NULL,
	overall {{text}} NOT NULL,
	achievements {{text}} NOT NULL,
	problems {{text}} NOT NULL,
	recommendations {{text}} NOT NULL,
	submitted_by {{ref}} NOT NULL,
	submitted_at {{time}} NOT NULL,
	CONSTRAINT uq_narrative_versions UNIQUE (narrative_id, number),
	CONSTRAINT fk_narrative_versions_narrative FOREIGN KEY (narrative_id) REFERENCES narratives (id),
	CONSTRAINT fk_narrative_versions_user FOREIGN KEY (submitted_by) REFERENCES users (id)
){{opts}}
`

// NarrativeItem is a plan's conclusions in the office's list of a round's.
type NarrativeItem struct {
	Plan          PlanRef         `json:"plan"`
	Status        NarrativeStatus `json:"status"`
	Version       int             `json:"version"`
	LeadAgency    *string         `json:"lead_agency"`
	LeadEvaluator *string         `json:"lead_evaluator"`
	SubmittedAt   *time.Time      `json:"submitted_at"`
	ApprovedAt    *time.Time      `json:"approved_at"`
	Submitted     int             `json:"submitted_sheets"` // submitted scoresheets of the plan
}

// RoundNarratives lists the conclusions of every plan of a round, for the
// office, in plan code order, in one query.
func (s *Store) RoundNarratives(ctx context.Context, roundID int64) (List[NarrativeItem], error) {
	if _, err := s.Round(ctx, roundID); err != nil {
		return List[NarrativeItem]{}, err
	}
	var rows []struct {
		PlanID        int64
		Code          string
		Title         string
		Status        *NarrativeStatus
		Version       *int
		LeadAgency    *string
		LeadEvaluator *string
		SubmittedAt   *time.Time
		ApprovedAt    *time.Time
		Submitted     int
	}
	err := s.read(ctx).Table("plans").
		Select(`plans.id AS plan_id, plans.code, plans.title, narratives.status, narratives.version,
			lo.name AS lead_agency, lu.display_name AS lead_evaluator, narratives.submitted_at, narratives.approved_at,
			(SELECT COUNT(*) FROM assignments sa JOIN scoresheets ss ON ss.assignment_id = sa.id
				WHERE sa.round_id = ? AND sa.plan_id = plans.id AND ss.status = ?) AS submitted`, roundID, SheetSubmitted).
		Joins("LEFT JOIN assignments la ON la.round_id = ? AND la.plan_id = plans.id AND la.lead IS NOT NULL", roundID).
		Joins("LEFT JOIN orgs lo ON lo.id = la.agency_id").
		Joins("LEFT JOIN users lu ON lu.id = la.evaluator_id").
		Joins("LEFT JOIN narratives ON narratives.round_id = ? AND narratives.plan_id = plans.id", roundID).
		Where("plans.id IN (?)", s.read(ctx).Model(&Assignment{}).Select("plan_id").Where("round_id = ?", roundID)).
		Order("plans.code").Scan(&rows).Error
	if err != nil {
		return List[NarrativeItem]{}, fmt.Errorf("round narratives: %w", err)
	}
	out := List[NarrativeItem]{Items: make([]NarrativeItem, len(rows)), Total: int64(len(rows))}
	for i, r := range rows {
		it := NarrativeItem{Plan: PlanRef{ID: r.PlanID, Code: r.Code, Title: r.Title}, Status: NarrativeEmpty,
			LeadAgency: r.LeadAgency, LeadEvaluator: r.LeadEvaluator, SubmittedAt: r.SubmittedAt, ApprovedAt: r.ApprovedAt,
			Submitted: r.Submitted}
		if r.Status != nil {
			it.Status = *r.Status
		}
		if r.Version != nil {
			it.Version = *r.Version
		}
		out.Items[i] = it
	}
	return out, nil
}

// pendingNarratives names the plans of a round whose result is complete (at
// least the round's min_raters submitted scoresheets) whose conclusions are
// not approved, by plan id, for the refusal to publish and the readiness.
func pendingNarratives(g *gorm.DB, r *Round) (map[string]string, error) {
	roundID := r.ID
	var rows []struct {
		ID    int64
		Title string
	}
	err := g.Table("plans").Select("plans.id, plans.title").
		Where(`plans.id IN (SELECT sa.plan_id FROM assignments sa JOIN scoresheets ss ON ss.assignment_id = sa.id
			WHERE sa.round_id = ? AND ss.status = ? GROUP BY sa.plan_id HAVING COUNT(*) >= ?)`,
			roundID, SheetSubmitted, max(r.MinRaters, 1)).
		Where(`NOT EXISTS (SELECT 1 FROM narratives n WHERE n.round_id = ? AND n.plan_id = plans.id AND n.status = ?)`,
			roundID, NarrativeApproved).
		Order("plans.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("pending narratives: %w", err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[fmt.Sprint(r.ID)] = "《" + r.Title + "》的评估结论尚未审定"
	}
	return out, nil
}

// reportNarratives loads, in one query, the conclusions of every plan of a
// round that has them or has a lead, with the lead agency and the approving
// office (issuer when the approver belongs to none), for the reports.
func (s *Store) reportNarratives(ctx context.Context, roundID int64, issuer string) (map[int64]*ReportNarrative, error) {
	g := s.read(ctx)
	var rows []struct {
		PlanID     int64
		LeadAgency *string
		Status     *NarrativeStatus
		NarrativeSections
		ApprovedAt *time.Time
		ApprovedBy *int64
		Approver   *string
	}
	err := g.Table("plans").
		Select(`plans.id AS plan_id, lo.name AS lead_agency, n.status, COALESCE(n.overall, '') AS overall,
			COALESCE(n.achievements, '') AS achievements, COALESCE(n.problems, '') AS problems,
			COALESCE(n.recommendations, '') AS recommendations, n.approved_at, n.approved_by, ao.name AS approver`).
		Joins("LEFT JOIN assignments la ON la.round_id = ? AND la.plan_id = plans.id AND la.lead IS NOT NULL", roundID).
		Joins("LEFT JOIN orgs lo ON lo.id = la.agency_id").
		Joins("LEFT JOIN narratives n ON n.round_id = ? AND n.plan_id = plans.id", roundID).
		Joins("LEFT JOIN users au ON au.id = n.approved_by").
		Joins("LEFT JOIN orgs ao ON ao.id = au.org_id").
		Where("plans.id IN (?)", g.Model(&Assignment{}).Select("plan_id").Where("round_id = ?", roundID)).
		Where("la.id IS NOT NULL OR n.id IS NOT NULL").
		Order("plans.id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("narratives: %w", err)
	}
	out := make(map[int64]*ReportNarrative, len(rows))
	for _, r := range rows {
		rn := &ReportNarrative{Status: string(NarrativeEmpty), Overall: r.Overall, Achievements: r.Achievements,
			Problems: r.Problems, Recommendations: r.Recommendations}
		if r.Status != nil {
			rn.Status = string(*r.Status)
		}
		if r.LeadAgency != nil {
			rn.LeadAgency = *r.LeadAgency
		}
		if rn.Status == string(NarrativeApproved) && r.ApprovedAt != nil {
			rn.ApprovedOn = DateOf(*r.ApprovedAt, s.loc)
			rn.ApprovedBy = issuer
			if r.Approver != nil && *r.Approver != "" {
				rn.ApprovedBy = *r.Approver
			}
		}
		out[r.PlanID] = rn
	}
	return out, nil
}
