package evaluation

import (
	"context"
	"errors"
)

// ErrInjected is the failure MigrateFailingAt puts in place of a statement.
var ErrInjected = errors.New("injected failure")

// MigrateFailingAt migrates to the latest version, failing statement
// (1-based) of step version as if the database had refused it.
func MigrateFailingAt(ctx context.Context, db *DB, version, statement int) ([]int, error) {
	return migrateTo(ctx, db, LatestSchemaVersion(), func(v, s int, ran bool) error {
		if v == version && s == statement && !ran {
			return ErrInjected
		}
		return nil
	})
}

// MigrateFailingAfter migrates to the latest version, failing statement
// (1-based) of step version after it ran but before it was recorded.
func MigrateFailingAfter(ctx context.Context, db *DB, version, statement int) ([]int, error) {
	return migrateTo(ctx, db, LatestSchemaVersion(), func(v, s int, ran bool) error {
		if v == version && s == statement && ran {
			return ErrInjected
		}
		return nil
	})
}

// MigrationStep is a step's version and its statements as sent to a database
// of the dialect.
type MigrationStep struct {
	Version    int
	Name       string
	Statements []string
}

// MigrationSteps returns every step as the dialect runs it.
func MigrationSteps(d Dialect) []MigrationStep {
	var steps []MigrationStep
	for _, m := range migrations {
		steps = append(steps, MigrationStep{m.version, m.name, statementsFor(d, m.sql)})
	}
	return steps
}

// MigrationLockName names the advisory lock of a MySQL database's migrators.
func MigrationLockName(database string) string { return migrationLockName(database) }

// CheckAnswers is checkAnswers: the step and kind rules of a scoresheet's answers.
func CheckAnswers(t *Template, answers []Answer) error { return checkAnswers(t, answers) }

// Unanswered is unanswered: the codes of the indicators the answers leave without a value.
func Unanswered(t *Template, answers []Answer) []string {
	codes := []string{}
	for code := range unanswered(t, answers) {
		codes = append(codes, code)
	}
	return codes
}
