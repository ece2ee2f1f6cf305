package evaltest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
)

// This file makes fixture data for upgrade tests: rows in every table of a
// database at whatever schema version it is, made from the schema itself, so
// that a table or column a later step adds is filled without the test
// changing; and reads every table back, to check an upgrade kept them.

// Row is a row's values as text, by column; NULL is "NULL".
type Row map[string]string

// Tables are the rows of every table, each table's in primary key order.
type Tables map[string][]Row

// schemaColumn is a column as the database describes it.
type schemaColumn struct {
	name     string
	dbType   string // lower case, as declared: "integer", "varchar(100)", "datetime(6)", "tinyint(1)"…
	nullable bool
	pk       int    // position in the primary key, 1-based; 0 if not in it
	refTable string // the table a foreign key of the column points to
	refCol   string
}

type schemaTable struct {
	name    string
	columns []schemaColumn
}

// notFilled are the tables FillEveryTable leaves to others: the migrations'
// own, and the audit chain, whose rows must chain (fillAudit).
var notFilled = []string{"schema_migrations", "schema_migration_statements", "audit_events", "audit_head", "audit_seal"}

// exactlyOne are the CHECK constraints that want exactly one of some
// columns set (ck_attachments_owner, ck_report_records_scope). A step that
// adds such a constraint adds it here, or the fill of its table fails.
var exactlyOne = map[string][]string{
	"attachments":    {"finding_id", "self_assessment_id", "request_id"},
	"report_records": {"round_id", "year"},
}

// FillEveryTable puts n rows in every table of env's database, at whatever
// schema version it is, with a value of the column's type in every column
// (nullable ones too, where a constraint allows), every foreign key
// pointing at a row of its table, and n audit events that chain: unkeyed
// before version 6 and written by the store after. It returns every table
// as ReadTables reads it.
func FillEveryTable(t testing.TB, env *Env, n int) Tables {
	t.Helper()
	tables := describeTables(t, env.DB)
	byName := map[string]schemaTable{}
	for _, tb := range tables {
		byName[tb.name] = tb
	}
	for _, tb := range fillOrder(t, tables) {
		if slices.Contains(notFilled, tb.name) {
			continue
		}
		for i := range n {
			cols, args := rowValues(tb, byName, i)
			marks := strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")
			q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", quoteName(env.DB.Dialect, tb.name),
				strings.Join(quoteNames(env.DB.Dialect, cols), ", "), marks)
			if err := env.DB.Gorm.Exec(q, args...).Error; err != nil {
				t.Fatalf("fill %s, row %d: %v\n%s\n%v", tb.name, i+1, err, q, args)
			}
		}
	}
	fillAudit(t, env, n)
	return ReadTables(t, env.DB)
}

// fillAudit appends n events to the audit chain: with the unkeyed hash of
// the chains before version 6 (no audit_seal yet), which that step checks
// and keys, or by the store, keyed, after.
func fillAudit(t testing.TB, env *Env, n int) {
	t.Helper()
	g := env.DB.Gorm
	if g.Migrator().HasTable("audit_seal") {
		for i := range n {
			req := evaluation.OrgRequest{Name: fmt.Sprintf("升级前的单位%d", i+1), Kind: evaluation.OrgDepartment}
			if _, err := env.Store.CreateOrg(t.Context(), evaluation.System, req); err != nil {
				t.Fatalf("fill the audit chain: %v", err)
			}
		}
		return
	}
	prev := strings.Repeat("0", 64)
	for i := range n {
		e := evaluation.AuditEvent{ID: int64(i + 1), At: time.Date(2025, 11, 3, 9, i, 0, 0, time.UTC),
			ActorName: "system", Action: "org.update", Entity: "org", EntityID: 1,
			Before: `{"name":"旧名称"}`, After: fmt.Sprintf(`{"name":"新名称%d"}`, i+1), PrevHash: prev}
		e.Hash = e.ComputeHash()
		if err := g.Create(&e).Error; err != nil {
			t.Fatalf("fill the audit chain: %v", err)
		}
		prev = e.Hash
	}
	if err := g.Exec("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", n, prev).Error; err != nil {
		t.Fatalf("fill the audit chain: %v", err)
	}
}

// rowValues are the columns and values of row i (0-based) of tb.
func rowValues(tb schemaTable, byName map[string]schemaTable, i int) ([]string, []any) {
	owners := ownerColumns(tb, i)
	var cols []string
	var args []any
	for _, c := range tb.columns {
		var v any
		switch {
		case owners != nil && owners[c.name] == "null":
			v = nil
		case c.refTable == tb.name && c.nullable:
			// A row points at the first row of its own table; the first at none.
			if i > 0 {
				v = columnValue(tb, byName[tb.name].column(c.refCol), 0)
			}
		case c.refTable != "":
			v = columnValue(byName[c.refTable], byName[c.refTable].column(c.refCol), i)
		default:
			v = columnValue(tb, c, i)
		}
		cols = append(cols, c.name)
		args = append(args, v)
	}
	return cols, args
}

