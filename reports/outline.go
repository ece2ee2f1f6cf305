package reports

import (
	"encoding/binary"
	"fmt"
	"strings"
)

// outline is a glyph of the report font as a PDF path: drawn as vector
// shapes, not text, so that what it says (the 草稿 watermark) is never read
// by text extraction nor mixed into the order of the page's real text.
//
// It reads a simple TrueType glyph (glyf table: contours of quadratic
// B-splines, on- and off-curve points) and writes each contour with m, l and
// c operators, the quadratic pieces raised to cubic ones. ox, oy place the
// glyph's origin (in PDF user space, points, y upwards) and scale maps font
// units to points.
func (f *Font) outline(r rune, ox, oy, scale float64) (string, error) {
	g := f.glyph(r)
	if g == 0 {
		return "", fmt.Errorf("报告字体没有字符 %q", r)
	}
	return f.glyphOutline(r, g, ox, oy, scale, 0)
}

// glyphOutline draws glyph g; a composite glyph draws its components at
// their offsets (scaled components are drawn unscaled: CJK fonts do not
// use them).
func (f *Font) glyphOutline(r rune, g uint16, ox, oy, scale float64, depth int) (string, error) {
	if int(g)+1 >= len(f.loca) || depth > 4 {
		return "", fmt.Errorf("字符 %q 的字形无效", r)
	}
	data := f.glyf[f.loca[g]:f.loca[g+1]]
	if len(data) < 10 {
		return "", nil // an empty glyph
	}
	n := int(int16(binary.BigEndian.Uint16(data)))
	if n < 0 {
		var sb strings.Builder
		for p := 10; p+4 <= len(data); {
			flags := binary.BigEndian.Uint16(data[p:])
			comp := binary.BigEndian.Uint16(data[p+2:])
			p += 4
			var dx, dy int
			if flags&1 != 0 { // ARG_1_AND_2_ARE_WORDS
				if p+4 > len(data) {
					return "", fmt.Errorf("字符 %q 的字形数据不完整", r)
				}
				dx, dy = int(int16(binary.BigEndian.Uint16(data[p:]))), int(int16(binary.BigEndian.Uint16(data[p+2:])))
				p += 4
			} else {
				if p+2 > len(data) {
					return "", fmt.Errorf("字符 %q 的字形数据不完整", r)
				}
				dx, dy = int(int8(data[p])), int(int8(data[p+1]))
				p += 2
			}
			switch {
			case flags&0x08 != 0:
				p += 2
			case flags&0x40 != 0:
				p += 4
			case flags&0x80 != 0:
				p += 8
			}
			if flags&2 == 0 { // point matching instead of offsets: not used by the watermark's font
				dx, dy = 0, 0
			}
			part, err := f.glyphOutline(r, comp, ox+float64(dx)*scale, oy+float64(dy)*scale, scale, depth+1)
			if err != nil {
				return "", err
			}
			sb.WriteString(part)
			if flags&0x20 == 0 { // MORE_COMPONENTS
				break
			}
		}
		return sb.String(), nil
	}
	p := 10
	need := func(k int) error {
		if p+k > len(data) {
			return fmt.Errorf("字符 %q 的字形数据不完整", r)
		}
		return nil
	}
	if err := need(2*n + 2); err != nil {
		return "", err
	}
	ends := make([]int, n)
	for i := range ends {
		ends[i] = int(binary.BigEndian.Uint16(data[p:]))
		p += 2
	}
	if n == 0 {
		return "", nil
	}
	points := ends[n-1] + 1
	p += 2 + int(binary.BigEndian.Uint16(data[p:])) // instructions
	flags := make([]byte, 0, points)
	for len(flags) < points {
		if err := need(1); err != nil {
			return "", err
		}
		fl := data[p]
		p++
		flags = append(flags, fl)
		if fl&8 != 0 {
			if err := need(1); err != nil {
				return "", err
			}
			for k := 0; k < int(data[p]) && len(flags) < points; k++ {
				flags = append(flags, fl)
			}
			p++
		}
	}
	coords := func(short, same byte) ([]int, error) {
		out := make([]int, points)
		v := 0
		for i, fl := range flags {
			switch {
			case fl&short != 0:
				if err := need(1); err != nil {
					return nil, err
				}
				d := int(data[p])
				p++
				if fl&same == 0 {
					d = -d
				}
				v += d
			case fl&same == 0:
				if err := need(2); err != nil {
					return nil, err
				}
				v += int(int16(binary.BigEndian.Uint16(data[p:])))
				p += 2
			}
			out[i] = v
		}
		return out, nil
	}
	xs, err := coords(2, 16)
	if err != nil {
		return "", err
	}
	ys, err := coords(4, 32)
	if err != nil {
		return "", err
	}

	type pt struct{ x, y float64 }
	at := func(i int) pt { return pt{ox + float64(xs[i])*scale, oy + float64(ys[i])*scale} }
	var sb strings.Builder
	start := 0
	for _, end := range ends {
		if end < start || end >= points {
			return "", fmt.Errorf("字符 %q 的轮廓无效", r)
		}
		cnt := end - start + 1
		on := func(k int) bool { return flags[start+(k%cnt)]&1 != 0 }
		get := func(k int) pt { return at(start + (k % cnt)) }
		// Start at an on-curve point, or midway between two off-curve ones.
		first, k0 := pt{}, 0
		switch {
		case on(0):
			first = get(0)
		case on(cnt - 1):
			first, k0 = get(cnt-1), -1
		default:
			a, b := get(cnt-1), get(0)
			first, k0 = pt{(a.x + b.x) / 2, (a.y + b.y) / 2}, -1
		}
		fmt.Fprintf(&sb, "%.2f %.2f m\n", first.x, first.y)
		cur := first
		for k := k0 + 1; k <= k0+cnt; k++ {
			if on(k) {
				q := get(k)
				fmt.Fprintf(&sb, "%.2f %.2f l\n", q.x, q.y)
				cur = q
				continue
			}
			ctl := get(k)
			next := first
			if k+1 <= k0+cnt {
				if on(k + 1) {
					next = get(k + 1)
				} else {
					b := get(k + 1)
					next = pt{(ctl.x + b.x) / 2, (ctl.y + b.y) / 2}
				}
			}
			c1 := pt{cur.x + 2*(ctl.x-cur.x)/3, cur.y + 2*(ctl.y-cur.y)/3}
			c2 := pt{next.x + 2*(ctl.x-next.x)/3, next.y + 2*(ctl.y-next.y)/3}
			fmt.Fprintf(&sb, "%.2f %.2f %.2f %.2f %.2f %.2f c\n", c1.x, c1.y, c2.x, c2.y, next.x, next.y)
			cur = next
			if k+1 <= k0+cnt && on(k+1) {
				k++ // the on-curve point just reached
			}
		}
		sb.WriteString("h\n")
		start = end + 1
	}
	return sb.String(), nil
}
