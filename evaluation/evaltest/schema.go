package evaltest

import (
	"database/sql"
	"testing"

	"github.com/evald/evald/evaluation"
)

// Schema describes a database's schema as lines in a fixed order — every table with
// its columns, indexes and foreign keys, and the recorded schema versions — so
// that two databases can be compared: a database that was migrated in
// several runs must equal one migrated at once.
func Schema(t testing.TB, db *evaluation.DB) []string {
	t.Helper()
	queries := []string{
		// sqlite_master keeps each object's CREATE statement as it was run.
		"SELECT type || ' ' || name || ' ON ' || tbl_name || ': ' || COALESCE(sql, '') FROM sqlite_master ORDER BY type, name",
	}
	if db.Dialect == evaluation.MySQL {
		queries = []string{
			`SELECT CONCAT_WS(' ', 'column', table_name, ordinal_position, column_name, column_type, is_nullable,
				COALESCE(column_default, 'no default'), extra)
			 FROM information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position`,
			`SELECT CONCAT_WS(' ', 'index', table_name, index_name, non_unique, seq_in_index, column_name)
			 FROM information_schema.statistics WHERE table_schema = DATABASE() ORDER BY table_name, index_name, seq_in_index`,
			`SELECT CONCAT_WS(' ', 'foreign key', table_name, constraint_name, referenced_table_name, delete_rule)
			 FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE() ORDER BY table_name, constraint_name`,
		}
	}
	queries = append(queries, "SELECT 'version ' || version || ' ' || name FROM schema_migrations ORDER BY version")
	if db.Dialect == evaluation.MySQL {
		queries[len(queries)-1] = "SELECT CONCAT('version ', version, ' ', name) FROM schema_migrations ORDER BY version"
	}
	var lines []string
	for _, q := range queries {
		rows, err := db.Gorm.Raw(q).Rows()
		if err != nil {
			t.Fatalf("read the schema: %v\n%s", err, q)
		}
		for rows.Next() {
			var line sql.NullString
			if err := rows.Scan(&line); err != nil {
				t.Fatalf("read the schema: %v", err)
			}
			lines = append(lines, line.String)
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("read the schema: %v", err)
		}
		rows.Close()
	}
	if len(lines) == 0 {
		t.Fatalf("the %s database has no schema", db.Dialect)
	}
	return lines
}
