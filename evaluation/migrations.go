package evaluation

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// migration is one versioned step of the schema. Steps are never edited once
// released: a change to the schema is a new step at the end of the list.
type migration struct {
	version int
	name    string
	// sql is statements separated by ";" at line ends, with dialect
	// placeholders; a statement whose first line is "-- sqlite only" or
	// "-- mysql only" runs on that dialect alone.
	sql string
}

// migrations is the ordered history of the schema.
var migrations = []migration{
	{1, "core schema", schemaV1},
	{2, "rectification loop", schemaV2},
	{3, "reports", schemaV3},
	{4, "surveys", schemaV4},
	{5, "login throttles per address", schemaV5},
	{6, "keyed audit chain", schemaV6},
	{7, "self-assessments, requests for material, evidence of several owners", schemaV7},
	{8, "lead agency and conclusions", schemaV8},
	{9, "issued reports", schemaV9},
	{10, "minimum raters of a complete result", schemaV10},
	{11, "the ledger: plans closed out, findings carried into the next round", schemaV11},
	{12, "several servers: blobs in the database, report jobs by lease", schemaV12},
	{13, "reports of a year: report_records.round_id nullable, year", schemaV13},
	{14, "indexes for carrying findings", schemaV14},
}

// migrationSteps are the steps of a migration that are Go code, run after
// its SQL in the transaction that also records the version (so that a
// failure leaves the version unrecorded and the step can be rerun).
var migrationSteps = map[int]func(g *gorm.DB, db *DB) error{
	6: keyAuditChain,
}

// LatestSchemaVersion is the version the code expects.
func LatestSchemaVersion() int { return migrations[len(migrations)-1].version }

// ErrSchemaBehind is returned when the database schema is older than the code;
// run `evald migrate` (or serve with -migrate).
var ErrSchemaBehind = errors.New("evaluation: database schema is behind; run `evald migrate`")

// SchemaVersion returns the version recorded in the database (0 for an empty one).
func SchemaVersion(ctx context.Context, db *DB) (int, error) {
	return schemaVersion(db.Gorm.WithContext(ctx))
}

