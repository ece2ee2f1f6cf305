package evaluation

// schemaV11 keeps the ledger across rounds (DESIGN.md "Across rounds: the
// ledger"): a plan closed out (销账) with its reason, and findings carried
// from an earlier round into the next one that assigns the plan. A carried
// finding names the round and the finding it came from; the unique index lets
// a finding be carried into a round once (NULLs never collide, so findings
// raised in the round itself are not limited), which is what makes carrying
// idempotent on both dialects. carried_checked_at/by record the new round's
// evaluator who checked it (上轮未整改问题已核查). SQLite adds a column with
// its reference in one statement; MySQL adds the constraint apart.
const schemaV11 = `
ALTER TABLE plans ADD COLUMN closed_at {{time}} NULL;

ALTER TABLE plans ADD COLUMN close_reason VARCHAR(500) NULL;

-- sqlite only
ALTER TABLE findings ADD COLUMN carried_from_round_id INTEGER NULL REFERENCES rounds (id);

-- sqlite only
ALTER TABLE findings ADD COLUMN carried_from_finding_id INTEGER NULL REFERENCES findings (id);

-- sqlite only
ALTER TABLE findings ADD COLUMN carried_checked_by INTEGER NULL REFERENCES users (id);

-- mysql only
ALTER TABLE findings ADD COLUMN carried_from_round_id BIGINT NULL;

-- mysql only
ALTER TABLE findings ADD COLUMN carried_from_finding_id BIGINT NULL;

-- mysql only
ALTER TABLE findings ADD COLUMN carried_checked_by BIGINT NULL;

-- mysql only
ALTER TABLE findings ADD CONSTRAINT fk_findings_carried_round FOREIGN KEY (carried_from_round_id) REFERENCES rounds (id);

-- mysql only
ALTER TABLE findings ADD CONSTRAINT fk_findings_carried_finding FOREIGN KEY (carried_from_finding_id) REFERENCES findings (id);

-- mysql only
ALTER TABLE findings ADD CONSTRAINT fk_findings_carried_checker FOREIGN KEY (carried_checked_by) REFERENCES users (id);

ALTER TABLE findings ADD COLUMN carried_checked_at {{time}} NULL;

CREATE UNIQUE INDEX uq_findings_carried ON findings (round_id, carried_from_finding_id);

CREATE INDEX idx_findings_plan ON findings (plan_id, round_id)
`
