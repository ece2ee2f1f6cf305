package main

import (
	"bytes"
	"context"
	"os"
	"slices"
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

// TestComposeReplicasProfile checks the profile of two replicas behind a
// proxy (README "Running several servers"): off by default; with it, both
// replicas share the database, the blob store (not a folder of their own)
// and the audit key, only one migrates, and the proxy spreads requests over
// both.
func TestComposeReplicasProfile(t *testing.T) {
	data, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	load := func(profiles ...string) *types.Project {
		t.Helper()
		details := types.ConfigDetails{WorkingDir: "../..",
			ConfigFiles: []types.ConfigFile{{Filename: "docker-compose.yml", Content: data}},
			Environment: types.Mapping{"MYSQL_PASSWORD": "secret", "EVAL_ADMIN_PASSWORD": "admin-secret", "EVAL_AUDIT_KEY": strings.Repeat("ab", 32)}}
		p, err := loader.LoadWithContext(context.Background(), details, func(o *loader.Options) {
			o.SetProjectName("evald", true)
			o.Profiles = profiles
		})
		if err != nil {
			t.Fatalf("docker-compose.yml with profiles %v: %v", profiles, err)
		}
		return p
	}
	if names := load().ServiceNames(); len(names) != 2 {
		t.Errorf("services without a profile: %v, want app and db only", names)
	}
	p := load("replicas")
	app, err := p.GetService("app")
	if err != nil {
		t.Fatal(err)
	}
	app2, err := p.GetService("app2")
	if err != nil {
		t.Fatal(err)
	}
	proxy, err := p.GetService("proxy")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"EVAL_DB_DSN", "EVAL_AUDIT_KEY", "EVAL_BLOB_URL", "EVAL_TRUSTED_PROXIES"} {
		a, b := app.Environment[key], app2.Environment[key]
		if a == nil || b == nil || *a != *b || *a == "" {
			t.Errorf("%s: app %v, app2 %v; replicas must share it", key, a, b)
		}
	}
	if blob := app.Environment["EVAL_BLOB_URL"]; blob != nil && strings.HasPrefix(*blob, "file:") {
		t.Errorf("EVAL_BLOB_URL %q: a folder of one container is not shared", *blob)
	}
	if !slices.Contains(app.Command, "-migrate") || slices.Contains(app2.Command, "-migrate") {
		t.Errorf("commands: app %v, app2 %v; want exactly one replica to migrate", app.Command, app2.Command)
	}
	conf, ok := p.Configs["proxy-conf"]
	if !ok || len(proxy.Configs) != 1 || proxy.Configs[0].Source != "proxy-conf" {
		t.Fatalf("proxy configs %+v", proxy.Configs)
	}
	for _, want := range []string{"server app:8080", "server app2:8080", "proxy_pass http://evald", "X-Forwarded-For $proxy_add_x_forwarded_for"} {
		if !strings.Contains(conf.Content, want) {
			t.Errorf("proxy config lacks %q:\n%s", want, conf.Content)
		}
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
