package reports

import (
	_ "embed"
	"fmt"
	"sync"
	"unicode"

	"github.com/klauspost/compress/zstd"
)

// The fallback fonts draw what the report font lacks: a subset of HanaMinA
// the characters of the Basic Multilingual Plane that WenQuanYi Micro Hei
// lacks (most of CJK Extension A such as 㐀, compatibility ideographs,
// radicals), HanaMinB the CJK ideographs beyond the BMP (Extensions B to F,
// common in personal and place names: 𠀀 𪚥 𠮷), Symbola emoji and other
// symbols. They are built into the binary compressed with zstd (2.2, 14 and
// 1.4 MB for 4.7, 30 and 3 MB of font) and decompressed and parsed once per process, the
// first time a document contains a character the report font lacks; an
// ordinary report never touches them. See fonts/README.md for their origin
// and licences.
var (
	//go:embed fonts/HanaMinA-gaps.ttf.zst
	hanaMinAGaps []byte
	//go:embed fonts/HanaMinB.ttf.zst
	hanaMinB []byte
	//go:embed fonts/Symbola.ttf.zst
	symbola []byte
)

// fallbackFonts parses the built-in fallback fonts once per process.
var fallbackFonts = sync.OnceValues(loadFallbackFonts)

// loadFallbackFonts decompresses and parses the built-in fallback fonts, in
// the order they are tried.
func loadFallbackFonts() ([]*Font, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFont, err)
	}
	defer dec.Close()
	var fonts []*Font
	for _, file := range []struct {
		name string
		data []byte
	}{{"HanaMinA", hanaMinAGaps}, {"HanaMinB", hanaMinB}, {"Symbola", symbola}} {
		raw, err := dec.DecodeAll(file.data, nil)
		if err != nil {
			return nil, fmt.Errorf("%w: 解压备用字体 %s: %w", ErrFont, file.name, err)
		}
		f, err := ParseFont(raw, 0)
		if err != nil {
			return nil, fmt.Errorf("备用字体 %s: %w", file.name, err)
		}
		fonts = append(fonts, f)
	}
	return fonts, nil
}

// fontChain is the report font followed by the fallback fonts: each
// character is drawn with the first font that has it.
type fontChain struct {
	primary   *Font
	fallbacks func() ([]*Font, error) // loaded on first need
}

// pick returns the fonts of the chain (the primary first, then the fallbacks
// if any rune needed them) and, for each rune, the index of the font that
// draws it. A rune no font has is drawn by the primary font (as an empty box
// that still extracts as itself).
func (c fontChain) pick(runes []rune) ([]*Font, []int, error) {
	fonts := []*Font{c.primary}
	which := make([]int, len(runes))
	for i, r := range runes {
		if c.primary.HasGlyph(r) || invisible(r) || unicode.IsControl(r) {
			continue // invisible runes are drawn blank by any font; line breaks are never drawn
		}
		if len(fonts) == 1 && c.fallbacks != nil {
			more, err := c.fallbacks()
			if err != nil {
				return nil, nil, err
			}
			fonts = append(fonts, more...)
		}
		for j, f := range fonts[1:] {
			if f.HasGlyph(r) {
				which[i] = j + 1
				break
			}
		}
	}
	return fonts, which, nil
}
