package reports

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// ErrInvalidReport is wrapped by the error a renderer returns for input data
// it cannot print (a missing or malformed date, for instance).
var ErrInvalidReport = errors.New("报告数据无效")

// Options configure a Renderer.
type Options struct {
	// FontPath is a TrueType font file (.ttf, or face 0 of a .ttc) to use
	// instead of the font built into the binary; it is what EVAL_REPORT_FONT
	// names. Empty means the built-in WenQuanYi Micro Hei.
	FontPath string
}

// Renderer turns report data into PDF documents. It holds the parsed font,
// which never changes, so one Renderer per process is enough and it is safe
// for concurrent use by any number of goroutines.
type Renderer struct {
	font  *Font
	chain fontChain
}

// NewRenderer parses the report font once; every document rendered afterwards
// reuses it.
func NewRenderer(opts Options) (*Renderer, error) {
	f, err := LoadFont(opts.FontPath)
	if err != nil {
		return nil, err
	}
	return &Renderer{
		font:  f,
		chain: fontChain{primary: f, fallbacks: fallbackFonts},
	}, nil
}

// Font is the font the renderer embeds (subset) in its documents.
func (r *Renderer) Font() *Font { return r.font }

// Page geometry of every report, in millimetres (A4 portrait).
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 25.0
	marginRight  = 25.0
	marginTop    = 30.0
	marginBottom = 27.0
	contentWidth = pageWidth - marginLeft - marginRight
	contentBot   = pageHeight - marginBottom
	ptToMM       = 25.4 / 72
)

// docMeta is what a document says about itself outside its content.
type docMeta struct {
	title   string // PDF Title, and the running header (shortened to fit)
	subject string // PDF Subject
	author  string // PDF Author: the issuing office
	number  string // report number, right of the running header
	date    string // YYYY-MM-DD; becomes the PDF creation date
	cover   bool   // the first page is a cover: no running header on it
	draft   bool   // a preview before publication: 草稿 across every page
}

// block is one piece of a document's content. A report is a list of blocks:
// building it first lets the renderer know every character before the font
// subset is made, and keeps the report files free of drawing code.
type block interface {
	// texts passes every string the block will draw to add.
	texts(add func(string))
	// draw lays the block out from the current position, adding pages as needed.
	draw(d *document)
}

// furniture holds the characters the engine itself draws: the page footer
// and the ellipsis of a shortened running header. Everything else a page
// shows comes from its blocks.
const furniture = "第页共/…"

// render lays blocks out into an A4 PDF and writes it to w. The same meta and
// blocks always give the same bytes.
func (r *Renderer) render(w io.Writer, meta docMeta, blocks []block) error {
	created, err := time.Parse(time.DateOnly, meta.date)
	if err != nil {
		return fmt.Errorf("%w: 报告日期 %q 不是 YYYY-MM-DD 格式", ErrInvalidReport, meta.date)
	}

	set := make(map[rune]bool, 1024)
	add := func(s string) {
		for _, c := range s {
			set[printable(c)] = true
		}
	}
	for c := rune(0x20); c < 0x7F; c++ { // digits and Latin: numbers and page numbers
		set[c] = true
	}
	add(furniture)
	add(meta.title)
	add(meta.number)
	for _, b := range blocks {
		b.texts(add)
	}
	runes := make([]rune, 0, len(set))
	for c := range set {
		runes = append(runes, c)
	}
	slices.Sort(runes)
	fonts, which, err := r.chain.pick(runes)
	if err != nil {
		return err
	}

	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetProducer("evald", true)
	pdf.SetCreator("evald reports", true)
	pdf.SetTitle(meta.title, true)
	pdf.SetSubject(meta.subject, true)
	pdf.SetAuthor(meta.author, true)
	pdf.SetMargins(marginLeft, marginTop, marginRight)
	pdf.SetAutoPageBreak(false, marginBottom)

	d := &document{pdf: pdf, font: r.font, fonts: fonts, glyphs: make(map[rune]glyphRef, len(runes)), meta: meta}
	d.families = make([]string, len(fonts))
	var embedded []subsetFont
	for i, f := range fonts {
		var used []rune
		for j, c := range runes {
			if which[j] == i {
				used = append(used, c)
			}
		}
		if len(used) == 0 {
			continue
		}
		chars, toUnicode, err := assignCodes(used)
		if err != nil {
			return err
		}
		for _, ch := range chars {
			d.glyphs[ch.r] = glyphRef{font: i, code: rune(ch.code)}
		}
		sub, err := f.subsetCodes(chars)
		if err != nil {
			return err
		}
		// The family name is "sub" plus the font's name: gofpdf writes it as
		// /utf8sub<name>, which tagSubset turns into a subset tag.
		family := "sub" + f.name
		if slices.Contains(d.families, family) {
			family += strconv.Itoa(i) // the report font is also a fallback
		}
		d.families[i] = family
		pdf.AddUTF8FontFromBytes(family, "", sub)
		if len(toUnicode) > 0 {
			pdf.SetUTF8FontToUnicode(family, "", toUnicode)
		}
		embedded = append(embedded, subsetFont{family, used})
	}
	d.cur = -1
	d.setFont(0, sizeBody)
	d.newPage()
	for _, b := range blocks {
		if d.err != nil {
			break
		}
		b.draw(d)
	}
	d.drawFurniture()
	if d.err != nil {
		return d.err
	}

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return fmt.Errorf("生成 PDF: %w", err)
	}
	out := buf.Bytes()
	for _, e := range embedded {
		out = tagSubset(out, e.family, e.runes)
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("写出 PDF: %w", err)
	}
	return nil
}

