package evaltest

import (
	"context"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
)

// Password is the password of every fixture user.
const Password = "test-password-1"

// World is a small, complete set of data: the office, four agencies, three
// departments, users of every role, four plans (one too recent for the
// round), the fixtures' template (Template) and a draft round.
type World struct {
	t     testing.TB
	Env   *Env
	Store *evaluation.Store

	Office                          *evaluation.Org
	SCU, UESTC, XHU, Institute      *evaluation.Org // agencies
	Finance, StateAssets, DevReform *evaluation.Org // departments

	Admin, Viewer                *evaluation.User
	Eval1, Eval2, Eval3, Eval4   *evaluation.User // of SCU, UESTC, XHU, Institute
	Eval5                        *evaluation.User // a second evaluator of SCU
	DeptFinance, DeptStateAssets *evaluation.User

	P1, P2, P3 *evaluation.Plan // eligible: led by Finance, StateAssets, DevReform
	Recent     *evaluation.Plan // issued too recently for the round
	Template   *evaluation.Template
	Round      *evaluation.Round // draft; starts 2026-03-01, scoring due 2026-04-30
}

// Seed builds a World in env.
func Seed(t testing.TB, env *Env) *World {
	t.Helper()
	w := &World{t: t, Env: env, Store: env.Store}
	w.Office = w.Org("市委改革办", evaluation.OrgOffice, "")
	w.SCU = w.Org("四川大学", evaluation.OrgAgency, "university")
	w.UESTC = w.Org("电子科技大学", evaluation.OrgAgency, "university")
	w.XHU = w.Org("西华大学", evaluation.OrgAgency, "university")
	w.Institute = w.Org("蓉城改革发展研究院", evaluation.OrgAgency, "think_tank")
	w.Finance = w.Org("市财政局", evaluation.OrgDepartment, "")
	w.StateAssets = w.Org("市国资委", evaluation.OrgDepartment, "")
	w.DevReform = w.Org("市发展改革委", evaluation.OrgDepartment, "")

	w.Admin = w.User("admin", evaluation.RoleAdmin, w.Office)
	w.Viewer = w.User("leader", evaluation.RoleViewer, w.Office)
	w.Eval1 = w.User("eval1", evaluation.RoleEvaluator, w.SCU)
	w.Eval2 = w.User("eval2", evaluation.RoleEvaluator, w.UESTC)
	w.Eval3 = w.User("eval3", evaluation.RoleEvaluator, w.XHU)
	w.Eval4 = w.User("eval4", evaluation.RoleEvaluator, w.Institute)
	w.Eval5 = w.User("eval5", evaluation.RoleEvaluator, w.SCU)
	w.DeptFinance = w.User("finance", evaluation.RoleDepartment, w.Finance)
	w.DeptStateAssets = w.User("assets", evaluation.RoleDepartment, w.StateAssets)

	w.P1 = w.Plan("CD-2017-001", "以绩效为导向的财政预算制度改革方案", w.Finance, "2017-11-20")
	w.P2 = w.Plan("CD-2017-002", "以效率为导向的国资经营评价制度改革方案", w.StateAssets, "2017-11-20")
	w.P3 = w.Plan("CD-2017-004", "以利民为导向的基本公共服务清单管理和动态调整制度改革方案", w.DevReform, "2017-12-05")
	w.Recent = w.Plan("CD-2026-009", "郫都区、邛崃市城乡融合发展试验方案", w.DevReform, "2026-01-10")

	tpl, err := w.Store.CreateTemplate(context.Background(), w.AdminActor(), Template())
	if err != nil {
		t.Fatalf("seed template: %v", err)
	}
	w.Template = tpl
	w.Round = w.NewRound("2026年第一轮清单式集中评估")
	return w
}

// Org creates an organisation.
func (w *World) Org(name string, kind evaluation.OrgKind, agencyType string) *evaluation.Org {
	w.t.Helper()
	o, err := w.Store.CreateOrg(context.Background(), evaluation.System, evaluation.OrgRequest{Name: name, Kind: kind, AgencyType: agencyType})
	if err != nil {
		w.t.Fatalf("seed org %s: %v", name, err)
	}
	return o
}

// User creates a user with the fixture password.
func (w *World) User(username string, role evaluation.Role, org *evaluation.Org) *evaluation.User {
	w.t.Helper()
	req := evaluation.UserRequest{Username: username, Password: Password, DisplayName: username, Role: role}
	if org != nil {
		req.OrgID = &org.ID
	}
	u, err := w.Store.CreateUser(context.Background(), evaluation.System, req)
	if err != nil {
		w.t.Fatalf("seed user %s: %v", username, err)
	}
	return u
}

// Plan creates a plan.
func (w *World) Plan(code, title string, dept *evaluation.Org, issued string) *evaluation.Plan {
	w.t.Helper()
	p, err := w.Store.CreatePlan(context.Background(), w.AdminActor(), evaluation.PlanRequest{Code: code, Title: title,
		LeadDepartmentID: dept.ID, ApprovedBy: "市委深改组", IssuedOn: issued, Field: "经济体制", Summary: title + "的摘要。"})
	if err != nil {
		w.t.Fatalf("seed plan %s: %v", code, err)
	}
	return p
}

