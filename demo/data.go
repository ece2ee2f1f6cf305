// Package demo loads realistic demonstration data — the organisations, reform
// plans and indicator system of a city's reform office, and evaluation rounds
// in several states — through the domain's own operations, so that demo data
// obeys every rule real data does and appears in the audit trail.
package demo

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"fmt"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/planimport"
)

//go:embed data/orgs.csv
var orgsCSV []byte

//go:embed data/plans.csv
var plansCSV []byte

//go:embed data/template.json
var templateJSON []byte

// PlansCSV returns the demo plans as an import file (code, title,
// lead_department, approved_by, issued_on, field, summary).
func PlansCSV() []byte { return bytes.Clone(plansCSV) }

// Template returns the demo indicator system (2018 edition, 12 indicators).
func Template() evaluation.TemplateRequest {
	var t evaluation.TemplateRequest
	if err := json.Unmarshal(templateJSON, &t); err != nil {
		panic("demo: template.json: " + err.Error()) // embedded data, checked by tests
	}
	return t
}

// Orgs returns the demo organisations.
func Orgs() []evaluation.OrgRequest {
	rows, err := csv.NewReader(bytes.NewReader(orgsCSV)).ReadAll()
	if err != nil {
		panic("demo: orgs.csv: " + err.Error())
	}
	out := make([]evaluation.OrgRequest, 0, len(rows)-1)
	for _, r := range rows[1:] {
		out = append(out, evaluation.OrgRequest{Name: r[0], Kind: evaluation.OrgKind(r[1]), AgencyType: r[2]})
	}
	return out
}

// Plans returns the demo plans.
func Plans() ([]planimport.PlanImportRow, error) {
	rows, rowErrs, err := planimport.ParsePlanFile("plans.csv", plansCSV)
	if err != nil {
		return nil, err
	}
	if len(rowErrs) > 0 {
		return nil, fmt.Errorf("demo plans.csv: %v", rowErrs)
	}
	return rows, nil
}
