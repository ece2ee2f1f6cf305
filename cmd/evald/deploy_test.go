package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

// TestComposeFileIsValid loads docker-compose.yml with the Compose
// specification's own loader (schema validation included).
func TestComposeFileIsValid(t *testing.T) {
	data, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	details := types.ConfigDetails{
		WorkingDir:  "../..",
		ConfigFiles: []types.ConfigFile{{Filename: "docker-compose.yml", Content: data}},
		Environment: types.Mapping{"MYSQL_PASSWORD": "secret", "EVAL_ADMIN_PASSWORD": "admin-secret", "EVAL_AUDIT_KEY": strings.Repeat("ab", 32)},
	}
	project, err := loader.LoadWithContext(context.Background(), details, func(o *loader.Options) {
		o.SetProjectName("evald", true)
		o.SkipResolveEnvironment = false
	})
	if err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	app, err := project.GetService("app")
	if err != nil {
		t.Fatal(err)
	}
	db, err := project.GetService("db")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(db.Image, "mysql:8") {
		t.Errorf("db image %q, want MySQL 8", db.Image)
	}
	if dep, ok := app.DependsOn["db"]; !ok || dep.Condition != types.ServiceConditionHealthy {
		t.Errorf("app must wait for a healthy db: %+v", app.DependsOn)
	}
	if dsn := app.Environment["EVAL_DB_DSN"]; dsn == nil || !strings.Contains(*dsn, "@tcp(db:3306)/evald") {
		t.Errorf("EVAL_DB_DSN = %v", dsn)
	}
	if len(app.Volumes) == 0 || app.Volumes[0].Target != "/data" || len(db.Volumes) == 0 {
		t.Errorf("volumes: app %+v, db %+v", app.Volumes, db.Volumes)
	}
	if key := app.Environment["EVAL_AUDIT_KEY"]; key == nil || *key != strings.Repeat("ab", 32) {
		t.Errorf("EVAL_AUDIT_KEY = %v: the app needs the audit key that every start shares", key)
	}
	// Without the audit key, or without the passwords, the file refuses to start rather than use defaults.
	noKey := types.Mapping{"MYSQL_PASSWORD": "secret", "EVAL_ADMIN_PASSWORD": "admin-secret"}
	if _, err := loader.LoadWithContext(context.Background(), types.ConfigDetails{WorkingDir: details.WorkingDir,
		ConfigFiles: details.ConfigFiles, Environment: noKey}, func(o *loader.Options) { o.SetProjectName("evald", true) }); err == nil {
		t.Error("compose file loads without EVAL_AUDIT_KEY")
	}
	details.Environment = types.Mapping{}
	if _, err := loader.LoadWithContext(context.Background(), details, func(o *loader.Options) { o.SetProjectName("evald", true) }); err == nil {
		t.Error("compose file loads without MYSQL_PASSWORD and EVAL_ADMIN_PASSWORD")
	}
}

// TestDockerfileIsValid parses the Dockerfile with BuildKit's own parser.
func TestDockerfileIsValid(t *testing.T) {
	data, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	res, err := parser.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Dockerfile: %v", err)
	}
	stages, _, err := instructions.Parse(res.AST, nil)
	if err != nil {
		t.Fatalf("Dockerfile: %v", err)
	}
	if len(stages) < 3 {
		t.Fatalf("%d stages, want a multi-stage build (ui, build, runtime)", len(stages))
	}
	names := map[string]bool{}
	for _, s := range stages {
		names[s.Name] = true
	}
	final := stages[len(stages)-1]
	if !strings.Contains(final.BaseName, "distroless") {
		t.Errorf("final stage from %q, want a small distroless base", final.BaseName)
	}
	for _, s := range stages {
		for _, cmd := range s.Commands {
			if c, ok := cmd.(*instructions.CopyCommand); ok && c.From != "" && !names[c.From] {
				t.Errorf("COPY --from=%s names no stage", c.From)
			}
		}
	}
}
