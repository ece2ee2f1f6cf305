package demo

import (
	"fmt"
	"math"
	"time"

	"github.com/evald/evald/evaluation"
)

// Raters per plan in the demo's open round.
const openRaters = 3

// latestRoundDays is how long before its publication a demo round opens.
const latestRoundDays = 55

// roundPlay says how fully a published round is played through: the latest
// one in every detail, the two before it more briefly (three raters, no
// self-assessment, survey or conclusions), which keeps --scale quick.
type roundPlay struct {
	raters int
	full   bool
}

var (
	latestPlay  = roundPlay{raters: 5, full: true}
	earlierPlay = roundPlay{raters: 3}
)

// roundName names a round by the year it starts in and its order in that year.
func (l *loader) roundName(starts evaluation.Date) string {
	year := string(starts)[:4]
	l.roundsOfYear[year]++
	return fmt.Sprintf("%s年度第%s轮清单式集中评估", year, []string{"一", "二", "三", "四"}[min(l.roundsOfYear[year], 4)-1])
}

// publishedRound plays a round through at its real dates: created, assigned,
// opened (carrying the earlier rounds' findings not accepted), scored by the
// agencies with two findings per plan, closed, published on the day given
// and rectified.
func (l *loader) publishedRound(published evaluation.Date, play roundPlay) error {
	starts, due := published.AddDays(-latestRoundDays), published.AddDays(-10)
	l.at(starts.AddDays(-7), 10)
	req := evaluation.RoundRequest{Name: l.roundName(starts), TemplateID: l.template.ID,
		StartsOn: string(starts), ScoringDue: string(due)}
	if play.full {
		requireNarrative := true // publication waits for approved conclusions
		selfDue := string(starts.AddDays(selfAssessmentDays))
		req.RequireNarrative, req.SelfAssessmentDue = &requireNarrative, &selfDue
	}
	r, err := l.store.CreateRound(l.ctx, l.admin, req)
	if err != nil {
		return fmt.Errorf("demo round: %w", err)
	}
	if _, err := l.store.AutoAssign(l.ctx, l.admin, r.ID, play.raters, false); err != nil {
		return fmt.Errorf("demo auto-assign: %w", err)
	}
	l.at(starts, 9)
	if _, err := l.store.MoveRound(l.ctx, l.admin, r.ID, evaluation.RoundOpen); err != nil {
		return err
	}
	if play.full {
		if err := l.survey(r.ID, 30, 120, true); err != nil {
			return err
		}
		if err := l.submitSelfAssessments(r.ID); err != nil { // self_assessment.go
			return err
		}
	}
	assignments, err := l.assignments(r.ID)
	if err != nil {
		return err
	}
	byPlan := map[int64][]evaluation.AssignmentView{}
	var order []int64
	for _, a := range assignments {
		if _, ok := byPlan[a.Plan.ID]; !ok {
			order = append(order, a.Plan.ID)
		}
		byPlan[a.Plan.ID] = append(byPlan[a.Plan.ID], a)
	}
	span := 40 * 24 * time.Hour
	startT := l.clock.Now()
	for i, planID := range order {
		l.clock.set(startT.Add(span * time.Duration(i) / time.Duration(len(order))))
		if err := l.scorePlan(i, byPlan[planID], play); err != nil {
			return err
		}
		if l.opts.Progress != nil {
			l.opts.Progress(i+1, len(order))
		}
	}
	if play.full {
		if err := l.checkCarried(r.ID, 1); err != nil { // ledger.go
			return err
		}
	}
	l.at(due.AddDays(1), 9)
	if _, err := l.store.MoveRound(l.ctx, l.admin, r.ID, evaluation.RoundScoringClosed); err != nil {
		return err
	}
	if play.full {
		if err := l.publishedNarratives(r.ID); err != nil {
			return err
		}
	}
	l.at(published, 10)
	if _, err := l.store.MoveRound(l.ctx, l.admin, r.ID, evaluation.RoundPublished); err != nil {
		return err
	}
	if l.res.PublishedRoundID != 0 {
		l.res.EarlierRoundIDs = append(l.res.EarlierRoundIDs, l.res.PublishedRoundID)
	}
	l.res.PublishedRoundID = r.ID
	return l.rectify(r.ID, play.full)
}

// planQuality is how well a plan does in the k-th published round (0, 1, 2):
// a third of the plans improve from round to round, a third slip, the rest
// stay where they are, so that the history and the scorecard move.
func planQuality(i, k int) float64 {
	base := 0.62 + 0.33*math.Mod(float64(i)*0.618034, 1)
	trend := []float64{0.09, -0.06, 0}[i%3]
	return math.Min(0.97, math.Max(0.3, base+trend*float64(k-2)))
}

