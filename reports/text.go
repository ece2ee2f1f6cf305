package reports

import "strings"

// Line breaking for Chinese text mixed with Latin words and numbers.
//
// gofpdf's MultiCell and SplitText lose a CJK character at each wrap, so every
// multi-line text in a report goes through wrap instead. It measures with the
// font's own advance widths, breaks between CJK characters, keeps Latin words
// and numbers whole when they fit, and follows the Chinese line-breaking
// rules (禁则): closing punctuation never starts a line, opening punctuation
// never ends one, and —— and …… are never split nor start a line.

// breakClass is a rune's role in line breaking, a small subset of UAX #14.
type breakClass uint8

const (
	classID   breakClass = iota // ideograph: a break is allowed on both sides
	classAL                     // Latin letter, digit, other symbol: glued to its neighbours of the same class
	classIS                     // . , : ; ! ? % after a word or number: no break before it
	classOP                     // opening punctuation: no break after it
	classCL                     // closing punctuation: no break before it
	classNS                     // …, ‥, ·, 々: never starts a line
	classDash                   // — and ―: glued to what precedes it, so —— is never split or starts a line
	classSP                     // space: hangs at the end of a line
)

func classOf(r rune) breakClass {
	switch r {
	case ' ', '\t', '\u00a0':
		return classSP
	case '(', '[', '{', '（', '［', '｛', '《', '〈', '「', '『', '【', '〔', '〖', '〘', '〚', '“', '‘', '｢':
		return classOP
	case ')', ']', '}', '）', '］', '｝', '》', '〉', '」', '』', '】', '〕', '〗', '〙', '〛', '”', '’', '｣',
		'，', '。', '、', '；', '：', '？', '！', '．', '％', '‰', '℃', '°', '｡', '､':
		return classCL
	case '.', ',', ':', ';', '!', '?', '%':
		return classIS
	case '…', '‥', '·', '・', '々', '〻', 'ー':
		return classNS
	case '—', '―', '─':
		return classDash
	}
	switch {
	case r >= 0x2E80 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7AF, r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x20000:
		return classID
	case r >= 0x2460 && r <= 0x24FF: // ①②③
		return classID
	}
	return classAL
}

// breakAllowed reports whether a line may end between runes a and b.
func breakAllowed(a, b rune) bool {
	ca, cb := classOf(a), classOf(b)
	switch {
	case cb == classSP:
		return false
	case ca == classSP:
		return true
	case cb == classCL, cb == classIS, cb == classNS, cb == classDash:
		return false
	case ca == classOP:
		return false
	case (ca == classAL || ca == classIS) && cb == classAL:
		return false
	}
	return true
}

// wrap splits s into lines no wider than maxWidth, measured with width.
// Hard line breaks (\n, \r\n, \r) end a line and are not part of any line;
// spaces at a break stay at the end of the line they follow (they take no
// room there). So concatenating the lines gives s without its line-break
// characters: no rune is ever lost or duplicated. A word wider than a whole
// line is cut between runes; every line holds at least one rune.
func wrap(s string, maxWidth float64, width func(rune) float64) []string {
	lines := wrapIndented(s, maxWidth, 0, 0, width)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
	}
	return out
}

// textLine is one line of wrapped text.
type textLine struct {
	text      string
	paraStart bool // the first line of a paragraph (of the text, or after a hard break)
}

// wrapIndented is wrap with room kept free at the start of some lines: lead
// on the very first line (for a label drawn before the text), indent on the
// first line of every later paragraph (the two-character indent of Chinese
// body text; the first paragraph's indent is part of lead).
func wrapIndented(s string, maxWidth, lead, indent float64, width func(rune) float64) []textLine {
	var lines []textLine
	first := lead
	for {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			return wrapParagraph(lines, s, maxWidth, first, width)
		}
		lines = wrapParagraph(lines, s[:i], maxWidth, first, width)
		first = indent
		if strings.HasPrefix(s[i:], "\r\n") {
			i++
		}
		s = s[i+1:]
	}
}

// wrapParagraph appends the lines of one paragraph (no hard breaks) to lines.
// An empty paragraph is one empty line.
// Its first line has firstIndent less room.
func wrapParagraph(lines []textLine, s string, maxWidth, firstIndent float64, width func(rune) float64) []textLine {
	const eps = 1e-6
	if s == "" {
		return append(lines, textLine{"", true})
	}
	paraAt := len(lines)
	emit := func(text string) {
		lines = append(lines, textLine{text, len(lines) == paraAt})
	}
	start := 0               // byte offset where the current line starts
	lineWidth := firstIndent // width of the current line up to its last non-space rune
	pendingSpace := 0.0      // width of the spaces after it
	unitStart := 0           // byte offset where the current unbreakable unit starts
	unitWidth := 0.0         // width of the unit, spaces excluded
	unitSpace := 0.0         // width of the unit's trailing spaces
	prev := rune(-1)

	// place puts the finished unit [unitStart, end) on the current line or a new one.
	place := func(end int) {
		if unitStart == end {
			return
		}
		if unitStart > start && lineWidth+pendingSpace+unitWidth > maxWidth+eps {
			emit(s[start:unitStart])
			start, lineWidth, pendingSpace = unitStart, 0, 0
		}
		if unitStart == start && lineWidth > 0 && lineWidth+unitWidth > maxWidth+eps && unitWidth <= maxWidth+eps {
			// Only the indent is on this line and the word fits a whole
			// line: leave the indented line empty rather than cut the word.
			emit("")
			lineWidth = 0
		}
		if unitStart == start && lineWidth+unitWidth > maxWidth+eps {
			// A unit wider than a line: cut it between runes.
			w := lineWidth
			for j, r := range s[unitStart:end] {
				rw := width(r)
				at := unitStart + j
				if at > start && classOf(r) != classSP && w+rw > maxWidth+eps {
					emit(s[start:at])
					start, w = at, 0
				}
				if classOf(r) != classSP {
					w += rw
				}
			}
			lineWidth, pendingSpace = w, unitSpace
			return
		}
		lineWidth += pendingSpace + unitWidth
		pendingSpace = unitSpace
	}

	for i, r := range s {
		if prev >= 0 && breakAllowed(prev, r) {
			place(i)
			unitStart, unitWidth, unitSpace = i, 0, 0
		}
		if classOf(r) == classSP {
			unitSpace += width(r)
		} else {
			unitWidth += unitSpace + width(r)
			unitSpace = 0
		}
		prev = r
	}
	place(len(s))
	emit(s[start:])
	return lines
}

// truncate shortens s to fit maxWidth, ending it with "…" if it was cut.
// It is only for page furniture (running headers); stored texts are always
// printed in full.
func truncate(s string, maxWidth float64, width func(rune) float64) string {
	total := 0.0
	for _, r := range s {
		total += width(r)
	}
	if total <= maxWidth {
		return s
	}
	room := maxWidth - width('…')
	w := 0.0
	for i, r := range s {
		if w+width(r) > room {
			return s[:i] + "…"
		}
		w += width(r)
	}
	return s
}
