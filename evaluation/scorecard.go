package evaluation

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"
)

// The departments' yearly scorecard (考核, DESIGN.md "Across rounds: the
// ledger"; the rule of each figure is in docs/DECISIONS.md "The scorecard").
// A year's rounds are those published (or since archived) on a day of that
// year in EVAL_TZ. Departments are those leading at least one plan assigned
// in them.

// Scorecard is GET /departments/scorecard?year=.
type Scorecard struct {
	Year   int             `json:"year"`
	Rounds []RoundRef      `json:"rounds"` // the year's rounds, by publication
	Items  []ScorecardItem `json:"items"`  // by rank
	AsOf   Date            `json:"as_of"`  // the day rates, overdue and on-time counts are taken
}

// ScorecardItem is one department's row.
type ScorecardItem struct {
	Rank         int            `json:"rank"`
	DepartmentID int64          `json:"department_id"`
	Name         string         `json:"name"`
	Plans        int            `json:"plans"`       // distinct plans led, assigned in the year's rounds
	Results      int            `json:"results"`     // plan × round results that are complete
	MeanTotal    *Hundredths    `json:"mean_total"`  // mean of those totals; null without any
	Grades       map[string]int `json:"grades"`      // the same results by grade
	Findings     int            `json:"findings"`    // findings of the year's rounds on its plans
	BySeverity   SeverityCounts `json:"by_severity"` // the same by severity
	Accepted     int            `json:"accepted"`
	Rate         *Rate          `json:"rate"`         // accepted / findings; null without findings
	Due          int            `json:"due"`          // findings accepted or past their due date: those the on-time rate judges
	OnTime       int            `json:"on_time"`      // accepted on or before their due date
	OnTimeRate   *Rate          `json:"on_time_rate"` // on_time / due; null when nothing is due yet
	Overdue      int            `json:"overdue"`
	SelfGap      *Hundredths    `json:"self_gap"`   // mean self − third-party gap; null without any
	SelfGapN     int            `json:"self_gap_n"` // results with a gap
}

// SeverityCounts counts findings by severity.
type SeverityCounts struct {
	Critical int `json:"critical"`
	Major    int `json:"major"`
	Minor    int `json:"minor"`
}

func (c *SeverityCounts) add(s Severity) {
	switch s {
	case SeverityCritical:
		c.Critical++
	case SeverityMajor:
		c.Major++
	default:
		c.Minor++
	}
}

