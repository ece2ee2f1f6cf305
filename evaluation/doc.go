// Package evaluation is the domain of evald: organisations, users, reform plans,
// indicator templates, evaluation rounds, assignments, scoresheets, findings,
// the scoring rules and the audit trail. It stores its data through GORM on
// SQLite or MySQL/MariaDB and knows nothing of HTTP.
package evaluation
