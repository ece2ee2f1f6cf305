package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/reports"
)

// xlsxRows opens a downloaded workbook and returns the rows of its first sheet, header first.
func xlsxRows(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	if !strings.HasSuffix(name, ".xlsx") {
		t.Errorf("downloaded %q, want an .xlsx", name)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s is not a valid XLSX: %v", name, err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: empty sheet", name)
	}
	return rows
}

// firstColumn is the first cell of each row after the header.
func firstColumn(rows [][]string) []string {
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[0])
	}
	return out
}

// The 导出 buttons download a workbook holding exactly the rows the list
// shows under its filters.
func TestExportButtons(t *testing.T) {
	a := newApp(t)
	w := a.world
	p := a.published()
	a.login("admin")
	export := `[data-testid="list-export"]`

	a.open("/admin/plans")
	a.visible(".el-table__row")
	a.fill("#plan-q", "CD-2017")
	a.clickText(".filters .el-button--primary", "查询")
	a.until("three plans", `document.querySelectorAll('.el-table__body-wrapper .el-table__row').length === 3`)
	name, data := a.download("export the plans", chromedp.Click(chromedp.CSS(export)))
	rows := xlsxRows(t, name, data)
	if got, want := firstColumn(rows), []string{w.P1.Code, w.P2.Code, w.P3.Code}; !slices.Equal(got, want) {
		t.Errorf("plans export %s: %v, want %v", name, got, want)
	}
	if rows[0][0] != "方案编号" {
		t.Errorf("plans export header %v", rows[0])
	}

	a.open("/admin/findings")
	a.visible(".el-table__row")
	a.fill("#f-q", w.P2.Code)
	a.clickText(".filters .el-button--primary", "查询")
	a.until("one finding", `document.querySelectorAll('.el-table__body-wrapper .el-table__row').length === 1`)
	name, data = a.download("export the findings", chromedp.Click(chromedp.CSS(export)))
	rows = xlsxRows(t, name, data)
	if len(rows) != 2 || !slices.ContainsFunc(rows[1], func(c string) bool { return strings.Contains(c, p.P2Major.Description) }) {
		t.Errorf("findings export for %s: %v", w.P2.Code, rows)
	}

	a.open("/admin/users")
	a.visible(".el-table__row")
	a.fill("#user-q", "eval")
	a.clickText(".filters .el-button--primary", "查询")
	a.until("five evaluators", `document.querySelectorAll('.el-table__body-wrapper .el-table__row').length === 5`)
	name, data = a.download("export the users", chromedp.Click(chromedp.CSS(export)))
	if got := firstColumn(xlsxRows(t, name, data)); !slices.Equal(got, []string{"eval1", "eval2", "eval3", "eval4", "eval5"}) {
		t.Errorf("users export: %v", got)
	}

	a.open("/admin/audit")
	a.visible(".el-table__row")
	a.pickEntity("评估轮次")
	a.until("only rounds", `(() => {
		const rows = [...document.querySelectorAll('[data-testid="audit"] .el-table__body-wrapper .el-table__row')]
		return rows.length > 0 && rows.every((r) => r.innerText.includes('评估轮次'))
	})()`)
	name, data = a.download("export the audit log", chromedp.Click(chromedp.CSS(export)))
	rows = xlsxRows(t, name, data)
	if len(rows) < 5 || rows[0][6] != "变更内容" {
		t.Fatalf("audit export: %d rows, header %v", len(rows), rows[0])
	}
	for _, r := range rows[1:] {
		if r[4] != "评估轮次" {
			t.Errorf("audit export row of %s under the 评估轮次 filter", r[4])
		}
	}

	// The rectification of the round chosen (the newest is chosen already).
	a.open("/rectification")
	a.visible(`[data-testid="rectification-export"]`)
	a.settle()
	a.clickable(`[data-testid="rectification-export"]`)
	name, data = a.download("export the rectification", chromedp.Click(chromedp.CSS(`[data-testid="rectification-export"]`)))
	if got := firstColumn(xlsxRows(t, name, data)); !slices.Contains(got, w.P1.Code) || !slices.Contains(got, w.P2.Code) {
		t.Errorf("rectification export: %v, want %s and %s", got, w.P1.Code, w.P2.Code)
	}
}

