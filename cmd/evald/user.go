package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/evald/evald/evaluation"
)

func runUser(ctx context.Context, args []string, getenv env, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(stderr, "Usage: evald user add -username NAME -role admin|evaluator|department|viewer [-display-name NAME] [-org ORG] [-password PW]")
		return errUsage
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	cfg := bindConfig(fs, getenv)
	username := fs.String("username", "", "login name (required)")
	role := fs.String("role", "", "admin, evaluator, department or viewer (required)")
	display := fs.String("display-name", "", "name shown in the UI (default: the username)")
	orgName := fs.String("org", "", "organisation name (required for evaluators and department users)")
	pw := settingOf("EVAL_USER_PASSWORD")
	password := fs.String(pw.Flag, pw.value(getenv), pw.flagUsage())
	if err := parseFlags(fs, args[1:], stderr); err != nil {
		return err
	}
	if *username == "" || *role == "" {
		fs.Usage()
		return errUsage
	}
	db, store, err := cfg.openCurrent(ctx, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	req := evaluation.UserRequest{Username: *username, Password: *password, DisplayName: *display, Role: evaluation.Role(*role)}
	if req.DisplayName == "" {
		req.DisplayName = req.Username
	}
	if *orgName != "" {
		orgs, err := store.Orgs(ctx, evaluation.OrgFilter{Q: *orgName, Page: evaluation.Page{PerPage: evaluation.MaxPerPage}})
		if err != nil {
			return err
		}
		for _, o := range orgs.Items {
			if o.Name == *orgName {
				req.OrgID = &o.ID
			}
		}
		if req.OrgID == nil {
			return fmt.Errorf("no organisation named %q", *orgName)
		}
	}
	generated := req.Password == ""
	if generated {
		if req.Password, err = evaluation.RandomPassword(16); err != nil {
			return err
		}
	}
	u, err := store.CreateUser(ctx, evaluation.System, req)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created user %s (id %d, role %s)\n", u.Username, u.ID, u.Role)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n", req.Password)
	}
	return nil
}
