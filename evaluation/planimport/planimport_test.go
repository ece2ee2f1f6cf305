package planimport

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

const planImportHeader = "code,title,lead_department,approved_by,issued_on,field,summary\n"

// readDemoPlans returns the demo file shipped to pilot offices.
func readDemoPlans(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("testdata/import/plans.csv")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustParsePlans parses a file that must be readable.
func mustParsePlans(t *testing.T, name string, data []byte) ([]PlanImportRow, []ImportRowError) {
	t.Helper()
	rows, rowErrs, err := ParsePlanFile(name, data)
	if err != nil {
		t.Fatalf("ParsePlanFile(%q): unexpected error %v", name, err)
	}
	return rows, rowErrs
}

// fileError returns the message of the *FileError that err must be (the
// store makes it a *ValidationError on "file", api's
// TestPlanImportRefusesAZipBomb).
func fileError(t *testing.T, err error) string {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v (%T), want *FileError", err, err)
	}
	if fe.Message == "" {
		t.Fatalf("FileError without a message")
	}
	return fe.Message
}

func TestParsePlanImportDemoCSV(t *testing.T) {
	rows, rowErrs := mustParsePlans(t, "plans.csv", readDemoPlans(t))
	if len(rowErrs) != 0 {
		t.Fatalf("row errors = %v, want none", rowErrs)
	}
	if len(rows) != 22 {
		t.Fatalf("got %d rows, want 22", len(rows))
	}
	for i, r := range rows {
		if r.Row != i+2 {
			t.Errorf("rows[%d].Row = %d, want %d", i, r.Row, i+2)
		}
		if want := fmt.Sprintf("-%03d", i+1); !strings.HasPrefix(r.Code, "CD-20") || !strings.HasSuffix(r.Code, want) {
			t.Errorf("rows[%d].Code = %q, want CD-20xx%s", i, r.Code, want)
		}
		if r.Title == "" || r.LeadDepartment == "" || r.ApprovedBy == "" || r.Field == "" || r.Summary == "" {
			t.Errorf("rows[%d] has an empty field: %+v", i, r)
		}
		if _, err := time.Parse(time.DateOnly, r.IssuedOn); err != nil {
			t.Errorf("rows[%d].IssuedOn = %q: %v", i, r.IssuedOn, err)
		}
	}
	for _, want := range []PlanImportRow{
		{Row: 2, Code: "CD-2017-001", Title: "以绩效为导向的财政预算制度改革方案", LeadDepartment: "市财政局",
			ApprovedBy: "市委深改组", IssuedOn: "2017-11-20", Field: "经济体制",
			Summary: "建立全过程预算绩效管理机制，把绩效评价结果与预算安排挂钩。"},
		{Row: 14, Code: "CD-2017-013", Title: "自贸试验区“首证通”改革试点方案", LeadDepartment: "市商务委",
			ApprovedBy: "市政府常务会", IssuedOn: "2017-06-26", Field: "对外开放",
			Summary: "企业取得营业执照后即可开展一般经营活动的“首证通”模式。"},
		{Row: 23, Code: "CD-2018-022", Title: "改革台账专项督促工作制度", LeadDepartment: "市委办公厅",
			ApprovedBy: "市委深改组", IssuedOn: "2018-09-28", Field: "改革推进",
			Summary: "常态化开展台账更新、对账、查账、销账。"},
	} {
		if got := rows[want.Row-2]; got != want {
			t.Errorf("row %d:\n got %+v\nwant %+v", want.Row, got, want)
		}
	}
}

