// Package planimport reads the plan import files (.xlsx and .csv) into rows
// as the store keeps plans, within the limits a file may have.
package planimport

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/width"

	"github.com/evald/evald/evaluation/text"
)

// Limits of a plan import file.
const (
	MaxPlanImportSize = 10 << 20 // bytes of the uploaded file
	MaxPlanImportRows = 10000    // data rows, the header and blank rows not counted
)

// Limits of what an .xlsx may hold, checked in its zip directory before
// anything is inflated, so that a small file cannot expand into gigabytes of
// XML. A real plan list of a few thousand rows unzips to a few megabytes.
const (
	MaxUnzippedXLSX   = 20 << 20              // bytes of every part of the workbook, unzipped
	maxXLSXParts      = 1000                  // files inside the zip
	maxUnzippedXMLMem = 16 << 20              // a worksheet larger than this is read from a temporary file
	maxSheetRows      = 2 * MaxPlanImportRows // row elements of a worksheet, and the highest row number
	maxSheetCells     = 150000                // cells of a worksheet: 10,000 rows of 15 columns
	maxUnnumbered     = 2000                  // rows without a row number, which excelize places in quadratic time
)

// MaxImportCell is the longest cell, in characters, of an import file: the
// longest column (summary) with room to spare, so that its own message names it.
const MaxImportCell = 10000

// PlanImportRow is one data row of an import file, normalised as CreatePlan
// stores texts (NormalizeLine, the summary NormalizeText) and checked
// against the plan's column limits.
type PlanImportRow struct {
	Row int // row number in the file, the header being row 1

	Code, Title, LeadDepartment, ApprovedBy, IssuedOn, Field, Summary string // IssuedOn normalised to YYYY-MM-DD

	// CloseReason, when not empty, closes the plan out (销账) with that reason.
	CloseReason string

	// Absent names the optional columns (approved_by, field, summary) the
	// file does not have: an import leaves those values of a plan as they are.
	Absent PlanColumns
}

// PlanColumns is a set of the optional columns of an import file.
type PlanColumns uint8

// Has reports whether the set holds the column of the given API name.
func (c PlanColumns) Has(name string) bool {
	for i, col := range planColumns {
		if col.name == name {
			return c&(1<<i) != 0
		}
	}
	return false
}

// ImportRowError is a problem with one row, in Chinese.
type ImportRowError struct {
	Row     int    `json:"row"`
	Message string `json:"message"`
}