// NewRound creates a draft round on the world's template.
func (w *World) NewRound(name string) *evaluation.Round {
	w.t.Helper()
	r, err := w.Store.CreateRound(context.Background(), w.AdminActor(), evaluation.RoundRequest{Name: name,
		TemplateID: w.Template.ID, StartsOn: "2026-03-01", ScoringDue: "2026-04-30"})
	if err != nil {
		w.t.Fatalf("seed round: %v", err)
	}
	return r
}

// AdminActor is the fixture admin as an actor.
func (w *World) AdminActor() evaluation.Actor {
	if w.Admin == nil {
		return evaluation.System
	}
	return evaluation.ActorOf(w.Admin)
}

// Assign assigns an evaluator to a plan of a round.
func (w *World) Assign(round *evaluation.Round, plan *evaluation.Plan, ev *evaluation.User) *evaluation.AssignmentView {
	w.t.Helper()
	a, err := w.Store.CreateAssignment(context.Background(), w.AdminActor(), round.ID,
		evaluation.AssignmentRequest{PlanID: plan.ID, EvaluatorID: ev.ID})
	if err != nil {
		w.t.Fatalf("seed assignment: %v", err)
	}
	return a
}

// Move takes a round one step.
func (w *World) Move(round *evaluation.Round, to evaluation.RoundStatus) {
	w.t.Helper()
	if _, err := w.Store.MoveRound(context.Background(), w.AdminActor(), round.ID, to); err != nil {
		w.t.Fatalf("move round to %s: %v", to, err)
	}
}

// FullAnswers answers every indicator of the template: score items with
// the given fraction of their points (rounded down to 0.5), check items yes.
func (w *World) FullAnswers(fraction float64) []evaluation.Answer {
	var out []evaluation.Answer
	for _, ind := range w.Template.Indicators() {
		a := evaluation.Answer{IndicatorCode: ind.Code}
		if ind.Kind == evaluation.KindCheck {
			yes := true
			a.Yes = &yes
		} else {
			v := float64(int(ind.MaxScore*fraction*2)) / 2
			a.Points = &v
		}
		out = append(out, a)
	}
	return out
}

// Score saves and submits a complete scoresheet for an assignment.
func (w *World) Score(a *evaluation.AssignmentView, ev *evaluation.User, answers []evaluation.Answer) *evaluation.Scoresheet {
	w.t.Helper()
	ctx := context.Background()
	actor := evaluation.ActorOf(ev)
	d, err := w.Store.Assignment(ctx, actor, a.ID)
	if err != nil {
		w.t.Fatalf("score: %v", err)
	}
	s, err := w.Store.SaveScoresheet(ctx, actor, a.ID, evaluation.ScoresheetRequest{Version: d.Scoresheet.Version, Scores: answers})
	if err != nil {
		w.t.Fatalf("save scoresheet: %v", err)
	}
	if s, err = w.Store.SubmitScoresheet(ctx, actor, a.ID, s.Version); err != nil {
		w.t.Fatalf("submit scoresheet: %v", err)
	}
	return s
}

// Published is a published round with findings on two departments' plans.
type Published struct {
	Round *evaluation.Round
	// On P1 (市财政局): a critical finding by eval1 and a minor one by eval2.
	// On P2 (市国资委): a major finding by eval2.
	P1Critical, P1Minor, P2Major *evaluation.Finding
}

// PublishRound scores P1 and P2 in the world's round with eval1 and eval2,
// raises three findings, closes scoring and publishes on 2026-05-10.
func (w *World) PublishRound() *Published {
	w.t.Helper()
	ctx := context.Background()
	p := &Published{Round: w.Round}
	a11 := w.Assign(w.Round, w.P1, w.Eval1)
	a12 := w.Assign(w.Round, w.P1, w.Eval2)
	a22 := w.Assign(w.Round, w.P2, w.Eval2)
	w.Move(w.Round, evaluation.RoundOpen)
	raise := func(a *evaluation.AssignmentView, ev *evaluation.User, sev evaluation.Severity, text string) *evaluation.Finding {
		f, err := w.Store.CreateFinding(ctx, evaluation.ActorOf(ev), a.ID, evaluation.FindingRequest{IndicatorCode: "2.2",
			Severity: sev, Description: text, Recommendation: "按月对账销号，于下次评估前提交进展说明。"})
		if err != nil {
			w.t.Fatalf("raise finding: %v", err)
		}
		return f
	}
	p.P1Critical = raise(a11, w.Eval1, evaluation.SeverityCritical, "配套文件《绩效目标管理办法》未印发。")
	p.P1Minor = raise(a12, w.Eval2, evaluation.SeverityMinor, "郫都区、邛崃市样本不足。")
	p.P2Major = raise(a22, w.Eval2, evaluation.SeverityMajor, "联席会议仅召开1次。")
	w.Score(a11, w.Eval1, w.FullAnswers(0.8))
	w.Score(a12, w.Eval2, w.FullAnswers(0.7))
	w.Score(a22, w.Eval2, w.FullAnswers(0.9))
	w.Move(w.Round, evaluation.RoundScoringClosed)
	w.Env.Clock.Set(time.Date(2026, 5, 10, 9, 0, 0, 0, Shanghai))
	w.Move(w.Round, evaluation.RoundPublished)
	return p
}

// DeptAnswer is a complete response of a department.
func DeptAnswer() evaluation.ResponseRequest {
	return evaluation.ResponseRequest{Measures: "已起草《绩效目标管理办法》，正在征求意见。", ResponsiblePerson: "张三（预算处处长）",
		Progress: evaluation.ProgressInProgress, Evidence: "征求意见稿及会议纪要"}
}
