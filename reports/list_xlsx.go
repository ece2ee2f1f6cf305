package reports

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/evaluation"
)

// The list exports: each writes the rows a list route shows, under the same
// filters, as one streamed sheet with Chinese headers. Dates stay
// YYYY-MM-DD text, times are written as text in the city's time zone
// (EVAL_TZ) so that they read the same whatever the spreadsheet's locale,
// and enum values as their labels.

// Sheet names of the list exports.
const (
	SheetPlanList = "方案"
	SheetFindings = "问题清单"
	SheetUsers    = "用户"
	SheetAudit    = "审计日志"
	SheetRectPlan = "方案整改"
)

// listColumn is a column of a list export.
type listColumn struct {
	title string
	width float64
}

// listSheet streams one sheet of a list export.
type listSheet struct {
	sw     *excelize.StreamWriter
	text   int
	number int
	pct    int
	n      int // rows written, header included
}

// newListSheet starts the named sheet (the workbook's first, or a new one)
// with its header row.
func newListSheet(f *excelize.File, name string, first bool, cols []listColumn) (*listSheet, error) {
	if first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "16365C"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5F0"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    borders(),
	})
	if err != nil {
		return nil, err
	}
	text, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: borders()})
	if err != nil {
		return nil, err
	}
	number, err := f.NewStyle(&excelize.Style{NumFmt: 1, Border: borders()})
	if err != nil {
		return nil, err
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: numFmtPercent, Border: borders()})
	if err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
	}
	err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	if err != nil {
		return nil, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: header, Value: c.title}
	}
	s := &listSheet{sw: sw, text: text, number: number, pct: pct}
	return s, s.row(head, excelize.RowOpts{Height: 22})
}

// row writes the next row: numbers right-aligned as numbers, nil empty,
// everything else as text.
func (s *listSheet) row(values []any, opts ...excelize.RowOpts) error {
	s.n++
	cells := make([]any, len(values))
	for i, v := range values {
		switch v := v.(type) {
		case excelize.Cell:
			cells[i] = v
		case int, int64:
			cells[i] = excelize.Cell{StyleID: s.number, Value: v}
		case *evaluation.Rate: // a fraction shown as a percentage; empty without findings
			if v != nil {
				cells[i] = excelize.Cell{StyleID: s.pct, Value: v.Float64()}
			}
		default:
			cells[i] = excelize.Cell{StyleID: s.text, Value: v}
		}
	}
	ref, err := excelize.CoordinatesToCellName(1, s.n)
	if err != nil {
		return err
	}
	return streamRow(s.sw, ref, cells, opts...)
}

// writeList builds a one-sheet (or more) workbook and writes it out.
func writeList(w io.Writer, what string, build func(f *excelize.File) error) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Title: what, Creator: "evald", LastModifiedBy: "evald"}); err != nil {
		return fmt.Errorf("生成%s: %w", what, err)
	}
	if err := build(f); err != nil {
		return fmt.Errorf("生成%s: %w", what, err)
	}
	f.SetActiveSheet(0)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("写出%s: %w", what, err)
	}
	return nil
}

// oneSheet streams rows into a workbook's single sheet.
func oneSheet[T any](w io.Writer, what, sheet string, cols []listColumn, items []T, row func(T) []any) error {
	return writeList(w, what, func(f *excelize.File) error {
		s, err := newListSheet(f, sheet, true, cols)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := s.row(row(it)); err != nil {
				return err
			}
		}
		return s.sw.Flush()
	})
}

// wallClock is t as text in the city's time zone.
func wallClock(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.DateTime)
}

// orgName is an organisation's name, or its number if unknown.
func orgName(orgs map[int64]string, id int64) string {
	if n, ok := orgs[id]; ok {
		return n
	}
	return "#" + strconv.FormatInt(id, 10)
}

// PlansXLSX writes plans as GET /plans lists them; orgs names the departments.
func PlansXLSX(w io.Writer, plans []evaluation.Plan, orgs map[int64]string) error {
	return oneSheet(w, "方案清单", SheetPlanList, []listColumn{
		{"方案编号", 16}, {"方案名称", 48}, {"牵头单位", 28}, {"审议机构", 18}, {"印发日期", 12},
		{"所属领域", 14}, {"方案概要", 60}, {"销账原因", 24},
	}, plans, func(p evaluation.Plan) []any {
		reason := ""
		if p.CloseReason != nil {
			reason = *p.CloseReason
		}
		return []any{p.Code, p.Title, orgName(orgs, p.LeadDepartmentID), p.ApprovedBy, p.IssuedOn.String(),
			p.Field, p.Summary, reason}
	})
}

