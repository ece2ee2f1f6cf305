// Package text holds how texts are stored: normalised (NFC, no invisible
// characters) and within the length of their column. The domain, the plan
// importer and the reports all measure and clean texts through it.
package text

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormalizeLine is how a one-line text (a name, a code, a title) is stored:
// NFC, without zero-width or control characters (a line break or tab becomes
// a space), without white space at either end. Look-alikes — "code",
// "code\u200b", " code " — are then one value, so SQLite's byte comparison
// and MariaDB's collation agree on what is a duplicate.
func NormalizeLine(s string) string { return strings.TrimSpace(cleanText(s, false)) }

// NormalizeText is how a free text (a summary, a description) is stored:
// as NormalizeLine, except that line breaks (as "\n") and tabs stay.
func NormalizeText(s string) string { return strings.TrimSpace(cleanText(s, true)) }

// NormalizeUsername is the stored form of a username: a NormalizeLine'd
// text in lower case, so that "Admin" and "admin" are one user on every
// database (MariaDB's collation ignores case, SQLite's does not).
func NormalizeUsername(s string) string { return strings.ToLower(NormalizeLine(s)) }

func cleanText(s string, multiline bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case isZeroWidth(r):
		case r == '\n' || r == '\r' || r == '\t':
			switch {
			case !multiline:
				b.WriteByte(' ')
			case r == '\t':
				b.WriteByte('\t')
			default:
				b.WriteByte('\n')
			}
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isZeroWidth reports the invisible characters that make two equal-looking
// texts differ: zero-width space, non-joiner and joiner, word joiner, and
// the byte order mark (zero-width no-break space).
func isZeroWidth(r rune) bool {
	return (r >= '\u200b' && r <= '\u200d') || r == '\u2060' || r == '\ufeff'
}
