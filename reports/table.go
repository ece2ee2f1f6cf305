package reports

import "slices"

// column of a table.
type column struct {
	title string
	width float64 // mm
	align byte    // 'L', 'C' or 'R'
}

// fill is a cell's background.
type fill uint8

const (
	fillNone fill = iota
	fillLabel
	fillGroup
	fillHead
)

func (f fill) color() (rgb, bool) {
	switch f {
	case fillLabel:
		return colorLabelFill, true
	case fillGroup:
		return colorGroupFill, true
	case fillHead:
		return colorHeadFill, true
	}
	return rgb{}, false
}

// cell of a table row.
type cell struct {
	text  string
	tone  tone
	fill  fill
	span  int  // columns the cell covers; 0 means 1
	align byte // 0 means the column's
}

// row of a table: its cells' spans add up to the number of columns.
type row []cell

// isGroup reports whether the row is a shaded heading of the rows below it.
func (r row) isGroup() bool { return len(r) == 1 && r[0].fill == fillGroup }

// table is a grid with borders whose header (if it has one) is repeated at
// the top of every page it runs onto. A row taller than what is left of a
// page is split between lines and continues on the next page.
type table struct {
	cols   []column
	header bool
	rows   []row
	size   float64 // 0 means the table size
	after  float64 // space below; 0 means a default
	// fit, when not nil, names the columns widened to their widest cell so
	// that short codes are never broken across lines, and the column that
	// gives them the width (at most half of its own).
	fit *fitColumns
}

// fitColumns are the column indexes of table.fit.
type fitColumns struct {
	widen []int
	from  int
}

func (t table) texts(add func(string)) {
	for _, c := range t.cols {
		add(c.title)
	}
	for _, r := range t.rows {
		for _, c := range r {
			add(c.text)
		}
	}
}

const (
	cellPadX = 1.8
	cellPadY = 1.6
)

// laidCell is a cell wrapped to its width.
type laidCell struct {
	cell
	x, w  float64
	lines []textLine
}

func (t table) layout(d *document, r row, size float64) []laidCell {
	measure := d.measure(size)
	out := make([]laidCell, 0, len(r))
	x, col := marginLeft, 0
	for _, c := range r {
		span := max(c.span, 1)
		w := 0.0
		for i := col; i < col+span && i < len(t.cols); i++ {
			w += t.cols[i].width
		}
		if c.align == 0 && col < len(t.cols) {
			c.align = t.cols[col].align
		}
		out = append(out, laidCell{cell: c, x: x, w: w, lines: wrapIndented(c.text, w-2*cellPadX, 0, 0, measure)})
		x += w
		col += span
	}
	return out
}

func rowLines(cells []laidCell) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return n
}

// fitted returns the table with its fit columns widened to their widest
// cell, within half of the giving column's width.
func (t table) fitted(d *document, size float64) table {
	if t.fit == nil {
		return t
	}
	measure := d.measure(size)
	cols := slices.Clone(t.cols)
	flex := t.fit.from
	spare := cols[flex].width / 2
	for _, i := range t.fit.widen {
		widest := visibleWidth(cols[i].title, measure)
		for _, r := range t.rows {
			if i < len(r) && len(r) == len(cols) {
				widest = max(widest, visibleWidth(r[i].text, measure))
			}
		}
		grow := min(max(widest+2*cellPadX+0.1-cols[i].width, 0), spare)
		cols[i].width += grow
		cols[flex].width -= grow
		spare -= grow
	}
	t.cols = cols
	return t
}

func (t table) draw(d *document) {
	size := t.size
	if size == 0 {
		size = sizeTable
	}
	t = t.fitted(d, size)
	lh := cellLineHeight(size)
	var head []laidCell
	headH := 0.0
	if t.header {
		hr := make(row, len(t.cols))
		for i, c := range t.cols {
			hr[i] = cell{text: c.title, tone: toneStrong, fill: fillHead, align: 'C'}
		}
		head = t.layout(d, hr, size)
		headH = float64(rowLines(head))*lh + 2*cellPadY
	}
	drawHead := func() {
		if t.header {
			t.drawPart(d, head, 0, rowLines(head), lh, size, true)
		}
	}
	// Start on a new page unless the header and a line of the first row fit.
	d.ensure(headH + lh + 2*cellPadY)
	drawHead()
	for i, r := range t.rows {
		cells := t.layout(d, r, size)
		n := rowLines(cells)
		full := float64(n)*lh + 2*cellPadY
		if r.isGroup() && i+1 < len(t.rows) {
			// A group row stays with the first line of its first member.
			full += lh + 2*cellPadY
		}
		if full > d.room() && full <= contentBot-marginTop-headH {
			d.newPage()
			drawHead()
		}
		for from := 0; from < n; {
			fit := int((d.room() - 2*cellPadY + 1e-6) / lh)
			if fit < 1 || (fit < 2 && n-from > 1) {
				d.newPage()
				drawHead()
				continue
			}
			to := min(n, from+fit)
			t.drawPart(d, cells, from, to, lh, size, from == 0 && to == n)
			from = to
			if from < n {
				d.newPage()
				drawHead()
			}
		}
	}
	after := t.after
	if after == 0 {
		after = 4
	}
	d.y += after
}

// drawPart draws lines [from, to) of a row at the current position; whole
// says the row is drawn in one piece, so short cells may be centred
// vertically.
func (t table) drawPart(d *document, cells []laidCell, from, to int, lh, size float64, whole bool) {
	h := float64(to-from)*lh + 2*cellPadY
	for _, c := range cells {
		if bg, ok := c.fill.color(); ok {
			d.fillRect(c.x, d.y, c.w, h, bg)
		}
	}
	d.pdf.SetLineWidth(0.2)
	d.pdf.SetDrawColor(colorRule.r, colorRule.g, colorRule.b)
	for _, c := range cells {
		d.pdf.Rect(c.x, d.y, c.w, h, "D")
		top := d.y + cellPadY
		if whole && len(c.lines) < to-from {
			top += float64(to-from-len(c.lines)) * lh / 2
		}
		st := c.tone.style(size)
		measure := d.measure(size)
		for i := from; i < to && i < len(c.lines); i++ {
			// Cells are set ragged-right: in narrow columns, spreading
			// the characters of a line with digits looks worse than a gap.
			l := c.lines[i].text
			x := c.x + cellPadX
			switch c.align {
			case 'R':
				x = c.x + c.w - cellPadX - visibleWidth(l, measure)
			case 'C':
				x = c.x + (c.w-visibleWidth(l, measure))/2
			}
			d.text(x, d.baseline(top+float64(i-from)*lh, lh, size), l, st)
		}
	}
	d.y += h
}
