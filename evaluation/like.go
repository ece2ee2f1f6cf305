package evaluation

import "strings"

// contains returns a LIKE condition on column matching s anywhere. The escape
// character is '!' because SQLite has no default one and MySQL reads a
// backslash inside a literal as an escape of its own.
func contains(column, s string) (string, string) {
	return column + " LIKE ? ESCAPE '!'", "%" + strings.NewReplacer(`!`, `!!`, `%`, `!%`, `_`, `!_`).Replace(s) + "%"
}
