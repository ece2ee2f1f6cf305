package backup

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/blobs"
)

// Archive is a backup unpacked into a temporary folder and checked against
// its manifest; nothing of the target has been touched yet.
type Archive struct {
	Manifest *Manifest
	dir      string
}

// Close removes the unpacked files.
func (a *Archive) Close() error { return os.RemoveAll(a.dir) }

// Open unpacks the archive r into a new folder under tempDir and checks
// every file against the manifest: a file whose SHA-256 differs, one the
// manifest lists but the archive lacks, or one it does not list, is refused
// with the file's name.
func Open(r io.Reader, tempDir string) (*Archive, error) {
	dir, err := os.MkdirTemp(tempDir, "restore-")
	if err != nil {
		return nil, err
	}
	a := &Archive{dir: dir}
	if err := a.unpack(r); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

func (a *Archive) unpack(r io.Reader) error {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("备份文件不是 tar.gz 归档: %w", err)
	}
	tr := tar.NewReader(gz)
	sums := map[string]string{}
	last := "(开头)"
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("备份文件已损坏: 读到 %s 之后出错: %w", last, err)
		}
		name := h.Name
		if !validEntry(name) || h.Typeflag != tar.TypeReg {
			return fmt.Errorf("备份文件含有不认识的条目 %q", name)
		}
		if _, dup := sums[name]; dup {
			return fmt.Errorf("备份文件中 %s 出现了两次", name)
		}
		sum, err := a.save(name, tr)
		if err != nil {
			return fmt.Errorf("备份文件已损坏: 读取 %s 出错: %w", name, err)
		}
		sums[name], last = sum, name
	}
	if _, ok := sums[ManifestFile]; !ok {
		return fmt.Errorf("备份文件缺少 %s", ManifestFile)
	}
	data, err := os.ReadFile(a.path(ManifestFile))
	if err != nil {
		return err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("备份文件的 %s 无法读取: %w", ManifestFile, err)
	}
	if m.Format != Format {
		return fmt.Errorf("备份文件格式 %d 不受这个版本的 evald 支持(支持 %d)", m.Format, Format)
	}
	names := make([]string, 0, len(m.Files))
	for name := range m.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		got, ok := sums[name]
		switch {
		case !ok:
			return fmt.Errorf("备份文件已损坏: 缺少 %s", name)
		case got != m.Files[name]:
			return fmt.Errorf("备份文件已损坏: %s 的 SHA-256 为 %s, 清单记录的是 %s", name, got, m.Files[name])
		}
	}
	for name := range sums {
		if _, ok := m.Files[name]; !ok && name != ManifestFile {
			return fmt.Errorf("备份文件已损坏: %s 不在清单中", name)
		}
	}
	for _, t := range m.Tables {
		if m.Files[tableFile(t.Name)] != t.SHA256 {
			return fmt.Errorf("备份文件已损坏: 清单中表 %s 的记录不一致", t.Name)
		}
	}
	a.Manifest = &m
	return nil
}