// The office downloads the Chinese import template from the dialog, fills
// it in and imports it through the same dialog; then deletes the imported
// plans and one in use together, which deletes the two and names the third.
func TestPlanImportTemplateThroughTheDialog(t *testing.T) {
	a := newApp(t)
	a.world.Assign(a.world.Round, a.world.P1, a.world.Eval1) // P1 is in use: it cannot be deleted
	a.login("admin")
	a.open("/admin/plans")
	a.visible(".el-table__row")
	a.clickText("button", "批量导入")
	a.visible(".el-dialog .el-upload")
	name, data := a.download("download the template", chromedp.Evaluate[chromedp.Void](
		`[...document.querySelectorAll('.el-dialog button')].find((b) => b.innerText.includes('下载导入模板')).click()`))
	rows := xlsxRows(t, name, data)
	if !slices.Equal(rows[0], reports.PlanTemplateHeaders) {
		t.Fatalf("template header %v, want %v", rows[0], reports.PlanTemplateHeaders)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sheet := f.GetSheetList()[0]
	for i, row := range [][]any{
		{"CD-2026-101", "关于深化政务服务“一网通办”改革的实施方案", "市财政局", "市委深改委", "2026-03-15", "社会治理", "推进政务服务事项全流程网上办理。"},
		{"CD-2026-102", "国有企业混合所有制改革试点方案", "市国资委", "市政府常务会", "2026-04-01", "经济体制", ""},
	} {
		cell, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetSheetRow(sheet, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "方案导入.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	a.run("choose the filled template", chromedp.SetUploadFiles(`.el-dialog .el-upload input[type=file]`, []string{path}))
	a.untilText(".el-dialog .picked", "方案导入.xlsx")
	a.clickText(".el-dialog__footer button", "开始导入")
	a.untilText(".el-dialog .el-alert--success", "新增 2 个")
	a.settle()
	a.screenshot("imported")
	list, err := a.env.Store.Plans(context.Background(), evaluation.PlanFilter{Q: "CD-2026-10", Page: evaluation.Page{PerPage: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if list.Total != 2 || list.Items[0].LeadDepartmentID != a.world.Finance.ID || list.Items[1].Title != "国有企业混合所有制改革试点方案" {
		t.Errorf("imported plans: %+v", list.Items)
	}

	a.clickText(".el-dialog__footer button", "关闭")
	a.gone(".el-dialog")
	a.until("the imported plans listed", `document.querySelectorAll('.el-table__body-wrapper .el-table__row').length === 6`)
	for _, code := range []string{a.world.P1.Code, "CD-2026-101", "CD-2026-102"} {
		a.run("tick "+code, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
			`[...document.querySelectorAll('.el-table__body-wrapper .el-table__row')].find((r) => r.innerText.includes(%s)).querySelector('.el-checkbox input').click()`, js(code))))
	}
	a.untilText(`[data-testid="batch-delete"]`, "批量删除（3）")
	a.click(`[data-testid="batch-delete"]`)
	a.untilText(".el-message-box__message", "选中的 3 个方案")
	a.clickText(".el-message-box__btns .el-button--danger", "删除 3 个") // a deletion confirms with a red button
	a.gone(".el-message-box")
	a.toast("已删除 2 条，失败 1 条：" + a.world.P1.Code + "：")
	a.settle()
	a.screenshot("batch-deleted")
	left, err := a.env.Store.Plans(context.Background(), evaluation.PlanFilter{Page: evaluation.Page{PerPage: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if left.Total != 4 || !slices.ContainsFunc(left.Items, func(p evaluation.Plan) bool { return p.Code == a.world.P1.Code }) {
		t.Errorf("after the batch: %d plans, want the 4 of the fixture", left.Total)
	}
}
