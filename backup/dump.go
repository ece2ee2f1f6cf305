package backup

import (
	"bufio"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/evald/evald/evaluation"
)

// querier is where a dump reads: the SQLite snapshot's pool or the MySQL
// snapshot transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// blobTables keep the blobs of EVAL_BLOB_URL=db:; blobs travel as files of
// their own and go into whatever store the target has.
var blobTables = map[string]bool{"blob_objects": true, "blob_chunks": true}

// tables lists the tables a dump holds, in name order.
func tables(ctx context.Context, q querier, d evaluation.Dialect) ([]string, error) {
	query := "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
	if d == evaluation.MySQL {
		query = "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name"
	}
	names, err := strings1(ctx, q, query)
	if err != nil {
		return nil, fmt.Errorf("list the tables: %w", err)
	}
	out := names[:0]
	for _, n := range names {
		if !blobTables[n] {
			out = append(out, n)
		}
	}
	return out, nil
}

// primaryKey returns the columns of table's primary key, in key order.
func primaryKey(ctx context.Context, q querier, d evaluation.Dialect, table string) ([]string, error) {
	if d == evaluation.MySQL {
		return strings1(ctx, q, "SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = DATABASE() "+
			"AND table_name = ? AND constraint_name = 'PRIMARY' ORDER BY ordinal_position", table)
	}
	return strings1(ctx, q, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table)
}

// strings1 runs a query of one text column.
func strings1(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// quote quotes an identifier for the dialect.
func quote(d evaluation.Dialect, name string) string {
	if d == evaluation.MySQL {
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// dumpTable writes table as JSON lines to w — a header with the column
// names, then one array per row in primary-key order — streaming, and
// returns the row count and the SHA-256 of what it wrote.
func dumpTable(ctx context.Context, q querier, d evaluation.Dialect, table string, w io.Writer) (rows int64, sum string, err error) {
	order, err := primaryKey(ctx, q, d, table)
	if err != nil {
		return 0, "", fmt.Errorf("dump %s: primary key: %w", table, err)
	}
	query := "SELECT * FROM " + quote(d, table)
	if len(order) > 0 {
		for i, c := range order {
			order[i] = quote(d, c)
		}
		query += " ORDER BY " + strings.Join(order, ", ")
	}
	r, err := q.QueryContext(ctx, query)
	if err != nil {
		return 0, "", fmt.Errorf("dump %s: %w", table, err)
	}
	defer r.Close()
	types, err := r.ColumnTypes()
	if err != nil {
		return 0, "", fmt.Errorf("dump %s: %w", table, err)
	}
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(w, h), 64<<10)
	names := make([]string, len(types))
	kinds := make([]columnKind, len(types))
	for i, t := range types {
		names[i], kinds[i] = t.Name(), kindOf(t.DatabaseTypeName())
	}
	line, err := json.Marshal(names)
	if err != nil {
		return 0, "", err
	}
	line = append(line, '\n')
	if _, err := bw.Write(line); err != nil {
		return 0, "", err
	}
	vals := make([]any, len(types))
	ptrs := make([]any, len(types))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for r.Next() {
		if err := r.Scan(ptrs...); err != nil {
			return 0, "", fmt.Errorf("dump %s: %w", table, err)
		}
		line = append(line[:0], '[')
		for i, v := range vals {
			if i > 0 {
				line = append(line, ',')
			}
			if line, err = appendValue(line, v, kinds[i]); err != nil {
				return 0, "", fmt.Errorf("dump %s, column %s: %w", table, names[i], err)
			}
		}
		line = append(line, ']', '\n')
		if _, err := bw.Write(line); err != nil {
			return 0, "", err
		}
		rows++
	}
	if err := r.Err(); err != nil {
		return 0, "", fmt.Errorf("dump %s: %w", table, err)
	}
	if err := bw.Flush(); err != nil {
		return 0, "", err
	}
	return rows, hex.EncodeToString(h.Sum(nil)), nil
}

// columnKind is how the bytes a driver hands over for a column are written.
type columnKind int

const (
	kindText columnKind = iota
	kindNumber
	kindBytes
)

// kindOf classifies a column by its declared type.
func kindOf(dbType string) columnKind {
	t := strings.ToUpper(dbType)
	switch {
	case strings.Contains(t, "BLOB") || strings.Contains(t, "BINARY"):
		return kindBytes
	case strings.Contains(t, "INT") || strings.Contains(t, "DECIMAL") || strings.Contains(t, "NUMERIC") ||
		strings.Contains(t, "DOUBLE") || strings.Contains(t, "FLOAT") || strings.Contains(t, "REAL"):
		return kindNumber
	}
	return kindText
}

// appendValue writes one value so that it round-trips: null, a number, a
// string, {"b64":…} for bytes of a binary column, {"t":…} for a time.
func appendValue(b []byte, v any, kind columnKind) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			return nil, fmt.Errorf("cannot keep the number %v", v)
		}
		s := strconv.FormatFloat(v, 'g', -1, 64)
		if !strings.ContainsAny(s, ".e") {
			s += ".0" // stays a float on the way back
		}
		return append(b, s...), nil
	case bool:
		if v {
			return append(b, '1'), nil
		}
		return append(b, '0'), nil
	case time.Time:
		b = append(b, `{"t":"`...)
		b = v.UTC().AppendFormat(b, time.RFC3339Nano)
		return append(b, `"}`...), nil
	case []byte:
		switch kind {
		case kindBytes:
			b = append(b, `{"b64":"`...)
			b = base64.StdEncoding.AppendEncode(b, v)
			return append(b, `"}`...), nil
		case kindNumber:
			if json.Valid(v) {
				return append(b, v...), nil
			}
		}
		return appendString(b, string(v)), nil
	case string:
		return appendString(b, v), nil
	}
	return nil, fmt.Errorf("unexpected value of type %T", v)
}

func appendString(b []byte, s string) []byte {
	q, err := json.Marshal(s)
	if err != nil { // a string always marshals
		panic(err)
	}
	return append(b, q...)
}

// decodeValue turns a dumped value back into a parameter for the dialect.
func decodeValue(v any, d evaluation.Dialect) (any, error) {
	switch v := v.(type) {
	case nil, string:
		return v, nil
	case json.Number:
		if d == evaluation.MySQL {
			return v.String(), nil // MySQL converts exactly, DECIMAL too
		}
		if !strings.ContainsAny(v.String(), ".eE") {
			return v.Int64()
		}
		return v.Float64()
	case map[string]any:
		if s, ok := v["b64"].(string); ok && len(v) == 1 {
			return base64.StdEncoding.DecodeString(s)
		}
		if s, ok := v["t"].(string); ok && len(v) == 1 {
			return time.Parse(time.RFC3339Nano, s)
		}
	}
	return nil, fmt.Errorf("unexpected value %v", v)
}
