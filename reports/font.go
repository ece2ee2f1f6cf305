package reports

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"slices"
)

// builtinFont is WenQuanYi Micro Hei (face 0 of wqy-microhei.ttc), Apache-2.0;
// see fonts/README.md and fonts/LICENSE-Apache-2.0.
//
//go:embed fonts/wqy-microhei.ttf
var builtinFont []byte

// ErrFont is wrapped by every error about a font file that cannot be used.
var ErrFont = errors.New("报告字体不可用")

// Font is a parsed TrueType font. It is parsed once per process and shared,
// read-only, by every document: each document embeds a subset built from it
// (see subset.go), so gofpdf only ever parses a few hundred glyphs.
type Font struct {
	name       string            // PostScript name, used to name the embedded subset
	unitsPerEm int               // head.unitsPerEm
	ascent     int               // hhea.ascender, font units
	descent    int               // hhea.descender (negative), font units
	tables     map[string][]byte // raw tables copied into every subset
	glyf       []byte
	loca       []uint32    // numGlyphs+1 offsets into glyf
	advance    []uint16    // advance width per glyph, font units
	lsb        []int16     // left side bearing per glyph
	cmap       []uint16    // glyph index of every BMP code point; 0 is .notdef
	supp       []cmapGroup // the planes beyond the BMP, from a format 12 cmap; sorted
	widths     []uint16    // advance of every BMP code point in 1/1000 em, as gofpdf rounds it
}

// LoadFont reads a TrueType font (.ttf, or face 0 of a .ttc collection) from
// path. An empty path gives the font built into the binary.
func LoadFont(path string) (*Font, error) {
	if path == "" {
		return ParseFont(builtinFont, 0)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFont, err)
	}
	f, err := ParseFont(data, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// ParseFont parses a TrueType font with glyf outlines. For a TrueType
// collection (.ttc) index selects the face; for a single font it must be 0.
// Fonts with CFF outlines (.otf) are refused: gofpdf embeds only TrueType.
func ParseFont(data []byte, index int) (*Font, error) {
	f, err := parseFont(data, index)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFont, err)
	}
	return f, nil
}

type tableRecord struct {
	offset, length uint32
}

func parseFont(data []byte, index int) (*Font, error) {
	r := reader(data)
	tag, err := r.u32(0)
	if err != nil {
		return nil, err
	}
	dirOffset := uint32(0)
	switch tag {
	case 0x74746366: // "ttcf"
		n, err := r.u32(8)
		if err != nil {
			return nil, err
		}
		if index < 0 || uint32(index) >= n {
			return nil, fmt.Errorf("字体集合中没有第 %d 个字体", index)
		}
		if dirOffset, err = r.u32(12 + 4*index); err != nil {
			return nil, err
		}
		if tag, err = r.u32(int(dirOffset)); err != nil {
			return nil, err
		}
	default:
		if index != 0 {
			return nil, fmt.Errorf("单个字体文件没有第 %d 个字体", index)
		}
	}
	switch tag {
	case 0x00010000, 0x74727565: // TrueType, "true"
	case 0x4F54544F: // "OTTO"
		return nil, errors.New("字体使用 CFF 轮廓（OpenType/OTF），需要 TrueType（glyf）轮廓")
	default:
		return nil, fmt.Errorf("不是 TrueType 字体（标记 %#08x）", tag)
	}
	numTables, err := r.u16(int(dirOffset) + 4)
	if err != nil {
		return nil, err
	}
	records := make(map[string]tableRecord, numTables)
	for i := range int(numTables) {
		rec := int(dirOffset) + 12 + 16*i
		b, err := r.bytes(rec, 16)
		if err != nil {
			return nil, err
		}
		t := tableRecord{offset: binary.BigEndian.Uint32(b[8:]), length: binary.BigEndian.Uint32(b[12:])}
		if uint64(t.offset)+uint64(t.length) > uint64(len(data)) {
			return nil, fmt.Errorf("表 %q 超出文件范围", b[:4])
		}
		records[string(b[:4])] = t
	}
	table := func(name string, required bool) ([]byte, error) {
		t, ok := records[name]
		if !ok {
			if required {
				return nil, fmt.Errorf("缺少 %q 表", name)
			}
			return nil, nil
		}
		return data[t.offset : t.offset+t.length], nil
	}

	f := &Font{tables: make(map[string][]byte)}
	for _, name := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "post", "OS/2", "name"} {
		b, err := table(name, true)
		if err != nil {
			return nil, err
		}
		f.tables[name] = b
	}
	for _, name := range []string{"cvt ", "fpgm", "prep", "gasp"} {
		b, err := table(name, false)
		if err != nil {
			return nil, err
		}
		if b != nil {
			f.tables[name] = b
		}
	}
	if err := f.parseMetrics(); err != nil {
		return nil, err
	}
	if err := f.parseCmap(); err != nil {
		return nil, err
	}
	f.name = postScriptName(f.tables["name"])
	f.glyf = f.tables["glyf"]
	delete(f.tables, "glyf")
	delete(f.tables, "loca")
	delete(f.tables, "hmtx")
	delete(f.tables, "cmap")

	f.widths = make([]uint16, len(f.cmap))
	scale := 1000 / float64(f.unitsPerEm)
	for c, g := range f.cmap {
		if g != 0 {
			f.widths[c] = uint16(math.Round(scale * float64(f.advance[g])))
		}
	}
	return f, nil
}

