package e2e

import (
	"fmt"
	"testing"

	"github.com/evald/evald/evaluation"
)

// staysInView waits until the element found by CSS, after scrolling the page to
// its end, is still wholly within the window (it sticks).
func (a *app) staysInView(css string) {
	a.t.Helper()
	a.until(css+" to stay in view at the page's end", fmt.Sprintf(`(() => {
		window.scrollTo(0, document.documentElement.scrollHeight)
		if (window.scrollY < 200) return false // the page must be long enough to scroll
		const r = document.querySelector(%s)?.getBoundingClientRect()
		return !!r && r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0
	})()`, js(css)))
}

// The template editor's total stays in view when the page is scrolled to its end.
func TestTemplateTotalStaysInView(t *testing.T) {
	a := newApp(t)
	a.login("admin")
	a.open(fmt.Sprintf("/admin/templates/%d", a.world.Template.ID))
	a.visible(`[data-testid="template-total"]`)
	a.staysInView(`[data-testid="template-total"]`)
}

// The scoresheet's total and submit panel stay in view when the page is
// scrolled to its end.
func TestScoresheetTotalStaysInView(t *testing.T) {
	a := newApp(t)
	w := a.world
	round := a.currentRound("2026年度专项改革方案第三方评估")
	asg := w.Assign(round, w.P1, w.Eval1)
	w.Move(round, evaluation.RoundOpen)

	a.login("eval1")
	a.open(fmt.Sprintf("/tasks/%d", asg.ID))
	a.visible(`[data-indicator="4.3"]`)
	a.staysInView(`[data-testid="scoresheet-total"]`)
	a.staysInView(`[data-testid="scoresheet-submit"]`)
}
