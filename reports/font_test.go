package reports

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// compositeRune finds a rune whose glyph is a composite, to test that
// subsetting brings its components along.
func compositeRune(t *testing.T, f *Font) rune {
	t.Helper()
	for r := rune(0x20); r < 0xFFFF; r++ {
		if comps, err := f.components(f.cmap[r]); err == nil && len(comps) > 0 && f.cmap[r] != 0 {
			return r
		}
	}
	t.Skip("the font has no composite glyphs")
	return 0
}

func TestSubsetIsAValidSmallFont(t *testing.T) {
	full := renderer(t).Font()
	comp := compositeRune(t, full)
	runes := []rune("《郫都区、邛崃市》“GDP 1.2万亿元”——……" + string(comp))
	missing := rune(0)
	for r := rune(0x3400); r < 0x4DC0; r++ { // CJK Extension A: the font lacks some
		if !full.HasGlyph(r) {
			missing = r
			break
		}
	}
	if missing != 0 {
		runes = append(runes, missing)
	}
	data, err := full.subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 64<<10 {
		t.Errorf("subset of %d runes is %d bytes", len(runes), len(data))
	}
	sub, err := ParseFont(data, 0)
	if err != nil {
		t.Fatalf("subset does not parse: %v", err)
	}
	for _, r := range runes {
		if r == missing {
			if sub.cmap[r] == 0 || sub.width(r) != full.width(r) {
				t.Errorf("missing rune %U: mapped to %d with width %d, want a .notdef copy of width %d", r, sub.cmap[r], sub.width(r), full.width(r))
			}
			continue
		}
		if !sub.HasGlyph(r) {
			t.Errorf("subset lacks %q", r)
		}
		if sub.width(r) != full.width(r) {
			t.Errorf("width of %q: subset %d, font %d", r, sub.width(r), full.width(r))
		}
		if !sameOutline(full, full.cmap[r], sub, sub.cmap[r]) {
			t.Errorf("outline of %q differs", r)
		}
	}
	if sub.HasGlyph('X') {
		t.Error("subset maps a rune it was not asked for")
	}
	// The composite's components are in the subset, renumbered.
	comps, err := sub.components(sub.cmap[comp])
	if err != nil || len(comps) == 0 {
		t.Fatalf("composite %q lost its components: %v", comp, err)
	}
	for _, c := range comps {
		if int(c) >= len(sub.advance) || sub.loca[c+1] == sub.loca[c] && full.loca[1] != full.loca[0] {
			t.Errorf("component %d of %q is not in the subset", c, comp)
		}
	}
	if n := len(sub.advance); n > 2*len(runes) {
		t.Errorf("subset has %d glyphs for %d runes", n, len(runes))
	}
}

// sameOutline reports whether glyph a of font fa and glyph b of font fb
// draw the same: the same bytes for a simple glyph; for a composite, the
// same bytes but for the component ids, whose glyphs are the same in turn.
func sameOutline(fa *Font, a uint16, fb *Font, b uint16) bool {
	da := fa.glyf[fa.loca[a]:fa.loca[a+1]]
	db := fb.glyf[fb.loca[b]:fb.loca[b+1]]
	if len(db) < len(da) || len(db) > len(da)+3 { // the subset pads glyphs to 4 bytes
		return false
	}
	db = db[:len(da)]
	if len(da) < 10 || int16(binary.BigEndian.Uint16(da)) >= 0 {
		return bytes.Equal(da, db)
	}
	ca, errA := fa.components(a)
	cb, errB := fb.components(b)
	if errA != nil || errB != nil || len(ca) != len(cb) {
		return false
	}
	za, zb := bytes.Clone(da), bytes.Clone(db)
	_ = walkComponents(za, func(at int) { za[at], za[at+1] = 0, 0 })
	_ = walkComponents(zb, func(at int) { zb[at], zb[at+1] = 0, 0 })
	if !bytes.Equal(za, zb) {
		return false
	}
	for i := range ca {
		if !sameOutline(fa, ca[i], fb, cb[i]) {
			return false
		}
	}
	return true
}

func TestParseFontRejects(t *testing.T) {
	ttf := builtinFont
	otf := append([]byte("OTTO"), ttf[4:64]...)
	ttc := binary.BigEndian.AppendUint32([]byte("ttcf\x00\x01\x00\x00"), 1)
	tests := []struct {
		name  string
		data  []byte
		index int
	}{
		{"empty", nil, 0},
		{"truncated", ttf[:200], 0},
		{"CFF outlines", otf, 0},
		{"not a font", []byte("%PDF-1.4 this is not a font at all"), 0},
		{"face out of range", ttc, 3},
		{"index of a single font", ttf, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseFont(tt.data, tt.index); !errors.Is(err, ErrFont) {
				t.Errorf("err = %v, want ErrFont", err)
			}
		})
	}
}

func TestRendererFontPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "font.ttf")
	if err := os.WriteFile(path, builtinFont, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := NewRenderer(Options{FontPath: path})
	if err != nil {
		t.Fatal(err)
	}
	if r.Font().Name() != "wenquanyimicrohei" {
		t.Errorf("font name = %q", r.Font().Name())
	}
	if _, err := NewRenderer(Options{FontPath: filepath.Join(t.TempDir(), "none.ttf")}); !errors.Is(err, ErrFont) {
		t.Errorf("missing font file: err = %v, want ErrFont", err)
	}
	// A collection is read too (face 0), when the system has one.
	if _, err := os.Stat("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"); err == nil {
		if _, err := NewRenderer(Options{FontPath: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"}); err != nil {
			t.Errorf("ttc: %v", err)
		}
	}
}
