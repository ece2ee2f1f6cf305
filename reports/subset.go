package reports

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
)

// Composite glyph component flags (TrueType 'glyf').
const (
	compArgsAreWords   = 0x0001
	compHaveScale      = 0x0008
	compMoreComponents = 0x0020
	compHaveXYScale    = 0x0040
	compHave2x2        = 0x0080
)

// subset builds a complete, small TrueType font that maps exactly runes (all
// in the BMP) to their glyphs, plus the composite glyphs' components; see
// subsetCodes.
func (f *Font) subset(runes []rune) ([]byte, error) {
	chars := make([]codeChar, 0, len(runes))
	for _, r := range runes {
		if r > 0 && r < 0xFFFF {
			chars = append(chars, codeChar{uint16(r), r})
		}
	}
	return f.subsetCodes(chars)
}

// codeChar is a character of a subset and the 16-bit code it has there:
// its own code point in the BMP; beyond it, a code the document assigns
// (see render.go).
type codeChar struct {
	code uint16
	r    rune
}

// subsetCodes builds a complete, small TrueType font whose cmap maps each
// code of chars (in 1..0xFFFE) to the glyph of its character, plus the
// composite glyphs' components. A character the font lacks is mapped to a
// copy of .notdef, so that it keeps a width and its Unicode value (gofpdf
// writes the code and a ToUnicode map, so the text still extracts correctly,
// drawn as an empty box). An invisible character (see invisible) is mapped
// to a blank glyph of no width, whatever the font has for it.
//
// gofpdf then parses this subset instead of the whole font: its per-document
// cost is proportional to the glyphs the document uses, not to the 30 000
// glyphs of a CJK font.
func (f *Font) subsetCodes(chars []codeChar) ([]byte, error) {
	chars = slices.Clone(chars)
	slices.SortFunc(chars, func(a, b codeChar) int { return int(a.code) - int(b.code) })
	chars = slices.CompactFunc(chars, func(a, b codeChar) bool { return a.code == b.code })

	oldOf := []uint16{0} // new glyph id -> old glyph id
	newOf := map[uint16]uint16{0: 0}
	add := func(old uint16) uint16 {
		if g, ok := newOf[old]; ok {
			return g
		}
		g := uint16(len(oldOf))
		oldOf = append(oldOf, old)
		newOf[old] = g
		return g
	}
	type mapping struct {
		r rune // the code
		g uint16
	}
	maps := make([]mapping, 0, len(chars))
	tofu, blank := uint16(0), uint16(0) // new ids of the .notdef copy and the blank glyph
	for _, c := range chars {
		if c.code == 0 || c.code == 0xFFFF {
			continue
		}
		old := f.glyph(c.r)
		switch {
		case invisible(c.r):
			if blank == 0 {
				blank = uint16(len(oldOf))
				oldOf = append(oldOf, 0)
			}
			maps = append(maps, mapping{rune(c.code), blank})
		case old != 0:
			maps = append(maps, mapping{rune(c.code), add(old)})
		default:
			if tofu == 0 {
				tofu = uint16(len(oldOf))
				oldOf = append(oldOf, 0)
			}
			maps = append(maps, mapping{rune(c.code), tofu})
		}
	}
	// Components of composite glyphs; oldOf grows while we walk it.
	for i := 0; i < len(oldOf); i++ {
		comps, err := f.components(oldOf[i])
		if err != nil {
			return nil, err
		}
		for _, c := range comps {
			add(c)
		}
	}
	if len(oldOf) > 0xFFFF {
		return nil, fmt.Errorf("%w: 子集字形过多", ErrFont)
	}

	// glyf, loca (long offsets), hmtx.
	var glyf []byte
	loca := make([]byte, 0, 4*(len(oldOf)+1))
	hmtx := make([]byte, 0, 4*len(oldOf))
	for g, old := range oldOf {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		if blank != 0 && g == int(blank) {
			hmtx = binary.BigEndian.AppendUint32(hmtx, 0) // no outline, no advance
			continue
		}
		data := f.glyf[f.loca[old]:f.loca[old+1]]
		start := len(glyf)
		glyf = append(glyf, data...)
		if len(data) >= 10 && int16(binary.BigEndian.Uint16(data)) < 0 {
			if err := renumberComponents(glyf[start:], newOf); err != nil {
				return nil, err
			}
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		hmtx = binary.BigEndian.AppendUint16(hmtx, f.advance[old])
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(f.lsb[old]))
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))

	// cmap: one format 4 subtable (3,1), one segment per run of consecutive
	// code points whose glyph ids are consecutive too.
	type segment struct{ start, end, first uint16 }
	var segs []segment
	for _, m := range maps {
		if n := len(segs); n > 0 && segs[n-1].end+1 == uint16(m.r) &&
			segs[n-1].first+(segs[n-1].end-segs[n-1].start)+1 == m.g {
			segs[n-1].end++
			continue
		}
		segs = append(segs, segment{uint16(m.r), uint16(m.r), m.g})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 0}) // required terminator, idDelta 1
	segCount := len(segs)
	searchRange, entrySelector := 1, 0
	for searchRange*2 <= segCount {
		searchRange *= 2
		entrySelector++
	}
	searchRange *= 2
	sub := make([]byte, 0, 16+8*segCount)
	for _, v := range []int{4, 16 + 8*segCount, 0, 2 * segCount, searchRange, entrySelector, 2*segCount - searchRange} {
		sub = binary.BigEndian.AppendUint16(sub, uint16(v))
	}
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, s.end)
	}
	sub = binary.BigEndian.AppendUint16(sub, 0) // reservedPad
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, s.start)
	}
	for _, s := range segs {
		delta := s.first - s.start // modulo 65536
		if s.start == 0xFFFF {
			delta = 1
		}
		sub = binary.BigEndian.AppendUint16(sub, delta)
	}
	for range segs {
		sub = binary.BigEndian.AppendUint16(sub, 0) // idRangeOffset
	}
	cmap := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	cmap = append(cmap, sub...)

	n := uint16(len(oldOf))
	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1)
	hhea := slices.Clone(f.tables["hhea"])
	binary.BigEndian.PutUint16(hhea[34:], n)
	maxp := slices.Clone(f.tables["maxp"])
	binary.BigEndian.PutUint16(maxp[4:], n)
	post := make([]byte, 32)
	copy(post, f.tables["post"])
	binary.BigEndian.PutUint32(post, 0x00030000) // no glyph names

	tables := map[string][]byte{
		"cmap": cmap, "glyf": glyf, "head": head, "hhea": hhea, "hmtx": hmtx,
		"loca": loca, "maxp": maxp, "post": post, "OS/2": f.tables["OS/2"], "name": f.tables["name"],
	}
	for _, t := range []string{"cvt ", "fpgm", "prep", "gasp"} {
		if b, ok := f.tables[t]; ok {
			tables[t] = b
		}
	}
	return assembleFont(tables), nil
}