// subsetFont is a font embedded in a document: its gofpdf family name and
// the characters it draws there.
type subsetFont struct {
	family string
	runes  []rune
}

// assignCodes gives each rune of a font's subset its 16-bit code: a rune of
// the BMP is its own code; a rune beyond it gets a code of the Private Use
// Area (U+E000–U+F8FF) that no rune of this font in this document uses, and
// an entry in the returned ToUnicode overrides so that the PDF's text still
// reads as the real character (gofpdf patch 3). A real PUA character in the
// text keeps its own code. runes must be sorted.
func assignCodes(runes []rune) ([]codeChar, map[int]rune, error) {
	chars := make([]codeChar, 0, len(runes))
	var toUnicode map[int]rune
	next := rune(0xE000)
	for _, r := range runes {
		if r < 0x10000 {
			chars = append(chars, codeChar{uint16(r), r})
			continue
		}
		for ; next <= 0xF8FF; next++ {
			if _, taken := slices.BinarySearch(runes, next); !taken {
				break
			}
		}
		if next > 0xF8FF {
			return nil, nil, fmt.Errorf("%w: 基本多文种平面以外的不同字符超过私用区容量", ErrInvalidReport)
		}
		if toUnicode == nil {
			toUnicode = make(map[int]rune)
		}
		chars = append(chars, codeChar{uint16(next), r})
		toUnicode[int(next)] = r
		next++
	}
	return chars, toUnicode, nil
}

// tagSubset renames an embedded font from gofpdf's "/utf8sub<name>" to
// "/ABCDEF+<name>", the PDF convention for a subset font (PDF 32000 §9.6.4),
// so that viewers and pdffonts see it as one. The replacement has exactly the
// same length, so the cross-reference offsets stay valid. The tag is derived
// from the glyphs used, keeping the output deterministic. gofpdf ends the
// name with a line break wherever it writes it, which keeps one family's
// name from matching the start of another's.
func tagSubset(pdf []byte, family string, runes []rune) []byte {
	h := sha256.New()
	for _, c := range runes {
		h.Write([]byte(string(c)))
	}
	sum := h.Sum(nil)
	tag := make([]byte, 0, 7)
	for _, b := range sum[:6] {
		tag = append(tag, 'A'+b%26)
	}
	tag = append(tag, '+')
	old := []byte("/utf8" + strings.ToLower(family) + "\n")
	repl := append([]byte("/"), tag...)
	repl = append(repl, old[len("/utf8sub"):]...)
	return bytes.ReplaceAll(pdf, old, repl)
}

// printable maps a rune to the one actually drawn: tabs become spaces.
func printable(c rune) rune {
	if c == '\t' {
		return ' '
	}
	return c
}
