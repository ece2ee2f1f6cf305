package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// utcBrowser puts the tab's clock in UTC, eight hours behind the city.
func (a *app) utcBrowser() {
	a.t.Helper()
	a.run("put the browser in UTC", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "UTC"})
		return err
	}))
}

// With the browser in UTC, a survey closing at 02:00 on New Year's Day in
// the city (Asia/Shanghai, EVAL_TZ) shows 02:00 on New Year's Day — not
// 18:00 the day before — in the list, the editor's picker and its preview;
// a time picked in the editor is the city's, and the public page agrees.
func TestTimesInTheCitysZone(t *testing.T) {
	a := newApp(t)
	w := a.world
	ctx := context.Background()
	a.utcBrowser()

	year := a.env.Clock.Now().In(evaltest.Shanghai).Year() + 1
	closes := time.Date(year, 1, 1, 2, 0, 0, 0, evaltest.Shanghai) // 18:00 UTC the day before
	req := evaltest.SurveyRequest()
	req.ClosesAt = &closes
	s, err := a.env.Store.CreateSurvey(ctx, w.AdminActor(), req)
	if err != nil {
		t.Fatal(err)
	}

	a.login("admin")
	if zone := evaluate[string](a, `Intl.DateTimeFormat().resolvedOptions().timeZone`); zone != "UTC" {
		t.Fatalf("the browser's zone is %q, want UTC", zone)
	}
	a.open("/admin/surveys")
	a.untilText(".el-table", fmt.Sprintf("%d-01-01 02:00:00", year))
	if strings.Contains(a.text(".el-table"), fmt.Sprintf("%d-12-31 18:00", year-1)) {
		t.Error("the list shows the closing time in the browser's zone")
	}

	a.open(fmt.Sprintf("/admin/surveys/%d", s.ID))
	a.until("the picker to show the city's time", fmt.Sprintf(`document.querySelector('#survey-closes')?.value === %s`, js(fmt.Sprintf("%d-01-01 02:00", year))))
	a.untilText(`[data-testid="survey-preview"]`, fmt.Sprintf("%d年1月1日 02:00", year))

	// Picking 03:30 means 03:30 in the city.
	a.fill("#survey-closes", fmt.Sprintf("%d-01-01 03:30", year))
	a.keys("confirm the time", kb.Enter)
	a.untilText(`[data-testid="survey-preview"]`, fmt.Sprintf("%d年1月1日 03:30", year))
	a.click(`[data-testid="survey-save"]`)
	a.toast("问卷已保存")
	s, err = a.env.Store.Survey(ctx, evaluation.System, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(year, 1, 1, 3, 30, 0, 0, evaltest.Shanghai); s.ClosesAt == nil || !s.ClosesAt.Equal(want) {
		t.Fatalf("stored closing time %v, want %v", s.ClosesAt, want)
	}
	a.settle()
	a.screenshot("timezone-editor")

	// The public page, rendered by the server, says the same.
	s, err = a.env.Store.PublishSurvey(ctx, w.AdminActor(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.run("open the public page", chromedp.Navigate(a.url+"/s/"+*s.Token), chromedp.WaitVisible(chromedp.CSS("#survey")))
	a.untilText("body", fmt.Sprintf("%d年1月1日 03:30", year))
	a.open("/admin/surveys")
	a.untilText(".el-table", fmt.Sprintf("%d-01-01 03:30:00", year))
}
