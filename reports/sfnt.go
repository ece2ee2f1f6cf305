package reports

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Reading the tables of a TrueType (sfnt) font.

func (f *Font) parseMetrics() error {
	head, hhea, maxp := reader(f.tables["head"]), reader(f.tables["hhea"]), reader(f.tables["maxp"])
	upem, err := head.u16(18)
	if err != nil {
		return err
	}
	if upem < 16 {
		return fmt.Errorf("head.unitsPerEm %d 无效", upem)
	}
	f.unitsPerEm = int(upem)
	locFormat, err := head.u16(50)
	if err != nil {
		return err
	}
	asc, err := hhea.u16(4)
	if err != nil {
		return err
	}
	desc, err := hhea.u16(6)
	if err != nil {
		return err
	}
	f.ascent, f.descent = int(int16(asc)), int(int16(desc))
	nMetrics, err := hhea.u16(34)
	if err != nil {
		return err
	}
	numGlyphs, err := maxp.u16(4)
	if err != nil {
		return err
	}
	if nMetrics == 0 || nMetrics > numGlyphs {
		return fmt.Errorf("hhea.numberOfHMetrics %d 无效", nMetrics)
	}

	hmtx := reader(f.tables["hmtx"])
	f.advance = make([]uint16, numGlyphs)
	f.lsb = make([]int16, numGlyphs)
	for g := range int(numGlyphs) {
		if g < int(nMetrics) {
			b, err := hmtx.bytes(4*g, 4)
			if err != nil {
				return err
			}
			f.advance[g] = binary.BigEndian.Uint16(b)
			f.lsb[g] = int16(binary.BigEndian.Uint16(b[2:]))
			continue
		}
		v, err := hmtx.u16(4*int(nMetrics) + 2*(g-int(nMetrics)))
		if err != nil {
			return err
		}
		f.advance[g] = f.advance[nMetrics-1]
		f.lsb[g] = int16(v)
	}

	loca := reader(f.tables["loca"])
	f.loca = make([]uint32, int(numGlyphs)+1)
	for i := range f.loca {
		switch locFormat {
		case 0:
			v, err := loca.u16(2 * i)
			if err != nil {
				return err
			}
			f.loca[i] = 2 * uint32(v)
		case 1:
			v, err := loca.u32(4 * i)
			if err != nil {
				return err
			}
			f.loca[i] = v
		default:
			return fmt.Errorf("head.indexToLocFormat %d 无效", locFormat)
		}
		if f.loca[i] > uint32(len(f.tables["glyf"])) || (i > 0 && f.loca[i] < f.loca[i-1]) {
			return fmt.Errorf("loca 第 %d 项无效", i)
		}
	}
	return nil
}

