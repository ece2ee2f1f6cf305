package demo

import (
	"fmt"
	"time"

	"github.com/evald/evald/evaluation"
)

// evidencePDF is a one-page placeholder PDF used as demo evidence.
var evidencePDF = []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
	"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" +
	"trailer<</Root 1 0 R>>\n%%EOF\n")

// rectify plays the rectification loop after publication, so that the
// latest published round (full) shows findings in every state: untouched
// (some overdue), a saved draft, awaiting a verdict, returned, accepted, and
// accepted after a return. In an earlier round half the findings end
// accepted; the others (untouched or returned) carry into the next round.
func (l *loader) rectify(roundID int64, full bool) error {
	list, err := l.roundFindings(roundID)
	if err != nil {
		return err
	}
	deptUser := map[int64]*evaluation.User{}
	for _, u := range l.users {
		if u.Role == evaluation.RoleDepartment && u.OrgID != nil {
			deptUser[*u.OrgID] = u
		}
	}
	start := l.clock.Now()
	for i, f := range list {
		l.clock.set(start.Add(time.Duration(i%20+1) * 24 * time.Hour))
		dept := evaluation.ActorOf(deptUser[f.LeadDepartmentID])
		verifier := evaluation.ActorOf(l.users[l.username(*f.EvaluatorID)])
		answer := func(n int) error {
			req := evaluation.ResponseRequest{Measures: responseTexts[(i+n)%len(responseTexts)], ResponsiblePerson: "分管副局长 李明",
				Progress: evaluation.ProgressInProgress, Evidence: "工作方案、会议纪要及进度台账"}
			if n > 0 {
				done := string(evaluation.DateOf(l.clock.Now(), l.loc).AddDays(-1))
				req.Progress, req.CompletedOn = evaluation.ProgressCompleted, &done
				req.Measures += "目前已全部完成，相关文件已印发。"
			}
			if _, err := l.store.SaveResponse(l.ctx, dept, f.ID, req); err != nil {
				return fmt.Errorf("demo response: %w", err)
			}
			return nil
		}
		submit := func() error {
			if l.store.Blobs() != nil && i%4 == 2 {
				if _, err := l.store.AddAttachment(l.ctx, dept, f.ID, evaluation.BytesUpload("整改佐证材料.pdf", evidencePDF)); err != nil {
					return fmt.Errorf("demo evidence: %w", err)
				}
			}
			_, err := l.store.SubmitResponse(l.ctx, dept, f.ID, nil)
			return err
		}
		verify := func(v evaluation.Verdict, comment string) error {
			l.clock.set(l.clock.Now().Add(3 * 24 * time.Hour))
			_, err := l.store.Verify(l.ctx, verifier, f.ID, evaluation.VerifyRequest{Verdict: v, Comment: comment})
			return err
		}
		var steps []func() error
		kind := i % 6
		if !full {
			kind = []int{0, 3, 4, 5}[i%4]
		}
		switch kind {
		case 0: // untouched; overdue once its due date has passed
		case 1:
			steps = []func() error{func() error { return answer(0) }}
		case 2:
			steps = []func() error{func() error { return answer(0) }, submit}
		case 3:
			steps = []func() error{func() error { return answer(0) }, submit,
				func() error {
					return verify(evaluation.VerdictReturned, "整改措施不够具体，请补充完成时限和责任分工，并提供佐证材料。")
				}}
		case 4:
			steps = []func() error{func() error { return answer(1) }, submit, func() error { return verify(evaluation.VerdictAccepted, "整改到位，同意销号。") }}
		case 5:
			steps = []func() error{func() error { return answer(0) }, submit,
				func() error { return verify(evaluation.VerdictReturned, "请提供配套文件的印发文号。") },
				func() error { return answer(1) }, submit, func() error { return verify(evaluation.VerdictAccepted, "已补充印发文号，同意销号。") }}
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return fmt.Errorf("demo rectification of finding %d: %w", f.ID, err)
			}
		}
	}
	return nil
}

// roundFindings lists all of a round's findings, page by page (a round of
// --scale holds more than one page).
func (l *loader) roundFindings(roundID int64) ([]evaluation.FindingView, error) {
	var out []evaluation.FindingView
	for page := 1; ; page++ {
		list, err := l.store.Findings(l.ctx, l.admin, evaluation.FindingFilter{RoundID: roundID,
			Page: evaluation.Page{Page: page, PerPage: evaluation.MaxPerPage}})
		if err != nil {
			return nil, err
		}
		out = append(out, list.Items...)
		if int64(len(out)) >= list.Total || len(list.Items) == 0 {
			return out, nil
		}
	}
}

// responseTexts are realistic rectification measures.
var responseTexts = []string{
	"已成立由分管领导牵头的整改工作专班，逐项制定整改台账，明确责任处室和完成时限，每月召开一次推进会。",
	"已完成配套文件起草，经征求意见、专家论证和合法性审查后报市政府审定。",
	"已扩大调查样本，郊区（市）县样本占比提高到42%，调查方法在门户网站公开。",
	"已将改革目标分解为12项可量化年度指标，明确基线值、目标值和统计口径。",
}
