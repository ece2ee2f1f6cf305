package reports

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// Font sizes in points.
const (
	sizeCoverTitle = 24
	sizeH1         = 15
	sizeH2         = 12
	sizeBody       = 10.5
	sizeTable      = 9.5
	sizeSmall      = 8.5
)

// rgb is a colour.
type rgb struct{ r, g, b int }

// The palette: restrained, printable in greyscale.
var (
	colorInk       = rgb{33, 37, 41}
	colorNavy      = rgb{22, 54, 92}
	colorMuted     = rgb{105, 114, 125}
	colorRule      = rgb{150, 160, 174}
	colorHeadFill  = rgb{221, 229, 240}
	colorGroupFill = rgb{241, 244, 248}
	colorLabelFill = rgb{243, 245, 248}
	colorAccent    = rgb{41, 98, 163}
	colorTrack     = rgb{228, 232, 238}
	colorRed       = rgb{176, 32, 32}
	colorOrange    = rgb{189, 104, 0}
	colorGreen     = rgb{28, 117, 58}
	colorWhite     = rgb{255, 255, 255}
	colorWatermark = rgb{236, 224, 224}
)

// document is one PDF being laid out.
type document struct {
	pdf      *gofpdf.Fpdf
	font     *Font             // the report font: its metrics place the lines
	fonts    []*Font           // the font chain, the report font first
	families []string          // gofpdf family of each font of the chain, "" if not embedded
	glyphs   map[rune]glyphRef // every rune the document draws: which font, which code
	meta     docMeta
	y        float64 // current vertical position, mm from the top
	cur      int     // index of the font last set in the page's content, -1 if unknown
	size     float64 // font size last set in the page's content, 0 if unknown
	color    rgb     // text colour last set; gofpdf formats a colour on every call
	err      error
}

// glyphRef is how a rune is drawn: by which font of the chain, with which
// 16-bit code of its subset (the rune itself, or a stand-in code for a rune
// beyond the BMP).
type glyphRef struct {
	font int
	code rune
}

// setFont selects font i of the chain at size, unless the page's content
// already has it.
func (d *document) setFont(i int, size float64) {
	if d.cur != i || d.size != size {
		d.pdf.SetFont(d.families[i], "", size)
		d.cur, d.size = i, size
	}
}

// forgetFont is for when the page's content may have another font or size
// than the one last set (another page, a restored graphics state).
func (d *document) forgetFont() { d.cur, d.size = -1, 0 }

// fail records the first error; drawing goes on harmlessly until render checks.
func (d *document) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// newPage starts a page and puts the cursor at the top of its content area.
func (d *document) newPage() {
	d.pdf.AddPage()
	d.pdf.SetFillColor(colorWhite.r, colorWhite.g, colorWhite.b)
	d.y = marginTop
	d.forgetFont()
	if d.meta.draft {
		d.drawWatermark()
	}
}

// watermark is what a draft preview says across each of its pages.
const watermark = "草稿"

// drawWatermark paints 草稿 large, light and diagonal across the page, first,
// so that everything else is drawn over it. It is drawn as the glyphs'
// outlines, not as text: text extraction never sees it, so the page's real
// text reads exactly as without it.
func (d *document) drawWatermark() {
	const size = 130.0 // points
	scale := size / float64(d.font.unitsPerEm)
	width := 0.0
	for _, c := range watermark {
		width += float64(d.font.width(c)) * size / 1000
	}
	var sb strings.Builder
	c := colorWatermark
	fmt.Fprintf(&sb, "q %.4f %.4f %.4f rg 0.7071 0.7071 -0.7071 0.7071 %.2f %.2f cm\n",
		float64(c.r)/255, float64(c.g)/255, float64(c.b)/255, pageWidth/2/ptToMM, pageHeight/2/ptToMM)
	x := -width / 2
	for _, r := range watermark {
		path, err := d.font.outline(r, x, -size*0.36, scale)
		if err != nil {
			d.fail(err)
			return
		}
		sb.WriteString(path)
		x += float64(d.font.width(r)) * size / 1000
	}
	sb.WriteString("f Q")
	d.pdf.RawWriteStr(sb.String())
}

