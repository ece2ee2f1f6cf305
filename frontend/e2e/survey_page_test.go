package e2e

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// phoneUA is the user agent of a current Android phone's Chrome.
const phoneUA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"

// phone makes the tab a phone: a 390×844 portrait viewport at device scale
// 3, mobile layout and touch, and a phone's user agent.
func (a *app) phone() {
	a.t.Helper()
	a.run("emulate a phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{UserAgent: phoneUA})
			return err
		}),
	)
}

// load is one network request of the page and what it cost.
type load struct {
	url, kind string
	bytes     float64 // transferred: headers and (compressed) body
}

// loads records the page's requests from now on; the function returned
// gives those finished so far.
func (a *app) loads() func() []load {
	a.t.Helper()
	var mu sync.Mutex
	started := map[network.RequestID]load{}
	var done []load
	if err := chromedp.Listen(a.ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			started[e.RequestID] = load{url: e.Request.URL, kind: string(e.Type)}
		case *network.EventLoadingFinished:
			if l, ok := started[e.RequestID]; ok {
				l.bytes = e.EncodedDataLength
				done = append(done, l)
			}
		}
	}); err != nil {
		a.t.Fatalf("listen to the network: %v", err)
	}
	return func() []load {
		mu.Lock()
		defer mu.Unlock()
		return append([]load(nil), done...)
	}
}

// maxSurveyPage bounds what the public survey page may transfer, all
// included (HTML with its inline CSS and JavaScript): it must load fast on
// a phone on a poor connection.
const maxSurveyPage = 30 * 1024

// A citizen answers the public survey on a phone: the questions that depend
// on 是 appear only once 是 is chosen, a required question left empty is
// refused next to itself, and a complete answer is thanked for and stored.
// The page is small and loads no script of the web UI.
func TestPublicSurveyOnPhone(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	s := a.world.PublishedSurvey(evaltest.SurveyRequest())
	a.phone()
	loaded := a.loads()
	a.run("open the survey", chromedp.Navigate(a.url+"/s/"+*s.Token), chromedp.WaitVisible(chromedp.CSS("#survey")))
	a.until("the page to load", `document.readyState === 'complete'`)

	// Weight: one document, its style and script inline, nothing else.
	var total float64
	for _, l := range loaded() {
		t.Logf("loaded %s %s: %.0f bytes", l.kind, l.url, l.bytes)
		total += l.bytes
		if l.kind == string(network.ResourceTypeScript) || l.kind == string(network.ResourceTypeStylesheet) || strings.Contains(l.url, "/assets/") {
			t.Errorf("the survey page loads %s %s", l.kind, l.url)
		}
	}
	if total == 0 || total > maxSurveyPage {
		t.Errorf("the survey page transferred %.0f bytes, want (0, %d]", total, maxSurveyPage)
	}
	if n := evaluate[int](a, `[...document.scripts].filter((s) => s.src).length + document.querySelectorAll('link[rel="stylesheet"], link[rel="modulepreload"]').length`); n != 0 {
		t.Errorf("the survey page links %d external scripts or style sheets", n)
	}
	if got := evaluate[float64](a, `window.innerWidth`); got != 390 {
		t.Errorf("viewport %v CSS pixels wide, want 390", got)
	}
	if evaluate[bool](a, `document.documentElement.scrollWidth > window.innerWidth`) {
		t.Error("the page is wider than the phone's screen")
	}

	hidden := func(code string) bool {
		return evaluate[bool](a, fmt.Sprintf(`document.getElementById('q-%s').hidden`, code))
	}
	choose := func(code string, n int) { a.click(fmt.Sprintf(`label[for="in-%s-%d"]`, code, n)) }
	for _, code := range []string{"q3", "q4"} {
		if !hidden(code) {
			t.Errorf("%s is shown before 是 was chosen for q2", code)
		}
	}
	choose("q1", 3) // 4 满意
	choose("q2", 1) // 否
	if !hidden("q3") || !hidden("q4") {
		t.Error("q3 or q4 is shown after 否")
	}
	choose("q2", 0) // 是
	a.visible("#q-q3")
	a.visible("#q-q4")
	choose("q3", 4) // 5 非常满意
	choose("q4", 0) // 线上平台
	choose("q4", 2) // 自助终端
	choose("q5", 3) // 4 满意
	// q6 (nps, required) is left empty.
	choose("q7", 2) // 36至60岁
	a.fill("#in-q8", "希望延长周末窗口的服务时间。")
	a.click("#submit")
	a.untilText("#err-q6", "此题为必答题")
	if !evaluate[bool](a, `document.getElementById('q-q6').contains(document.getElementById('err-q6')) && document.getElementById('q-q6').classList.contains('bad')`) {
		t.Error("the error is not shown with its question")
	}
	if n := evaluate[int](a, `[...document.querySelectorAll('.q .err')].filter((e) => e.textContent).length`); n != 1 {
		t.Errorf("%d questions show an error, want only q6", n)
	}
	if got := a.surveyResponses(s.ID); len(got) != 0 {
		t.Fatalf("a refused answer was stored: %v", got)
	}
	a.screenshot("required")

	choose("q6", 9)
	a.run("scroll to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	a.until("fonts", `document.fonts.status === 'loaded'`)
	a.screenshot("filled")

	a.click("#submit")
	a.visible("#done")
	a.untilText("#done", "感谢您的参与")
	if !evaluate[bool](a, `document.getElementById('survey').hidden`) {
		t.Error("the form is still shown after the thank-you")
	}
	a.screenshot("thanks")

	got := a.surveyResponses(s.ID)
	want := map[string]any{"q1": 4, "q2": "是", "q3": 5, "q4": []string{"线上平台", "自助终端"}, "q5": 4, "q6": 9,
		"q7": "36至60岁", "q8": "希望延长周末窗口的服务时间。"}
	if len(got) != 1 {
		t.Fatalf("%d responses stored, want 1", len(got))
	}
	if !reflect.DeepEqual(normalized(got[0]), normalized(want)) {
		t.Errorf("stored answers %v, want %v", got[0], want)
	}
	if res, err := a.env.Store.SurveyResults(ctx, evaluation.System, s.ID); err != nil || res.Responses != 1 {
		t.Errorf("results: %+v, %v; want 1 response", res, err)
	}
}

// surveyResponses reads a survey's stored responses.
func (a *app) surveyResponses(id int64) []map[string]any {
	a.t.Helper()
	var out []map[string]any
	for r, err := range a.env.Store.SurveyResponses(context.Background(), id) {
		if err != nil {
			a.t.Fatalf("read responses: %v", err)
		}
		out = append(out, r.Answers)
	}
	return out
}

// normalized prints each answer, so that 4 and int64(4) compare equal.
func normalized(answers map[string]any) map[string]string {
	out := make(map[string]string, len(answers))
	for k, v := range answers {
		out[k] = fmt.Sprint(v)
	}
	return out
}
