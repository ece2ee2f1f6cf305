package evaluation

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"
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

// normalizeFields normalises, in place, every string a request carries — in
// its fields, nested structs, slices and pointers — before it is validated
// and stored. A field tagged `text:"multiline"` keeps its line breaks
// (NormalizeText); `text:"verbatim"` is left alone (passwords); any other is
// one line (NormalizeLine). Store methods call it through checker.check, the
// gate every request passes, so a new request type cannot forget it.
func normalizeFields(v reflect.Value, multiline bool) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			normalizeFields(v.Elem(), multiline)
		}
	case reflect.String:
		if !v.CanSet() {
			return
		}
		normalize := NormalizeLine
		if multiline {
			normalize = NormalizeText
		}
		s := normalize(v.String())
		// Written only when it changes: a request may share its strings
		// (a pointer to one Role given to two calls at once) with others.
		if s != v.String() {
			v.SetString(s)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			normalizeFields(v.Index(i), multiline)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			switch f.Tag.Get("text") {
			case "verbatim":
			case "multiline":
				normalizeFields(v.Field(i), true)
			default:
				normalizeFields(v.Field(i), false)
			}
		}
	}
}

// taken reports whether another row (id ≠ except) of model's table has
// value in column, ignoring ASCII case. MariaDB's unique index already
// ignores case (utf8mb4_unicode_ci) and SQLite's does not; asking first
// makes SQLite refuse "ADMIN" beside "admin" as MariaDB does. (On SQLite,
// the single writer makes asking then inserting safe; on MariaDB the index
// still has the last word.)
func taken(t *gorm.DB, model any, column, value string, except int64) (bool, error) {
	var n int64
	err := t.Model(model).Where("lower("+column+") = lower(?) AND id <> ?", value, except).Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("check %s: %w", column, err)
	}
	return n > 0, nil
}
