package text

import (
	"maps"
	"unicode/utf8"
)

// columnLimits is the longest text, in characters, that each VARCHAR column
// of the schema holds: MySQL and MariaDB count the characters of utf8mb4
// (a 4-byte 𠀀 is one), SQLite enforces nothing, so the code enforces these
// limits for both. TestColumnLimitsMatchMigrations reads the migrations and
// fails when a VARCHAR column is missing here or has another length.
var columnLimits = map[string]int{
	"orgs.name": 100, "orgs.kind": 16, "orgs.agency_type": 16,
	"users.username": 64, "users.display_name": 100, "users.role": 16, "users.password_hash": 255, "users.email": 255,
	"login_throttles.username": 64, "login_throttles.address": 64,
	"plans.code": 64, "plans.title": 255, "plans.close_reason": 500, "plans.approved_by": 100, "plans.field": 100,
	"templates.name":   255,
	"conflicts.reason": 500,
	"rounds.name":      255, "rounds.status": 16,
	"scoresheets.status":      16,
	"findings.indicator_code": 32, "findings.severity": 16, "findings.status": 16,
	"audit_events.actor_name": 64, "audit_events.action": 64, "audit_events.entity": 32,
	"responses.status": 16, "responses.responsible_person": 100, "responses.progress": 16,
	"response_versions.responsible_person": 100, "response_versions.progress": 16,
	"verdicts.verdict": 16, "verdicts.verifier_role": 16,
	"attachments.name": 255, "attachments.content_type": 100, "attachments.indicator_code": 32,
	"notifications.kind": 32, "notifications.title": 255, "notifications.link": 255, "notifications.entity": 32,
	"notifications.dedupe_key": 191,
	"report_records.kind":      32,
	"issued_reports.reason":    500,
	"report_jobs.status":       16, "report_jobs.blob_key": 128, "report_jobs.lease_owner": 100,
	"surveys.title": 255, "surveys.status": 16, "surveys.token": 64,
	"audit_seal.key_id":       16,
	"self_assessments.status": 16, "material_requests.status": 16,
	"narratives.status": 16,
}

// ColumnLimit returns the longest text, in characters, that a VARCHAR column
// ("table.column") holds. It panics on a column the schema does not have, so
// a typo fails the first test that reaches it.
func ColumnLimit(column string) int {
	n, ok := columnLimits[column]
	if !ok {
		panic("evaluation: no VARCHAR column " + column)
	}
	return n
}

// ColumnLimits returns a copy of every VARCHAR column's limit, by
// "table.column".
func ColumnLimits() map[string]int { return maps.Clone(columnLimits) }

// ClipText shortens s to at most limit characters, ending it with "…" when
// it had to cut; it cuts between runes, never inside one. Every text composed
// into a bounded column (a notification's title from a plan's title, say)
// goes through it, so a long name accepted elsewhere can never make a later
// write fail.
func ClipText(s string, limit int) string {
	return clip(s, limit, func(s string) int { return utf8.RuneCountInString(s) })
}

// ClipTextBytes is ClipText for a limit in bytes of UTF-8, as file names
// have (255 bytes on common file systems).
func ClipTextBytes(s string, limit int) string {
	return clip(s, limit, func(s string) int { return len(s) })
}

// clip keeps the longest prefix of s that, with "…" added, measures at most
// limit; s itself when it fits.
func clip(s string, limit int, measure func(string) int) string {
	if measure(s) <= limit {
		return s
	}
	const ellipsis = "…"
	room := limit - measure(ellipsis)
	if room < 0 {
		return ""
	}
	end := 0
	for i := range s {
		if measure(s[:i]) > room {
			break
		}
		end = i
	}
	return s[:end] + ellipsis
}
