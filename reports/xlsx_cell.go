package reports

import (
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Every cell of every workbook evald writes goes through this file: the
// writers below are the only calls of excelize's cell setters in the code
// base (TestSpreadsheetCellsAreWrittenInOnePlace), and they pass each value
// through cellValue.
//
// Text that starts like a formula is stored as a string, so a spreadsheet
// does not evaluate it on opening; but it becomes a live formula as soon as
// someone edits the cell, copies it or saves the sheet as CSV. Following
// OWASP's CSV-injection guidance (and ASVS 1.2.10) such text gets a leading
// apostrophe: a reader sees '=1+1, and the apostrophe survives every copy.

// formulaStarts are the first characters that make a spreadsheet read a cell
// as a formula (OWASP: = + - @ tab CR; ASVS adds NUL), with line feed and
// the full-width forms that a Chinese input method types, which some
// spreadsheets convert.
const formulaStarts = "=+-@\t\r\n\x00＝＋－＠"

// formulaGuard is the prefix that keeps such text text.
const formulaGuard = "'"

// cellText is s as a spreadsheet cell may hold it: with formulaGuard in
// front when it starts like a formula.
func cellText(s string) string {
	if r, _ := utf8.DecodeRuneInString(s); s != "" && strings.ContainsRune(formulaStarts, r) {
		return formulaGuard + s
	}
	return s
}

// cellValue is v as a cell holds it: text through cellText (also inside an
// excelize.Cell of the stream writer); numbers, times and empty cells as
// they are, so that a negative number stays a number.
func cellValue(v any) any {
	switch v := v.(type) {
	case string:
		return cellText(v)
	case []byte:
		return cellText(string(v))
	case excelize.Cell:
		v.Value = cellValue(v.Value)
		return v
	case *excelize.Cell:
		c := *v
		c.Value = cellValue(c.Value)
		return c
	}
	return v
}

// cellValues applies cellValue to a row.
func cellValues(row []any) []any {
	out := make([]any, len(row))
	for i, v := range row {
		out[i] = cellValue(v)
	}
	return out
}

// setCell writes one cell of a workbook built in memory.
func (x *workbook) setCell(sheet, ref string, v any) {
	x.check(x.f.SetCellValue(sheet, ref, cellValue(v)))
}

// setHeaderRow writes a sheet's first row.
func (x *workbook) setHeaderRow(sheet string, titles []any) {
	row := cellValues(titles)
	x.check(x.f.SetSheetRow(sheet, "A1", &row))
}

// streamRow writes one row of a streamed sheet.
func streamRow(sw *excelize.StreamWriter, ref string, row []any, opts ...excelize.RowOpts) error {
	return sw.SetRow(ref, cellValues(row), opts...)
}
