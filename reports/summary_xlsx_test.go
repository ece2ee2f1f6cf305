package reports

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestRoundSummaryXLSX(t *testing.T) {
	data := sampleSummary(20)
	var buf bytes.Buffer
	if err := RoundSummaryXLSX(&buf, data); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != SheetPlans || got[1] != SheetDepartments {
		t.Fatalf("sheets = %q", got)
	}

	rows, err := f.GetRows(SheetPlans, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(data.Plans)+1 {
		t.Fatalf("%d rows, want a header and %d plans", len(rows), len(data.Plans))
	}
	wantHeader := []string{"排名", "方案编号", "方案名称", "牵头单位", "评分表数", "总分", "等次", "发布问题", "已销号", "逾期", "整改率"}
	for i, h := range wantHeader {
		if rows[0][i] != h {
			t.Errorf("header %d = %q, want %q", i, rows[0][i], h)
		}
	}
	cell := func(sheet, ref string) string {
		t.Helper()
		v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	p := data.Plans[1]
	for ref, want := range map[string]string{
		"A3": "2", "B3": p.Code, "C3": p.Title, "D3": p.LeadDepartment, "F3": "94.86", "G3": p.Grade,
		"K3": "0", // 0 of 2 accepted
		"K5": "0.25",
		// Plan 7 has no result and plan 5 no findings: their cells are empty.
		"A8": "", "F8": "", "G8": Unscored, "K6": "",
	} {
		if got := cell(SheetPlans, ref); got != want {
			t.Errorf("%s!%s = %q, want %q", SheetPlans, ref, got, want)
		}
	}
	// Formatted as displayed.
	if got := must(f.GetCellValue(SheetPlans, "K5")); got != "25.00%" {
		t.Errorf("K5 displays %q, want 25.00%%", got)
	}
	if got := must(f.GetCellValue(SheetPlans, "F2")); got != "95.00" {
		t.Errorf("F2 displays %q, want 95.00", got)
	}
	for ref, want := range map[string]int{"F2": numFmtTwoDecimals, "K2": numFmtPercent} {
		id, err := f.GetCellStyle(SheetPlans, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.NumFmt != want {
			t.Errorf("%s number format = %d, want %d", ref, st.NumFmt, want)
		}
	}
	for _, sheet := range []string{SheetPlans, SheetDepartments} {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes = %+v, want the header row frozen", sheet, panes)
		}
	}

	d := data.Departments[0]
	for ref, want := range map[string]string{"A1": "牵头单位", "F1": "整改率", "A2": d.Department,
		"B2": strconv.Itoa(d.Plans), "C2": strconv.Itoa(d.Findings), "D2": strconv.Itoa(d.Accepted), "E2": strconv.Itoa(d.Overdue)} {
		if got := cell(SheetDepartments, ref); got != want {
			t.Errorf("%s!%s = %q, want %q", SheetDepartments, ref, got, want)
		}
	}
	if got, want := must(f.GetCellValue(SheetDepartments, "F2")), fmt.Sprintf("%.2f%%", d.RatePercent); got != want {
		t.Errorf("department rate displays %q, want %q", got, want)
	}

	var again bytes.Buffer
	if err := RoundSummaryXLSX(&again, sampleSummary(20)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("same data, different workbook bytes")
	}
	if err := RoundSummaryXLSX(&bytes.Buffer{}, &RoundSummary{Date: "soon"}); !errors.Is(err, ErrInvalidReport) {
		t.Errorf("bad date: err = %v", err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