// Name is the font's PostScript name in lower case, as used in the PDF.
func (f *Font) Name() string { return f.name }

// cmapGroup maps the code points start..end to consecutive glyphs from glyph.
type cmapGroup struct {
	start, end rune
	glyph      uint32
}

// HasGlyph reports whether the font draws r (rather than an empty box).
func (f *Font) HasGlyph(r rune) bool { return f.glyph(r) != 0 }

// glyph is the glyph id of r, 0 (.notdef) if the font lacks it.
func (f *Font) glyph(r rune) uint16 {
	if r < 0 {
		return 0
	}
	if r < 0x10000 {
		return f.cmap[r]
	}
	i, found := slices.BinarySearchFunc(f.supp, r, func(g cmapGroup, r rune) int {
		switch {
		case g.end < r:
			return -1
		case g.start > r:
			return 1
		}
		return 0
	})
	if !found {
		return 0
	}
	return uint16(f.supp[i].glyph + uint32(r-f.supp[i].start))
}

// width is the advance of r in 1/1000 em, rounded exactly as gofpdf rounds
// the widths it writes into the PDF, so that measured and printed text agree.
// A rune the font lacks is drawn with .notdef, whose width it gets. An
// invisible rune (a variation selector, a joiner) is always drawn blank and
// takes no room (see subsetCodes): some fonts draw them as visible boxes.
func (f *Font) width(r rune) int {
	if invisible(r) {
		return 0
	}
	if r >= 0 && r < 0x10000 {
		if w := f.widths[r]; w != 0 || f.cmap[r] != 0 {
			return int(w)
		}
	} else if g := f.glyph(r); g != 0 {
		return f.advanceWidth(g)
	}
	return f.notdefWidth()
}

func (f *Font) advanceWidth(g uint16) int {
	return int(math.Round(1000 / float64(f.unitsPerEm) * float64(f.advance[g])))
}

func (f *Font) notdefWidth() int { return f.advanceWidth(0) }

// invisible reports whether r is a format character that shows nothing on
// its own: zero-width spaces and joiners, direction marks, variation
// selectors (as in the emoji ❤️), tag characters. The reports draw them
// blank, whether a font has a glyph for them or not.
func invisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x2060 && r <= 0x2064, r >= 0xFE00 && r <= 0xFE0F,
		r == 0xFEFF, r >= 0xE0000 && r <= 0xE007F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return false
}
