package evaluation_test

import (
	"context"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestUpgradeKeepsReportRecords upgrades a database holding a report on
// record across schema 13, which rebuilds report_records on SQLite: the row
// must come through unchanged, and a record must name its round or its
// year, exactly one of them.
func TestUpgradeKeepsReportRecords(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		ctx := context.Background()
		env := evaltest.Open(t, evaltest.DialectOf(t))
		if _, err := evaluation.MigrateTo(ctx, env.DB, 12); err != nil {
			t.Fatal(err)
		}
		g := env.DB.Gorm
		now := "2026-01-02 03:04:05"
		sha, code := strings.Repeat("ab", 32), strings.Repeat("cd", 32)
		for _, stmt := range []string{
			"INSERT INTO orgs (id, name, kind, created_at, updated_at) VALUES (1, '市水务局', 'department', '" + now + "', '" + now + "')",
			"INSERT INTO plans (id, code, title, lead_department_id, issued_on, summary, created_at, updated_at) VALUES (1, 'P1', '方案', 1, '2025-01-01', '', '" + now + "', '" + now + "')",
			"INSERT INTO templates (id, name, version, body, created_at, updated_at) VALUES (1, '指标', 1, '{}', '" + now + "', '" + now + "')",
			"INSERT INTO rounds (id, name, template_id, starts_on, scoring_due, min_plan_age_days, outlier_threshold, response_days_critical, response_days_major, response_days_minor, status, created_at, updated_at) " +
				"VALUES (1, '2026年', 1, '2026-01-01', '2026-02-01', 183, 15, 30, 60, 90, 'published', '" + now + "', '" + now + "')",
			"INSERT INTO report_records (id, sha256, verification_code, kind, round_id, plan_id, size, report_date, generated_at, version, draft) " +
				"VALUES (5, '" + sha + "', '" + code + "', 'evaluation', 1, 1, 4321, '2026-02-10', '" + now + "', 2, TRUE)",
		} {
			if err := g.Exec(stmt).Error; err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		if _, err := evaluation.Migrate(ctx, env.DB); err != nil {
			t.Fatal(err)
		}
		var r evaluation.ReportRecord
		if err := g.First(&r, 5).Error; err != nil {
			t.Fatal(err)
		}
		if r.SHA256 != sha || r.VerificationCode != code || r.Kind != evaluation.ReportEvaluation || r.RoundID == nil || *r.RoundID != 1 ||
			r.PlanID == nil || *r.PlanID != 1 || r.Year != nil || r.Size != 4321 || r.ReportDate != "2026-02-10" ||
			r.Version == nil || *r.Version != 2 || !r.Draft {
			t.Fatalf("report record after the upgrade: %+v", r)
		}
		insert := "INSERT INTO report_records (sha256, verification_code, kind, round_id, year, size, report_date, generated_at) VALUES (?, ?, 'scorecard', ?, ?, 1, '2026-12-01', ?)"
		if err := g.Exec(insert, strings.Repeat("01", 32), code, nil, nil, now).Error; err == nil {
			t.Error("a record of neither a round nor a year was stored")
		}
		if err := g.Exec(insert, strings.Repeat("02", 32), code, 1, 2026, now).Error; err == nil {
			t.Error("a record of both a round and a year was stored")
		}
		if err := g.Exec(insert, strings.Repeat("03", 32), code, nil, 2026, now).Error; err != nil {
			t.Errorf("a record of a year: %v", err)
		}
		if err := g.Exec(insert, strings.Repeat("ab", 32), code, nil, 2026, now).Error; err == nil {
			t.Error("the SHA-256 is no longer unique")
		}
	})
}
