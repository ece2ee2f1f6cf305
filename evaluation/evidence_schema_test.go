package evaluation_test

import (
	"context"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestUpgradeKeepsAttachments upgrades a database holding a response's
// evidence file across schema 7, which rebuilds the attachments table on
// SQLite: the row must come through unchanged, and the new owner columns
// must admit exactly one owner per file.
func TestUpgradeKeepsAttachments(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		ctx := context.Background()
		env := evaltest.Open(t, evaltest.DialectOf(t))
		if _, err := evaluation.MigrateTo(ctx, env.DB, 6); err != nil {
			t.Fatal(err)
		}
		g := env.DB.Gorm
		now := "2026-01-02 03:04:05"
		for _, stmt := range []string{
			"INSERT INTO orgs (id, name, kind, created_at, updated_at) VALUES (1, '市水务局', 'department', '" + now + "', '" + now + "')",
			"INSERT INTO orgs (id, name, kind, agency_type, created_at, updated_at) VALUES (2, '四川大学', 'agency', 'university', '" + now + "', '" + now + "')",
			"INSERT INTO users (id, username, display_name, role, org_id, password_hash, created_at, updated_at) VALUES (1, 'dept', '王芳', 'department', 1, 'x', '" + now + "', '" + now + "')",
			"INSERT INTO users (id, username, display_name, role, org_id, password_hash, created_at, updated_at) VALUES (2, 'eva', '张明', 'evaluator', 2, 'x', '" + now + "', '" + now + "')",
			"INSERT INTO plans (id, code, title, lead_department_id, issued_on, summary, created_at, updated_at) VALUES (1, 'P1', '方案', 1, '2025-01-01', '', '" + now + "', '" + now + "')",
			"INSERT INTO templates (id, name, version, body, created_at, updated_at) VALUES (1, '指标', 1, '{}', '" + now + "', '" + now + "')",
			"INSERT INTO rounds (id, name, template_id, starts_on, scoring_due, min_plan_age_days, outlier_threshold, response_days_critical, response_days_major, response_days_minor, status, created_at, updated_at) " +
				"VALUES (1, '2026年', 1, '2026-01-01', '2026-02-01', 183, 15, 30, 60, 90, 'published', '" + now + "', '" + now + "')",
			"INSERT INTO assignments (id, round_id, plan_id, evaluator_id, agency_id, created_at) VALUES (1, 1, 1, 2, 2, '" + now + "')",
			"INSERT INTO findings (id, round_id, assignment_id, plan_id, evaluator_id, severity, description, recommendation, status, created_at, updated_at) " +
				"VALUES (1, 1, 1, 1, 2, 'major', '问题', '建议', 'open', '" + now + "', '" + now + "')",
			"INSERT INTO attachments (id, finding_id, name, size, sha256, content_type, submitted_in, uploaded_by, created_at) " +
				"VALUES (7, 1, '台账.pdf', 1234, '" + evidenceSHA + "', 'application/pdf', 2, 1, '" + now + "')",
		} {
			if err := g.Exec(stmt).Error; err != nil {
				t.Fatalf("%s: %v", stmt, err)
			}
		}
		if _, err := evaluation.Migrate(ctx, env.DB); err != nil {
			t.Fatal(err)
		}
		var a evaluation.Attachment
		if err := g.First(&a, 7).Error; err != nil {
			t.Fatal(err)
		}
		if a.FindingID == nil || *a.FindingID != 1 || a.SelfAssessmentID != nil || a.RequestID != nil || a.IndicatorCode != "" ||
			a.Name != "台账.pdf" || a.Size != 1234 || a.SHA256 != evidenceSHA || a.SubmittedIn == nil || *a.SubmittedIn != 2 || a.UploadedBy != 1 {
			t.Fatalf("attachment after the upgrade: %+v", a)
		}
		insert := "INSERT INTO attachments (finding_id, request_id, name, size, sha256, content_type, uploaded_by, created_at) VALUES (?, ?, 'x', 1, ?, 'text/plain', 1, ?)"
		if err := g.Exec(insert, nil, nil, evidenceSHA, now).Error; err == nil {
			t.Error("an attachment without an owner was stored")
		}
		if err := g.Exec("INSERT INTO material_requests (id, round_id, plan_id, assignment_id, asked_by, question, status, answer, created_at, updated_at) "+
			"VALUES (1, 1, 1, 1, 2, '请补充', 'open', '', ?, ?)", now, now).Error; err != nil {
			t.Fatal(err)
		}
		if err := g.Exec(insert, 1, 1, evidenceSHA, now).Error; err == nil {
			t.Error("an attachment with two owners was stored")
		}
		if err := g.Exec(insert, nil, 1, evidenceSHA, now).Error; err != nil {
			t.Errorf("an attachment of a request: %v", err)
		}
	})
}

const evidenceSHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
