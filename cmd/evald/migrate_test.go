package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// TestFailedMigrateIsRunAgain makes `evald migrate` fail midway through
// version 4 (a table in the way of its third statement), removes the cause,
// and runs it again: the schema must equal a fresh migration's.
func TestFailedMigrateIsRunAgain(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, fresh *evaltest.Env) {
		env := evaltest.Open(t, evaltest.DialectOf(t))
		if err := env.DB.Gorm.Exec("CREATE TABLE survey_responses (id INTEGER)").Error; err != nil {
			t.Fatal(err)
		}
		c := newCLI(t, env)
		code, _, errOut := c.run("migrate")
		if code == 0 {
			t.Fatal("migrate succeeded with a table in its way")
		}
		for _, part := range []string{"version 4 (surveys), statement 3 of 4", "already exists",
			"CREATE TABLE survey_responses (\n\tid ", "run `evald migrate` again"} {
			if !strings.Contains(errOut, part) {
				t.Errorf("the error does not say %q:\n%s", part, errOut)
			}
		}
		if strings.Contains(errOut, "{{") {
			t.Errorf("the error shows placeholders:\n%s", errOut)
		}
		if err := env.DB.Gorm.Exec("DROP TABLE survey_responses").Error; err != nil {
			t.Fatal(err)
		}
		if out := c.must("migrate"); !strings.Contains(out, "applied migrations [4") {
			t.Fatalf("migrate again: %s", out)
		}
		if out := c.must("migrate"); !strings.Contains(out, "up to date") {
			t.Fatalf("a third migrate: %s", out)
		}
		if got, want := evaltest.Schema(t, env.DB), evaltest.Schema(t, fresh.DB); !slices.Equal(got, want) {
			t.Fatalf("schema after a resumed migrate:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// TestUpgradeWithDataFromEveryEarlierSchema makes a database at each schema
// version the repository has shipped, with rows in every table and an audit
// chain, and upgrades it with `evald migrate`: the schema must equal a fresh
// migration's, every row must keep its values, and the audit chain must
// verify.
func TestUpgradeWithDataFromEveryEarlierSchema(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, fresh *evaltest.Env) {
		want := evaltest.Schema(t, fresh.DB)
		for v := 1; v < evaluation.LatestSchemaVersion(); v++ {
			t.Run(fmt.Sprintf("from version %d", v), func(t *testing.T) {
				env := evaltest.Open(t, evaltest.DialectOf(t))
				if _, err := evaluation.MigrateTo(t.Context(), env.DB, v); err != nil {
					t.Fatal(err)
				}
				before := evaltest.FillEveryTable(t, env, 3)
				c := newCLI(t, env)
				if out := c.must("migrate"); !strings.Contains(out, fmt.Sprintf("applied migrations [%d", v+1)) {
					t.Fatalf("migrate: %s", out)
				}
				if got := evaltest.Schema(t, env.DB); !slices.Equal(got, want) {
					t.Fatalf("schema after the upgrade:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
				if lost := before.Lost(evaltest.ReadTables(t, env.DB), evaltest.UpgradeRewrites(v)...); len(lost) > 0 {
					t.Fatalf("the upgrade lost data:\n%s", strings.Join(lost, "\n"))
				}
				if out := c.must("audit", "verify"); !strings.Contains(out, "audit chain intact") {
					t.Fatalf("audit verify: %s", out)
				}
			})
		}
	})
}
