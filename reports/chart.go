package reports

import (
	"fmt"
	"math"
)

// bar is one dimension in a barChart: its score out of its maximum.
type bar struct {
	label string
	score float64
	max   float64
}

// barChart draws dimension scores as horizontal bars with vector graphics:
// each bar is the score as a share of the dimension's points, over a track
// that stands for all its points, with the numbers at the right. The shares
// make dimensions of different weight comparable; the numbers keep the
// absolute scores.
type barChart struct {
	title string
	bars  []bar
}

const (
	chartLabelW = 46.0 // label column
	chartValueW = 30.0 // numbers column
	chartRowH   = 9.0
	chartBarH   = 4.6
	chartSize   = 9.0
)

func (c barChart) texts(add func(string)) {
	add(c.title)
	for _, b := range c.bars {
		add(b.label)
		add(c.value(b))
	}
	add("得分率")
}

func (barChart) value(b bar) string {
	return fmt.Sprintf("%.2f / %.2f", b.score, b.max)
}

func (c barChart) draw(d *document) {
	lh := lineHeight(chartSize)
	titleH := lineHeight(sizeBody) + 2
	axisH := 8.0
	rows := make([][]string, len(c.bars))
	height := titleH + axisH + 4
	measure := d.measure(chartSize)
	for i, b := range c.bars {
		rows[i] = wrap(b.label, chartLabelW-3, measure)
		height += math.Max(chartRowH, float64(len(rows[i]))*lh+2)
	}
	d.ensure(height)

	// Title, centred, as a figure caption.
	tw := d.textWidth(c.title, sizeBody)
	d.text(marginLeft+(contentWidth-tw)/2, d.baseline(d.y, lineHeight(sizeBody), sizeBody), c.title, toneStrong.style(sizeBody))
	d.y += titleH

	x0 := marginLeft + chartLabelW
	plotW := contentWidth - chartLabelW - chartValueW
	top := d.y
	plotH := height - titleH - axisH - 4

	// Gridlines at every 20 %, labelled below the plot.
	for i := 0; i <= 5; i++ {
		x := x0 + plotW*float64(i)/5
		width, col := 0.15, colorTrack
		if i == 0 {
			width, col = 0.35, colorRule
		}
		d.line(x, top, x, top+plotH, width, col)
		label := fmt.Sprintf("%d%%", i*20)
		lw := d.textWidth(label, sizeSmall)
		d.text(x-lw/2, top+plotH+4, label, toneMuted.style(sizeSmall))
	}
	aw := d.textWidth("得分率", sizeSmall)
	d.text(x0+plotW-aw, top+plotH+7.8, "得分率", toneMuted.style(sizeSmall))

	y := top
	for i, b := range c.bars {
		rh := math.Max(chartRowH, float64(len(rows[i]))*lh+2)
		// Label, right-aligned against the axis.
		ly := y + (rh-float64(len(rows[i]))*lh)/2
		for j, l := range rows[i] {
			lw := visibleWidth(l, measure)
			d.text(x0-2.5-lw, d.baseline(ly+float64(j)*lh, lh, chartSize), l, toneInk.style(chartSize))
		}
		by := y + (rh-chartBarH)/2
		d.fillRect(x0, by, plotW, chartBarH, colorTrack)
		share := 0.0
		if b.max > 0 {
			share = math.Max(0, math.Min(1, b.score/b.max))
		}
		if share > 0 {
			d.fillRect(x0, by, plotW*share, chartBarH, colorAccent)
		}
		d.text(x0+plotW+2.5, d.baseline(y, rh, chartSize), c.value(b), toneStrong.style(chartSize))
		y += rh
	}
	d.y = top + plotH + axisH + 4
}

// pairBar is one dimension in a pairChart: the department's self-assessment
// and the third-party score, out of the dimension's points.
type pairBar struct {
	label string
	self  *float64 // nil: the self-assessment has no score for it
	score float64
	max   float64
}

// pairChart compares, per dimension, the self-assessment (自评) with the
// third-party score as two bars over one track, drawn like barChart: shares
// of the dimension's points, with both numbers at the right.
type pairChart struct {
	title string
	bars  []pairBar
}

