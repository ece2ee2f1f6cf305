package evaluation_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestMigrateIsRepeatable(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, _ *evaltest.Env) {
		ctx := context.Background()
		env := evaltest.Fresh(t, evaltest.DialectOf(t)) // migrated in this test, not copied
		applied, err := evaluation.Migrate(ctx, env.DB)
		if err != nil {
			t.Fatal(err)
		}
		if len(applied) != 0 {
			t.Fatalf("second migrate applied %v, want nothing", applied)
		}
		if err := evaluation.CheckSchema(ctx, env.DB); err != nil {
			t.Fatalf("CheckSchema after migrate: %v", err)
		}
	})
}

func TestEmptyDatabaseIsBehind(t *testing.T) {
	env := evaltest.Open(t, evaluation.SQLite)
	if err := evaluation.CheckSchema(context.Background(), env.DB); !errors.Is(err, evaluation.ErrSchemaBehind) {
		t.Fatalf("CheckSchema on an empty database = %v, want ErrSchemaBehind", err)
	}
}

// TestSQLiteFolderWithURICharacters opens the embedded database in a folder
// whose name holds %, ? and #: the file must be made inside that folder,
// not at a path SQLite read as an escape, a query or a fragment.
func TestSQLiteFolderWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "数据 50%#1?x")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	db, err := evaluation.OpenDB(evaluation.DBConfig{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := evaluation.SchemaVersion(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	if err := db.Gorm.Exec("CREATE TABLE probe (id INTEGER)").Error; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, evaluation.SQLiteFile)); err != nil {
		t.Fatalf("the database file is not in its folder: %v", err)
	}
}
