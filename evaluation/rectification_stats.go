package evaluation

import (
	"context"
	"fmt"
	"sort"
)

// PlanRectification is a plan's rectification progress in a round.
type PlanRectification struct {
	PlanID       int64  `json:"plan_id"`
	Code         string `json:"code"`
	Title        string `json:"title"`
	DepartmentID int64  `json:"department_id"`
	Published    int64  `json:"published"`
	Accepted     int64  `json:"accepted"`
	Overdue      int64  `json:"overdue"`
	Rate         *Rate  `json:"rate"` // accepted / published; null without findings
}

// DepartmentRectification is a department's rectification progress in a round.
type DepartmentRectification struct {
	DepartmentID int64  `json:"department_id"`
	Name         string `json:"name"`
	Plans        int    `json:"plans"`
	Published    int64  `json:"published"`
	Accepted     int64  `json:"accepted"`
	Overdue      int64  `json:"overdue"`
	Rate         *Rate  `json:"rate"`
}

// Rectification is the rectification progress of a round, per plan and per
// department (DESIGN.md: rate = accepted / published findings, with the
// overdue count alongside).
type Rectification struct {
	RoundID     int64                     `json:"round_id"`
	Plans       []PlanRectification       `json:"plans"`
	Departments []DepartmentRectification `json:"departments"`
}

// RoundRectification computes a round's rectification progress in one query.
// Departments see only their own rows, and only of published rounds; before
// publication nothing is published, so the counts are zero.
func (s *Store) RoundRectification(ctx context.Context, actor Actor, roundID int64) (*Rectification, error) {
	r, err := s.VisibleRound(ctx, actor, roundID)
	if err != nil {
		return nil, err
	}
	published := r.Status.Published()
	type row struct {
		PlanID       int64
		Code         string
		Title        string
		DepartmentID int64
		Department   string
		Published    int64
		Accepted     int64
		Overdue      int64
	}
	var rows []row
	q := s.read(ctx).Table("plans").
		Select(`plans.id AS plan_id, plans.code, plans.title, plans.lead_department_id AS department_id, orgs.name AS department,
			COUNT(findings.id) AS published,
			COALESCE(SUM(CASE WHEN findings.status = 'accepted' THEN 1 ELSE 0 END), 0) AS accepted,
			COALESCE(SUM(CASE WHEN `+overdueCondition+` THEN 1 ELSE 0 END), 0) AS overdue`, s.Today()).
		Joins("JOIN orgs ON orgs.id = plans.lead_department_id").
		Joins("LEFT JOIN findings ON findings.plan_id = plans.id AND findings.round_id = ?", r.ID).
		Where("plans.id IN (?)", s.read(ctx).Model(&Assignment{}).Select("plan_id").Where("round_id = ?", r.ID))
	if actor.Role == RoleDepartment {
		q = q.Where("plans.lead_department_id = ?", actor.OrgID)
	}
	if err := q.Group("plans.id, plans.code, plans.title, plans.lead_department_id, orgs.name").Order("plans.code").Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("rectification: %w", err)
	}
	out := &Rectification{RoundID: r.ID, Plans: []PlanRectification{}, Departments: []DepartmentRectification{}}
	depts := map[int64]*DepartmentRectification{}
	for _, x := range rows {
		if !published {
			x.Published, x.Accepted, x.Overdue = 0, 0, 0
		}
		out.Plans = append(out.Plans, PlanRectification{PlanID: x.PlanID, Code: x.Code, Title: x.Title, DepartmentID: x.DepartmentID,
			Published: x.Published, Accepted: x.Accepted, Overdue: x.Overdue, Rate: NewRate(x.Accepted, x.Published)})
		d := depts[x.DepartmentID]
		if d == nil {
			d = &DepartmentRectification{DepartmentID: x.DepartmentID, Name: x.Department}
			depts[x.DepartmentID] = d
		}
		d.Plans++
		d.Published += x.Published
		d.Accepted += x.Accepted
		d.Overdue += x.Overdue
	}
	for _, d := range depts {
		d.Rate = NewRate(d.Accepted, d.Published)
		out.Departments = append(out.Departments, *d)
	}
	sort.Slice(out.Departments, func(i, j int) bool {
		a, b := out.Departments[i], out.Departments[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		return a.Name < b.Name
	})
	return out, nil
}