// room is the height left on the current page.
func (d *document) room() float64 { return contentBot - d.y }

// ensure starts a new page unless h millimetres are left on this one.
func (d *document) ensure(h float64) {
	if d.y+h > contentBot+1e-6 && d.y > marginTop+1e-6 {
		d.newPage()
	}
}

// measure returns the width function for a font size in points, in mm.
func (d *document) measure(size float64) func(rune) float64 {
	k := size * ptToMM / 1000
	return func(c rune) float64 {
		c = printable(c)
		f := d.font // the report font draws every rune it has (fontChain.pick)
		if !f.HasGlyph(c) {
			f = d.fonts[d.glyphs[c].font]
		}
		return float64(f.width(c)) * k
	}
}

// textWidth is the width of s at size, in mm.
func (d *document) textWidth(s string, size float64) float64 {
	w := d.measure(size)
	total := 0.0
	for _, c := range s {
		total += w(c)
	}
	return total
}

// lineHeight is the distance between baselines of text at size, in mm.
func lineHeight(size float64) float64 { return size * ptToMM * 1.55 }

// cellLineHeight is the tighter line spacing of table cells. It must stay
// under 1.5 em: poppler (pdftotext) then reads the lines of a cell as one
// block, instead of interleaving them with the lines of the next cell.
func cellLineHeight(size float64) float64 { return size * ptToMM * 1.4 }

// baseline is where to put the baseline of text at size so that it sits in
// the middle of a line box that starts at top and is h high.
func (d *document) baseline(top, h, size float64) float64 {
	em := size * ptToMM
	asc := float64(d.font.ascent) / float64(d.font.unitsPerEm)
	desc := float64(d.font.descent) / float64(d.font.unitsPerEm)
	return top + h/2 + em*(asc+desc)/2
}

// textStyle is how a run of text is drawn.
type textStyle struct {
	size  float64
	color rgb
	bold  bool // stroked outline as well as filled: the font has no bold face
}

// text draws s with its baseline at (x, y).
func (d *document) text(x, y float64, s string, st textStyle) {
	d.justified(x, y, s, st, 0)
}

// justified draws s with its baseline at (x, y), spreading its characters
// to fill width (the way Chinese text is set flush on both sides) unless
// width is 0 or that would space them out by more than a fifth of an em
// (a line cut short before a long Latin word stays ragged).
func (d *document) justified(x, y float64, s string, st textStyle, width float64) {
	s = strings.TrimRight(s, " \t")
	if s == "" {
		return
	}
	s = strings.Map(printable, s)
	runs, ok := d.runs(s)
	if !ok {
		return
	}
	pdf := d.pdf
	d.setFont(runs[0].font, st.size)
	if d.color != st.color {
		pdf.SetTextColor(st.color.r, st.color.g, st.color.b)
		d.color = st.color
	}
	measure := d.measure(st.size)
	spacing := 0.0
	if n := utf8.RuneCountInString(s); width > 0 && n > 1 {
		extra := width - visibleWidth(s, measure)
		if gap := extra / float64(n-1); gap > 0.005 && gap < st.size*ptToMM/5 {
			spacing = gap
		}
	}
	// draw draws the runs one after the other, each in its font. Tc spacing
	// follows every character, the last of a run too.
	draw := func() {
		at := x
		for _, run := range runs {
			d.setFont(run.font, st.size)
			pdf.Text(at, y, run.codes)
			for _, c := range run.text {
				at += measure(c) + spacing
			}
		}
	}
	var wrapped bool // drawn inside q … Q, which restores the font of the first run
	if spacing > 0 {
		// Tc, the character spacing, is in unscaled text space: points.
		pdf.RawWriteStr(fmt.Sprintf("q %.4f Tc", spacing/ptToMM))
		wrapped = true
	}
	if st.bold {
		// Text render mode 2 (fill, then stroke) thickens the glyphs; the
		// text itself is unchanged, so extraction is unaffected.
		pdf.RawWriteStr(fmt.Sprintf("q 2 Tr %.2f w %.3f %.3f %.3f RG",
			st.size*0.035, float64(st.color.r)/255, float64(st.color.g)/255, float64(st.color.b)/255))
		draw()
		pdf.RawWriteStr("Q")
		wrapped = true
	} else {
		draw()
	}
	if spacing > 0 {
		pdf.RawWriteStr("Q")
	}
	if wrapped && len(runs) > 1 {
		d.forgetFont() // the content's font is the first run's, gofpdf's the last run's
	}
}

