package api

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"
	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// decode reads a JSON request body into v; its size is limited by the
// route's body rule (limitBody). Malformed JSON is a 400; a value of the
// wrong type is a 422 naming the field.
// decodeOptional is decode for a body that may be left out: no body at all
// leaves v as it is.
func decodeOptional(c echo.Context, v any) error {
	br := bufio.NewReader(c.Request().Body)
	if _, err := br.Peek(1); errors.Is(err, io.EOF) {
		return nil
	}
	c.Request().Body = io.NopCloser(br)
	return decode(c, v)
}

func decode(c echo.Context, v any) error {
	dec := json.NewDecoder(c.Request().Body)
	if err := dec.Decode(v); err != nil {
		var typeErr *json.UnmarshalTypeError
		var valueErr *evaluation.AnswerValueError
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			return bodyTooLarge(tooLarge)
		case errors.As(err, &typeErr):
			return evaluation.Invalid(typeErr.Field, "类型错误：应为"+jsonTypeName(typeErr.Type.Kind().String()))
		case errors.As(err, &valueErr):
			return evaluation.Invalid("scores", "指标「"+valueErr.Code+"」的分值必须是数字或是/否")
		case errors.Is(err, io.EOF):
			return badRequest("请求体为空，应为 JSON")
		}
		return badRequest("请求体不是有效的 JSON：" + err.Error())
	}
	// One JSON value and nothing after it: trailing data means the client
	// sent something other than what it meant.
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return bodyTooLarge(tooLarge)
		}
		return badRequest("请求体的 JSON 之后还有多余的内容")
	}
	return nil
}

// bodyTooLarge answers a body over its route's limit; limitBody puts the
// route's own message in its place.
func bodyTooLarge(e *http.MaxBytesError) error {
	return &apiError{status: http.StatusRequestEntityTooLarge, code: "too_large", message: "请求体不能超过" + sizeText(e.Limit)}
}

func jsonTypeName(kind string) string {
	switch kind {
	case "string":
		return "字符串"
	case "bool":
		return "布尔值"
	case "slice", "array":
		return "数组"
	case "struct", "map":
		return "对象"
	}
	return "数字"
}

// Bounds of query parameters. A page past the end of a list is empty; one
// past MaxPage is refused, so that no offset can overflow.
const (
	MaxPage      = 100000
	MaxQueryText = 100 // runes of a search or a filter by text
)

// Query strings are bound into a struct per list: each field names its
// parameter in a `query` tag and its bounds in a `validate` tag (validator
// v10, with the aliases of newQueryValidator), checked when the parameter is
// given; a field of type evaluation.Page takes ?page=&per_page=. The struct
// has the fields of the store's filter, in its order, so that a conversion
// turns one into the other.

// pageQuery is how ?page=&per_page= fill an evaluation.Page (per_page
// defaults to 50 in the store).
type pageQuery struct {
	Page    int `query:"page" validate:"page"`
	PerPage int `query:"per_page" validate:"per_page"`
}

var pageType = reflect.TypeFor[evaluation.Page]()

// queryValidator checks the bounds of bound query strings; built once, it
// is safe for concurrent use.
var queryValidator = sync.OnceValue(newQueryValidator)

func newQueryValidator() *validator.Validate {
	v := validator.New()
	v.RegisterTagNameFunc(func(f reflect.StructField) string { return f.Tag.Get("query") })
	v.RegisterAlias("id", "min=1")
	v.RegisterAlias("page", fmt.Sprintf("min=1,max=%d", MaxPage))
	v.RegisterAlias("per_page", fmt.Sprintf("min=1,max=%d", evaluation.MaxPerPage))
	v.RegisterAlias("text", fmt.Sprintf("max=%d", MaxQueryText))
	v.RegisterAlias("date", "datetime=2006-01-02")
	return v
}

