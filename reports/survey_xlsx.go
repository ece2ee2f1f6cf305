package reports

import (
	"fmt"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/evald/evald/evaluation"
)

// Sheet names of a survey's responses workbook.
const (
	SheetResponses = "答卷"
	SheetResults   = "统计结果"
)

// MultipleSeparator joins the options of a multiple-choice answer in a cell.
const MultipleSeparator = "；"

// SurveyResponsesXLSX writes a survey's responses as an Excel workbook:
// sheet 答卷 has one row per response (its number, when it came in the city's
// time zone, then a column per question; a multiple-choice answer's options
// joined by "；"), under a frozen header; sheet 统计结果 has the results.
// The responses are streamed, so a survey of any size fits in memory.
func SurveyResponsesXLSX(w io.Writer, sv *evaluation.Survey, res *evaluation.SurveyResults,
	responses iter.Seq2[*evaluation.SurveyResponse, error], loc *time.Location) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &workbook{f: f}
	stamp := sv.CreatedAt.UTC().Format("2006-01-02T15:04:05Z")
	x.check(f.SetDocProps(&excelize.DocProperties{Title: sv.Title + " 答卷", Creator: "evald", Created: stamp,
		Modified: stamp, LastModifiedBy: "evald"}))
	header := x.style(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Color: "16365C"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE5F0"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Border:    borders(),
	})
	timeFmt := "yyyy-mm-dd hh:mm:ss"
	when := x.style(&excelize.Style{CustomNumFmt: &timeFmt, Border: borders()})
	text := x.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: borders()})
	integer := x.style(&excelize.Style{NumFmt: 1, Border: borders()})
	decimal := x.style(&excelize.Style{NumFmt: numFmtTwoDecimals, Border: borders()})
	percent := x.style(&excelize.Style{NumFmt: numFmtPercent, Border: borders()})
	x.check(f.SetSheetName("Sheet1", SheetResponses))
	if x.err != nil {
		return fmt.Errorf("生成答卷表: %w", x.err)
	}
	if err := writeResponses(f, sv, responses, loc, sheetStyles{header: header, when: when, text: text, integer: integer}); err != nil {
		return err
	}

	_, err := f.NewSheet(SheetResults)
	x.check(err)
	x.sheet(SheetResults, []sheetColumn{
		{"问题编号", 10, text}, {"题目", 40, text}, {"题型", 14, text}, {"作答人数", 10, integer},
		{"选项或分值", 24, text}, {"人数", 9, integer}, {"占比", 10, percent}, {"平均分", 10, decimal}, {"净推荐值", 10, decimal},
	}, header)
	n := 2
	for _, q := range res.Questions {
		var mean, nps any
		if q.Mean != nil {
			mean = q.Mean.Float64()
		}
		if q.NPSScore != nil {
			nps = q.NPSScore.Float64()
		}
		first := []any{q.Code, q.Text, labelOf("QuestionKind", string(q.Kind)), q.Answered, nil, nil, nil, mean, nps}
		if len(q.Counts) == 0 {
			x.row(SheetResults, n, first)
			n++
			continue
		}
		for i, c := range q.Counts {
			row := []any{nil, nil, nil, nil, c.Option, c.N, nil, nil, nil}
			if i == 0 {
				copy(row, first[:4])
				row[7], row[8] = mean, nps
			}
			if q.Answered > 0 {
				row[6] = float64(c.N) / float64(q.Answered)
			}
			x.row(SheetResults, n, row)
			n++
		}
	}
	n++
	var index any = "—"
	if res.SatisfactionIndex != nil {
		index = res.SatisfactionIndex.Float64()
	}
	x.row(SheetResults, n, []any{"有效答卷", nil, nil, res.Responses, nil, nil, nil, nil, nil})
	x.row(SheetResults, n+1, []any{"满意度指数", "（五级量表题全部答案的平均分 − 1）÷ 4 × 100", nil, nil, nil, nil, nil, index, nil})
	f.SetActiveSheet(0)
	if x.err != nil {
		return fmt.Errorf("生成答卷表: %w", x.err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("写出答卷表: %w", err)
	}
	return nil
}

// sheetStyles are the cell styles of the responses sheet.
type sheetStyles struct{ header, when, text, integer int }

// writeResponses streams sheet 答卷.
func writeResponses(f *excelize.File, sv *evaluation.Survey, responses iter.Seq2[*evaluation.SurveyResponse, error],
	loc *time.Location, st sheetStyles) error {
	sw, err := f.NewStreamWriter(SheetResponses)
	if err != nil {
		return fmt.Errorf("生成答卷表: %w", err)
	}
	cols := len(sv.Questions) + 2
	if err := sw.SetColWidth(1, 1, 7); err != nil {
		return fmt.Errorf("生成答卷表: %w", err)
	}
	if err := sw.SetColWidth(2, 2, 20); err != nil {
		return fmt.Errorf("生成答卷表: %w", err)
	}
	if cols > 2 {
		if err := sw.SetColWidth(3, cols, 18); err != nil {
			return fmt.Errorf("生成答卷表: %w", err)
		}
	}
	err = sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
	if err != nil {
		return fmt.Errorf("生成答卷表: %w", err)
	}
	head := []any{excelize.Cell{StyleID: st.header, Value: "序号"}, excelize.Cell{StyleID: st.header, Value: "提交时间"}}
	for _, q := range sv.Questions {
		head = append(head, excelize.Cell{StyleID: st.header, Value: q.Code + " " + q.Text})
	}
	if err := streamRow(sw, "A1", head, excelize.RowOpts{Height: 36}); err != nil {
		return fmt.Errorf("生成答卷表: %w", err)
	}
	n := 1
	for r, err := range responses {
		if err != nil {
			return err
		}
		n++
		wall := r.CreatedAt.In(loc)
		local := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, time.UTC)
		row := []any{excelize.Cell{StyleID: st.integer, Value: n - 1}, excelize.Cell{StyleID: st.when, Value: local}}
		for _, q := range sv.Questions {
			c := excelize.Cell{StyleID: st.text}
			switch v := r.Answers[q.Code].(type) {
			case string:
				c.Value = v
			case []string:
				c.Value = strings.Join(v, MultipleSeparator)
			case int:
				c.Value, c.StyleID = v, st.integer
			}
			row = append(row, c)
		}
		cell, err := excelize.CoordinatesToCellName(1, n)
		if err != nil {
			return fmt.Errorf("生成答卷表: %w", err)
		}
		if err := streamRow(sw, cell, row); err != nil {
			return fmt.Errorf("生成答卷表: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("生成答卷表: %w", err)
	}
	return nil
}