// textRun is a stretch of text drawn with one font.
type textRun struct {
	font  int
	text  string // the characters
	codes string // what gofpdf is given: the characters, or their stand-in codes
}

// runs splits s into runs of one font each. It fails the document if a rune
// is not in any subset (a block whose texts did not list it).
func (d *document) runs(s string) ([]textRun, bool) {
	var runs []textRun
	var codes strings.Builder
	start, standIns := 0, false
	for i, c := range s {
		g, ok := d.glyphs[c]
		if !ok {
			d.fail(fmt.Errorf("内部错误：字符 %q 未收入字体子集", c))
			return nil, false
		}
		standIns = standIns || g.code != c
		if n := len(runs); n == 0 || runs[n-1].font != g.font {
			if n > 0 {
				runs[n-1].text, runs[n-1].codes = s[start:i], codes.String()
				codes.Reset()
			}
			runs = append(runs, textRun{font: g.font})
			start = i
		}
		codes.WriteRune(g.code)
	}
	runs[len(runs)-1].text, runs[len(runs)-1].codes = s[start:], codes.String()
	if len(runs) == 1 && !standIns {
		runs[0].codes = s // the common case: one font, every rune its own code
	}
	return runs, true
}

// fillRect paints a rectangle without a border.
func (d *document) fillRect(x, y, w, h float64, c rgb) {
	d.pdf.SetFillColor(c.r, c.g, c.b)
	d.pdf.Rect(x, y, w, h, "F")
	d.pdf.SetFillColor(colorWhite.r, colorWhite.g, colorWhite.b)
}

// line draws a straight line.
func (d *document) line(x1, y1, x2, y2, width float64, c rgb) {
	d.pdf.SetLineWidth(width)
	d.pdf.SetDrawColor(c.r, c.g, c.b)
	d.pdf.Line(x1, y1, x2, y2)
}

// drawFurniture adds the running header and the footer "第 x 页 / 共 y 页" to
// every page once the page count is known. (gofpdf's AliasNbPages would leave
// the digits of the total out of the font subset.)
func (d *document) drawFurniture() {
	pdf := d.pdf
	n := pdf.PageCount()
	total := strconv.Itoa(n)
	for p := 1; p <= n; p++ {
		pdf.SetPage(p)
		d.forgetFont() // the page's content may end with any font and size
		pdf.SetFillColor(colorWhite.r, colorWhite.g, colorWhite.b)
		small := textStyle{size: sizeSmall, color: colorMuted}
		if p > 1 || !d.meta.cover {
			numberW := d.textWidth(d.meta.number, sizeSmall)
			title := truncate(d.meta.title, contentWidth-numberW-8, d.measure(sizeSmall))
			d.text(marginLeft, 17, title, small)
			d.text(pageWidth-marginRight-numberW, 17, d.meta.number, small)
			d.line(marginLeft, 19.5, pageWidth-marginRight, 19.5, 0.3, colorRule)
		}
		footer := "第 " + strconv.Itoa(p) + " 页 / 共 " + total + " 页"
		fw := d.textWidth(footer, sizeSmall)
		d.text((pageWidth-fw)/2, pageHeight-14, footer, small)
	}
}