func schemaVersion(g *gorm.DB) (int, error) {
	if !g.Migrator().HasTable("schema_migrations") {
		return 0, nil
	}
	var v int
	err := g.Raw("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v).Error
	if err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return v, nil
}

// CheckSchema returns ErrSchemaBehind unless the database is at the latest
// version, and an error when it is newer than this binary knows.
func CheckSchema(ctx context.Context, db *DB) error {
	v, err := SchemaVersion(ctx, db)
	if err != nil {
		return err
	}
	switch latest := LatestSchemaVersion(); {
	case v < latest:
		return fmt.Errorf("%w (database at %d, code at %d)", ErrSchemaBehind, v, latest)
	case v > latest:
		return fmt.Errorf("evaluation: database schema %d is newer than this binary (%d)", v, latest)
	}
	return nil
}

// Migrate brings the schema to the latest version and returns the versions it
// applied; on an up-to-date database it does nothing.
func Migrate(ctx context.Context, db *DB) ([]int, error) {
	return MigrateTo(ctx, db, LatestSchemaVersion())
}

func splitStatements(sql string) []string {
	var out []string
	for _, s := range strings.Split(sql, ";\n") {
		if s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ";")); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// dialectOnly marks the statements that run on one dialect alone.
var dialectOnly = map[string]Dialect{"-- sqlite only\n": SQLite, "-- mysql only\n": MySQL}

// statementsFor returns the statements of a step that dialect d runs, with
// its types.
func statementsFor(d Dialect, sql string) []string {
	var out []string
	for _, stmt := range splitStatements(sql) {
		keep := true
		for mark, only := range dialectOnly {
			if rest, ok := strings.CutPrefix(stmt, mark); ok {
				stmt, keep = rest, only == d
			}
		}
		if keep {
			out = append(out, dialectType(d, stmt))
		}
	}
	return out
}

// dialectType replaces the placeholders of the schema with each dialect's types.
func dialectType(d Dialect, stmt string) string {
	var r *strings.Replacer
	if d == MySQL {
		r = strings.NewReplacer(
			"{{pk}}", "BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY",
			"{{ref}}", "BIGINT",
			"{{time}}", "DATETIME(6)",
			"{{text}}", "LONGTEXT",
			"{{blob}}", "MEDIUMBLOB",
			"{{opts}}", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
		)
	} else {
		r = strings.NewReplacer(
			"{{pk}}", "INTEGER PRIMARY KEY AUTOINCREMENT",
			"{{ref}}", "INTEGER",
			"{{time}}", "DATETIME",
			"{{text}}", "TEXT",
			"{{blob}}", "BLOB",
			"{{opts}}", "",
		)
	}
	return r.Replace(stmt)
}

const schemaV1 = `
CREATE TABLE orgs (
	id {{pk}},
	name VARCHAR(100) NOT NULL,
	kind VARCHAR(16) NOT NULL,
	agency_type VARCHAR(16) NOT NULL DEFAULT '',
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT uq_orgs_name UNIQUE (name)
){{opts}};

CREATE TABLE users (
	id {{pk}},
	username VARCHAR(64) NOT NULL,
	display_name VARCHAR(100) NOT NULL,
	role VARCHAR(16) NOT NULL,
	org_id {{ref}} NULL,
	password_hash VARCHAR(255) NOT NULL,
	disabled BOOLEAN NOT NULL DEFAULT FALSE,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT uq_users_username UNIQUE (username),
	CONSTRAINT fk_users_org FOREIGN KEY (org_id) REFERENCES orgs (id)
){{opts}};

CREATE TABLE sessions (
	id {{pk}},
	token_hash CHAR(64) NOT NULL,
	user_id {{ref}} NOT NULL,
	created_at {{time}} NOT NULL,
	expires_at {{time}} NOT NULL,
	revoked_at {{time}} NULL,
	CONSTRAINT uq_sessions_token UNIQUE (token_hash),
	CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id)
){{opts}};

CREATE TABLE login_throttles (
	username VARCHAR(64) NOT NULL PRIMARY KEY,
	failures INTEGER NOT NULL,
	window_started_at {{time}} NOT NULL,
	locked_until {{time}} NULL
){{opts}};

CREATE TABLE plans (
	id {{pk}},
	code VARCHAR(64) NOT NULL,
	title VARCHAR(255) NOT NULL,
	lead_department_id {{ref}} NOT NULL,
	approved_by VARCHAR(100) NOT NULL DEFAULT '',
	issued_on CHAR(10) NOT NULL,
	field VARCHAR(100) NOT NULL DEFAULT '',
	summary {{text}} NOT NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT uq_plans_code UNIQUE (code),
	CONSTRAINT fk_plans_department FOREIGN KEY (lead_department_id) REFERENCES orgs (id)
){{opts}};

CREATE INDEX idx_plans_issued_on ON plans (issued_on);

CREATE TABLE templates (
	id {{pk}},
	name VARCHAR(255) NOT NULL,
	version INTEGER NOT NULL,
	parent_id {{ref}} NULL,
	frozen BOOLEAN NOT NULL DEFAULT FALSE,
	body {{text}} NOT NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT fk_templates_parent FOREIGN KEY (parent_id) REFERENCES templates (id)
){{opts}};

CREATE TABLE conflicts (
	id {{pk}},
	agency_id {{ref}} NOT NULL,
	department_id {{ref}} NULL,
	plan_id {{ref}} NULL,
	reason VARCHAR(500) NOT NULL DEFAULT '',
	created_at {{time}} NOT NULL,
	CONSTRAINT fk_conflicts_agency FOREIGN KEY (agency_id) REFERENCES orgs (id),
	CONSTRAINT fk_conflicts_department FOREIGN KEY (department_id) REFERENCES orgs (id),
	CONSTRAINT fk_conflicts_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
){{opts}};

CREATE TABLE rounds (
	id {{pk}},
	name VARCHAR(255) NOT NULL,
	template_id {{ref}} NOT NULL,
	starts_on CHAR(10) NOT NULL,
	scoring_due CHAR(10) NOT NULL,
	min_plan_age_days INTEGER NOT NULL,
	outlier_threshold DOUBLE PRECISION NOT NULL,
	response_days_critical INTEGER NOT NULL,
	response_days_major INTEGER NOT NULL,
	response_days_minor INTEGER NOT NULL,
	status VARCHAR(16) NOT NULL,
	published_on CHAR(10) NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT fk_rounds_template FOREIGN KEY (template_id) REFERENCES templates (id)
){{opts}};

CREATE TABLE assignments (
	id {{pk}},
	round_id {{ref}} NOT NULL,
	plan_id {{ref}} NOT NULL,
	evaluator_id {{ref}} NOT NULL,
	agency_id {{ref}} NOT NULL,
	created_at {{time}} NOT NULL,
	CONSTRAINT uq_assignments UNIQUE (round_id, plan_id, evaluator_id),
	CONSTRAINT fk_assignments_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_assignments_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT fk_assignments_evaluator FOREIGN KEY (evaluator_id) REFERENCES users (id),
	CONSTRAINT fk_assignments_agency FOREIGN KEY (agency_id) REFERENCES orgs (id)
){{opts}};

CREATE INDEX idx_assignments_evaluator ON assignments (evaluator_id, round_id);

CREATE TABLE scoresheets (
	id {{pk}},
	assignment_id {{ref}} NOT NULL,
	status VARCHAR(16) NOT NULL,
	version INTEGER NOT NULL,
	reopened BOOLEAN NOT NULL DEFAULT FALSE,
	comment {{text}} NOT NULL,
	scores {{text}} NOT NULL,
	submitted_at {{time}} NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT uq_scoresheets_assignment UNIQUE (assignment_id),
	CONSTRAINT fk_scoresheets_assignment FOREIGN KEY (assignment_id) REFERENCES assignments (id) ON DELETE CASCADE
){{opts}};

CREATE TABLE findings (
	id {{pk}},
	round_id {{ref}} NOT NULL,
	assignment_id {{ref}} NOT NULL,
	plan_id {{ref}} NOT NULL,
	evaluator_id {{ref}} NOT NULL,
	indicator_code VARCHAR(32) NOT NULL DEFAULT '',
	severity VARCHAR(16) NOT NULL,
	description {{text}} NOT NULL,
	recommendation {{text}} NOT NULL,
	status VARCHAR(16) NOT NULL,
	due_on CHAR(10) NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT fk_findings_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_findings_assignment FOREIGN KEY (assignment_id) REFERENCES assignments (id),
	CONSTRAINT fk_findings_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT fk_findings_evaluator FOREIGN KEY (evaluator_id) REFERENCES users (id)
){{opts}};

CREATE INDEX idx_findings_round_plan ON findings (round_id, plan_id);

CREATE TABLE audit_events (
	id {{pk}},
	at {{time}} NOT NULL,
	actor_id {{ref}} NULL,
	actor_name VARCHAR(64) NOT NULL,
	action VARCHAR(64) NOT NULL,
	entity VARCHAR(32) NOT NULL,
	entity_id {{ref}} NOT NULL,
	before_json {{text}} NOT NULL,
	after_json {{text}} NOT NULL,
	prev_hash CHAR(64) NOT NULL,
	hash CHAR(64) NOT NULL
){{opts}};

CREATE INDEX idx_audit_entity ON audit_events (entity, entity_id);

CREATE INDEX idx_audit_actor ON audit_events (actor_id);

CREATE TABLE audit_head (
	id INTEGER NOT NULL PRIMARY KEY,
	last_id {{ref}} NOT NULL,
	last_hash CHAR(64) NOT NULL
){{opts}};

INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000')
`

// schemaV2 adds the rectification loop: department responses (the working
// copy, every submitted version and every verdict), evidence attachments,
// in-app notifications with their e-mail outbox state, and users' e-mail.
const schemaV2 = `
ALTER TABLE users ADD COLUMN email VARCHAR(255) NOT NULL DEFAULT '';

CREATE TABLE responses (
	id {{pk}},
	finding_id {{ref}} NOT NULL,
	status VARCHAR(16) NOT NULL,
	version INTEGER NOT NULL,
	measures {{text}} NOT NULL,
	responsible_person VARCHAR(100) NOT NULL,
	progress VARCHAR(16) NOT NULL,
	completed_on CHAR(10) NULL,
	evidence {{text}} NOT NULL,
	updated_by {{ref}} NULL,
	submitted_at {{time}} NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT uq_responses_finding UNIQUE (finding_id),
	CONSTRAINT fk_responses_finding FOREIGN KEY (finding_id) REFERENCES findings (id),
	CONSTRAINT fk_responses_user FOREIGN KEY (updated_by) REFERENCES users (id)
){{opts}};

CREATE TABLE response_versions (
	id {{pk}},
	finding_id {{ref}} NOT NULL,
	number INTEGER NOT NULL,
	measures {{text}} NOT NULL,
	responsible_person VARCHAR(100) NOT NULL,
	progress VARCHAR(16) NOT NULL,
	completed_on CHAR(10) NULL,
	evidence {{text}} NOT NULL,
	attachments {{text}} NOT NULL,
	submitted_by {{ref}} NOT NULL,
	submitted_at {{time}} NOT NULL,
	CONSTRAINT uq_response_versions UNIQUE (finding_id, number),
	CONSTRAINT fk_response_versions_finding FOREIGN KEY (finding_id) REFERENCES findings (id),
	CONSTRAINT fk_response_versions_user FOREIGN KEY (submitted_by) REFERENCES users (id)
){{opts}};

CREATE TABLE verdicts (
	id {{pk}},
	finding_id {{ref}} NOT NULL,
	response_version_id {{ref}} NOT NULL,
	verdict VARCHAR(16) NOT NULL,
	comment {{text}} NOT NULL,
	verified_by {{ref}} NOT NULL,
	verifier_role VARCHAR(16) NOT NULL,
	verified_at {{time}} NOT NULL,
	CONSTRAINT uq_verdicts_version UNIQUE (response_version_id),
	CONSTRAINT fk_verdicts_finding FOREIGN KEY (finding_id) REFERENCES findings (id),
	CONSTRAINT fk_verdicts_version FOREIGN KEY (response_version_id) REFERENCES response_versions (id),
	CONSTRAINT fk_verdicts_user FOREIGN KEY (verified_by) REFERENCES users (id)
){{opts}};

CREATE TABLE attachments (
	id {{pk}},
	finding_id {{ref}} NOT NULL,
	name VARCHAR(255) NOT NULL,
	size BIGINT NOT NULL,
	sha256 CHAR(64) NOT NULL,
	content_type VARCHAR(100) NOT NULL,
	submitted_in INTEGER NULL,
	uploaded_by {{ref}} NOT NULL,
	created_at {{time}} NOT NULL,
	CONSTRAINT fk_attachments_finding FOREIGN KEY (finding_id) REFERENCES findings (id),
	CONSTRAINT fk_attachments_user FOREIGN KEY (uploaded_by) REFERENCES users (id)
){{opts}};

CREATE INDEX idx_attachments_finding ON attachments (finding_id);

CREATE INDEX idx_attachments_sha256 ON attachments (sha256);

CREATE TABLE notifications (
	id {{pk}},
	user_id {{ref}} NOT NULL,
	kind VARCHAR(32) NOT NULL,
	title VARCHAR(255) NOT NULL,
	body {{text}} NOT NULL,
	link VARCHAR(255) NOT NULL,
	entity VARCHAR(32) NOT NULL,
	entity_id {{ref}} NOT NULL,
	dedupe_key VARCHAR(191) NULL,
	read_at {{time}} NULL,
	emailed_at {{time}} NULL,
	created_at {{time}} NOT NULL,
	CONSTRAINT uq_notifications_dedupe UNIQUE (dedupe_key),
	CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES users (id)
){{opts}};

CREATE INDEX idx_notifications_user ON notifications (user_id, read_at);

CREATE INDEX idx_notifications_outbox ON notifications (emailed_at);

CREATE INDEX idx_findings_status_due ON findings (status, due_on)
`

// schemaV3 records every report handed out (for verification by hash) and
// the jobs that render a whole round.
const schemaV3 = `
CREATE TABLE report_records (
	id {{pk}},
	sha256 CHAR(64) NOT NULL,
	verification_code CHAR(64) NOT NULL,
	kind VARCHAR(32) NOT NULL,
	round_id {{ref}} NOT NULL,
	plan_id {{ref}} NULL,
	size BIGINT NOT NULL,
	report_date CHAR(10) NOT NULL,
	generated_at {{time}} NOT NULL,
	generated_by {{ref}} NULL,
	CONSTRAINT uq_report_records_sha256 UNIQUE (sha256),
	CONSTRAINT fk_report_records_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_report_records_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
){{opts}};

CREATE INDEX idx_report_records_code ON report_records (verification_code);

CREATE TABLE report_jobs (
	id {{pk}},
	round_id {{ref}} NOT NULL,
	status VARCHAR(16) NOT NULL,
	done INTEGER NOT NULL,
	total INTEGER NOT NULL,
	blob_key VARCHAR(128) NOT NULL DEFAULT '',
	size BIGINT NOT NULL DEFAULT 0,
	error {{text}} NOT NULL,
	created_by {{ref}} NOT NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	finished_at {{time}} NULL,
	CONSTRAINT fk_report_jobs_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_report_jobs_user FOREIGN KEY (created_by) REFERENCES users (id)
){{opts}}
`

// schemaV4 adds public satisfaction surveys (群众满意度调查). A response holds
// the answers and nothing that identifies who gave them: no user, no
// address, no user agent. likert_sum and likert_count are the sum and the
// number of its likert5 answers, so that a survey's satisfaction index is
// one aggregate query.
const schemaV4 = `
CREATE TABLE surveys (
	id {{pk}},
	title VARCHAR(255) NOT NULL,
	intro {{text}} NOT NULL,
	round_id {{ref}} NULL,
	plan_id {{ref}} NULL,
	closes_at {{time}} NULL,
	status VARCHAR(16) NOT NULL,
	token VARCHAR(64) NULL,
	questions {{text}} NOT NULL,
	created_by {{ref}} NULL,
	published_at {{time}} NULL,
	closed_at {{time}} NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT uq_surveys_token UNIQUE (token),
	CONSTRAINT fk_surveys_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_surveys_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT fk_surveys_user FOREIGN KEY (created_by) REFERENCES users (id)
){{opts}};

CREATE INDEX idx_surveys_round_plan ON surveys (round_id, plan_id);

CREATE TABLE survey_responses (
	id {{pk}},
	survey_id {{ref}} NOT NULL,
	answers {{text}} NOT NULL,
	likert_sum INTEGER NOT NULL,
	likert_count INTEGER NOT NULL,
	created_at {{time}} NOT NULL,
	CONSTRAINT fk_survey_responses_survey FOREIGN KEY (survey_id) REFERENCES surveys (id)
){{opts}};

CREATE INDEX idx_survey_responses_survey ON survey_responses (survey_id, id)
`

// schemaV5 replaces the login throttles keyed by username alone (anyone could
// lock any account) by counters per username and client address, with
// an empty username for an address's count across usernames (login_throttle.go).
// The old counters are dropped: they hold at most 15 minutes of failures.
const schemaV5 = `
DROP TABLE IF EXISTS login_throttles;

CREATE TABLE login_throttles (
	id {{pk}},
	username VARCHAR(64) NOT NULL,
	address VARCHAR(64) NOT NULL,
	failures INTEGER NOT NULL,
	window_started_at {{time}} NOT NULL,
	CONSTRAINT uq_login_throttles_address_username UNIQUE (address, username)
){{opts}};

CREATE INDEX idx_login_throttles_window ON login_throttles (window_started_at)
`

// schemaV9 freezes issued evaluation reports (issued_report.go): each
// version of a plan's report keeps the JSON of everything it prints, and a
// report handed out records its version and whether it was a draft preview.
const schemaV9 = `
CREATE TABLE issued_reports (
	id {{pk}},
	round_id {{ref}} NOT NULL,
	plan_id {{ref}} NOT NULL,
	version INTEGER NOT NULL,
	reason VARCHAR(500) NOT NULL DEFAULT '',
	snapshot {{text}} NOT NULL,
	issued_at {{time}} NOT NULL,
	issued_by {{ref}} NULL,
	CONSTRAINT uq_issued_reports_version UNIQUE (round_id, plan_id, version),
	CONSTRAINT fk_issued_reports_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_issued_reports_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT fk_issued_reports_user FOREIGN KEY (issued_by) REFERENCES users (id)
){{opts}};

ALTER TABLE report_records ADD COLUMN version INTEGER NULL;

ALTER TABLE report_records ADD COLUMN draft BOOLEAN NOT NULL DEFAULT FALSE
`

// schemaV10 gives rounds the number of submitted scoresheets a plan needs for
// a complete result (DESIGN.md "The numbers" rule 6, "Readiness").
const schemaV10 = `
ALTER TABLE rounds ADD COLUMN min_raters INTEGER NOT NULL DEFAULT 1
`

// schemaV12 lets several replicas share one database (DESIGN.md "Several
// servers"). It keeps blobs in the database for EVAL_BLOB_URL "db:"
// (package evaluation/blobs, DBBlobs): chunks of at most 1 MiB (TiDB's
// entry-size limit is 6 MiB), and an object row written once every chunk is
// in; no foreign key ties the two, the chunks come first. And report jobs
// are claimed by lease: the replica running a job holds it until
// lease_until and renews it as it goes; a job whose lease ran out (its
// replica died) is claimed by another, at most three times.
const schemaV12 = `
CREATE TABLE blob_objects (
	blob_key CHAR(64) NOT NULL PRIMARY KEY,
	size BIGINT NOT NULL,
	chunk_size INTEGER NOT NULL,
	created_at {{time}} NOT NULL
){{opts}};
CREATE TABLE blob_chunks (
	blob_key CHAR(64) NOT NULL,
	seq INTEGER NOT NULL,
	data {{blob}} NOT NULL,
	PRIMARY KEY (blob_key, seq)
){{opts}};
ALTER TABLE report_jobs ADD COLUMN lease_owner VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE report_jobs ADD COLUMN lease_until {{time}} NULL;
ALTER TABLE report_jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX idx_report_jobs_status ON report_jobs (status, id)
`

// schemaV14 indexes the lookup of carrying findings (carry.go) of whether a
// finding was already carried: the unique key (round_id,
// carried_from_finding_id) cannot serve it, round_id coming first, so each
// round that opened scanned every finding once per finding it might carry.
const schemaV14 = `
CREATE INDEX idx_findings_carried_from ON findings (carried_from_finding_id)
`