// validEntry accepts only the names a backup writes, so no entry can name
// a path outside the folder.
func validEntry(name string) bool {
	if name == ManifestFile {
		return true
	}
	if key, ok := strings.CutPrefix(name, "blobs/"); ok {
		return blobs.IsKey(key)
	}
	table, ok := strings.CutPrefix(name, "db/")
	if !ok {
		return false
	}
	table, ok = strings.CutSuffix(table, ".jsonl")
	if !ok || table == "" {
		return false
	}
	for _, c := range table {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// path is where an entry is unpacked.
func (a *Archive) path(name string) string { return filepath.Join(a.dir, filepath.FromSlash(name)) }

func (a *Archive) save(name string, r io.Reader) (string, error) {
	p := a.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o750); err != nil {
		return "", err
	}
	f, err := os.Create(p)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	_, err = io.Copy(io.MultiWriter(f, h), r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return hex.EncodeToString(h.Sum(nil)), err
}

// ErrNotEmpty is returned when the target of a restore already holds data.
var ErrNotEmpty = errors.New("目标不是空的")

// CheckEmptyDB refuses a database that has any table.
func CheckEmptyDB(ctx context.Context, db *evaluation.DB) error {
	sqlDB, err := db.Gorm.DB()
	if err != nil {
		return err
	}
	names, err := tables(ctx, sqlDB, db.Dialect)
	if err != nil {
		return err
	}
	if len(names) > 0 {
		return fmt.Errorf("%w: 数据库已有 %d 张表(如 %s); 请恢复到一个空的数据库或空的数据目录", ErrNotEmpty, len(names), names[0])
	}
	return nil
}

// CheckEmptyBlobs refuses a blob store that holds any blob.
func CheckEmptyBlobs(ctx context.Context, store blobs.Store) error {
	stop := errors.New("stop")
	var first string
	err := store.Walk(ctx, func(info blobs.Info) error { first = info.Key; return stop })
	if err != nil && !errors.Is(err, stop) {
		return err
	}
	if first != "" {
		return fmt.Errorf("%w: 文件存储中已有文件(如 %s); 请恢复到一个空的文件存储", ErrNotEmpty, first)
	}
	return nil
}

// CreateSchema creates the schema at the manifest's version in the empty db.
func (a *Archive) CreateSchema(ctx context.Context, db *evaluation.DB) error {
	v := a.Manifest.SchemaVersion
	if latest := evaluation.LatestSchemaVersion(); v > latest {
		return fmt.Errorf("备份来自更新版本的 evald(数据库结构版本 %d, 这个 evald 最高支持 %d): 请用新版本恢复", v, latest)
	}
	if _, err := evaluation.MigrateTo(ctx, db, v); err != nil {
		return fmt.Errorf("create the schema at version %d: %w", v, err)
	}
	return nil
}

// LoadTables empties every table of the manifest (the migrations put rows
// in some) and loads the dumped rows, with foreign keys off on the one
// connection that loads, in transactions of a batch of rows each.
// progress, when set, is called after each table.
func (a *Archive) LoadTables(ctx context.Context, db *evaluation.DB, progress func(table string)) error {
	sqlDB, err := db.Gorm.DB()
	if err != nil {
		return err
	}
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	off, on := "PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON"
	if db.Dialect == evaluation.MySQL {
		off, on = "SET FOREIGN_KEY_CHECKS = 0", "SET FOREIGN_KEY_CHECKS = 1"
	}
	if _, err := conn.ExecContext(ctx, off); err != nil {
		return fmt.Errorf("turn foreign keys off: %w", err)
	}
	for _, t := range a.Manifest.Tables {
		if err = a.loadTable(ctx, conn, db.Dialect, t); err != nil {
			break
		}
		if progress != nil {
			progress(t.Name)
		}
	}
	if _, onErr := conn.ExecContext(context.WithoutCancel(ctx), on); onErr != nil && err == nil {
		err = fmt.Errorf("turn foreign keys on: %w", onErr)
	}
	if err == nil && db.Dialect == evaluation.SQLite {
		err = foreignKeyCheck(ctx, conn)
	}
	return err
}

// foreignKeyCheck fails when a loaded row refers to a row that is not there.
func foreignKeyCheck(ctx context.Context, conn *sql.Conn) error {
	rows, err := conn.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("check the foreign keys: %w", err)
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return fmt.Errorf("check the foreign keys: %w", err)
		}
		return fmt.Errorf("恢复后表 %s 的第 %d 行引用了 %s 中不存在的行", table, rowid.Int64, parent)
	}
	return rows.Err()
}

// maxParams keeps a batch's placeholders under both databases' limits.
const maxParams = 30000

