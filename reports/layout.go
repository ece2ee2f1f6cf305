package reports

import "math"

// The building blocks every report is made of: headings, paragraphs, tables
// that break across pages, figures of key numbers, captions. Each block
// lays itself out from the document's current position and adds pages as it
// needs them.

// tone is the colour role of a piece of text.
type tone uint8

const (
	toneInk tone = iota
	toneMuted
	toneStrong // navy, bold: labels and emphasis
	toneGood
	toneWarn
	toneBad
)

func (t tone) style(size float64) textStyle {
	switch t {
	case toneMuted:
		return textStyle{size: size, color: colorMuted}
	case toneStrong:
		return textStyle{size: size, color: colorNavy, bold: true}
	case toneGood:
		return textStyle{size: size, color: colorGreen, bold: true}
	case toneWarn:
		return textStyle{size: size, color: colorOrange, bold: true}
	case toneBad:
		return textStyle{size: size, color: colorRed, bold: true}
	}
	return textStyle{size: size, color: colorInk}
}

// room starts a new page unless the given height is left on this one: it
// keeps a heading with a figure that follows it.
type room float64

func (h room) texts(func(string)) {}

func (h room) draw(d *document) { d.ensure(float64(h)) }

// space is vertical white space; it never starts a page.
type space float64

func (s space) texts(func(string)) {}

func (s space) draw(d *document) {
	d.y = math.Min(d.y+float64(s), contentBot)
}

// heading is a section (level 1) or subsection (level 2) title.
type heading struct {
	level int
	text  string
}

func (h heading) texts(add func(string)) { add(h.text) }

func (h heading) draw(d *document) {
	size, before, after := float64(sizeH1), 6.0, 4.0
	if h.level > 1 {
		size, before, after = sizeH2, 3.0, 2.0
	}
	lh := lineHeight(size)
	lines := wrap(h.text, contentWidth, d.measure(size))
	// Keep the heading with what follows: three lines of text, or a caption
	// and the first lines of its item.
	d.ensure(before + float64(len(lines))*lh + after + 26)
	if d.y > marginTop+1e-6 {
		d.y += before
	}
	for _, l := range lines {
		d.text(marginLeft, d.baseline(d.y, lh, size), l, textStyle{size: size, color: colorNavy, bold: true})
		d.y += lh
	}
	if h.level == 1 {
		d.line(marginLeft, d.y+0.6, pageWidth-marginRight, d.y+0.6, 0.45, colorNavy)
		d.y += 0.6
	}
	d.y += after
}

// paragraph is running text, with an optional bold label in front of it
// ("问题描述：") and the two-character first-line indent of Chinese prose.
type paragraph struct {
	label  string
	text   string
	indent bool
	hang   bool    // later lines start under the text, not under the label (numbered items)
	size   float64 // 0 means body size
	tone   tone
	after  float64 // space below; 0 means a default
	keep   float64 // room to keep free below the paragraph on its page (keep with next)
}

func (p paragraph) texts(add func(string)) {
	add(p.label)
	add(p.text)
}

func (p paragraph) draw(d *document) {
	size := p.size
	if size == 0 {
		size = sizeBody
	}
	lh := lineHeight(size)
	measure := d.measure(size)
	labelW := d.textWidth(p.label, size)
	indent := 0.0
	if p.indent {
		indent = 2 * measure('　')
	}
	left, width := marginLeft, contentWidth
	lead := labelW + indent
	if p.hang {
		left, width, lead = marginLeft+labelW, contentWidth-labelW, indent
	}
	lines := wrapIndented(p.text, width, lead, indent, measure)
	d.ensure(math.Min(2, float64(len(lines)))*lh + p.keep)
	for i, l := range lines {
		d.ensure(lh)
		base := d.baseline(d.y, lh, size)
		x := left
		if i == 0 {
			if p.label != "" {
				d.text(marginLeft, base, p.label, toneStrong.style(size))
			}
			x += lead
		} else if l.paraStart {
			x += indent
		}
		full := 0.0
		if i+1 < len(lines) && !lines[i+1].paraStart {
			full = left + width - x
		}
		d.justified(x, base, l.text, p.tone.style(size), full)
		d.y += lh
	}
	after := p.after
	if after == 0 {
		after = 1.5
	}
	d.y += after
}

// visibleWidth is the width of s without its trailing spaces.
func visibleWidth(s string, measure func(rune) float64) float64 {
	w, pending := 0.0, 0.0
	for _, c := range s {
		if classOf(c) == classSP {
			pending += measure(c)
			continue
		}
		w += pending + measure(c)
		pending = 0
	}
	return w
}

// stat is one key figure of a statBox.
type stat struct {
	label string
	value string
	tone  tone
}

// statBox shows a few key figures side by side in framed boxes.
type statBox []stat

func (s statBox) texts(add func(string)) {
	for _, st := range s {
		add(st.label)
		add(st.value)
	}
}

func (s statBox) draw(d *document) {
	const h, gap = 21.0, 3.0
	d.ensure(h + 2)
	w := (contentWidth - gap*float64(len(s)-1)) / float64(len(s))
	for i, st := range s {
		x := marginLeft + float64(i)*(w+gap)
		d.fillRect(x, d.y, w, h, colorGroupFill)
		d.fillRect(x, d.y, w, 1.1, colorNavy)
		lw := d.textWidth(st.label, sizeSmall)
		d.text(x+(w-lw)/2, d.y+7, st.label, toneMuted.style(sizeSmall))
		size := 17.0
		measure := d.measure(size)
		value := truncate(st.value, w-4, measure)
		vw := visibleWidth(value, measure)
		tn := st.tone
		if tn == toneInk {
			tn = toneStrong
		}
		d.text(x+(w-vw)/2, d.y+16.5, value, tn.style(size))
	}
	d.y += h + 5
}

// caption is a shaded bar that introduces an item (a finding), with an
// optional coloured tag at its right end (the severity).
type caption struct {
	text    string
	tag     string
	tagTone tone
}

func (c caption) texts(add func(string)) {
	add(c.text)
	add(c.tag)
}

func (c caption) draw(d *document) {
	const size = sizeBody
	lh := lineHeight(size)
	tagW := d.textWidth(c.tag, size)
	lines := wrap(c.text, contentWidth-tagW-10, d.measure(size))
	h := float64(len(lines))*lh + 2.4
	d.ensure(h + 4*lineHeight(sizeBody))
	d.y += 1.5
	d.fillRect(marginLeft, d.y, contentWidth, h, colorGroupFill)
	d.fillRect(marginLeft, d.y, 1.2, h, colorNavy)
	for i, l := range lines {
		d.text(marginLeft+4, d.baseline(d.y+1.2+float64(i)*lh, lh, size), l, toneStrong.style(size))
	}
	if c.tag != "" {
		d.text(pageWidth-marginRight-3-tagW, d.baseline(d.y+1.2, lh, size), c.tag, c.tagTone.style(size))
	}
	d.y += h + 2.5
}