func TestParsePlanImportEncodings(t *testing.T) {
	demo := readDemoPlans(t)
	want, _ := mustParsePlans(t, "plans.csv", demo)
	encode := func(e encoding.Encoding) []byte {
		b, err := e.NewEncoder().Bytes(demo)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"UTF-8 with BOM", append([]byte("\xEF\xBB\xBF"), demo...)},
		{"UTF-8 with BOM, quoted header", append([]byte("\xEF\xBB\xBF\"code\""), demo[len("code"):]...)},
		{"GB18030 (Excel zh-CN)", encode(simplifiedchinese.GB18030)},
		{"GBK", encode(simplifiedchinese.GBK)},
		{"UTF-16LE with BOM", encode(xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM))},
		{"CRLF line ends", bytes.ReplaceAll(demo, []byte("\n"), []byte("\r\n"))},
		{"CR line ends", bytes.ReplaceAll(demo, []byte("\n"), []byte("\r"))},
		{"tab separated", bytes.ReplaceAll(demo, []byte(","), []byte("\t"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "GB18030 (Excel zh-CN)" && bytes.Equal(tt.data, demo) {
				t.Fatal("encoding left the bytes unchanged; the test would prove nothing")
			}
			got, rowErrs := mustParsePlans(t, "plans.csv", tt.data)
			if len(rowErrs) != 0 {
				t.Fatalf("row errors = %v", rowErrs)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("rows differ from the UTF-8 file:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestParsePlanImportHeaders(t *testing.T) {
	want := PlanImportRow{Row: 2, Code: "P-1", Title: "方案一", LeadDepartment: "市财政局", ApprovedBy: "市委深改组",
		IssuedOn: "2017-11-20", Field: "经济体制", Summary: "摘要"}
	tests := []struct {
		name, filename, file string
		want                 PlanImportRow
	}{
		{"English names in another order, any case", "plans.csv",
			" Summary ,ISSUED_ON,Code,Title,Lead_Department,approved_by,FIELD\n摘要,2017-11-20,P-1,方案一,市财政局,市委深改组,经济体制\n", want},
		{"Chinese titles, unknown columns ignored", "方案.CSV",
			"序号,方案编号,名称,牵头部门,审议机构,印发时间,领域,内容摘要,备注\n1,P-1,方案一,市财政局,市委深改组,2017-11-20,经济体制,摘要,无\n", want},
		{"other Chinese titles with marks and notes", `C:\fakepath\plans.csv`,
			"*编号,标题*,　牵头责任单位　,批准机构,印发日期（必填）,改革领域,主要内容\nP-1,方案一,市财政局,市委深改组,2017-11-20,经济体制,摘要\n", want},
		{"remaining titles", "plans.csv",
			"编号,方案名称,牵头单位,审定机构,印发日期,改革领域,摘要\nP-1,方案一,市财政局,市委深改组,2017-11-20,经济体制,摘要\n", want},
		{"the titles of the office's own plan list", "plans.csv",
			"方案编号,方案名称,牵头单位,审议机构,印发日期,所属领域,方案概要\nP-1,方案一,市财政局,市委深改组,2017-11-20,经济体制,摘要\n", want},
		{"optional columns absent", "plans.csv",
			"code,title,lead_department,issued_on\nP-1,方案一,市财政局,2017-11-20\n",
			PlanImportRow{Row: 2, Code: "P-1", Title: "方案一", LeadDepartment: "市财政局", IssuedOn: "2017-11-20",
				Absent: 1<<colApprovedBy | 1<<colField | 1<<colSummary}},
		{"sheet title and blank lines above the header keep their numbers", "plans.csv",
			"附件1,,\n2017年改革方案清单\n\n" + planImportHeader + "P-1,方案一,市财政局,,2017-11-20,,\n",
			PlanImportRow{Row: 5, Code: "P-1", Title: "方案一", LeadDepartment: "市财政局", IssuedOn: "2017-11-20"}},
		{"blank lines above the header keep their numbers", "plans.csv",
			"\n,,\n" + planImportHeader + "P-1,方案一,市财政局,,2017-11-20,,\n",
			PlanImportRow{Row: 4, Code: "P-1", Title: "方案一", LeadDepartment: "市财政局", IssuedOn: "2017-11-20"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, rowErrs := mustParsePlans(t, tt.filename, []byte(tt.file))
			if len(rowErrs) != 0 || len(rows) != 1 {
				t.Fatalf("got rows %+v, errors %v; want one row", rows, rowErrs)
			}
			if rows[0] != tt.want {
				t.Errorf("got  %+v\nwant %+v", rows[0], tt.want)
			}
		})
	}
}

func TestParsePlanImportFileErrors(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	w, err := zw.Create("readme.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("not a workbook")); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	tooMany := strings.Builder{}
	tooMany.WriteString(planImportHeader)
	for i := range MaxPlanImportRows + 1 {
		fmt.Fprintf(&tooMany, "P-%d,方案,市财政局,,2017-11-20,,\n", i)
	}
	tests := []struct {
		name, filename string
		data           []byte
		want           string // part of the message
	}{
		{"PNG named .xlsx", "plans.xlsx", png, "不是 .xlsx"},
		{"text named .xlsx", "plans.xlsx", readDemoPlans(t), "不是 .xlsx"},
		{"zip that is no workbook", "plans.xlsx", zipped.Bytes(), "xlsx"},
		{"old .xls content named .xlsx", "plans.xlsx", append(bytes.Clone(oleMagic), make([]byte, 512)...), "旧版 .xls"},
		{"workbook named .csv", "plans.csv", newWorkbook(t, func(*excelize.File) {}), "扩展名改为 .xlsx"},
		{"PNG named .csv", "plans.csv", png, "CSV"},
		{"neither UTF-8 nor GB18030", "plans.csv", []byte(planImportHeader + "P-1,\xff\xfe\xff,x,,2017-11-20,,\n"), "编码"},
		{".xls by name", "plans.xls", readDemoPlans(t), "不支持旧版 .xls"},
		{"other extension", "plans.txt", readDemoPlans(t), "只能导入 .xlsx 或 .csv"},
		{"no extension", "plans", readDemoPlans(t), "只能导入"},
		{"empty file", "plans.csv", nil, "文件为空"},
		{"only blank lines", "plans.csv", []byte("\n\n,,,\n  \n"), "没有表头"},
		{"header only", "plans.csv", []byte("\n" + planImportHeader + ",,,\n"), "表头（第2行）之后没有数据行"},
		{"missing issued_on", "plans.csv", []byte("code,title,lead_department\nP-1,方案,市财政局\n"), "缺少必需的列：印发日期（issued_on）"},
		{"missing several", "plans.csv", []byte("方案名称,摘要\n方案,摘要\n"),
			"表头（第1行）缺少必需的列：编号（code）、牵头单位（lead_department）、印发日期（issued_on）"},
		{"no header in the first rows", "plans.csv", []byte("附件1\n改革方案清单\n\n填表人：\n单位：\nP-1,方案,市财政局,,2017-11-20,,\n"), "找不到表头行"},
		{"only a title", "plans.csv", []byte("改革方案清单\n"), "找不到表头行"},
		{"duplicate column", "plans.csv", []byte("code,title,lead_department,issued_on,编号\nP-1,方案,市财政局,2017-11-20,P-1\n"),
			"表头第E列“编号”与第A列“code”重复"},
		{"duplicate column by alias", "plans.csv", []byte("code,title,名称,lead_department,issued_on\n"), "重复"},
		{"over 10 MB", "plans.csv", append([]byte(planImportHeader), bytes.Repeat([]byte("a"), MaxPlanImportSize)...), "10MB"},
		{"over 10000 data rows", "plans.csv", []byte(tooMany.String()), "不能超过10000行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, rowErrs, err := ParsePlanFile(tt.filename, tt.data)
			if rows != nil || rowErrs != nil {
				t.Errorf("got rows %v and errors %v alongside a file error", rows, rowErrs)
			}
			if msg := fileError(t, err); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q does not contain %q", msg, tt.want)
			}
		})
	}
}

func TestParsePlanImportMaxRows(t *testing.T) {
	var b strings.Builder
	b.WriteString(planImportHeader)
	for i := range MaxPlanImportRows {
		fmt.Fprintf(&b, "P-%d,方案,市财政局,,2017-11-20,,\n\n", i) // blank lines do not count
	}
	rows, rowErrs := mustParsePlans(t, "plans.csv", []byte(b.String()))
	if len(rows) != MaxPlanImportRows || len(rowErrs) != 0 {
		t.Fatalf("got %d rows, %d errors; want %d rows", len(rows), len(rowErrs), MaxPlanImportRows)
	}
	if last := rows[len(rows)-1].Row; last != 2*MaxPlanImportRows {
		t.Errorf("last row number = %d, want %d", last, 2*MaxPlanImportRows)
	}
}

func TestParsePlanImportRowErrors(t *testing.T) {
	long := func(n int) string { return strings.Repeat("改", n) }
	lines := []string{
		/* 1 */ strings.TrimSuffix(planImportHeader, "\n"),
		/* 2 */ "A-1,方案一,市财政局,市委深改组,2017-11-20,经济体制,\"摘要，含逗号\n和换行\"",
		/* 3 */ "",
		/* 4 */ ",,,,,,",
		/* 5 */ "A-2,,市财政局,,2017-11-20,,",
		/* 6 */ "A-3,方案三,市财政局,,2017-02-30,,",
		/* 7 */ "A-1,方案一again,市财政局,,2017-11-20,,",
		/* 8 */ ",方案八,,,明年,,",
		/* 9 */ "A-5," + long(256) + ",市财政局,,2017-11-20,,",
		/* 10 */ strings.Repeat("X", 65) + ",方案十,市财政局,,2017-11-20,,",
		/* 11 */ "A-6,方案十一,市财政局,,  ,,",
		/* 12 */ "a-3,方案十二,市财政局,,2017-11-20,,",
		/* 13 */ "  A-7\u3000,\u3000方案十三 ,市财政局,市委深改组,2017/1/5,,",
		/* 14 */ "A-8,方案十四,市财政局,,2017-11-20,," + long(5001),
		/* 15 */ "A-9,方案十五,市财政局," + long(101) + ",2017-11-20," + long(101) + ",",
		/* 16 */ "A-10,方案十六,市财政局,,1900-01-01,,",
		/* 17 */ "A-11,方案十七,市财政局,,43059,,",
		/* 18 */ "A-12,方案十八",
		/* 19 */ "A-13,方案十九," + long(101) + ",,2017-11-20,,",
	}
	rows, rowErrs := mustParsePlans(t, "plans.csv", []byte(strings.Join(lines, "\n")))
	wantErrs := []ImportRowError{
		{5, "方案名称不能为空"},
		{6, "印发日期“2017-02-30”不是有效的日期"},
		{7, "编号“A-1”与第2行重复"},
		{8, "编号不能为空；牵头单位不能为空；印发日期“明年”无法识别，请写成 2017-11-20 这样的日期"},
		{9, "方案名称不能超过255个字（现有256个）"},
		{10, "编号不能超过64个字（现有65个）"},
		{11, "印发日期不能为空"},
		{12, "编号“a-3”与第6行重复"},
		{14, "摘要不能超过5000个字（现有5001个）"},
		{15, "审定机构不能超过100个字（现有101个）；改革领域不能超过100个字（现有101个）"},
		{16, "印发日期“1900-01-01”的年份应在1949年至2099年之间"},
		{17, "印发日期“43059”无法识别，请写成 2017-11-20 这样的日期"},
		{18, "牵头单位不能为空；印发日期不能为空"},
		{19, "牵头单位不能超过100个字（现有101个）"},
	}
	if !reflect.DeepEqual(rowErrs, wantErrs) {
		t.Errorf("row errors:\n got %v\nwant %v", rowErrs, wantErrs)
		for i := range min(len(rowErrs), len(wantErrs)) {
			if rowErrs[i] != wantErrs[i] {
				t.Logf("first difference: got %+v, want %+v", rowErrs[i], wantErrs[i])
				break
			}
		}
	}
	wantRows := []PlanImportRow{
		{Row: 2, Code: "A-1", Title: "方案一", LeadDepartment: "市财政局", ApprovedBy: "市委深改组",
			IssuedOn: "2017-11-20", Field: "经济体制", Summary: "摘要，含逗号\n和换行"},
		{Row: 13, Code: "A-7", Title: "方案十三", LeadDepartment: "市财政局", ApprovedBy: "市委深改组", IssuedOn: "2017-01-05"},
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Errorf("rows:\n got %+v\nwant %+v", rows, wantRows)
	}
}

func TestParsePlanImportLengthLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("改", n) }
	file := planImportHeader + strings.Repeat("C", 64) + "," + long(255) + "," + long(100) + "," + long(100) +
		",2017-11-20," + long(100) + ",\"" + long(5000) + "\"\n"
	rows, rowErrs := mustParsePlans(t, "plans.csv", []byte(file))
	if len(rowErrs) != 0 || len(rows) != 1 {
		t.Fatalf("values at the limits: got %d rows, errors %v", len(rows), rowErrs)
	}
}

// TestParsePlanImportNormalises: a file's cells are stored as CreatePlan
// stores texts — one line for all but the summary, zero-width and control
// characters gone, NFC — and measured against the columns after that.
func TestParsePlanImportNormalises(t *testing.T) {
	file := planImportHeader +
		"CD-\u200b1 ,方案\u200b名称\t一,市财政局,,2017-11-20,领\u009f域,\"第一行\r\n第二行\u200d\"\n" +
		"\u200b\ufeff,\u200c,\u2060,,,,\n" + // zero-width marks only: a blank row
		strings.Repeat("\u200b", 10) + strings.Repeat("C", 64) + ",e\u0301,市财政局,,2017-11-20,,\n" // 64 characters once clean; é composed
	rows, rowErrs := mustParsePlans(t, "plans.csv", []byte(file))
	if len(rowErrs) != 0 || len(rows) != 2 {
		t.Fatalf("got %d rows, errors %v; want 2 rows", len(rows), rowErrs)
	}
	if r := rows[0]; r.Code != "CD-1" || r.Title != "方案名称 一" || r.Field != "领域" || r.Summary != "第一行\n第二行" {
		t.Errorf("normalised row: %+v", r)
	}
	if r := rows[1]; r.Code != strings.Repeat("C", 64) || r.Title != "\u00e9" || r.Row != 4 {
		t.Errorf("row with zero-width marks: %+v", r)
	}
}

func TestParseIssuedOn(t *testing.T) {
	tests := []struct {
		value    string
		number   bool
		date1904 bool
		want     string // "" when the value must be refused
	}{
		{value: "2017-11-20", want: "2017-11-20"},
		{value: "2017/11/20", want: "2017-11-20"},
		{value: "2017.11.20", want: "2017-11-20"},
		{value: "2017年11月20日", want: "2017-11-20"},
		{value: "2017 年 11 月 20 日", want: "2017-11-20"},
		{value: "2017年11月20", want: "2017-11-20"},
		{value: "2017-1-5", want: "2017-01-05"},
		{value: "2017/1/5", want: "2017-01-05"},
		{value: "２０１７－１１－２０", want: "2017-11-20"},
		{value: "2017/11/20 0:00", want: "2017-11-20"},
		{value: "2017-11-20 00:00:00", want: "2017-11-20"},
		{value: "2017-11-20T00:00:00Z", want: "2017-11-20"},
		{value: "20171120", want: "2017-11-20"},
		{value: "2016-02-29", want: "2016-02-29"},
		{value: "2017-02-29"},
		{value: "2017-02-30"},
		{value: "2017-13-01"},
		{value: "2017-00-10"},
		{value: "2017-11"},
		{value: "11/20/2017"},
		{value: "2017-11/20"},
		{value: "2017-11-20x"},
		{value: "明年"},
		{value: "1900-01-01"},
		{value: "2100-01-01"},
		{value: "43059"}, // a serial written as text
		{value: "43059", number: true, want: "2017-11-20"},
		{value: "43059.75", number: true, want: "2017-11-20"},
		{value: "43059.0", number: true, want: "2017-11-20"},
		{value: "41597", number: true, date1904: true, want: "2017-11-20"},
		{value: "20171120", number: true, want: "2017-11-20"},
		{value: "20170230", number: true},
		{value: "0", number: true},
		{value: "-1", number: true},
		{value: "61", number: true}, // 1900-03-01
		{value: "3000000", number: true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s number=%v 1904=%v", tt.value, tt.number, tt.date1904), func(t *testing.T) {
			got, problem := parseIssuedOn(cell{text: tt.value, number: tt.number}, tt.date1904)
			if tt.want == "" {
				if problem == "" {
					t.Errorf("got %q, want it refused", got)
				} else if !strings.Contains(problem, "印发日期") {
					t.Errorf("message %q does not name the column", problem)
				}
				return
			}
			if got != tt.want || problem != "" {
				t.Errorf("got %q, %q; want %q", got, problem, tt.want)
			}
		})
	}
}

