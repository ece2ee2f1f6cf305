package evaluation

import (
	"fmt"
	"reflect"

	"gorm.io/gorm"

	"github.com/evald/evald/evaluation/text"
)

// NormalizeLine is how a one-line text (a name, a code, a title) is stored
// (text.NormalizeLine).
func NormalizeLine(s string) string { return text.NormalizeLine(s) }

// NormalizeText is how a free text (a summary, a description) is stored
// (text.NormalizeText).
func NormalizeText(s string) string { return text.NormalizeText(s) }

// NormalizeUsername is the stored form of a username (text.NormalizeUsername).
func NormalizeUsername(s string) string { return text.NormalizeUsername(s) }

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
