package reports

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the round summary workbook.
const (
	SheetPlans       = "评估结果"
	SheetDepartments = "部门整改"
)

// Built-in number formats of SpreadsheetML.
const (
	numFmtTwoDecimals = 2  // 0.00
	numFmtPercent     = 10 // 0.00%
)

// RoundSummaryXLSX writes the round summary as an Excel workbook: sheet
// 评估结果 has one row per plan, sheet 部门整改 one row per lead department.
// Both have a frozen, styled header row; totals are numbers formatted 0.00
// and rates fractions formatted 0.00%, so they sort and sum in Excel. A plan
// without a result, or without findings, leaves those cells empty.
func RoundSummaryXLSX(w io.Writer, data *RoundSummary) error {
	created, err := time.Parse(time.DateOnly, data.Date)
	if err != nil {
		return fmt.Errorf("%w: 报告日期 %q 不是 YYYY-MM-DD 格式", ErrInvalidReport, data.Date)
	}
	f := excelize.NewFile()
	defer f.Close()
	x := &workbook{f: f}
	stamp := created.Format("2006-01-02T15:04:05Z")
	x.check(f.SetDocProps(&excelize.DocProperties{
		Title: data.RoundName + " 评估结果汇总", Creator: "evald", Created: stamp, Modified: stamp,
		LastModifiedBy: "evald", Description: data.Issuer,
	}))
	header := x.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "16365C"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5F0"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    borders(),
	})
	text := x.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}, Border: borders()})
	integer := x.style(&excelize.Style{NumFmt: 1, Border: borders()})
	decimal := x.style(&excelize.Style{NumFmt: numFmtTwoDecimals, Border: borders()})
	percent := x.style(&excelize.Style{NumFmt: numFmtPercent, Border: borders()})

	x.check(f.SetSheetName("Sheet1", SheetPlans))
	x.sheet(SheetPlans, []sheetColumn{
		{"排名", 7, integer}, {"方案编号", 16, text}, {"方案名称", 48, text}, {"牵头单位", 28, text},
		{"评分表数", 9, integer}, {"总分", 9, decimal}, {"等次", 9, text}, {"发布问题", 9, integer},
		{"已销号", 9, integer}, {"逾期", 7, integer}, {"整改率", 10, percent},
	}, header)
	for i, p := range data.Plans {
		var rank, total, rateCell any
		var grade any = Unscored
		if p.Scored {
			rank, total, grade = p.Rank, p.Total, p.Grade
		}
		if p.Findings > 0 {
			rateCell = p.RatePercent / 100
		}
		x.row(SheetPlans, i+2, []any{rank, p.Code, p.Title, p.LeadDepartment, p.Raters, total, grade,
			p.Findings, p.Accepted, p.Overdue, rateCell})
	}

	_, err = f.NewSheet(SheetDepartments)
	x.check(err)
	x.sheet(SheetDepartments, []sheetColumn{
		{"牵头单位", 36, text}, {"方案数", 9, integer}, {"发布问题", 10, integer},
		{"已销号", 10, integer}, {"逾期", 8, integer}, {"整改率", 10, percent},
	}, header)
	for i, d := range data.Departments {
		var rateCell any
		if d.Findings > 0 {
			rateCell = d.RatePercent / 100
		}
		x.row(SheetDepartments, i+2, []any{d.Department, d.Plans, d.Findings, d.Accepted, d.Overdue, rateCell})
	}
	f.SetActiveSheet(0)
	if x.err != nil {
		return fmt.Errorf("生成汇总表: %w", x.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("写出汇总表: %w", err)
	}
	return nil
}

// sheetColumn is a column of a summary sheet and the style of its cells.
type sheetColumn struct {
	title string
	width float64
	style int
}

// workbook wraps an excelize file, keeping the first error so that the
// steps of building a sheet read in sequence.
type workbook struct {
	f      *excelize.File
	styles map[string][]int // sheet -> style per column
	err    error
}

func (x *workbook) check(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func (x *workbook) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.check(err)
	return id
}

// sheet writes the header row, sets widths and freezes the header.
func (x *workbook) sheet(name string, cols []sheetColumn, header int) {
	if x.styles == nil {
		x.styles = map[string][]int{}
	}
	titles := make([]any, len(cols))
	for i, c := range cols {
		titles[i] = c.title
		col, err := excelize.ColumnNumberToName(i + 1)
		x.check(err)
		x.check(x.f.SetColWidth(name, col, col, c.width))
		x.styles[name] = append(x.styles[name], c.style)
	}
	x.setHeaderRow(name, titles)
	last, err := excelize.ColumnNumberToName(len(cols))
	x.check(err)
	x.check(x.f.SetCellStyle(name, "A1", last+"1", header))
	x.check(x.f.SetRowHeight(name, 1, 22))
	x.check(x.f.SetPanes(name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}))
}

// row writes one data row; nil values leave the cell empty but styled.
func (x *workbook) row(sheet string, n int, values []any) {
	for i, v := range values {
		ref, err := excelize.CoordinatesToCellName(i+1, n)
		x.check(err)
		if v != nil {
			x.setCell(sheet, ref, v)
		}
		x.check(x.f.SetCellStyle(sheet, ref, ref, x.styles[sheet][i]))
	}
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "96A0AE", Style: 1})
	}
	return b
}
