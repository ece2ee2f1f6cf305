package gofpdf

// evald patch 3: characters beyond the Basic Multilingual Plane.
//
// gofpdf's UTF-8 fonts are keyed by 16-bit code (Identity-H, code = Unicode,
// an identity ToUnicode map), so it cannot draw a character beyond U+FFFF.
// A caller that builds its own font subset can give such a character a free
// 16-bit code (a Private Use Area code, say) in the subset's cmap, draw that
// code, and declare here what the code stands for: the font's ToUnicode map
// then sends the code back to the real character (written as a UTF-16
// surrogate pair), so that text extraction, search and copy give the real
// character.

import (
	"fmt"
	"sort"
	"strings"
)

// SetUTF8FontToUnicode declares, for a UTF-8 font already added with
// AddUTF8FontFromBytes (or AddUTF8Font), that each code in codes stands for
// the character codes[code] rather than for itself. The font's ToUnicode map
// is written accordingly; codes not in the map keep the identity mapping.
// Codes must be in 1..0xFFFF. An empty map restores the identity mapping.
func (f *Fpdf) SetUTF8FontToUnicode(familyStr, styleStr string, codes map[int]rune) {
	if f.err != nil {
		return
	}
	key := getFontKey(fontFamilyEscape(familyStr), styleStr)
	def, ok := f.fonts[key]
	if !ok || def.Tp != "UTF8" {
		f.err = fmt.Errorf("undefined UTF-8 font: %s %s", familyStr, styleStr)
		return
	}
	m := make(map[int]rune, len(codes))
	for code, r := range codes {
		if code <= 0 || code > 0xFFFF || r < 0 || r > 0x10FFFF {
			f.err = fmt.Errorf("invalid ToUnicode entry %#x -> %#x", code, r)
			return
		}
		m[code] = r
	}
	def.toUnicode = m
	f.fonts[key] = def
}

// toUnicodeCMap is the ToUnicode CMap of a font with the code-to-character
// overrides m: identity ranges over the codes that have none (one range per
// block of 256 codes, split around the overrides, as the destination of a
// range may only vary in its last byte), and one bfchar entry per override.
// The output is deterministic.
func toUnicodeCMap(m map[int]rune) string {
	codes := make([]int, 0, len(m))
	for c := range m {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	var ranges [][2]int
	next := 0 // first code not yet covered
	addIdentity := func(lo, hi int) {
		for lo <= hi {
			end := lo | 0xFF
			if end > hi {
				end = hi
			}
			ranges = append(ranges, [2]int{lo, end})
			lo = end + 1
		}
	}
	for _, c := range codes {
		if c > next {
			addIdentity(next, c-1)
		}
		next = c + 1
	}
	addIdentity(next, 0xFFFF)

	var sb strings.Builder
	sb.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n" +
		"<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n" +
		"/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(ranges); i += 100 {
		chunk := ranges[i:]
		if len(chunk) > 100 {
			chunk = chunk[:100]
		}
		fmt.Fprintf(&sb, "%d beginbfrange\n", len(chunk))
		for _, r := range chunk {
			fmt.Fprintf(&sb, "<%04X> <%04X> <%04X>\n", r[0], r[1], r[0])
		}
		sb.WriteString("endbfrange\n")
	}
	for i := 0; i < len(codes); i += 100 {
		chunk := codes[i:]
		if len(chunk) > 100 {
			chunk = chunk[:100]
		}
		fmt.Fprintf(&sb, "%d beginbfchar\n", len(chunk))
		for _, c := range chunk {
			fmt.Fprintf(&sb, "<%04X> <%s>\n", c, utf16Hex(m[c]))
		}
		sb.WriteString("endbfchar\n")
	}
	sb.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return sb.String()
}

// utf16Hex is r in UTF-16BE as hex digits: a surrogate pair beyond the BMP.
func utf16Hex(r rune) string {
	if r < 0x10000 {
		return fmt.Sprintf("%04X", r)
	}
	r -= 0x10000
	return fmt.Sprintf("%04X%04X", 0xD800+(r>>10), 0xDC00+(r&0x3FF))
}
