package evaluation

// schemaV13 lets a report handed out belong to a year rather than a round
// (the departments' yearly scorecard, 考核计分表, belongs to no round): a
// record names its round or its year, exactly one of them. SQLite cannot
// make a column nullable in place, so there report_records is rebuilt;
// MySQL alters it.
const schemaV13 = `
-- sqlite only
CREATE TABLE report_records_rebuild (
	id {{pk}},
	sha256 CHAR(64) NOT NULL,
	verification_code CHAR(64) NOT NULL,
	kind VARCHAR(32) NOT NULL,
	round_id {{ref}} NULL,
	plan_id {{ref}} NULL,
	year INTEGER NULL,
	size BIGINT NOT NULL,
	report_date CHAR(10) NOT NULL,
	generated_at {{time}} NOT NULL,
	generated_by {{ref}} NULL,
	version INTEGER NULL,
	draft BOOLEAN NOT NULL DEFAULT FALSE,
	CONSTRAINT uq_report_records_sha256 UNIQUE (sha256),
	CONSTRAINT fk_report_records_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_report_records_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT ck_report_records_scope CHECK ((round_id IS NOT NULL) + (year IS NOT NULL) = 1)
){{opts}};

-- sqlite only
INSERT INTO report_records_rebuild (id, sha256, verification_code, kind, round_id, plan_id, size, report_date,
	generated_at, generated_by, version, draft)
SELECT id, sha256, verification_code, kind, round_id, plan_id, size, report_date, generated_at, generated_by, version, draft
FROM report_records;

-- sqlite only
DROP TABLE report_records;

-- sqlite only
ALTER TABLE report_records_rebuild RENAME TO report_records;

-- sqlite only
CREATE INDEX idx_report_records_code ON report_records (verification_code);

-- mysql only
ALTER TABLE report_records MODIFY round_id BIGINT NULL;

-- mysql only
ALTER TABLE report_records ADD COLUMN year INTEGER NULL;

-- mysql only
ALTER TABLE report_records ADD CONSTRAINT ck_report_records_scope CHECK ((round_id IS NOT NULL) + (year IS NOT NULL) = 1)
`
