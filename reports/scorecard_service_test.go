package reports

import (
	"context"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// The scorecard PDF handed out is the same bytes for the same data and day,
// printed with its code, recorded once under its year (no round), and
// verifies by file hash, code and the 16 printed digits as 考核计分表 of
// that year with round null; a department's copy (its own row) too —
// here the same file, the round having only its plan.
func TestServiceScorecardRecordsAndVerifies(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		publishedWithText(t, w)
		s := newService(t, env)
		ctx := context.Background()
		doc, err := s.Scorecard(ctx, w.AdminActor(), 2026)
		if err != nil {
			t.Fatal(err)
		}
		again, err := newService(t, env).Scorecard(ctx, w.AdminActor(), 2026)
		if err != nil || again.SHA256 != doc.SHA256 || again.VerificationCode != doc.VerificationCode {
			t.Fatalf("a second rendering differs: %s vs %s (%v)", again.SHA256, doc.SHA256, err)
		}
		body := bodyText(pdfPages(t, doc.Data), "2026年度牵头单位改革评估考核计分表", "KH-2026")
		assertContainsAll(t, body, map[string]string{"department": "市发展改革委", "round": w.Round.Name,
			"code": "验证码：" + ShortCode(doc.VerificationCode)})
		var recs []evaluation.ReportRecord
		if err := env.DB.Gorm.Where("kind = ?", evaluation.ReportScorecard).Find(&recs).Error; err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1 || recs[0].RoundID != nil || recs[0].Year == nil || *recs[0].Year != 2026 || recs[0].SHA256 != doc.SHA256 {
			t.Fatalf("the scorecard's records: %+v", recs)
		}
		dept := evaluation.ActorOf(w.User("fagai", evaluation.RoleDepartment, w.DevReform))
		own, err := s.Scorecard(ctx, dept, 2026)
		if err != nil {
			t.Fatalf("the department's scorecard: %v", err)
		}
		for _, key := range []string{doc.SHA256, doc.VerificationCode, ShortCode(doc.VerificationCode), own.SHA256} {
			v, err := env.Store.VerifyReport(ctx, key)
			if err != nil || v.Kind != evaluation.ReportScorecard || v.Round != nil || v.Plan != nil || v.Year == nil || *v.Year != 2026 {
				t.Fatalf("verify %s: %+v, %v", key, v, err)
			}
		}
	})
}
