package main

import (
	"flag"
	"io"
	"slices"
	"testing"

	"github.com/evald/evald/api"
)

func TestSurveySettings(t *testing.T) {
	cases := []struct {
		name    string
		env     map[string]string
		args    []string
		want    api.Config
		invalid bool
	}{
		{name: "defaults", want: api.Config{SurveyRate: api.DefaultSurveyRate, ListenAddr: api.DefaultAddr}},
		{name: "from the environment", env: map[string]string{"EVAL_SURVEY_RATE": "120",
			"EVAL_TRUSTED_PROXIES": " 10.0.0.1, fd00::/8 ,", "EVAL_PUBLIC_URL": "https://pg.example.gov.cn", "EVAL_ADDR": "0.0.0.0:80"},
			want: api.Config{SurveyRate: 120, TrustedProxies: []string{"10.0.0.1", "fd00::/8"}, PublicURL: "https://pg.example.gov.cn", ListenAddr: "0.0.0.0:80"}},
		{name: "flags win", env: map[string]string{"EVAL_SURVEY_RATE": "120"}, args: []string{"-survey-rate", "5", "-trusted-proxies", "127.0.0.1"},
			want: api.Config{SurveyRate: 5, TrustedProxies: []string{"127.0.0.1"}, ListenAddr: api.DefaultAddr}},
		{name: "a rate of zero", env: map[string]string{"EVAL_SURVEY_RATE": "0"}, invalid: true},
		{name: "a rate that is not a number", env: map[string]string{"EVAL_SURVEY_RATE": "many"}, invalid: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fs := flag.NewFlagSet("serve", flag.ContinueOnError)
			cfg := bindConfig(fs, func(k string) string { return c.env[k] })
			if err := parseFlags(fs, c.args, io.Discard); err != nil {
				t.Fatal(err)
			}
			var got api.Config
			err := cfg.surveySettings(&got)
			switch {
			case c.invalid && err == nil:
				t.Fatalf("accepted %v", c.env)
			case c.invalid:
				return
			case err != nil:
				t.Fatal(err)
			}
			if got.SurveyRate != c.want.SurveyRate || got.PublicURL != c.want.PublicURL || got.ListenAddr != c.want.ListenAddr || !slices.Equal(got.TrustedProxies, c.want.TrustedProxies) {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}