func TestCanonicalNumber(t *testing.T) {
	for raw, want := range map[string]string{
		"2017001":             "2017001",
		"2017001.0":           "2017001",
		"2.017001E6":          "2017001",
		"2.017001E+6":         "2017001",
		"20170010001":         "20170010001",
		"1.5":                 "1.5",
		"0.30000000000000004": "0.3",
		"-12":                 "-12",
		"abc":                 "abc",
	} {
		if got := canonicalNumber(raw); got != want {
			t.Errorf("canonicalNumber(%q) = %q, want %q", raw, got, want)
		}
	}
}

// newWorkbook returns the bytes of an .xlsx file that build fills in.
func newWorkbook(t *testing.T, build func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer func() { _ = f.Close() }()
	build(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rawNumber is a number cell written as is, e.g. "2.017002E6", as other
// programs than Excel write them.
type rawNumber string

// setRows writes rows into sheet from A1, each value with excelize's own
// typing (numbers as numbers, time.Time as date cells).
func setRows(t *testing.T, f *excelize.File, sheet string, rows [][]any) {
	t.Helper()
	for i, row := range rows {
		for j, v := range row {
			if v == nil {
				continue
			}
			name, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				t.Fatal(err)
			}
			if raw, ok := v.(rawNumber); ok {
				if err := f.SetCellDefault(sheet, name, string(raw)); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if s, ok := v.(string); ok {
				if err := f.SetCellStr(sheet, name, s); err != nil { // SetCellValue would not keep "001" as text
					t.Fatal(err)
				}
				continue
			}
			if err := f.SetCellValue(sheet, name, v); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestParsePlanImportXLSX(t *testing.T) {
	chineseHeader := []any{"序号", "编号", "方案名称", "牵头单位", "审定机构", "印发日期", "改革领域", "摘要"}
	englishHeader := []any{"code", "title", "lead_department", "approved_by", "issued_on", "field", "summary"}
	simple := []any{"P-1", "方案一", "市财政局", nil, "2017-11-20"}
	simpleRow := PlanImportRow{Row: 2, Code: "P-1", Title: "方案一", LeadDepartment: "市财政局", IssuedOn: "2017-11-20"}
	tests := []struct {
		name     string
		build    func(t *testing.T, f *excelize.File)
		wantRows []PlanImportRow
		wantErrs []ImportRowError
	}{
		{
			name: "date cells, text dates and numeric codes",
			build: func(t *testing.T, f *excelize.File) {
				setRows(t, f, "Sheet1", [][]any{
					chineseHeader,
					{1, 2017001, "方案一", "市财政局", "市委深改组", time.Date(2017, 11, 20, 0, 0, 0, 0, time.UTC), "经济体制", "摘要一"},
					{2, "001", "方案二", "市国资委", nil, "2017年12月5日", "经济体制", nil},
					{},
					{3, int64(20170010001), "方案三", "市国资委", nil, 43059.5, 123, nil},
					{4, 2.5, "方案四", "市国资委", nil, 20180102, nil, nil},
					{5, "A-5", "方案五", "市国资委", nil, "43059", nil, nil},
					{6, "ＣＤ－００８", "方案六", "\u3000市教育局\u3000", nil, "2018.3.15", nil, " 摘要六 "},
					{7, "A-7", nil, nil, nil, time.Date(1900, 1, 5, 0, 0, 0, 0, time.UTC), nil, nil},
					{8, rawNumber("2.017002E6"), "方案八", "市国资委", nil, rawNumber("43059.0"), 0.1 + 0.2, nil},
				})
			},
			wantRows: []PlanImportRow{
				{Row: 2, Code: "2017001", Title: "方案一", LeadDepartment: "市财政局", ApprovedBy: "市委深改组",
					IssuedOn: "2017-11-20", Field: "经济体制", Summary: "摘要一"},
				{Row: 3, Code: "001", Title: "方案二", LeadDepartment: "市国资委", IssuedOn: "2017-12-05", Field: "经济体制"},
				{Row: 5, Code: "20170010001", Title: "方案三", LeadDepartment: "市国资委", IssuedOn: "2017-11-20", Field: "123"},
				{Row: 6, Code: "2.5", Title: "方案四", LeadDepartment: "市国资委", IssuedOn: "2018-01-02"},
				{Row: 8, Code: "CD-008", Title: "方案六", LeadDepartment: "市教育局", IssuedOn: "2018-03-15", Summary: "摘要六"},
				{Row: 10, Code: "2017002", Title: "方案八", LeadDepartment: "市国资委", IssuedOn: "2017-11-20", Field: "0.3"},
			},
			wantErrs: []ImportRowError{
				{7, "印发日期“43059”无法识别，请写成 2017-11-20 这样的日期"},
				{9, "方案名称不能为空；牵头单位不能为空；印发日期“5”的年份应在1949年至2099年之间"},
			},
		},
		{
			name: "sheet named 方案 rather than the first",
			build: func(t *testing.T, f *excelize.File) {
				setRows(t, f, "Sheet1", [][]any{{"填表说明：印发日期写成 2017-11-20"}})
				if _, err := f.NewSheet("方案"); err != nil {
					t.Fatal(err)
				}
				setRows(t, f, "方案", [][]any{englishHeader, simple})
			},
			wantRows: []PlanImportRow{simpleRow},
		},
		{
			name: "sheet named Plans rather than the first",
			build: func(t *testing.T, f *excelize.File) {
				setRows(t, f, "Sheet1", [][]any{{"说明"}})
				if _, err := f.NewSheet(" Plans "); err != nil {
					t.Fatal(err)
				}
				setRows(t, f, " Plans ", [][]any{englishHeader, simple})
			},
			wantRows: []PlanImportRow{simpleRow},
		},
		{
			name: "first visible sheet",
			build: func(t *testing.T, f *excelize.File) {
				setRows(t, f, "Sheet1", [][]any{{"下拉列表"}, {"市财政局"}})
				idx, err := f.NewSheet("导入")
				if err != nil {
					t.Fatal(err)
				}
				setRows(t, f, "导入", [][]any{englishHeader, simple})
				f.SetActiveSheet(idx)
				if err := f.SetSheetVisible("Sheet1", false); err != nil {
					t.Fatal(err)
				}
			},
			wantRows: []PlanImportRow{simpleRow},
		},
		{
			name: "vertically merged cells repeat their value",
			build: func(t *testing.T, f *excelize.File) {
				setRows(t, f, "Sheet1", [][]any{
					englishHeader,
					{"P-1", "方案一", "市财政局", "市委深改组", "2017-11-20"},
					{"P-2", "方案二", nil, nil, nil},
					{"P-3", "方案三", nil, nil, nil},
					{"P-4", "方案四", "市教育局", nil, "2018-01-02"},
				})
				for _, r := range [][2]string{{"C2", "C4"}, {"D2", "D5"}, {"E2", "E4"}} {
					if err := f.MergeCell("Sheet1", r[0], r[1]); err != nil {
						t.Fatal(err)
					}
				}
			},
			wantRows: []PlanImportRow{
				{Row: 2, Code: "P-1", Title: "方案一", LeadDepartment: "市财政局", ApprovedBy: "市委深改组", IssuedOn: "2017-11-20"},
				{Row: 3, Code: "P-2", Title: "方案二", LeadDepartment: "市财政局", ApprovedBy: "市委深改组", IssuedOn: "2017-11-20"},
				{Row: 4, Code: "P-3", Title: "方案三", LeadDepartment: "市财政局", ApprovedBy: "市委深改组", IssuedOn: "2017-11-20"},
				{Row: 5, Code: "P-4", Title: "方案四", LeadDepartment: "市教育局", ApprovedBy: "市委深改组", IssuedOn: "2018-01-02"},
			},
		},
		{
			name: "1904 date system",
			build: func(t *testing.T, f *excelize.File) {
				on := true
				if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
					t.Fatal(err)
				}
				setRows(t, f, "Sheet1", [][]any{englishHeader, {"P-1", "方案一", "市财政局", nil, 41597}})
			},
			wantRows: []PlanImportRow{simpleRow},
		},
		{
			name: "inline strings from a streaming writer, duplicate codes",
			build: func(t *testing.T, f *excelize.File) {
				sw, err := f.NewStreamWriter("Sheet1")
				if err != nil {
					t.Fatal(err)
				}
				for i, row := range [][]any{
					englishHeader,
					{2017001, "方案一", "市财政局", nil, "2017/11/20"},
					nil,
					{"2017001", "方案二", "市财政局", nil, 43059},
				} {
					if err := sw.SetRow(fmt.Sprintf("A%d", i+1), row); err != nil {
						t.Fatal(err)
					}
				}
				if err := sw.Flush(); err != nil {
					t.Fatal(err)
				}
			},
			wantRows: []PlanImportRow{{Row: 2, Code: "2017001", Title: "方案一", LeadDepartment: "市财政局", IssuedOn: "2017-11-20"}},
			wantErrs: []ImportRowError{{4, "编号“2017001”与第2行重复"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := newWorkbook(t, func(f *excelize.File) { tt.build(t, f) })
			rows, rowErrs := mustParsePlans(t, "方案导入.XLSX", data)
			if !reflect.DeepEqual(rows, tt.wantRows) {
				t.Errorf("rows:\n got %+v\nwant %+v", rows, tt.wantRows)
			}
			if !reflect.DeepEqual(rowErrs, tt.wantErrs) {
				t.Errorf("row errors:\n got %v\nwant %v", rowErrs, tt.wantErrs)
			}
		})
	}
}

func TestParsePlanImportXLSXHeaderErrors(t *testing.T) {
	tests := []struct {
		name  string
		build func(t *testing.T, f *excelize.File)
		want  string
	}{
		{"empty sheet", func(*testing.T, *excelize.File) {}, "没有表头"},
		{"missing column", func(t *testing.T, f *excelize.File) {
			setRows(t, f, "Sheet1", [][]any{{"编号", "方案名称", "印发日期"}, {"P-1", "方案", "2017-11-20"}})
		}, "缺少必需的列：牵头单位（lead_department）"},
		{"duplicate column", func(t *testing.T, f *excelize.File) {
			setRows(t, f, "Sheet1", [][]any{{"编号", "方案名称", "牵头单位", "印发日期", "印发时间"}})
		}, "表头第E列“印发时间”与第D列“印发日期”重复"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParsePlanFile("plans.xlsx", newWorkbook(t, func(f *excelize.File) { tt.build(t, f) }))
			if msg := fileError(t, err); !strings.Contains(msg, tt.want) {
				t.Errorf("message %q does not contain %q", msg, tt.want)
			}
		})
	}
}
