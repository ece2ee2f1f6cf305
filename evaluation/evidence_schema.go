package evaluation

// schemaV7 brings the department's evidence in (DESIGN.md "Evidence in,
// judgement out"): self-assessments (自评) per plan and round, requests for
// more material (补充材料), and attachments that belong to a finding's
// response, a self-assessment or a request — one table, so that every
// evidence file has one id under /api/v1/attachments/{id}, with exactly one
// owner. SQLite cannot make a column nullable in place, so there the
// attachments table is rebuilt; MySQL alters it (and indexes the new
// foreign keys itself).
const schemaV7 = `
ALTER TABLE rounds ADD COLUMN self_assessment_due CHAR(10) NULL;

CREATE TABLE self_assessments (
	id {{pk}},
	round_id {{ref}} NOT NULL,
	plan_id {{ref}} NOT NULL,
	department_id {{ref}} NOT NULL,
	status VARCHAR(16) NOT NULL,
	version INTEGER NOT NULL DEFAULT 0,
	summary {{text}} NOT NULL,
	scores {{text}} NOT NULL,
	comment {{text}} NOT NULL,
	due_on CHAR(10) NULL,
	submitted_at {{time}} NULL,
	submitted_by {{ref}} NULL,
	returned_at {{time}} NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT uq_self_assessments_round_plan UNIQUE (round_id, plan_id),
	CONSTRAINT fk_self_assessments_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_self_assessments_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT fk_self_assessments_department FOREIGN KEY (department_id) REFERENCES orgs (id),
	CONSTRAINT fk_self_assessments_submitter FOREIGN KEY (submitted_by) REFERENCES users (id)
){{opts}};

CREATE INDEX idx_self_assessments_department ON self_assessments (department_id, status);

CREATE TABLE material_requests (
	id {{pk}},
	round_id {{ref}} NOT NULL,
	plan_id {{ref}} NOT NULL,
	assignment_id {{ref}} NULL,
	asked_by {{ref}} NOT NULL,
	question {{text}} NOT NULL,
	status VARCHAR(16) NOT NULL,
	answer {{text}} NOT NULL,
	answered_at {{time}} NULL,
	answered_by {{ref}} NULL,
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	CONSTRAINT fk_material_requests_round FOREIGN KEY (round_id) REFERENCES rounds (id),
	CONSTRAINT fk_material_requests_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
	CONSTRAINT fk_material_requests_assignment FOREIGN KEY (assignment_id) REFERENCES assignments (id) ON DELETE SET NULL,
	CONSTRAINT fk_material_requests_asker FOREIGN KEY (asked_by) REFERENCES users (id),
	CONSTRAINT fk_material_requests_answerer FOREIGN KEY (answered_by) REFERENCES users (id)
){{opts}};

CREATE INDEX idx_material_requests_round_plan ON material_requests (round_id, plan_id, status);

-- sqlite only
CREATE TABLE attachments_rebuild (
	id {{pk}},
	finding_id {{ref}} NULL,
	self_assessment_id {{ref}} NULL,
	request_id {{ref}} NULL,
	indicator_code VARCHAR(32) NOT NULL DEFAULT '',
	name VARCHAR(255) NOT NULL,
	size BIGINT NOT NULL,
	sha256 CHAR(64) NOT NULL,
	content_type VARCHAR(100) NOT NULL,
	submitted_in INTEGER NULL,
	uploaded_by {{ref}} NOT NULL,
	created_at {{time}} NOT NULL,
	CONSTRAINT fk_attachments_finding FOREIGN KEY (finding_id) REFERENCES findings (id),
	CONSTRAINT fk_attachments_self_assessment FOREIGN KEY (self_assessment_id) REFERENCES self_assessments (id),
	CONSTRAINT fk_attachments_request FOREIGN KEY (request_id) REFERENCES material_requests (id),
	CONSTRAINT fk_attachments_user FOREIGN KEY (uploaded_by) REFERENCES users (id),
	CONSTRAINT ck_attachments_owner CHECK ((finding_id IS NOT NULL) + (self_assessment_id IS NOT NULL) + (request_id IS NOT NULL) = 1)
){{opts}};

-- sqlite only
INSERT INTO attachments_rebuild (id, finding_id, name, size, sha256, content_type, submitted_in, uploaded_by, created_at)
SELECT id, finding_id, name, size, sha256, content_type, submitted_in, uploaded_by, created_at FROM attachments;

-- sqlite only
DROP TABLE attachments;

-- sqlite only
ALTER TABLE attachments_rebuild RENAME TO attachments;

-- sqlite only
CREATE INDEX idx_attachments_finding ON attachments (finding_id);

-- sqlite only
CREATE INDEX idx_attachments_sha256 ON attachments (sha256);

-- mysql only
ALTER TABLE attachments MODIFY finding_id BIGINT NULL;

-- mysql only
ALTER TABLE attachments ADD COLUMN self_assessment_id BIGINT NULL;

-- mysql only
ALTER TABLE attachments ADD COLUMN request_id BIGINT NULL;

-- mysql only
ALTER TABLE attachments ADD COLUMN indicator_code VARCHAR(32) NOT NULL DEFAULT '';

-- mysql only
ALTER TABLE attachments ADD CONSTRAINT fk_attachments_self_assessment FOREIGN KEY (self_assessment_id) REFERENCES self_assessments (id);

-- mysql only
ALTER TABLE attachments ADD CONSTRAINT fk_attachments_request FOREIGN KEY (request_id) REFERENCES material_requests (id);

-- mysql only
ALTER TABLE attachments ADD CONSTRAINT ck_attachments_owner CHECK ((finding_id IS NOT NULL) + (self_assessment_id IS NOT NULL) + (request_id IS NOT NULL) = 1);

-- sqlite only
CREATE INDEX idx_attachments_self_assessment ON attachments (self_assessment_id);

-- sqlite only
CREATE INDEX idx_attachments_request ON attachments (request_id)
`