// ownerColumns says which of tb's exactlyOne columns row i leaves NULL:
// each row sets another of those the schema has, or the one it requires.
func ownerColumns(tb schemaTable, i int) map[string]string {
	var present []schemaColumn
	for _, name := range exactlyOne[tb.name] {
		if c := tb.column(name); c.name != "" {
			present = append(present, c)
		}
	}
	if len(present) == 0 {
		return nil
	}
	set := present[i%len(present)].name
	for _, c := range present {
		if !c.nullable {
			set = c.name
		}
	}
	owners := map[string]string{}
	for _, c := range present {
		if c.name != set {
			owners[c.name] = "null"
		}
	}
	return owners
}

func (tb schemaTable) column(name string) schemaColumn {
	for _, c := range tb.columns {
		if c.name == name {
			return c
		}
	}
	return schemaColumn{}
}

// columnValue is the value of column c in row i (0-based) of tb: the same
// for the same row, so that a foreign key can name its parent's.
func columnValue(tb schemaTable, c schemaColumn, i int) any {
	typ := c.dbType
	label := fmt.Sprintf("%s.%s.%d", tb.name, c.name, i+1)
	switch {
	case typ == "boolean" || typ == "tinyint(1)":
		return i % 2
	case strings.Contains(typ, "int"):
		return i + 1
	case strings.Contains(typ, "double") || strings.Contains(typ, "real") || strings.Contains(typ, "float") ||
		strings.Contains(typ, "decimal"):
		return 1.25 + float64(i)
	case strings.Contains(typ, "date") || strings.Contains(typ, "time"):
		return time.Date(2026, 3, 2, 8, i, 7, 123456000, time.UTC)
	case strings.Contains(typ, "blob"):
		return append([]byte{0, 1, 0xfe, 0xff}, label...)
	case strings.Contains(typ, "text"):
		return fmt.Sprintf(`{"row":%d,"text":"评估结论：%s"}`, i+1, label)
	case strings.HasPrefix(typ, "char(10)"):
		return time.Date(2017, 11, 20+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	case strings.Contains(typ, "char"):
		var size int
		if _, err := fmt.Sscanf(typ[strings.Index(typ, "(")+1:], "%d", &size); err != nil {
			size = 16
		}
		if s := "评估·" + label; len([]rune(s)) <= size {
			return s
		}
		sum := sha256.Sum256([]byte(label))
		return hex.EncodeToString(sum[:])[:min(size, 64)]
	}
	panic(fmt.Sprintf("evaltest: no fixture value for %s of type %q", label, typ))
}

// fillOrder orders the tables so that each comes after the tables its
// foreign keys point to.
func fillOrder(t testing.TB, tables []schemaTable) []schemaTable {
	t.Helper()
	var order []schemaTable
	done := map[string]bool{}
	for len(order) < len(tables) {
		progress := false
		for _, tb := range tables {
			if done[tb.name] {
				continue
			}
			ready := true
			for _, c := range tb.columns {
				if c.refTable != "" && c.refTable != tb.name && !done[c.refTable] {
					ready = false
				}
			}
			if ready {
				order = append(order, tb)
				done[tb.name] = true
				progress = true
			}
		}
		if !progress {
			t.Fatalf("the tables' foreign keys make a cycle; fill them by hand")
		}
	}
	return order
}

// ReadTables reads every table of db, but the migrations' own, each in
// primary key order.
func ReadTables(t testing.TB, db *evaluation.DB) Tables {
	t.Helper()
	out := Tables{}
	for _, tb := range describeTables(t, db) {
		if tb.name == "schema_migrations" || tb.name == "schema_migration_statements" {
			continue
		}
		var pk []string
		for _, c := range tb.columns {
			if c.pk > 0 {
				pk = append(pk, c.name)
			}
		}
		q := "SELECT * FROM " + quoteName(db.Dialect, tb.name)
		if len(pk) > 0 {
			q += " ORDER BY " + strings.Join(quoteNames(db.Dialect, pk), ", ")
		}
		rows, err := db.Gorm.Raw(q).Rows()
		if err != nil {
			t.Fatalf("read %s: %v", tb.name, err)
		}
		names, err := rows.Columns()
		if err != nil {
			t.Fatalf("read %s: %v", tb.name, err)
		}
		out[tb.name] = []Row{}
		for rows.Next() {
			values := make([]any, len(names))
			ptrs := make([]any, len(names))
			for i := range values {
				ptrs[i] = &values[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatalf("read %s: %v", tb.name, err)
			}
			row := Row{}
			for i, name := range names {
				row[name] = valueText(values[i])
			}
			out[tb.name] = append(out[tb.name], row)
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("read %s: %v", tb.name, err)
		}
		rows.Close()
	}
	return out
}

func valueText(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case []byte:
		return string(v)
	case time.Time:
		return v.UTC().Format(time.RFC3339Nano)
	default:
		return fmt.Sprint(v)
	}
}

// Lost lists what of t is not in later: a table gone, a row gone, or a
// value changed in a column t has. changed names what may change: a
// "table", or a "table.column".
func (t Tables) Lost(later Tables, changed ...string) []string {
	var lost []string
	names := make([]string, 0, len(t))
	for name := range t {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if slices.Contains(changed, name) {
			continue
		}
		rows, ok := later[name]
		if !ok {
			lost = append(lost, fmt.Sprintf("table %s is gone", name))
			continue
		}
		if len(rows) != len(t[name]) {
			lost = append(lost, fmt.Sprintf("table %s had %d rows and has %d", name, len(t[name]), len(rows)))
			continue
		}
		for i, row := range t[name] {
			for col, v := range row {
				if slices.Contains(changed, name+"."+col) {
					continue
				}
				if got, ok := rows[i][col]; !ok {
					lost = append(lost, fmt.Sprintf("column %s.%s is gone", name, col))
				} else if got != v {
					lost = append(lost, fmt.Sprintf("%s row %d: %s was %q and is %q", name, i+1, col, v, got))
				}
			}
		}
	}
	return lost
}

// describeTables reads the tables of db with their columns and foreign keys.
func describeTables(t testing.TB, db *evaluation.DB) []schemaTable {
	t.Helper()
	var names []string
	q := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
	if db.Dialect == evaluation.MySQL {
		q = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name"
	}
	if err := db.Gorm.Raw(q).Scan(&names).Error; err != nil {
		t.Fatalf("list the tables: %v", err)
	}
	var tables []schemaTable
	for _, name := range names {
		tables = append(tables, schemaTable{name: name, columns: describeColumns(t, db, name)})
	}
	return tables
}

func describeColumns(t testing.TB, db *evaluation.DB, table string) []schemaColumn {
	t.Helper()
	var cols []struct {
		Name     string
		Type     string
		Nullable bool
		PK       int
	}
	var refs []struct {
		Col      string
		RefTable string
		RefCol   string
	}
	colsQ := `SELECT name, LOWER(type) AS type, "notnull" = 0 AS nullable, pk FROM pragma_table_info(?) ORDER BY cid`
	refsQ := `SELECT "from" AS col, "table" AS ref_table, "to" AS ref_col FROM pragma_foreign_key_list(?)`
	if db.Dialect == evaluation.MySQL {
		colsQ = `SELECT c.column_name AS name, LOWER(c.column_type) AS type, c.is_nullable = 'YES' AS nullable,
				COALESCE(k.ordinal_position, 0) AS pk
			FROM information_schema.columns c
			LEFT JOIN information_schema.key_column_usage k ON k.table_schema = c.table_schema
				AND k.table_name = c.table_name AND k.column_name = c.column_name AND k.constraint_name = 'PRIMARY'
			WHERE c.table_schema = DATABASE() AND c.table_name = ? ORDER BY c.ordinal_position`
		refsQ = `SELECT column_name AS col, referenced_table_name AS ref_table, referenced_column_name AS ref_col
			FROM information_schema.key_column_usage
			WHERE table_schema = DATABASE() AND table_name = ? AND referenced_table_name IS NOT NULL`
	}
	if err := db.Gorm.Raw(colsQ, table).Scan(&cols).Error; err != nil {
		t.Fatalf("describe %s: %v", table, err)
	}
	if err := db.Gorm.Raw(refsQ, table).Scan(&refs).Error; err != nil {
		t.Fatalf("describe the foreign keys of %s: %v", table, err)
	}
	var out []schemaColumn
	for _, c := range cols {
		sc := schemaColumn{name: c.Name, dbType: c.Type, nullable: c.Nullable, pk: c.PK}
		for _, r := range refs {
			if r.Col == c.Name {
				sc.refTable, sc.refCol = r.RefTable, r.RefCol
				if sc.refCol == "" {
					sc.refCol = "id" // SQLite leaves "to" empty for a key that names the primary key
				}
			}
		}
		out = append(out, sc)
	}
	return out
}

func quoteName(d evaluation.Dialect, name string) string {
	if d == evaluation.MySQL {
		return "`" + name + "`"
	}
	return `"` + name + `"`
}

func quoteNames(d evaluation.Dialect, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = quoteName(d, n)
	}
	return out
}

// UpgradeRewrites names what an upgrade from schema version v changes on
// purpose, in the terms of Tables.Lost.
func UpgradeRewrites(v int) []string {
	var changed []string
	if v < 5 {
		// Version 5 drops the login counters keyed by username alone: they
		// hold at most 15 minutes of failures.
		changed = append(changed, "login_throttles")
	}
	if v < 6 {
		// Version 6 keys the audit chain: every event's MAC replaces its hash.
		changed = append(changed, "audit_events.prev_hash", "audit_events.hash", "audit_head.last_hash")
	}
	return changed
}