// parseCmap fills f.cmap for the Basic Multilingual Plane and f.supp for
// the planes beyond from the best Unicode subtable: format 12 (full
// repertoire) if present, else format 4 (BMP only). gofpdf addresses glyphs
// by 16-bit code, so characters beyond the BMP are given one per document
// (see render.go).
func (f *Font) parseCmap() error {
	cm := reader(f.tables["cmap"])
	n, err := cm.u16(2)
	if err != nil {
		return err
	}
	best, bestRank := -1, 0
	for i := range int(n) {
		b, err := cm.bytes(4+8*i, 8)
		if err != nil {
			return err
		}
		platform, encoding := binary.BigEndian.Uint16(b), binary.BigEndian.Uint16(b[2:])
		off := int(binary.BigEndian.Uint32(b[4:]))
		format, err := cm.u16(off)
		if err != nil {
			return err
		}
		rank := 0
		switch {
		case format == 12 && (platform == 0 || (platform == 3 && encoding == 10)):
			rank = 3
		case format == 4 && platform == 3 && encoding == 1:
			rank = 2
		case format == 4 && platform == 0:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = off, rank
		}
	}
	if best < 0 {
		return errors.New("字体没有 Unicode 字符映射（cmap 格式 4 或 12）")
	}
	f.cmap = make([]uint16, 0x10000)
	numGlyphs := uint32(len(f.advance))
	set := func(c, g uint32) {
		if c < 0x10000 && g < numGlyphs {
			f.cmap[c] = uint16(g)
		}
	}
	format, err := cm.u16(best)
	if err != nil {
		return err
	}
	if format == 12 {
		groups, err := cm.u32(best + 12)
		if err != nil {
			return err
		}
		for i := range int(groups) {
			b, err := cm.bytes(best+16+12*i, 12)
			if err != nil {
				return err
			}
			start, end, g := binary.BigEndian.Uint32(b), binary.BigEndian.Uint32(b[4:]), binary.BigEndian.Uint32(b[8:])
			if start > end || end > 0x10FFFF {
				return fmt.Errorf("cmap 第 %d 组无效", i)
			}
			for c := start; c <= end && c < 0x10000; c++ {
				set(c, g+c-start)
			}
			if end >= 0x10000 {
				from := max(start, 0x10000)
				first := g + from - start
				if uint64(first)+uint64(end-from) >= uint64(numGlyphs) {
					continue // glyph ids beyond the font: ignore the group, as set does
				}
				f.supp = append(f.supp, cmapGroup{rune(from), rune(end), first})
			}
		}
		slices.SortFunc(f.supp, func(a, b cmapGroup) int { return int(a.start - b.start) })
		return nil
	}
	segX2, err := cm.u16(best + 6)
	if err != nil {
		return err
	}
	segs := int(segX2 / 2)
	ends, starts := best+14, best+16+2*segs
	deltas, ranges := starts+2*segs, starts+4*segs
	for s := range segs {
		end, err1 := cm.u16(ends + 2*s)
		start, err2 := cm.u16(starts + 2*s)
		delta, err3 := cm.u16(deltas + 2*s)
		ro, err4 := cm.u16(ranges + 2*s)
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return err
		}
		for c := uint32(start); c <= uint32(end) && c != 0xFFFF; c++ {
			if ro == 0 {
				set(c, (c+uint32(delta))&0xFFFF)
				continue
			}
			g, err := cm.u16(ranges + 2*s + int(ro) + 2*int(c-uint32(start)))
			if err != nil {
				return err
			}
			if g != 0 {
				set(c, (uint32(g)+uint32(delta))&0xFFFF)
			}
		}
	}
	return nil
}

// postScriptName reads name ID 6, reduced to lower-case letters and digits so
// that it is a safe PDF name; "font" if the table has none.
func postScriptName(name []byte) string {
	r := reader(name)
	count, err1 := r.u16(2)
	strOff, err2 := r.u16(4)
	if err1 != nil || err2 != nil {
		return "font"
	}
	for i := range int(count) {
		b, err := r.bytes(6+12*i, 12)
		if err != nil {
			break
		}
		platform, id := binary.BigEndian.Uint16(b), binary.BigEndian.Uint16(b[6:])
		length, off := int(binary.BigEndian.Uint16(b[8:])), int(binary.BigEndian.Uint16(b[10:]))
		if id != 6 {
			continue
		}
		raw, err := r.bytes(int(strOff)+off, length)
		if err != nil {
			continue
		}
		var sb strings.Builder
		step := 1
		if platform == 0 || platform == 3 {
			step = 2 // UTF-16BE
		}
		for j := step - 1; j < len(raw); j += step {
			c := raw[j]
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				sb.WriteByte(c)
			case c >= 'A' && c <= 'Z':
				sb.WriteByte(c + 'a' - 'A')
			}
		}
		if sb.Len() > 0 {
			return sb.String()
		}
	}
	return "font"
}

// reader reads big-endian numbers with bounds checks, so that a damaged font
// file gives an error instead of a panic.
type reader []byte

func (r reader) bytes(off, n int) ([]byte, error) {
	if off < 0 || n < 0 || off+n > len(r) {
		return nil, fmt.Errorf("字体数据在偏移 %d 处截断", off)
	}
	return r[off : off+n], nil
}

func (r reader) u16(off int) (uint16, error) {
	b, err := r.bytes(off, 2)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint16(b), nil
}

func (r reader) u32(off int) (uint32, error) {
	b, err := r.bytes(off, 4)
	if err != nil {
		return 0, err
	}
	return binary.BigEndian.Uint32(b), nil
}