func (a *Archive) loadTable(ctx context.Context, conn *sql.Conn, d evaluation.Dialect, t Table) error {
	f, err := os.Open(a.path(tableFile(t.Name)))
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	if !sc.Scan() {
		return fmt.Errorf("restore %s: no header line: %v", t.Name, sc.Err())
	}
	var cols []string
	if err := json.Unmarshal(sc.Bytes(), &cols); err != nil || len(cols) == 0 {
		return fmt.Errorf("restore %s: header: %v", t.Name, err)
	}
	table := quote(d, t.Name)
	if _, err := conn.ExecContext(ctx, "DELETE FROM "+table); err != nil {
		return fmt.Errorf("restore %s: empty it: %w", t.Name, err)
	}
	quoted := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = quote(d, c)
	}
	head := "INSERT INTO " + table + " (" + strings.Join(quoted, ", ") + ") VALUES "
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	batch := max(1, min(500, maxParams/len(cols)))
	args := make([]any, 0, batch*len(cols))
	n, loaded := 0, int64(0)
	flush := func() error {
		if n == 0 {
			return nil
		}
		stmt := head + strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
			return errors.Join(fmt.Errorf("restore %s: %w", t.Name, err), tx.Rollback())
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		loaded += int64(n)
		args, n = args[:0], 0
		return nil
	}
	for sc.Scan() {
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.UseNumber()
		var row []any
		if err := dec.Decode(&row); err != nil || len(row) != len(cols) {
			return fmt.Errorf("restore %s, row %d: want %d values: %v", t.Name, loaded+int64(n)+1, len(cols), err)
		}
		for i, v := range row {
			p, err := decodeValue(v, d)
			if err != nil {
				return fmt.Errorf("restore %s, row %d, column %s: %w", t.Name, loaded+int64(n)+1, cols[i], err)
			}
			args = append(args, p)
		}
		if n++; n == batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("restore %s: %w", t.Name, err)
	}
	if err := flush(); err != nil {
		return err
	}
	if loaded != t.Rows {
		return fmt.Errorf("restore %s: loaded %d rows, the manifest says %d", t.Name, loaded, t.Rows)
	}
	return nil
}

// PutBlobs puts every blob of the archive into store; progress, when set,
// is called after each.
func (a *Archive) PutBlobs(ctx context.Context, store blobs.Store, progress func()) error {
	names := make([]string, 0, len(a.Manifest.Files))
	for name := range a.Manifest.Files {
		if strings.HasPrefix(name, "blobs/") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		f, err := os.Open(a.path(name))
		if err != nil {
			return err
		}
		err = store.Put(ctx, strings.TrimPrefix(name, "blobs/"), f)
		f.Close()
		if err != nil {
			return fmt.Errorf("restore %s: %w", name, err)
		}
		if progress != nil {
			progress()
		}
	}
	return nil
}

// Compare dumps every table of the manifest from db again and returns an
// error naming the first whose rows differ from the dump's.
func (a *Archive) Compare(ctx context.Context, db *evaluation.DB) error {
	got, err := TableHashes(ctx, db)
	if err != nil {
		return err
	}
	for _, t := range a.Manifest.Tables {
		if got[t.Name] != t.SHA256 {
			return fmt.Errorf("表 %s 恢复后与备份不一致", t.Name)
		}
	}
	return nil
}

// TableHashes dumps every table of db as a backup would and returns the
// SHA-256 of each table's rows.
func TableHashes(ctx context.Context, db *evaluation.DB) (map[string]string, error) {
	sqlDB, err := db.Gorm.DB()
	if err != nil {
		return nil, err
	}
	names, err := tables(ctx, sqlDB, db.Dialect)
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(names))
	for _, name := range names {
		_, sum, err := dumpTable(ctx, sqlDB, db.Dialect, name, io.Discard)
		if err != nil {
			return nil, err
		}
		out[name] = sum
	}
	return out, nil
}

// Rows is the number of rows the archive holds.
func (m *Manifest) Rows() int64 {
	var n int64
	for _, t := range m.Tables {
		n += t.Rows
	}
	return n
}