// FindingsXLSX writes findings as GET /findings lists them for the reader.
func FindingsXLSX(w io.Writer, findings []evaluation.FindingView, loc *time.Location) error {
	return oneSheet(w, "问题清单", SheetFindings, []listColumn{
		{"编号", 8}, {"评估轮次", 24}, {"方案编号", 16}, {"方案名称", 40}, {"指标", 10}, {"严重程度", 10},
		{"问题描述", 48}, {"整改建议", 40}, {"状态", 10}, {"整改期限", 12}, {"是否逾期", 10}, {"提出时间", 20},
	}, findings, func(f evaluation.FindingView) []any {
		due, overdue := "", "否"
		if f.DueOn != nil {
			due = f.DueOn.String()
		}
		if f.Overdue {
			overdue = "是"
		}
		return []any{f.ID, f.Round.Name, f.Plan.Code, f.Plan.Title, f.IndicatorCode,
			labelOf("Severity", string(f.Severity)), f.Description, f.Recommendation,
			labelOf("FindingStatus", string(f.Status)), due, overdue, wallClock(f.CreatedAt, loc)}
	})
}

// UsersXLSX writes users as GET /users lists them.
func UsersXLSX(w io.Writer, users []evaluation.User, orgs map[int64]string, loc *time.Location) error {
	return oneSheet(w, "用户清单", SheetUsers, []listColumn{
		{"用户名", 18}, {"姓名", 14}, {"角色", 12}, {"所属单位", 28}, {"电子邮箱", 28}, {"状态", 8}, {"创建时间", 20},
	}, users, func(u evaluation.User) []any {
		org, state := "", "启用"
		if u.OrgID != nil {
			org = orgName(orgs, *u.OrgID)
		}
		if u.Disabled {
			state = "停用"
		}
		return []any{u.Username, u.DisplayName, labelOf("Role", string(u.Role)), org, u.Email, state, wallClock(u.CreatedAt, loc)}
	})
}

// AuditXLSX writes audit events as GET /audit lists them, newest first.
func AuditXLSX(w io.Writer, events []evaluation.AuditEvent, loc *time.Location) error {
	return oneSheet(w, "审计日志", SheetAudit, []listColumn{
		{"编号", 8}, {"时间", 20}, {"操作人", 16}, {"操作", 22}, {"对象类型", 16}, {"对象编号", 10},
		{"变更内容", 60}, {"修改前（原始记录）", 40}, {"修改后（原始记录）", 40},
	}, events, func(e evaluation.AuditEvent) []any {
		return []any{e.ID, wallClock(e.At, loc), auditActor(e), auditLabel(auditActions, e.Action), auditLabel(auditEntities, e.Entity),
			e.EntityID, auditDiffText(e.Entity, e.Before, e.After), e.Before, e.After}
	})
}

// auditLabel is a value of an audit table in words, or the value itself when unknown.
func auditLabel(table map[string]string, v string) string {
	if l, ok := table[v]; ok {
		return l
	}
	return v
}

// auditActor names who did it: the user's name, or 系统 for the server's own work.
func auditActor(e evaluation.AuditEvent) string {
	switch {
	case e.ActorName != "":
		return e.ActorName
	case e.ActorID != nil:
		return "用户 #" + strconv.FormatInt(*e.ActorID, 10)
	}
	return "系统"
}

// RectificationXLSX writes a round's rectification progress as GET
// /rounds/{id}/rectification gives it: per plan, then per department.
func RectificationXLSX(w io.Writer, r *evaluation.Rectification) error {
	names := map[int64]string{}
	for _, d := range r.Departments {
		names[d.DepartmentID] = d.Name
	}
	return writeList(w, "整改进度", func(f *excelize.File) error {
		s, err := newListSheet(f, SheetRectPlan, true, []listColumn{
			{"方案编号", 16}, {"方案名称", 48}, {"牵头单位", 28}, {"发布问题", 10}, {"已销号", 10}, {"逾期", 8}, {"整改率", 10},
		})
		if err != nil {
			return err
		}
		for _, p := range r.Plans {
			if err := s.row([]any{p.Code, p.Title, orgName(names, p.DepartmentID), p.Published, p.Accepted, p.Overdue, p.Rate}); err != nil {
				return err
			}
		}
		if err := s.sw.Flush(); err != nil {
			return err
		}
		d, err := newListSheet(f, SheetDepartments, false, []listColumn{
			{"牵头单位", 36}, {"方案数", 9}, {"发布问题", 10}, {"已销号", 10}, {"逾期", 8}, {"整改率", 10},
		})
		if err != nil {
			return err
		}
		for _, x := range r.Departments {
			if err := d.row([]any{x.Name, x.Plans, x.Published, x.Accepted, x.Overdue, x.Rate}); err != nil {
				return err
			}
		}
		return d.sw.Flush()
	})
}
