package reports

// field is one labelled line of a cover.
type field struct {
	label string
	value string
}

// cover is a report's first page: the title, the facts that identify the
// report, the issuing office and date, and the verification code.
type cover struct {
	number   string   // report number
	title    []string // title lines as given, each wrapped and centred
	fields   []field
	issuer   string
	date     string
	code     string // the 16 hex digits printed
	codeNote string
}

func (c cover) texts(add func(string)) {
	add("报告编号：")
	add(c.number)
	for _, t := range c.title {
		add(t)
	}
	for _, f := range c.fields {
		add(f.label)
		add(f.value)
	}
	add(c.issuer)
	add(c.date)
	add("验证码：")
	add(c.code)
	add(c.codeNote)
}

func (c cover) draw(d *document) {
	// A navy band at the top edge and a hairline under it.
	d.fillRect(0, 0, pageWidth, 9, colorNavy)
	d.fillRect(0, 9, pageWidth, 1.2, colorAccent)

	if c.number != "" {
		s := "报告编号：" + c.number
		w := d.textWidth(s, sizeBody)
		d.text(pageWidth-marginRight-w, 30, s, toneMuted.style(sizeBody))
	}

	// Title, centred.
	y := 72.0
	lh := lineHeight(sizeCoverTitle) * 1.05
	measure := d.measure(sizeCoverTitle)
	for _, t := range c.title {
		for _, l := range wrap(t, contentWidth-6, measure) {
			w := visibleWidth(l, measure)
			d.text((pageWidth-w)/2, d.baseline(y, lh, sizeCoverTitle), l, textStyle{size: sizeCoverTitle, color: colorNavy, bold: true})
			y += lh
		}
	}
	y += 8
	d.fillRect((pageWidth-50)/2, y, 50, 0.8, colorNavy)
	y += 16

	// The identifying facts, as label: value lines in a centred column.
	const size = 12.0
	flh := lineHeight(size) * 1.1
	labelW := 0.0
	for _, f := range c.fields {
		labelW = max(labelW, d.textWidth(f.label, size))
	}
	colX := marginLeft + 18
	valueW := contentWidth - 36 - labelW - 4
	fmeasure := d.measure(size)
	for _, f := range c.fields {
		d.text(colX, d.baseline(y, flh, size), f.label, toneMuted.style(size))
		for _, l := range wrap(f.value, valueW, fmeasure) {
			d.text(colX+labelW+4, d.baseline(y, flh, size), l, toneInk.style(size))
			y += flh
		}
		y += 1.5
	}

	// Issuer and date near the foot of the page.
	y = max(y+8, 218)
	for _, s := range []string{c.issuer, c.date} {
		if s == "" {
			continue
		}
		w := d.textWidth(s, 14)
		d.text((pageWidth-w)/2, d.baseline(y, lineHeight(14), 14), s, toneInk.style(14))
		y += lineHeight(14) + 1
	}

	// Verification code in a framed box.
	if c.code != "" {
		top := max(y+6, 250)
		d.pdf.SetLineWidth(0.25)
		d.pdf.SetDrawColor(colorRule.r, colorRule.g, colorRule.b)
		d.pdf.Rect(marginLeft, top, contentWidth, 16, "D")
		s := "验证码：" + c.code
		w := d.textWidth(s, sizeBody)
		d.text((pageWidth-w)/2, top+6.5, s, toneStrong.style(sizeBody))
		nmeasure := d.measure(sizeSmall)
		note := truncate(c.codeNote, contentWidth-6, nmeasure)
		nw := visibleWidth(note, nmeasure)
		d.text((pageWidth-nw)/2, top+12, note, toneMuted.style(sizeSmall))
	}
	d.newPage()
}
