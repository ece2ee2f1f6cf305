package reports

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// unitWidth measures CJK and other wide runes as 1 and everything else as ½,
// which makes expected line breaks easy to work out by hand.
func unitWidth(r rune) float64 {
	if r >= 0x2E80 || r == '—' || r == '…' || r == '“' || r == '”' {
		return 1
	}
	return 0.5
}

func TestWrapBreaks(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"fits", "评估报告", 4, []string{"评估报告"}},
		{"cjk breaks anywhere", "一二三四五六七", 3, []string{"一二三", "四五六", "七"}},
		{"comma pushed out with the character before it", "一二三，四五", 3, []string{"一二", "三，四", "五"}},
		{"full stop never starts a line", "一二三。", 3, []string{"一二", "三。"}},
		{"closing bracket and full stop", "一二（三）。", 4, []string{"一二", "（三）。"}},
		{"opening bracket never ends a line", "一二三《四》", 4, []string{"一二三", "《四》"}},
		{"opening quote never ends a line", "一二三“四”", 4, []string{"一二三", "“四”"}},
		{"dash pair stays together and off the line start", "一二——三", 3, []string{"一", "二——", "三"}},
		{"ellipsis pair stays together", "一二……", 3, []string{"一", "二……"}},
		{"latin word kept whole", "完成GDP增长", 3, []string{"完成", "GDP增", "长"}},
		{"number with decimals kept whole", "一二1.25万", 3, []string{"一二", "1.25万"}},
		{"percent glued to its number", "一二三+8.5%", 4, []string{"一二三", "+8.5%"}},
		{"spaces hang at the line end", "GDP 1.2 trillion", 4, []string{"GDP 1.2 ", "trillion"}},
		{"word longer than a line is cut", "abcdefghij", 2, []string{"abcd", "efgh", "ij"}},
		{"hard breaks", "一二\n三\r\n\r\n四", 5, []string{"一二", "三", "", "四"}},
		{"empty", "", 5, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wrap(tt.text, tt.width, unitWidth)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrap(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
		})
	}
}

func TestWrapIndentedLead(t *testing.T) {
	// A label of width 2 in front: the first line has room for 2 runes.
	lines := wrapIndented("一二三四五六", 4, 2, 0, unitWidth)
	var got []string
	for _, l := range lines {
		got = append(got, l.text)
	}
	if want := "一二|三四五六"; strings.Join(got, "|") != want {
		t.Errorf("lines = %q, want %q", got, want)
	}
	// A word that fits a line but not beside the label moves down whole.
	lines = wrapIndented("abcdef", 4, 2, 0, unitWidth)
	if lines[0].text != "" || lines[1].text != "abcdef" {
		t.Errorf("lines = %+v, want an empty first line then the word", lines)
	}
	// Later paragraphs get the indent and are marked as paragraph starts.
	lines = wrapIndented("一二\n三四五六", 4, 0, 2, unitWidth)
	if len(lines) != 3 || !lines[1].paraStart || lines[1].text != "三四" || lines[2].paraStart {
		t.Errorf("lines = %+v", lines)
	}
}

// TestWrapInvariants wraps realistic texts at many widths and checks what
// must always hold: no rune lost or duplicated, no line too wide, and the
// line-breaking rules.
func TestWrapInvariants(t *testing.T) {
	f := renderer(t).Font()
	texts := []string{trickyTitle, trickySummary, trickyFinding, longText(1500),
		"ＡＢＣ１２３全角字符，以及 URL https://example.gov.cn/a/b?c=1&d=2 与 e-mail: gov@example.cn。"}
	size := 10.5
	width := func(r rune) float64 { return float64(f.width(printable(r))) * size * ptToMM / 1000 }
	for _, text := range texts {
		for w := 8.0; w <= 160; w += 3.7 {
			lines := wrapIndented(text, w, 0, 0, width)
			var sb strings.Builder
			for _, l := range lines {
				sb.WriteString(l.text)
			}
			want := strings.NewReplacer("\r\n", "", "\n", "", "\r", "").Replace(text)
			if sb.String() != want {
				t.Fatalf("width %v: lines lose or add runes:\n got %q\nwant %q", w, sb.String(), want)
			}
			for i, l := range lines {
				if vw := visibleWidth(l.text, width); vw > w+1e-6 && utf8.RuneCountInString(strings.TrimSpace(l.text)) > 1 {
					t.Errorf("width %v: line %q is %v wide", w, l.text, vw)
				}
				if l.text == "" {
					continue
				}
				// The rules give way only to a word wider than the line.
				first, _ := utf8.DecodeRuneInString(l.text)
				trimmed := strings.TrimRight(l.text, " ")
				last, _ := utf8.DecodeLastRuneInString(trimmed)
				if c := classOf(first); !l.paraStart && (c == classCL || c == classNS || c == classDash) && w > 40 {
					t.Errorf("width %v: line %d starts with %q: %q", w, i, first, l.text)
				}
				if i+1 < len(lines) && !lines[i+1].paraStart && classOf(last) == classOP && w > 40 {
					t.Errorf("width %v: line %d ends with %q: %q", w, i, last, l.text)
				}
			}
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := truncate("评估报告", 4, unitWidth); got != "评估报告" {
		t.Errorf("truncate fitting text = %q", got)
	}
	if got := truncate("一二三四五六", 4, unitWidth); got != "一二三…" {
		t.Errorf("truncate = %q, want 一二三…", got)
	}
}