// components lists the glyph ids a composite glyph refers to.
func (f *Font) components(g uint16) ([]uint16, error) {
	data := f.glyf[f.loca[g]:f.loca[g+1]]
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil, nil
	}
	var out []uint16
	err := walkComponents(data, func(at int) { out = append(out, binary.BigEndian.Uint16(data[at:])) })
	return out, err
}

// renumberComponents rewrites, in place, the glyph ids of a composite glyph.
func renumberComponents(data []byte, newOf map[uint16]uint16) error {
	return walkComponents(data, func(at int) {
		binary.BigEndian.PutUint16(data[at:], newOf[binary.BigEndian.Uint16(data[at:])])
	})
}

// walkComponents calls visit with the offset of each component's glyph id.
func walkComponents(data []byte, visit func(at int)) error {
	pos := 10
	for {
		if pos+4 > len(data) {
			return fmt.Errorf("%w: 复合字形数据截断", ErrFont)
		}
		flags := binary.BigEndian.Uint16(data[pos:])
		visit(pos + 2)
		pos += 4
		if flags&compArgsAreWords != 0 {
			pos += 4
		} else {
			pos += 2
		}
		switch {
		case flags&compHaveScale != 0:
			pos += 2
		case flags&compHaveXYScale != 0:
			pos += 4
		case flags&compHave2x2 != 0:
			pos += 8
		}
		if flags&compMoreComponents == 0 {
			return nil
		}
	}
}

// assembleFont writes an sfnt file: table directory sorted by tag, tables
// 4-byte aligned, checksums and head.checkSumAdjustment set.
func assembleFont(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for t, b := range tables {
		tags = append(tags, t)
		size += (len(b) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	searchRange, entrySelector := 1, 0
	for searchRange*2 <= n {
		searchRange *= 2
		entrySelector++
	}
	searchRange *= 16
	out := make([]byte, 0, size)
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	for _, v := range []int{n, searchRange, entrySelector, 16*n - searchRange} {
		out = binary.BigEndian.AppendUint16(out, uint16(v))
	}
	offset := 12 + 16*n
	headAt := 0
	for _, t := range tags {
		b := tables[t]
		if t == "head" {
			headAt = offset
		}
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, checksum(b))
		out = binary.BigEndian.AppendUint32(out, uint32(offset))
		out = binary.BigEndian.AppendUint32(out, uint32(len(b)))
		offset += (len(b) + 3) &^ 3
	}
	for _, t := range tags {
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
