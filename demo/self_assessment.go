package demo

import (
	"fmt"
	"math"
	"time"

	"github.com/evald/evald/evaluation"
)

// Self-assessments (自评) of the demo: every plan of the published round
// handed one in before it was scored (so the results show self_total and
// self_gap); in the open round most plans did, with evidence files, while
// 市财政局's first plan came back from the office with a comment and one
// plan's department has not started yet.

// selfAssessmentDays is how long after the opening a demo round's
// self-assessment is due.
const selfAssessmentDays = 15

// deptActors are the demo department users by department id.
func (l *loader) deptActors() map[int64]evaluation.Actor {
	out := map[int64]evaluation.Actor{}
	for _, u := range l.users {
		if u.Role == evaluation.RoleDepartment && u.OrgID != nil {
			out[*u.OrgID] = evaluation.ActorOf(u)
		}
	}
	return out
}

// roundSelfAssessments lists a round's self-assessments, by plan code.
func (l *loader) roundSelfAssessments(roundID int64) ([]evaluation.SelfAssessmentItem, error) {
	var out []evaluation.SelfAssessmentItem
	for page := 1; ; page++ {
		list, err := l.store.SelfAssessments(l.ctx, l.admin, evaluation.SelfAssessmentFilter{RoundID: roundID,
			Page: evaluation.Page{Page: page, PerPage: evaluation.MaxPerPage}})
		if err != nil {
			return nil, err
		}
		out = append(out, list.Items...)
		if int64(len(out)) >= list.Total {
			return out, nil
		}
	}
}

// selfScores are a department's values at quality q, a little above what
// evaluators give (departments rate themselves kindly), with explanations.
func (l *loader) selfScores(q float64) []evaluation.SelfScore {
	var out []evaluation.SelfScore
	for i, a := range l.answers(math.Min(1, q+0.08), false) {
		out = append(out, evaluation.SelfScore{IndicatorCode: a.IndicatorCode, Points: a.Points, Yes: a.Yes,
			Explanation: selfExplanations[i%len(selfExplanations)]})
	}
	return out
}

// fillSelfAssessment saves a complete self-assessment, with evidence files
// when withFiles (one tied to the first indicator, one to none).
func (l *loader) fillSelfAssessment(dept evaluation.Actor, id int64, version int, withFiles bool) (int, error) {
	scores := l.selfScores(0.6 + 0.35*l.rng.Float64())
	d, err := l.store.SaveSelfAssessment(l.ctx, dept, id, evaluation.SelfAssessmentRequest{Version: version,
		Summary: selfSummary, Scores: scores})
	if err != nil {
		return 0, fmt.Errorf("demo self-assessment: %w", err)
	}
	if withFiles && l.store.Blobs() != nil {
		if _, err := l.store.AddSelfAttachment(l.ctx, dept, id, scores[0].IndicatorCode, evaluation.BytesUpload("配套文件印发通知.pdf", evidencePDF)); err != nil {
			return 0, fmt.Errorf("demo self-assessment evidence: %w", err)
		}
		if _, err := l.store.AddSelfAttachment(l.ctx, dept, id, "", evaluation.BytesUpload("方案实施情况自评报告.pdf", evidencePDF)); err != nil {
			return 0, fmt.Errorf("demo self-assessment evidence: %w", err)
		}
	}
	return d.Version, nil
}

// submitSelfAssessments has every department of a round submit its
// self-assessment (the published round: before the evaluators score).
func (l *loader) submitSelfAssessments(roundID int64) error {
	items, err := l.roundSelfAssessments(roundID)
	if err != nil {
		return err
	}
	depts := l.deptActors()
	for i, sa := range items {
		dept := depts[sa.DepartmentID]
		v, err := l.fillSelfAssessment(dept, sa.ID, 0, i < 5)
		if err != nil {
			return err
		}
		if _, err := l.store.SubmitSelfAssessment(l.ctx, dept, sa.ID, v); err != nil {
			return fmt.Errorf("demo self-assessment submit: %w", err)
		}
	}
	return nil
}

// openSelfAssessments plays the open round's self-assessments: 市财政局's
// first plan submitted and returned with a comment, the first plan of
// another department never started, every third of the rest a draft, the
// others submitted (some with files). It returns the plans whose
// self-assessment is submitted: only their evaluators may submit.
func (l *loader) openSelfAssessments(roundID int64) (map[int64]bool, error) {
	items, err := l.roundSelfAssessments(roundID)
	if err != nil {
		return nil, err
	}
	finance := l.orgs["市财政局"].ID
	depts := l.deptActors()
	submitted := map[int64]bool{}
	returned, missing := false, false
	start := l.clock.Now()
	for i, sa := range items {
		l.clock.set(start.Add(time.Duration(i%5+1) * 24 * time.Hour))
		dept := depts[sa.DepartmentID]
		switch {
		case !missing && sa.DepartmentID != finance:
			missing = true // pending: the department has not started
			continue
		case i%3 == 2:
			if _, err := l.fillSelfAssessment(dept, sa.ID, 0, false); err != nil {
				return nil, err
			}
			continue
		}
		v, err := l.fillSelfAssessment(dept, sa.ID, 0, i%2 == 0 || sa.DepartmentID == finance)
		if err != nil {
			return nil, err
		}
		if _, err := l.store.SubmitSelfAssessment(l.ctx, dept, sa.ID, v); err != nil {
			return nil, fmt.Errorf("demo self-assessment submit: %w", err)
		}
		if !returned && sa.DepartmentID == finance {
			returned = true
			if _, err := l.store.ReturnSelfAssessment(l.ctx, l.admin, sa.ID, evaluation.ReturnSelfRequest{Comment: selfReturnComment}); err != nil {
				return nil, fmt.Errorf("demo self-assessment return: %w", err)
			}
			continue
		}
		submitted[sa.Plan.ID] = true
	}
	return submitted, nil
}

// selfSummary is the overall summary (实施情况自评) of the demo's self-assessments.
const selfSummary = "方案印发以来，我单位成立了由主要负责同志任组长的改革工作专班，制定任务分工和推进台账，" +
	"按月调度、按季通报。方案确定的主要改革任务已完成或基本完成，配套文件大部分已出台，" +
	"改革成效初步显现；个别任务受上位政策调整影响推进较慢，下一步将加强跟踪督办，确保按期完成。"

// selfReturnComment is the office's reason for returning the demo's self-assessment.
const selfReturnComment = "自评分明显偏高，2.2项“配套文件出台”未附印发文件；请补充配套文件印发通知和推进台账后重新提交。"

// selfExplanations are the explanations of the demo's self-scores.
var selfExplanations = []string{
	"已按方案要求完成，详见所附文件。",
	"基本完成，个别子任务正在推进中。",
	"相关制度已印发实施，建立了月度调度机制。",
	"已完成年度目标任务，成效数据见自评报告。",
	"部分区（市）县进度滞后，已督促整改。",
}
