package main

import (
	"slices"
	"strings"
	"testing"

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
