package reports

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
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
	loca       []uint32 // numGlyphs+1 offsets into glyf
	advance    []uint16 // advance width per glyph, font units
	lsb        []int16  // left side bearing per glyph
	cmap       []uint16 // glyph index of every BMP code point; 0 is .notdef
	widths     []uint16 // advance of every BMP code point in 1/1000 em, as gofpdf rounds it
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
		if b, _ := table(name, false); b != nil {
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

// HasGlyph reports whether the font draws r (rather than an empty box).
func (f *Font) HasGlyph(r rune) bool {
	return r >= 0 && r < 0x10000 && f.cmap[r] != 0
}

// width is the advance of r in 1/1000 em, rounded exactly as gofpdf rounds
// the widths it writes into the PDF, so that measured and printed text agree.
// A rune the font lacks is drawn with .notdef, whose width it gets.
func (f *Font) width(r rune) int {
	if r < 0 || r >= 0x10000 {
		return f.notdefWidth()
	}
	if w := f.widths[r]; w != 0 || f.cmap[r] != 0 {
		return int(w)
	}
	return f.notdefWidth()
}

func (f *Font) notdefWidth() int {
	return int(math.Round(1000 / float64(f.unitsPerEm) * float64(f.advance[0])))
}
