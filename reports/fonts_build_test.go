package reports

import (
	"os"
	"testing"

	"github.com/klauspost/compress/zstd"
)

// TestBuildHanaMinAGaps makes fonts/HanaMinA-gaps.ttf.zst, the fallback font
// for the characters of the Basic Multilingual Plane that the built-in report
// font lacks (most of CJK Extension A, compatibility ideographs, radicals):
// a subset of HanaMinA from Debian's fonts-hanazono. It only runs on request:
//
//	EVAL_BUILD_FONTS=/usr/share/fonts/truetype/hanazono/HanaMinA.ttf go test -run TestBuildHanaMinAGaps ./reports/
func TestBuildHanaMinAGaps(t *testing.T) {
	path := os.Getenv("EVAL_BUILD_FONTS")
	if path == "" {
		t.Skip("set EVAL_BUILD_FONTS to HanaMinA.ttf to rebuild fonts/HanaMinA-gaps.ttf.zst")
	}
	full, err := LoadFont(path)
	if err != nil {
		t.Fatal(err)
	}
	primary, err := LoadFont("")
	if err != nil {
		t.Fatal(err)
	}
	var gaps []rune
	for r := rune(0x20); r < 0xFFFF; r++ {
		if !primary.HasGlyph(r) && full.HasGlyph(r) && !(r >= 0xE000 && r <= 0xF8FF) {
			gaps = append(gaps, r)
		}
	}
	sub, err := full.subset(gaps)
	if err != nil {
		t.Fatal(err)
	}
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("fonts/HanaMinA-gaps.ttf.zst", enc.EncodeAll(sub, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d characters, %d bytes before compression", len(gaps), len(sub))
}