const (
	pairRowH  = 12.0
	pairBarH  = 3.4
	pairLabel = "自评"
	pairThird = "第三方"
)

var colorSelf = rgb{214, 160, 62}

func (c pairChart) texts(add func(string)) {
	add(c.title)
	add(pairLabel + pairThird + "得分率—")
	for _, b := range c.bars {
		add(b.label)
		add(c.values(b))
	}
}

func (pairChart) values(b pairBar) string {
	self := "—"
	if b.self != nil {
		self = num(*b.self)
	}
	return self + " / " + num(b.score)
}

func (c pairChart) draw(d *document) {
	lh := lineHeight(chartSize)
	titleH := lineHeight(sizeBody) + 2
	legendH := 6.0
	axisH := 8.0
	measure := d.measure(chartSize)
	rows := make([][]string, len(c.bars))
	height := titleH + legendH + axisH + 4
	for i, b := range c.bars {
		rows[i] = wrap(b.label, chartLabelW-3, measure)
		height += math.Max(pairRowH, float64(len(rows[i]))*lh+2)
	}
	d.ensure(height)

	tw := d.textWidth(c.title, sizeBody)
	d.text(marginLeft+(contentWidth-tw)/2, d.baseline(d.y, lineHeight(sizeBody), sizeBody), c.title, toneStrong.style(sizeBody))
	d.y += titleH

	// Legend: a swatch and a name for each series.
	x := marginLeft + chartLabelW
	for _, s := range []struct {
		name string
		col  rgb
	}{{pairLabel, colorSelf}, {pairThird, colorAccent}} {
		d.fillRect(x, d.y+1.2, 6, 2.6, s.col)
		d.text(x+8, d.y+3.8, s.name, toneMuted.style(sizeSmall))
		x += 10 + d.textWidth(s.name, sizeSmall) + 6
	}
	nw := d.textWidth(pairLabel+" / "+pairThird, sizeSmall)
	d.text(marginLeft+contentWidth-nw, d.y+3.8, pairLabel+" / "+pairThird, toneMuted.style(sizeSmall))
	d.y += legendH

	x0 := marginLeft + chartLabelW
	plotW := contentWidth - chartLabelW - chartValueW
	top := d.y
	plotH := height - titleH - legendH - axisH - 4
	for i := 0; i <= 5; i++ {
		gx := x0 + plotW*float64(i)/5
		width, col := 0.15, colorTrack
		if i == 0 {
			width, col = 0.35, colorRule
		}
		d.line(gx, top, gx, top+plotH, width, col)
		label := fmt.Sprintf("%d%%", i*20)
		lw := d.textWidth(label, sizeSmall)
		d.text(gx-lw/2, top+plotH+4, label, toneMuted.style(sizeSmall))
	}
	aw := d.textWidth("得分率", sizeSmall)
	d.text(x0+plotW-aw, top+plotH+7.8, "得分率", toneMuted.style(sizeSmall))

	share := func(v, points float64) float64 {
		if points <= 0 {
			return 0
		}
		return math.Max(0, math.Min(1, v/points))
	}
	y := top
	for i, b := range c.bars {
		rh := math.Max(pairRowH, float64(len(rows[i]))*lh+2)
		ly := y + (rh-float64(len(rows[i]))*lh)/2
		for j, l := range rows[i] {
			lw := visibleWidth(l, measure)
			d.text(x0-2.5-lw, d.baseline(ly+float64(j)*lh, lh, chartSize), l, toneInk.style(chartSize))
		}
		by := y + rh/2 - pairBarH - 0.4
		for k, v := range []*float64{b.self, &b.score} {
			top := by + float64(k)*(pairBarH+0.8)
			d.fillRect(x0, top, plotW, pairBarH, colorTrack)
			col := colorSelf
			if k == 1 {
				col = colorAccent
			}
			if v != nil && share(*v, b.max) > 0 {
				d.fillRect(x0, top, plotW*share(*v, b.max), pairBarH, col)
			}
		}
		d.text(x0+plotW+2.5, d.baseline(y, rh, chartSize), c.values(b), toneStrong.style(chartSize))
		y += rh
	}
	d.y = top + plotH + axisH + 4
}