// DepartmentScorecard computes a year's scorecard: every department for
// admins and viewers, its own row for a department. A fixed number of
// statements per round of the year, however many plans and findings.
func (s *Store) DepartmentScorecard(ctx context.Context, actor Actor, year int) (*Scorecard, error) {
	if year < 2000 || year > 2100 {
		return nil, Invalid("year", "年份应在2000至2100之间")
	}
	g := s.read(ctx)
	var rounds []Round
	if err := g.Where("status IN ? AND published_on >= ? AND published_on <= ?",
		[]RoundStatus{RoundPublished, RoundArchived}, fmt.Sprintf("%d-01-01", year), fmt.Sprintf("%d-12-31", year)).
		Order("published_on, id").Find(&rounds).Error; err != nil {
		return nil, fmt.Errorf("scorecard rounds: %w", err)
	}
	sc := &Scorecard{Year: year, Rounds: make([]RoundRef, len(rounds)), Items: []ScorecardItem{}, AsOf: s.Today()}
	if len(rounds) == 0 {
		return sc, nil
	}
	ids := make([]int64, len(rounds))
	for i, r := range rounds {
		ids[i], sc.Rounds[i] = r.ID, RoundRef{ID: r.ID, Name: r.Name, Status: r.Status}
	}
	type acc struct {
		ScorecardItem
		plans            map[int64]bool
		totalSum, gapSum int64
	}
	depts := map[int64]*acc{}
	dept := func(id int64) *acc {
		if depts[id] == nil {
			depts[id] = &acc{ScorecardItem: ScorecardItem{DepartmentID: id, Grades: map[string]int{}}, plans: map[int64]bool{}}
		}
		return depts[id]
	}
	for _, r := range rounds {
		rr, err := s.ComputeRoundResults(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		for _, res := range rr.Results {
			d := dept(rr.Plans[res.PlanID].LeadDepartmentID)
			d.plans[res.PlanID] = true
			if res.Status != ResultComplete {
				continue
			}
			d.Results++
			d.totalSum += int64(res.Total)
			d.Grades[res.Grade]++
			if res.SelfGap != nil {
				d.SelfGapN++
				d.gapSum += int64(*res.SelfGap)
			}
		}
	}
	var findings []struct {
		LeadDepartmentID int64
		Severity         Severity
		Status           FindingStatus
		DueOn            *Date
		AcceptedAt       *time.Time
	}
	if err := g.Table("findings").
		Select("plans.lead_department_id, findings.severity, findings.status, findings.due_on, acc.verified_at AS accepted_at").
		Joins("JOIN plans ON plans.id = findings.plan_id").
		// Accepted is final: a finding has at most one accepting verdict.
		Joins("LEFT JOIN verdicts acc ON acc.finding_id = findings.id AND acc.verdict = ?", VerdictAccepted).
		Where("findings.round_id IN ?", ids).Scan(&findings).Error; err != nil {
		return nil, fmt.Errorf("scorecard findings: %w", err)
	}
	today := sc.AsOf
	for _, f := range findings {
		d := dept(f.LeadDepartmentID)
		d.Findings++
		d.BySeverity.add(f.Severity)
		accepted := f.Status == FindingAccepted
		past := f.DueOn != nil && today > *f.DueOn
		if accepted {
			d.Accepted++
		}
		if accepted || past {
			d.Due++
		}
		if accepted && f.AcceptedAt != nil && f.DueOn != nil && DateOf(*f.AcceptedAt, s.loc) <= *f.DueOn {
			d.OnTime++
		}
		if !accepted && past {
			d.Overdue++
		}
	}
	var orgs []Org
	if err := g.Where("kind = ?", OrgDepartment).Find(&orgs).Error; err != nil {
		return nil, fmt.Errorf("scorecard departments: %w", err)
	}
	names := make(map[int64]string, len(orgs))
	for _, o := range orgs {
		names[o.ID] = o.Name
	}
	for id, d := range depts {
		d.Name = names[id]
		if d.Name == "" {
			d.Name = "#" + strconv.FormatInt(id, 10)
		}
		d.Plans = len(d.plans)
		d.MeanTotal = meanHundredths(d.totalSum, d.Results)
		d.SelfGap = meanHundredths(d.gapSum, d.SelfGapN)
		d.Rate = NewRate(int64(d.Accepted), int64(d.Findings))
		d.OnTimeRate = NewRate(int64(d.OnTime), int64(d.Due))
		sc.Items = append(sc.Items, d.ScorecardItem)
	}
	rankScorecard(sc.Items)
	if actor.Role == RoleDepartment {
		own := []ScorecardItem{}
		for _, it := range sc.Items {
			if it.DepartmentID == actor.OrgID {
				own = append(own, it)
			}
		}
		sc.Items = own
	}
	return sc, nil
}

// meanHundredths is sum/n rounded half up (away from zero) to hundredths;
// nil when n is 0.
func meanHundredths(sum int64, n int) *Hundredths {
	if n == 0 {
		return nil
	}
	num, den := sum*2, int64(n)*2
	var h Hundredths
	if num >= 0 {
		h = Hundredths((num + den/2) / den)
	} else {
		h = -Hundredths((-num + den/2) / den)
	}
	return &h
}

// rankScorecard orders the rows and ranks them: by mean total (descending,
// none last), then rectification rate (descending, none last), then on-time
// rate (likewise); rows equal on all three share a rank (1, 2, 2, 4), and are
// listed by name.
func rankScorecard(items []ScorecardItem) {
	key := func(it ScorecardItem) [3]int64 {
		k := [3]int64{-1, -1, -1}
		if it.MeanTotal != nil {
			k[0] = int64(*it.MeanTotal)
		}
		if it.Rate != nil {
			k[1] = int64(*it.Rate)
		}
		if it.OnTimeRate != nil {
			k[2] = int64(*it.OnTimeRate)
		}
		return k
	}
	sort.SliceStable(items, func(i, j int) bool {
		ki, kj := key(items[i]), key(items[j])
		if ki != kj {
			for x := range ki {
				if ki[x] != kj[x] {
					return ki[x] > kj[x]
				}
			}
		}
		if items[i].Name != items[j].Name {
			return items[i].Name < items[j].Name
		}
		return items[i].DepartmentID < items[j].DepartmentID
	})
	for i := range items {
		if i > 0 && key(items[i]) == key(items[i-1]) {
			items[i].Rank = items[i-1].Rank
		} else {
			items[i].Rank = i + 1
		}
	}
}