// roundsPublished counts the demo rounds published so far.
func (l *loader) roundsPublished() int {
	n := len(l.res.EarlierRoundIDs)
	if l.res.PublishedRoundID != 0 {
		n++
	}
	return n
}

// scorePlan has every rater of a plan submit a scoresheet and the first two
// raise a finding each. In the latest round the third plan is vetoed (its
// statutory procedure was not followed) and the sixth has an outlying rater.
func (l *loader) scorePlan(i int, raters []evaluation.AssignmentView, play roundPlay) error {
	quality := planQuality(i, l.roundsPublished())
	for j, a := range raters {
		q := quality + 0.12*(l.rng.Float64()-0.5)
		if play.full && i == 5 && j == 0 {
			q = quality - 0.4 // an outlier
		}
		veto := play.full && i == 2 && j < 4
		if err := l.submit(a, l.answers(q, veto), play.full && j%2 == 0); err != nil {
			return err
		}
		if j < 2 {
			f := findingTexts[(i*2+j+l.roundsPublished())%len(findingTexts)]
			if _, err := l.store.CreateFinding(l.ctx, evaluation.ActorOf(l.users[l.username(a.EvaluatorID)]), a.ID, f); err != nil {
				return fmt.Errorf("demo finding: %w", err)
			}
		}
	}
	return nil
}

// submit saves a scoresheet (first as a partial draft when twoSteps) and submits it.
func (l *loader) submit(a evaluation.AssignmentView, answers []evaluation.Answer, twoSteps bool) error {
	actor := evaluation.ActorOf(l.users[l.username(a.EvaluatorID)])
	version := 0
	if twoSteps {
		s, err := l.store.SaveScoresheet(l.ctx, actor, a.ID, evaluation.ScoresheetRequest{Version: 0, Scores: answers[:len(answers)/2]})
		if err != nil {
			return fmt.Errorf("demo draft: %w", err)
		}
		version = s.Version
	}
	s, err := l.store.SaveScoresheet(l.ctx, actor, a.ID, evaluation.ScoresheetRequest{Version: version, Scores: answers,
		Comment: "总体推进有序，部分任务进度滞后，建议加强跟踪问效。"})
	if err != nil {
		return fmt.Errorf("demo scoresheet: %w", err)
	}
	if _, err := l.store.SubmitScoresheet(l.ctx, actor, a.ID, s.Version); err != nil {
		return fmt.Errorf("demo submit: %w", err)
	}
	return nil
}

// answers answers every indicator at quality q (0…1) of its points; check
// items are yes unless q is low, and the veto item is no when veto is set.
func (l *loader) answers(q float64, veto bool) []evaluation.Answer {
	var out []evaluation.Answer
	for _, ind := range l.template.Indicators() {
		a := evaluation.Answer{IndicatorCode: ind.Code}
		switch ind.Kind {
		case evaluation.KindCheck:
			yes := ind.Veto && !veto || !ind.Veto && l.rng.Float64() < q+0.1
			a.Yes = &yes
		default:
			v := math.Round(ind.MaxScore*math.Min(1, math.Max(0, q+0.1*(l.rng.Float64()-0.5)))*2) / 2
			a.Points = &v
		}
		out = append(out, a)
	}
	return out
}

