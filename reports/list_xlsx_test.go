package reports

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/evaluation/planimport"
)

// TestPlanImportTemplateImports: the importer reads the template's sample
// row back, Chinese headers and all.
func TestPlanImportTemplateImports(t *testing.T) {
	var buf bytes.Buffer
	if err := PlanImportTemplateXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(SheetPlanList)
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows %q, %v", rows, err)
	}
	for i, h := range PlanTemplateHeaders {
		if rows[0][i] != h {
			t.Errorf("header %d = %q, want %q", i, rows[0][i], h)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	got, bad, err := planimport.ParsePlanFile("方案导入模板.xlsx", buf.Bytes())
	if err != nil || len(bad) != 0 || len(got) != 1 {
		t.Fatalf("import: %+v, %+v, %v", got, bad, err)
	}
	p := got[0]
	if p.Code != PlanTemplateSample[0] || p.Title != PlanTemplateSample[1] || p.IssuedOn != PlanTemplateSample[4] ||
		p.Field != PlanTemplateSample[5] {
		t.Errorf("imported %+v", p)
	}
}
