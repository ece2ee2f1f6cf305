package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/evald/evald/evaluation"
)

// Options shape the demo data.
type Options struct {
	// Scale is the number of plans in each published round: the real demo
	// plans first, then synthetic ones led by the city's departments and, to
	// fill a scorecard of 40+ departments, its districts. Zero means the real
	// plans only.
	Scale int
	// Password of every demo user; a random one when empty.
	Password string
	// Now is the present; the rounds are dated relative to it. Default: now.
	Now time.Time
	// Location is the city's time zone. Default Asia/Shanghai.
	Location *time.Location
	// Progress, when set, is told of each plan scored in each published round.
	Progress func(done, total int)
	// Blobs keeps demo evidence files; without it the demo has none.
	Blobs evaluation.Blobs
}

// Login is a demo account.
type Login struct {
	Username    string
	DisplayName string
	Role        evaluation.Role
	Org         string
}

// Result says what was loaded.
type Result struct {
	Password string
	Logins   []Login
	// PublishedRoundID is the latest published round; EarlierRoundIDs the
	// two published before it, oldest first.
	PublishedRoundID int64
	EarlierRoundIDs  []int64
	OpenRoundID      int64
	// ClosedPlanIDs are the plans closed out (销账) after the latest round.
	ClosedPlanIDs []int64
}

// ErrNotEmpty is returned when the database already has users.
var ErrNotEmpty = errors.New("demo: the database already has data; load the demo into an empty one")

// clock is the demo's own settable clock: the published round is played
// through at its real dates, so that its audit trail and due dates read true.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// loader carries the state of one demo load.
type loader struct {
	ctx      context.Context
	store    *evaluation.Store
	clock    *clock
	loc      *time.Location
	opts     Options
	rng      *rand.Rand
	res      *Result
	orgs     map[string]*evaluation.Org
	users    map[string]*evaluation.User
	admin    evaluation.Actor
	template *evaluation.Template
	// roundsOfYear numbers the demo's rounds within each year for their names.
	roundsOfYear map[string]int
}