// openRound creates the current round and opens it: its assignments wait
// for the demo evaluator, while some other evaluators have started.
func (l *loader) openRound(starts evaluation.Date) error {
	l.at(starts.AddDays(-3), 15)
	selfDue := string(starts.AddDays(selfAssessmentDays))
	r, err := l.store.CreateRound(l.ctx, l.admin, evaluation.RoundRequest{Name: l.roundName(starts),
		TemplateID: l.template.ID, StartsOn: string(starts), ScoringDue: string(starts.AddDays(40)), SelfAssessmentDue: &selfDue})
	if err != nil {
		return fmt.Errorf("demo open round: %w", err)
	}
	l.res.OpenRoundID = r.ID
	if _, err := l.store.AutoAssign(l.ctx, l.admin, r.ID, openRaters, false); err != nil {
		return fmt.Errorf("demo auto-assign: %w", err)
	}
	l.at(starts, 9)
	if _, err := l.store.MoveRound(l.ctx, l.admin, r.ID, evaluation.RoundOpen); err != nil {
		return err
	}
	if err := l.survey(r.ID, 60, 60, false); err != nil {
		return err
	}
	selfSubmitted, err := l.openSelfAssessments(r.ID) // self_assessment.go
	if err != nil {
		return err
	}
	l.clock.set(l.opts.Now)
	if err := l.openNarratives(r.ID); err != nil {
		return err
	}
	if err := l.checkCarried(r.ID, 2); err != nil {
		return err
	}
	assignments, err := l.assignments(r.ID)
	if err != nil {
		return err
	}
	for i, a := range assignments {
		if l.username(a.EvaluatorID) == "evaluator" || i%3 == 2 {
			continue
		}
		actor := evaluation.ActorOf(l.users[l.username(a.EvaluatorID)])
		answers := l.answers(0.7+0.2*l.rng.Float64(), false)
		// No submit while the self-assessment is expected: the plans whose
		// self-assessment is pending or returned keep no submitted sheet, so
		// that the round shows plans without a result and 截止评分 warns
		// (TestDemoLoadsEveryState checks it).
		if i%3 == 1 || !selfSubmitted[a.Plan.ID] {
			if _, err := l.store.SaveScoresheet(l.ctx, actor, a.ID, evaluation.ScoresheetRequest{Scores: answers[:5]}); err != nil {
				return fmt.Errorf("demo open draft: %w", err)
			}
			continue
		}
		if err := l.submit(a, answers, false); err != nil {
			return err
		}
	}
	return nil
}

// assignments lists all of a round's assignments.
func (l *loader) assignments(roundID int64) ([]evaluation.AssignmentView, error) {
	var out []evaluation.AssignmentView
	for page := 1; ; page++ {
		list, err := l.store.RoundAssignments(l.ctx, evaluation.AssignmentFilter{RoundID: roundID,
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

// username finds a demo user by id.
func (l *loader) username(id int64) string {
	for name, u := range l.users {
		if u.ID == id {
			return name
		}
	}
	return ""
}

// findingTexts are realistic findings raised in the demo.
var findingTexts = []evaluation.FindingRequest{
	{IndicatorCode: "2.2", Severity: evaluation.SeverityMajor,
		Description:    "改革台账中有5项任务未按时间节点完成，其中“建立预算绩效评价结果与预算安排挂钩机制”已滞后6个月，且未说明原因。",
		Recommendation: "逐项列明滞后任务的原因、责任人和新的完成时限，按月对账销号，并于下次评估前提交进展说明。"},
	{IndicatorCode: "2.3", Severity: evaluation.SeverityCritical,
		Description:    "方案要求出台的3个配套文件中，《绩效目标管理办法》《第三方评价机构管理办法》仍未印发。",
		Recommendation: "在30日内完成配套文件的起草、征求意见和合法性审查，确保按程序印发实施。"},
	{IndicatorCode: "4.2", Severity: evaluation.SeverityMinor,
		Description:    "群众满意度调查样本仅覆盖中心城区，郫都区、邛崃市等郊区县样本不足，结论代表性不强。",
		Recommendation: "扩大调查范围，郊区（市）县样本不少于总样本的40%，并公开调查方法。"},
	{IndicatorCode: "1.1", Severity: evaluation.SeverityMinor,
		Description:    "部分改革目标表述笼统，如“显著提升”“进一步完善”，缺少可量化、可检验的指标。",
		Recommendation: "将改革目标分解为可量化的年度指标，明确基线值、目标值和统计口径。"},
	{IndicatorCode: "3.2", Severity: evaluation.SeverityMajor,
		Description:    "制度性成果以内部通知为主，尚未形成规范性文件或地方标准，可复制推广性不足。",
		Recommendation: "梳理改革经验，推动将成熟做法上升为规范性文件或地方标准。"},
	{IndicatorCode: "2.4", Severity: evaluation.SeverityMinor,
		Description:    "改革专项经费未单列，2份经费使用台账缺失，人员保障依赖临时借调。",
		Recommendation: "单列改革专项经费并建立使用台账，明确专职工作人员。"},
	{IndicatorCode: "", Severity: evaluation.SeverityMajor,
		Description:    "牵头部门与配合部门之间的协调机制运转不畅，联席会议自方案印发以来仅召开1次。",
		Recommendation: "建立季度联席会议制度，明确议事规则和会议纪要落实跟踪机制。"},
	{IndicatorCode: "4.1", Severity: evaluation.SeverityMinor,
		Description:    "改革成效评价主要依据部门自评材料，缺少第三方数据和群众反馈的印证。",
		Recommendation: "引入统计部门数据和第三方调查，建立改革成效的客观评价依据。"},
}
