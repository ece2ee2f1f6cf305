package reports

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// PlanTemplateHeaders are the column titles of the plan import template, in
// the order of the sheet; evaluation/planimport reads them (and the English
// field names) back.
var PlanTemplateHeaders = []string{"方案编号", "方案名称", "牵头单位", "审议机构", "印发日期", "所属领域", "方案概要", "销账原因"}

// PlanTemplateSample is the template's sample row: a person overwrites it.
// Its 销账原因 is empty: a reason there closes the plan out (销账).
var PlanTemplateSample = []string{"FA-2026-001", "关于深化营商环境改革的实施方案", "市发展改革委", "市委深改委",
	"2026-03-15", "经济体制", "（方案的主要内容，可换行；导入前请删除本示例行）", ""}

// PlanImportTemplateXLSX writes the plan import template: a sheet 方案 with
// the Chinese headers and one sample row. Dates are text YYYY-MM-DD, so that
// Excel does not turn them into its own format.
func PlanImportTemplateXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &workbook{f: f}
	x.check(f.SetDocProps(&excelize.DocProperties{Title: "方案导入模板", Creator: "evald", LastModifiedBy: "evald"}))
	header := x.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "16365C"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5F0"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    borders(),
	})
	text := x.style(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: borders()})
	widths := []float64{16, 40, 24, 16, 12, 14, 60, 24}
	cols := make([]sheetColumn, len(PlanTemplateHeaders))
	for i, h := range PlanTemplateHeaders {
		cols[i] = sheetColumn{h, widths[i], text}
	}
	x.check(f.SetSheetName("Sheet1", SheetPlanList))
	x.sheet(SheetPlanList, cols, header)
	row := make([]any, len(PlanTemplateSample))
	for i, v := range PlanTemplateSample {
		row[i] = v
	}
	x.row(SheetPlanList, 2, row)
	if x.err != nil {
		return fmt.Errorf("生成导入模板: %w", x.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("写出导入模板: %w", err)
	}
	return nil
}