// Load fills an empty, migrated database with the demo data: organisations,
// users of every role, the plans, the indicator system, a published round
// with submitted scoresheets and findings, and an open round whose
// assignments wait for the demo evaluator.
func Load(ctx context.Context, db *evaluation.DB, opts Options) (*Result, error) {
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if opts.Location == nil {
		opts.Location = evaluation.DefaultLocation()
	}
	c := &clock{t: opts.Now}
	l := &loader{ctx: ctx, clock: c, loc: opts.Location, opts: opts,
		store: evaluation.NewStore(db, evaluation.StoreOptions{Clock: c, Location: opts.Location, Blobs: opts.Blobs}),
		rng:   rand.New(rand.NewPCG(20171120, uint64(max(opts.Scale, 0)))),
		res:   &Result{Password: opts.Password}, orgs: map[string]*evaluation.Org{}, users: map[string]*evaluation.User{},
		roundsOfYear: map[string]int{}}
	if n, err := l.store.UserCount(ctx); err != nil {
		return nil, err
	} else if n > 0 {
		return nil, ErrNotEmpty
	}
	if l.res.Password == "" {
		pw, err := evaluation.RandomPassword(12)
		if err != nil {
			return nil, err
		}
		l.res.Password = pw
	} else if err := evaluation.CheckPassword("", l.res.Password); err != nil {
		return nil, fmt.Errorf("the demo users' password is refused (at least %d characters, not a common password): %w",
			evaluation.MinPasswordChars, err)
	}
	today := evaluation.DateOf(opts.Now, opts.Location)
	latest := today.AddDays(-240)
	first, second := earlierPublications(latest)
	steps := []func() error{
		func() error { l.at(first.AddDays(-90), 9); return l.organisations() },
		l.people,
		l.plansAndTemplate,
		func() error { return l.publishedRound(first, earlierPlay) },
		func() error { return l.publishedRound(second, earlierPlay) },
		func() error { return l.publishedRound(latest, latestPlay) },
		l.closeOuts,
		func() error { return l.openRound(today.AddDays(-10)) },
		func() error { return l.requests(l.res.OpenRoundID) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return l.res, nil
}

// at sets the demo clock to a day and hour in the city.
func (l *loader) at(d evaluation.Date, hour int) {
	t, err := time.ParseInLocation("2006-01-02", string(d), l.loc)
	if err != nil {
		panic(fmt.Sprintf("demo date %q: %v", d, err)) // the demo's own data: a programming error
	}
	l.clock.set(t.Add(time.Duration(hour) * time.Hour))
}

// earlierPublications dates the two rounds published before the latest one:
// both in the year before the latest's, the second at least 40 days before
// the latest opens (its findings are rectified, then carried over), the
// first half a year before the second. So the three published rounds span
// two years wherever the present falls.
func earlierPublications(latest evaluation.Date) (first, second evaluation.Date) {
	second = evaluation.Date(fmt.Sprintf("%d-11-20", latest.Year()-1))
	if limit := latest.AddDays(-latestRoundDays - 40); limit < second {
		second = limit
	}
	return second.AddDays(-180), second
}

// departmentOrgs are the demo organisations; with synthetic plans, the
// city's districts as well, so that the scorecard has 40+ departments.
func (l *loader) departmentOrgs() []evaluation.OrgRequest {
	orgs := Orgs()
	if l.opts.Scale <= 22 {
		return orgs
	}
	for _, name := range districts {
		orgs = append(orgs, evaluation.OrgRequest{Name: name, Kind: evaluation.OrgDepartment})
	}
	return orgs
}

// districts lead synthetic plans at scale (郫都区 is among the real orgs).
var districts = []string{"锦江区", "青羊区", "金牛区", "武侯区", "成华区", "龙泉驿区", "青白江区", "新都区", "温江区",
	"双流区", "新津区", "简阳市", "都江堰市", "彭州市", "邛崃市", "崇州市", "金堂县", "大邑县", "蒲江县",
	"高新区", "天府新区", "东部新区"}

func (l *loader) organisations() error {
	for _, o := range l.departmentOrgs() {
		org, err := l.store.CreateOrg(l.ctx, evaluation.System, o)
		if err != nil {
			return fmt.Errorf("demo org %s: %w", o.Name, err)
		}
		l.orgs[o.Name] = org
	}
	return nil
}

// demoUsers are the accounts other than the department users. A person's
// display name is their name: the screens add their organisation.
var demoUsers = []struct {
	username, name string
	role           evaluation.Role
	org            string
}{
	{"admin", "改革办 王主任", evaluation.RoleAdmin, "市委改革办"},
	{"office", "改革办 李干事", evaluation.RoleAdmin, "市委改革办"},
	{"leader", "市领导（只读）", evaluation.RoleViewer, "市委改革办"},
	{"evaluator", "张明", evaluation.RoleEvaluator, "四川大学"},
	{"scu-li", "李华", evaluation.RoleEvaluator, "四川大学"},
	{"uestc-wang", "王磊", evaluation.RoleEvaluator, "电子科技大学"},
	{"uestc-zhao", "赵静", evaluation.RoleEvaluator, "电子科技大学"},
	{"xhu-chen", "陈刚", evaluation.RoleEvaluator, "西华大学"},
	{"xhu-liu", "刘芳", evaluation.RoleEvaluator, "西华大学"},
	{"rcri-yang", "杨帆", evaluation.RoleEvaluator, "蓉城改革发展研究院"},
	{"rcri-huang", "黄丽", evaluation.RoleEvaluator, "蓉城改革发展研究院"},
	{"swufe-zhou", "周涛", evaluation.RoleEvaluator, "西南财经大学"},
	{"swufe-wu", "吴敏", evaluation.RoleEvaluator, "西南财经大学"},
	{"sass-xu", "徐强", evaluation.RoleEvaluator, "四川省社会科学院"},
	{"sass-sun", "孙悦", evaluation.RoleEvaluator, "四川省社会科学院"},
}

func (l *loader) people() error {
	add := func(username, name string, role evaluation.Role, org string) error {
		o := l.orgs[org]
		u, err := l.store.CreateUser(l.ctx, evaluation.System, evaluation.UserRequest{Username: username,
			Password: l.res.Password, DisplayName: name, Role: role, OrgID: &o.ID})
		if err != nil {
			return fmt.Errorf("demo user %s: %w", username, err)
		}
		l.users[username] = u
		l.res.Logins = append(l.res.Logins, Login{Username: username, DisplayName: name, Role: role, Org: org})
		return nil
	}
	for _, u := range demoUsers {
		if err := add(u.username, u.name, u.role, u.org); err != nil {
			return err
		}
	}
	// One user per department: "department" for 市财政局 (lead of
	// CD-2017-001), dept-NN for the others in the order of orgs.csv.
	n := 1
	for _, o := range l.departmentOrgs() {
		if o.Kind != evaluation.OrgDepartment {
			continue
		}
		username := "department"
		if o.Name != "市财政局" {
			username = fmt.Sprintf("dept-%02d", n)
			n++
		}
		if err := add(username, o.Name+" 整改联络员", evaluation.RoleDepartment, o.Name); err != nil {
			return err
		}
	}
	l.admin = evaluation.ActorOf(l.users["admin"])
	return nil
}

func (l *loader) plansAndTemplate() error {
	if _, err := l.store.ImportPlans(l.ctx, l.admin, "plans.csv", realPlans(l.opts.Scale)); err != nil {
		return fmt.Errorf("demo plans: %w", err)
	}
	if extra := l.opts.Scale - 22; extra > 0 {
		if _, err := l.store.ImportPlans(l.ctx, l.admin, "synthetic.csv", l.syntheticPlans(extra)); err != nil {
			return fmt.Errorf("demo synthetic plans: %w", err)
		}
	}
	t, err := l.store.CreateTemplate(l.ctx, l.admin, Template())
	if err != nil {
		return fmt.Errorf("demo template: %w", err)
	}
	l.template = t
	conflicts := []evaluation.ConflictRequest{
		{AgencyID: l.orgs["西华大学"].ID, DepartmentID: &l.orgs["市教育局"].ID, Reason: "西华大学承担市教育局委托的多项课题，与其牵头方案存在利害关系"},
	}
	for _, c := range conflicts {
		if _, err := l.store.CreateConflict(l.ctx, l.admin, c); err != nil {
			return fmt.Errorf("demo conflict: %w", err)
		}
	}
	return nil
}

// realPlans is the import file of the real demo plans, the first n of them
// when 0 < n < all.
func realPlans(n int) []byte {
	lines := strings.SplitAfter(string(PlansCSV()), "\n")
	if n > 0 && n+1 < len(lines) {
		lines = lines[:n+1]
	}
	return []byte(strings.Join(lines, ""))
}

// syntheticPlans is an import file of n made-up plans for load tests.
func (l *loader) syntheticPlans(n int) []byte {
	var depts []string
	for _, o := range l.departmentOrgs() {
		if o.Kind == evaluation.OrgDepartment {
			depts = append(depts, o.Name)
		}
	}
	fields := []string{"经济体制", "社会事业", "生态文明", "社会治理", "民主法制", "文化体制", "党的建设"}
	var b strings.Builder
	b.WriteString("code,title,lead_department,approved_by,issued_on,field,summary\n")
	for i := 1; i <= n; i++ {
		dept := depts[i%len(depts)]
		fmt.Fprintf(&b, "CD-SYN-%04d,%s深化改革专项方案（合成第%d号）,%s,市委深改组,2018-%02d-%02d,%s,用于容量测试的合成方案：明确改革目标、责任分工和时间节点，建立按月对账机制。\n",
			i, dept, i, dept, 1+i%12, 1+i%28, fields[i%len(fields)])
	}
	return []byte(b.String())
}