// bindQuery fills the struct dst from the query string with Echo's binder and
// checks its bounds. A parameter that is not of its type (a number, a
// boolean, a date, UTF-8 text) or out of its range is a 400 naming it; a
// search or filter text longer than MaxQueryText is a 422 (API.md), before
// any database sees it.
func bindQuery(c echo.Context, dst any) error {
	v := reflect.ValueOf(dst).Elem()
	t := v.Type()
	b := echo.QueryParamsBinder(c)
	var given []string // fields whose parameter the query has: those are checked
	for i := range t.NumField() {
		f, fv := t.Field(i), v.Field(i)
		if f.Type == pageType {
			var p pageQuery
			if err := bindQuery(c, &p); err != nil {
				return err
			}
			fv.Set(reflect.ValueOf(evaluation.Page(p)))
			continue
		}
		name := f.Tag.Get("query")
		if name == "" {
			continue
		}
		if c.QueryParam(name) != "" {
			given = append(given, f.Name)
		}
		var err error
		switch kind := fv.Kind(); {
		case kind == reflect.Int || kind == reflect.Int64:
			var n int64
			if err = b.Int64(name, &n).BindError(); err == nil {
				fv.SetInt(n)
			}
		case kind == reflect.Bool:
			var x bool
			if err = b.Bool(name, &x).BindError(); err == nil {
				fv.SetBool(x)
			}
		case kind == reflect.Pointer && f.Type.Elem().Kind() == reflect.Bool: // absent: nil
			var x bool
			if err = b.Bool(name, &x).BindError(); err == nil && c.QueryParam(name) != "" {
				fv.Set(reflect.ValueOf(&x))
			}
		case kind == reflect.String:
			var s string
			if err = b.String(name, &s).BindError(); err == nil && !utf8.ValidString(s) {
				return badParam(name, "不是有效的 UTF-8 文本")
			}
			fv.SetString(s)
		default:
			panic("bindQuery: no binding for " + f.Type.String()) // a mistake in a query struct
		}
		if err != nil {
			return badParam(name, typeMessage(f))
		}
	}
	if len(given) == 0 {
		return nil
	}
	var invalid validator.ValidationErrors
	if err := queryValidator().StructPartial(dst, given...); errors.As(err, &invalid) {
		fe := invalid[0]
		f, _ := t.FieldByName(fe.StructField())
		if fe.Tag() == "text" {
			return &evaluation.ValidationError{Message: "查询参数 " + fe.Field() + " 过长",
				Fields: map[string]string{fe.Field(): fmt.Sprintf("不能超过%d个字", MaxQueryText)}}
		}
		if fe.Tag() == "oneof" {
			return badParam(fe.Field(), "只能是 "+strings.ReplaceAll(fe.Param(), " ", "、")+" 之一")
		}
		return badParam(fe.Field(), typeMessage(f))
	} else if err != nil {
		return err
	}
	return nil
}

// badParam is a 400 naming the query parameter that is not what the route
// accepts: not a number, a boolean or a date, or out of its range.
func badParam(name, message string) error {
	return &apiError{status: http.StatusBadRequest, code: "bad_request",
		message: "查询参数 " + name + " 不合法：" + message, fields: map[string]string{name: message}}
}

// typeMessage says what a query parameter must be.
func typeMessage(f reflect.StructField) string {
	rules := f.Tag.Get("validate")
	switch {
	case strings.Contains(rules, "date"):
		return "必须是 YYYY-MM-DD 格式的日期"
	case f.Type.Kind() == reflect.Bool || f.Type.Kind() == reflect.Pointer:
		return "必须是 true 或 false"
	}
	lo, hi := int64(math.MinInt64), int64(math.MaxInt64)
	for _, r := range strings.Split(rules, ",") {
		switch r {
		case "id":
			return "必须是正整数"
		case "page":
			lo, hi = 1, MaxPage
		case "per_page":
			lo, hi = 1, evaluation.MaxPerPage
		}
	}
	return fmt.Sprintf("必须是 %d 到 %d 之间的整数", lo, hi)
}

// page reads ?page=&per_page= of a list that has no other filter.
func page(c echo.Context) (evaluation.Page, error) {
	var p pageQuery
	err := bindQuery(c, &p)
	return evaluation.Page(p), err
}

// items wraps a slice in the list shape {"items": [...], "total": N}.
func items[T any](xs []T) evaluation.List[T] {
	if xs == nil {
		xs = []T{}
	}
	return evaluation.List[T]{Items: xs, Total: int64(len(xs))}
}
