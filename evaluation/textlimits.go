package evaluation

import (
	"fmt"
	"reflect"
	"unicode/utf8"

	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"

	"github.com/evald/evald/evaluation/text"
)

// columnLimits is the longest text, in characters, that each VARCHAR column
// holds (text.ColumnLimits, where the table lives).
var columnLimits = text.ColumnLimits()

// ColumnLimit returns the longest text, in characters, that a VARCHAR column
// ("table.column") holds (text.ColumnLimit).
func ColumnLimit(column string) int { return text.ColumnLimit(column) }

// ClipText shortens s to at most limit characters, ending it with "…" when
// it had to cut (text.ClipText).
func ClipText(s string, limit int) string { return text.ClipText(s, limit) }

// ClipTextBytes is ClipText for a limit in bytes of UTF-8 (text.ClipTextBytes).
func ClipTextBytes(s string, limit int) string { return text.ClipTextBytes(s, limit) }

// clipTo shortens s to what column ("table.column") holds.
func clipTo(column, s string) string { return ClipText(s, ColumnLimit(column)) }

// registerColumnTag adds the validator tag `col=table.column`: a string (or
// a pointer to one) no longer than the column holds, in characters. The
// limit thus lives in columnLimits only, never copied into a tag.
func registerColumnTag(v *validator.Validate, trans ut.Translator) error {
	err := v.RegisterValidation("col", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		if f.Kind() != reflect.String {
			return false
		}
		return utf8.RuneCountInString(f.String()) <= ColumnLimit(fl.Param())
	})
	if err != nil {
		return err
	}
	return v.RegisterTranslation("col", trans,
		func(ut ut.Translator) error { return ut.Add("col", "{0}长度不能超过{1}个字符", false) },
		func(ut ut.Translator, fe validator.FieldError) string {
			msg, err := ut.T("col", fe.Field(), fmt.Sprint(ColumnLimit(fe.Param())))
			if err != nil {
				return fe.Error()
			}
			return msg
		})
}