// ParsePlanFile reads an import file (.xlsx or .csv, judged by name AND
// checked by content) and returns its rows and the row errors found in it.
// A file that cannot be read at all (not xlsx/csv, empty, no header, missing
// required columns) is a *FileError (the store makes it a validation error
// on field "file").
//
// The header is the first non-blank row, after at most maxTitleRows rows
// holding no column title (a sheet title). Only rows without errors are
// returned; each bad row has one ImportRowError whose messages are joined
// with "；". Blank rows are skipped but still counted, so every Row is the
// number a person sees in Excel.
func ParsePlanFile(filename string, data []byte) ([]PlanImportRow, []ImportRowError, error) {
	if len(data) == 0 {
		return nil, nil, invalidFile("文件为空")
	}
	if len(data) > MaxPlanImportSize {
		return nil, nil, invalidFile("文件不能超过10MB")
	}
	// Browsers on Windows may send a full path; only the extension matters.
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(filename, `\`, "/")))
	switch ext {
	case ".csv":
		text, err := decodeCSVText(data)
		if err != nil {
			return nil, nil, err
		}
		return parsePlanRows(csvRows(text), false)
	case ".xlsx":
		sheet, err := openPlanSheet(data)
		if err != nil {
			return nil, nil, err
		}
		defer sheet.close()
		return parsePlanRows(sheet.rows(), sheet.date1904)
	case ".xls":
		return nil, nil, invalidFile("不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 .csv 后再导入")
	default:
		return nil, nil, invalidFile("只能导入 .xlsx 或 .csv 文件")
	}
}

// FileError is a file that cannot be read at all; Message says why, in
// Chinese, for the person who sent it.
type FileError struct{ Message string }

func (e *FileError) Error() string { return "planimport: " + e.Message }

// invalidFile builds a FileError.
func invalidFile(message string) *FileError { return &FileError{Message: message} }

// planColumn is one field of a plan that an import file can carry.
type planColumn int

// The plan fields of an import file, in the order of the API.
const (
	colCode planColumn = iota
	colTitle
	colLeadDepartment
	colApprovedBy
	colIssuedOn
	colField
	colSummary
	colCloseReason
	numPlanColumns
)

// planColumns describes each field: its API name, its Chinese name for
// messages, whether it must be filled, its longest length in characters
// (that of its column, as CreatePlan checks it; 0: none) and whether it is
// a free text keeping its line breaks (NormalizeText) or one line
// (NormalizeLine), as CreatePlan stores it.
var planColumns = [numPlanColumns]struct {
	name, label string
	required    bool
	maxLen      int
	multiline   bool
}{
	colCode:           {"code", "编号", true, text.ColumnLimit("plans.code"), false},
	colTitle:          {"title", "方案名称", true, text.ColumnLimit("plans.title"), false},
	colLeadDepartment: {"lead_department", "牵头单位", true, text.ColumnLimit("orgs.name"), false},
	colApprovedBy:     {"approved_by", "审定机构", false, text.ColumnLimit("plans.approved_by"), false},
	colIssuedOn:       {"issued_on", "印发日期", true, 0, false},
	colField:          {"field", "改革领域", false, text.ColumnLimit("plans.field"), false},
	colSummary:        {"summary", "摘要", false, maxPlanSummary, true},
	colCloseReason:    {"close_reason", "销账原因", false, text.ColumnLimit("plans.close_reason"), true},
}

// maxPlanSummary is the longest summary, a TEXT column: PlanRequest's
// validate:"max=5000".
const maxPlanSummary = 5000

// normalize is a cell's text as CreatePlan would store it in column c.
func (c planColumn) normalize(s string) string {
	if planColumns[c].multiline {
		return text.NormalizeText(s)
	}
	return text.NormalizeLine(s)
}

// headerAliases maps a normalised header title to its field: the English
// field names and the Chinese titles people put on their sheets.
var headerAliases = map[string]planColumn{
	"code": colCode, "编号": colCode, "方案编号": colCode,
	"title": colTitle, "方案名称": colTitle, "名称": colTitle, "标题": colTitle,
	"lead_department": colLeadDepartment, "牵头单位": colLeadDepartment, "牵头部门": colLeadDepartment, "牵头责任单位": colLeadDepartment,
	"approved_by": colApprovedBy, "审定机构": colApprovedBy, "审议机构": colApprovedBy, "批准机构": colApprovedBy,
	"issued_on": colIssuedOn, "印发日期": colIssuedOn, "印发时间": colIssuedOn,
	"field": colField, "所属领域": colField, "改革领域": colField, "领域": colField,
	"summary": colSummary, "方案概要": colSummary, "概要": colSummary, "摘要": colSummary, "主要内容": colSummary, "内容摘要": colSummary,
	"close_reason": colCloseReason, "销账原因": colCloseReason, "销账说明": colCloseReason,
}

// cell is the content of one spreadsheet cell as read from the file.
type cell struct {
	text   string
	number bool // an .xlsx number cell; text is its raw value, e.g. a date serial
}

// sheetRow is one row of a file with its true row number (1-based).
type sheetRow struct {
	num   int
	cells []cell
}

// parsePlanRows finds the header row, then turns each following non-blank
// row into a PlanImportRow or an ImportRowError.
func parsePlanRows(rows iter.Seq2[sheetRow, error], date1904 bool) ([]PlanImportRow, []ImportRowError, error) {
	var (
		header    []int // header[i] is the file column of field i, or -1
		headerRow int
		plans     []PlanImportRow
		rowErrs   []ImportRowError
		firstRow  = map[string]int{} // folded code → row it first appeared on
		dataRows  int
		titleRows int
	)
	for row, err := range rows {
		if err != nil {
			return nil, nil, err
		}
		for i, c := range row.cells {
			if len(c.text) > MaxImportCell && utf8.RuneCountInString(c.text) > MaxImportCell {
				return nil, nil, invalidFile(fmt.Sprintf("第%d行%s列的内容超过%d个字", row.num, columnName(i), MaxImportCell))
			}
		}
		if header == nil {
			switch {
			case row.blank():
			case hasColumnTitle(row):
				if header, err = readHeader(row); err != nil {
					return nil, nil, err
				}
				headerRow = row.num
			case titleRows < maxTitleRows:
				titleRows++ // a sheet title such as "附件1 2017年改革方案清单"
			default:
				return nil, nil, noHeaderError()
			}
			continue
		}
		var values [numPlanColumns]cell
		blank := true
		for c, i := range header {
			if i >= 0 && i < len(row.cells) {
				values[c] = cell{text: planColumn(c).normalize(row.cells[i].text), number: row.cells[i].number}
				blank = blank && values[c].text == ""
			}
		}
		if blank {
			continue
		}
		if dataRows++; dataRows > MaxPlanImportRows {
			return nil, nil, invalidFile(fmt.Sprintf("数据行不能超过%d行", MaxPlanImportRows))
		}
		plan, problems := planFromCells(row.num, values, date1904)
		for c, i := range header {
			// An absent 销账原因 means what an empty one does (CloseReason).
			if i < 0 && planColumn(c) != colCloseReason {
				plan.Absent |= 1 << c
			}
		}
		if plan.Code != "" {
			key := strings.ToLower(plan.Code)
			if first, dup := firstRow[key]; dup {
				problems = append(problems, fmt.Sprintf("编号“%s”与第%d行重复", plan.Code, first))
			} else {
				firstRow[key] = row.num
			}
		}
		if len(problems) > 0 {
			rowErrs = append(rowErrs, ImportRowError{Row: row.num, Message: strings.Join(problems, "；")})
			continue
		}
		plans = append(plans, plan)
	}
	if header == nil && titleRows > 0 {
		return nil, nil, noHeaderError()
	}
	if header == nil {
		return nil, nil, invalidFile("文件中没有表头行")
	}
	if dataRows == 0 {
		return nil, nil, invalidFile(fmt.Sprintf("表头（第%d行）之后没有数据行", headerRow))
	}
	return plans, rowErrs, nil
}

// noHeaderError is the error of a file whose first rows name no column.
func noHeaderError() error {
	return invalidFile("找不到表头行：应有 code、title、lead_department、issued_on（或 编号、方案名称、牵头单位、印发日期）等列名")
}

// maxTitleRows is how many non-blank rows without any column title may stand
// above the header: offices put a sheet title and an attachment number there.
const maxTitleRows = 3

// hasColumnTitle reports whether a cell of row is a known column title.
func hasColumnTitle(row sheetRow) bool {
	for _, c := range row.cells {
		if _, ok := headerAliases[headerKey(c.text)]; ok {
			return true
		}
	}
	return false
}

// readHeader maps each plan field to its column in the header row.
func readHeader(row sheetRow) ([]int, error) {
	header := make([]int, numPlanColumns)
	for i := range header {
		header[i] = -1
	}
	for i, c := range row.cells {
		field, ok := headerAliases[headerKey(c.text)]
		if !ok {
			continue // columns such as 序号 or 备注 are not imported
		}
		if prev := header[field]; prev >= 0 {
			return nil, invalidFile(fmt.Sprintf("表头第%s列“%s”与第%s列“%s”重复，都表示%s",
				columnName(i), text.NormalizeLine(c.text), columnName(prev), text.NormalizeLine(row.cells[prev].text), planColumns[field].label))
		}
		header[field] = i
	}
	var missing []string
	for field, col := range planColumns {
		if col.required && header[field] < 0 {
			missing = append(missing, fmt.Sprintf("%s（%s）", col.label, col.name))
		}
	}
	if len(missing) > 0 {
		return nil, invalidFile(fmt.Sprintf("表头（第%d行）缺少必需的列：%s", row.num, strings.Join(missing, "、")))
	}
	return header, nil
}

// planFromCells builds the plan of one data row and lists what is wrong with it.
func planFromCells(num int, values [numPlanColumns]cell, date1904 bool) (PlanImportRow, []string) {
	var text [numPlanColumns]string
	var problems []string
	for c, v := range values {
		text[c] = v.text
		if v.number && planColumn(c) != colIssuedOn {
			text[c] = canonicalNumber(v.text)
		}
	}
	// Codes typed with a Chinese input method come out full-width (ＣＤ－２０１７).
	text[colCode] = width.Narrow.String(text[colCode])
	for c, col := range planColumns {
		switch n := utf8.RuneCountInString(text[c]); {
		case n == 0 && col.required:
			problems = append(problems, col.label+"不能为空")
		case col.maxLen > 0 && n > col.maxLen:
			problems = append(problems, fmt.Sprintf("%s不能超过%d个字（现有%d个）", col.label, col.maxLen, n))
		}
	}
	if values[colIssuedOn].text != "" {
		date, problem := parseIssuedOn(values[colIssuedOn], date1904)
		if problem != "" {
			problems = append(problems, problem)
		}
		text[colIssuedOn] = date
	}
	return PlanImportRow{
		Row: num, Code: text[colCode], Title: text[colTitle], LeadDepartment: text[colLeadDepartment],
		ApprovedBy: text[colApprovedBy], IssuedOn: text[colIssuedOn], Field: text[colField], Summary: text[colSummary],
		CloseReason: text[colCloseReason],
	}, problems
}

// Date formats found in the 印发日期 column; each captures year, month, day.
var (
	datePatterns = []*regexp.Regexp{
		regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`),
		regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})$`),
		regexp.MustCompile(`^(\d{4})\.(\d{1,2})\.(\d{1,2})$`),
		regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$`),
		regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`),
	}
	// timeSuffix is the time of day Excel or a database export may append.
	timeSuffix = regexp.MustCompile(`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)$`)
)

// Issue dates outside these years are typing mistakes or stray numbers.
const (
	minIssuedYear = 1949
	maxIssuedYear = 2099
)

// parseIssuedOn returns the date in v as YYYY-MM-DD, or a message saying why
// it is not one.
func parseIssuedOn(v cell, date1904 bool) (string, string) {
	if v.number {
		serial, err := strconv.ParseFloat(v.text, 64)
		if err == nil && serial == math.Trunc(serial) && serial >= 1e7 && serial < 1e8 {
			// 20171120 typed as a number is not a serial: those end in 9999.
			return parseIssuedOn(cell{text: strconv.FormatFloat(serial, 'f', 0, 64)}, date1904)
		}
		if err != nil || serial < 1 || serial >= 2958466 { // 2958466 is 10000-01-01
			return "", fmt.Sprintf("印发日期“%s”不是有效的日期", v.text)
		}
		t, err := excelize.ExcelDateToTime(serial, date1904)
		if err != nil {
			return "", fmt.Sprintf("印发日期“%s”不是有效的日期", v.text)
		}
		return checkIssuedDate(v.text, t.Year(), int(t.Month()), t.Day())
	}
	s := timeSuffix.ReplaceAllString(width.Narrow.String(v.text), "")
	for _, p := range datePatterns {
		m := p.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		y, err1 := strconv.Atoi(m[1])
		mo, err2 := strconv.Atoi(m[2])
		d, err3 := strconv.Atoi(m[3])
		if errors.Join(err1, err2, err3) == nil { // up to 4 digits each: always
			return checkIssuedDate(v.text, y, mo, d)
		}
	}
	return "", fmt.Sprintf("印发日期“%s”无法识别，请写成 2017-11-20 这样的日期", v.text)
}

// checkIssuedDate formats y-m-d after checking it is a real date in range.
func checkIssuedDate(orig string, y, m, d int) (string, string) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", fmt.Sprintf("印发日期“%s”不是有效的日期", orig)
	}
	if y < minIssuedYear || y > maxIssuedYear {
		return "", fmt.Sprintf("印发日期“%s”的年份应在%d年至%d年之间", orig, minIssuedYear, maxIssuedYear)
	}
	return t.Format(time.DateOnly), ""
}

// canonicalNumber writes the raw value of a number cell the way Excel shows
// it: 2017001 rather than 2017001.0 or 2.017001E6, at most 15 digits.
func canonicalNumber(raw string) string {
	f, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return raw
	}
	if g, err := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 15, 64), 64); err == nil {
		f = g
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// headerKey normalises a header title for headerAliases: case, width and
// spacing folded, "*" marks and a trailing note such as "（必填）" removed.
func headerKey(s string) string {
	s = strings.ToLower(width.Fold.String(text.NormalizeLine(s)))
	if i := strings.LastIndex(s, "("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	s = strings.Trim(s, "* \t")
	s = strings.Join(strings.Fields(s), "_")
	return strings.ReplaceAll(s, "-", "_")
}

// columnName is the spreadsheet letter of the 0-based column i.
func columnName(i int) string {
	name, err := excelize.ColumnNumberToName(i + 1)
	if err != nil {
		return strconv.Itoa(i + 1)
	}
	return name
}

// blank reports whether no cell of the row holds anything.
func (r sheetRow) blank() bool {
	for _, c := range r.cells {
		if text.NormalizeText(c.text) != "" {
			return false
		}
	}
	return true
}

// Signatures of files that are sometimes given the wrong extension.
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .xls, or an encrypted .xlsx
	utf8BOM  = []byte{0xEF, 0xBB, 0xBF}
)

// decodeCSVText returns the text of a CSV file saved as UTF-8 (with or
// without BOM), UTF-16 with BOM, or GB18030/GBK as Excel does in zh-CN.
func decodeCSVText(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, zipMagic):
		return "", invalidFile("文件内容是 Excel 工作簿而不是 CSV，请把扩展名改为 .xlsx")
	case bytes.HasPrefix(data, oleMagic):
		return "", invalidFile("文件内容是旧版 Excel 工作簿而不是 CSV，请另存为 .csv 或 .xlsx")
	}
	var text []byte
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		text = data[len(utf8BOM):]
		if !utf8.Valid(text) {
			return "", invalidFile("文件标明为 UTF-8 编码，但内容不是有效的 UTF-8")
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		var err error
		text, err = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", invalidFile("文件不是有效的 UTF-16 文本")
		}
	case utf8.Valid(data):
		text = data
	default:
		var err error
		text, err = simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
			return "", invalidFile("无法识别文件的编码，请保存为 UTF-8 或 GBK 编码的 CSV")
		}
	}
	for _, r := range string(text) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return "", invalidFile("文件内容不是 CSV 文本")
		}
	}
	s := string(text)
	if !strings.Contains(s, "\n") {
		s = strings.ReplaceAll(s, "\r", "\n") // old Mac line ends
	}
	return s, nil
}

// csvRows yields the records of a CSV text, numbering them as a spreadsheet
// shows them: encoding/csv skips empty lines, so they are counted back in.
func csvRows(text string) iter.Seq2[sheetRow, error] {
	return func(yield func(sheetRow, error) bool) {
		r := csv.NewReader(strings.NewReader(text))
		r.Comma = csvDelimiter(text)
		r.FieldsPerRecord = -1
		r.LazyQuotes = true // hand-made files put bare quotes in titles: 自贸试验区"首证通"
		num, nextLine := 0, 1
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				line := num + 1
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					line = pe.StartLine
				}
				yield(sheetRow{}, invalidFile(fmt.Sprintf("CSV 文件第%d行附近格式有误，无法读取", line)))
				return
			}
			start, _ := r.FieldPos(0)
			num += 1 + start - nextLine
			last := len(rec) - 1
			end, _ := r.FieldPos(last)
			nextLine = end + strings.Count(rec[last], "\n") + 1
			cells := make([]cell, len(rec))
			for i, f := range rec {
				cells[i] = cell{text: f}
			}
			if !yield(sheetRow{num: num, cells: cells}, nil) {
				return
			}
		}
	}
}

// csvDelimiter is a tab for Excel's "Unicode text" export, else a comma.
func csvDelimiter(text string) rune {
	first, _, _ := strings.Cut(strings.TrimLeft(text, "\r\n"), "\n")
	if !strings.Contains(first, ",") && strings.Contains(first, "\t") {
		return '\t'
	}
	return ','
}

// planSheet is the worksheet of an .xlsx file that holds the plans.
type planSheet struct {
	file     *excelize.File
	name     string
	date1904 bool
	// mergedAbove maps a column to the vertical merged ranges in it, whose
	// lower cells are empty in the file but show the value of the top one.
	mergedAbove map[int][]rowSpan
}

// rowSpan is the rows first…last of a merged range.
type rowSpan struct{ first, last int }

// openPlanSheet opens an .xlsx file and picks the sheet named 方案 or plans,
// else the first visible one.
func openPlanSheet(data []byte) (*planSheet, error) {
	if bytes.HasPrefix(data, oleMagic) {
		return nil, invalidFile("文件是旧版 .xls 或加了密码的工作簿，请在 Excel 中另存为不加密的 .xlsx")
	}
	if !bytes.HasPrefix(data, zipMagic) {
		return nil, invalidFile("文件内容不是 .xlsx 工作簿")
	}
	if err := checkXLSXSize(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnzippedXLSX, UnzipXMLSizeLimit: maxUnzippedXMLMem})
	if err != nil {
		return nil, invalidFile("文件不是有效的 .xlsx 工作簿，无法打开")
	}
	s := &planSheet{file: f, name: planSheetName(f)}
	if s.name == "" {
		s.close()
		return nil, invalidFile("工作簿中没有工作表")
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.date1904 = *props.Date1904
	}
	merges, err := f.GetMergeCells(s.name, true)
	if err != nil {
		s.close()
		return nil, invalidFile("工作表无法读取")
	}
	s.mergedAbove = map[int][]rowSpan{}
	for _, m := range merges {
		col, first, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		_, last, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 == nil && err2 == nil && last > first {
			s.mergedAbove[col-1] = append(s.mergedAbove[col-1], rowSpan{first, last})
		}
	}
	return s, nil
}

// checkXLSXSize refuses a workbook whose zip directory announces more parts
// or more unzipped bytes than a plan list can need. archive/zip (which
// excelize reads through) refuses a part that inflates past its announced
// size, so the announced sizes can be trusted.
func checkXLSXSize(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return invalidFile("文件不是有效的 .xlsx 工作簿，无法打开")
	}
	if len(zr.File) > maxXLSXParts {
		return invalidFile(fmt.Sprintf("工作簿包含的部件超过%d个，不像是一份方案清单", maxXLSXParts))
	}
	var total uint64
	for _, f := range zr.File {
		if total += f.UncompressedSize64; total > MaxUnzippedXLSX {
			return invalidFile(fmt.Sprintf("工作簿解压后超过%dMB，远大于一份方案清单，请删去多余的行、列和格式后再导入", MaxUnzippedXLSX>>20))
		}
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".xml") {
			if err := checkXLSXRows(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkXLSXRows streams one part of a workbook and refuses a worksheet with
// more rows than a plan list can have: excelize loads a whole sheet to read
// its merged cells, and rows numbered very high or not at all make that
// slow and large.
func checkXLSXRows(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return invalidFile("文件不是有效的 .xlsx 工作簿，无法打开")
	}
	defer rc.Close()
	tooMany := invalidFile(fmt.Sprintf("工作表超过%d行（含空行），不像是一份方案清单，请删去多余的行后再导入", maxSheetRows))
	d := xml.NewDecoder(rc)
	rows, cells, unnumbered := 0, 0, 0
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return invalidFile("工作簿中的 XML 无法读取")
		}
		row, ok := tok.(xml.StartElement)
		if ok && row.Name.Local == "c" {
			if cells++; cells > maxSheetCells {
				return invalidFile(fmt.Sprintf("工作表超过%d个单元格，不像是一份方案清单，请删去多余的行和列后再导入", maxSheetCells))
			}
		}
		if !ok || row.Name.Local != "row" {
			continue
		}
		if rows++; rows > maxSheetRows {
			return tooMany
		}
		num := ""
		for _, a := range row.Attr {
			if a.Name.Local == "r" {
				num = a.Value
			}
		}
		if n, err := strconv.Atoi(num); num != "" && (err != nil || n > maxSheetRows) {
			return tooMany
		}
		if num == "" {
			if unnumbered++; unnumbered > maxUnnumbered {
				return invalidFile(fmt.Sprintf("工作表有超过%d行没有行号，请在 Excel 中打开并另存为 .xlsx 后再导入", maxUnnumbered))
			}
		}
	}
}

// planSheetName is the sheet named 方案 or plans, else the first visible
// sheet (a hidden first sheet usually holds the lists of a drop-down).
func planSheetName(f *excelize.File) string {
	names := f.GetSheetList()
	for _, n := range names {
		if k := strings.ToLower(strings.TrimSpace(n)); k == "方案" || k == "plans" {
			return n
		}
	}
	for _, n := range names {
		if visible, err := f.GetSheetVisible(n); err == nil && visible {
			return n
		}
	}
	return ""
}

// close releases the temporary files excelize may have made; a failure there
// does not affect what was read.
func (s *planSheet) close() { _ = s.file.Close() }

// rows yields the rows of the sheet with raw cell values, numbers marked as
// such and vertically merged cells filled with the value they show.
func (s *planSheet) rows() iter.Seq2[sheetRow, error] {
	return func(yield func(sheetRow, error) bool) {
		it, err := s.file.Rows(s.name)
		if err != nil {
			yield(sheetRow{}, invalidFile("工作表无法读取"))
			return
		}
		defer func() { _ = it.Close() }()
		tops := map[[2]int]cell{} // value of the top cell of each merged range, by column and row
		for num := 1; it.Next(); num++ {
			raw, err := it.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				yield(sheetRow{}, invalidFile(fmt.Sprintf("工作表第%d行无法读取", num)))
				return
			}
			cells := make([]cell, len(raw))
			for i, v := range raw {
				cells[i] = cell{text: v, number: s.isNumber(i, num, v)}
			}
			for col, spans := range s.mergedAbove {
				for _, sp := range spans {
					switch {
					case num == sp.first && col < len(cells):
						tops[[2]int{col, sp.first}] = cells[col]
					case num > sp.first && num <= sp.last:
						for len(cells) <= col {
							cells = append(cells, cell{})
						}
						if cells[col].text == "" {
							cells[col] = tops[[2]int{col, sp.first}]
						}
					}
				}
			}
			if !yield(sheetRow{num: num, cells: cells}, nil) {
				return
			}
		}
		if err := it.Error(); err != nil {
			yield(sheetRow{}, invalidFile("工作表无法完整读取"))
		}
	}
}

// isNumber reports whether the cell at 0-based column col of row num is a
// number cell. Only values that look like numbers are checked, since the
// check loads the whole sheet: a text cell "001" must stay "001".
func (s *planSheet) isNumber(col, num int, raw string) bool {
	if _, err := strconv.ParseFloat(raw, 64); err != nil {
		return false
	}
	name, err := excelize.CoordinatesToCellName(col+1, num)
	if err != nil {
		return false
	}
	t, err := s.file.GetCellType(s.name, name)
	return err == nil && (t == excelize.CellTypeUnset || t == excelize.CellTypeNumber)
}
