package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// decode reads a JSON request body into v; its size is limited by the
// route's body rule (limitBody). Malformed JSON is a 400; a value of the
// wrong type is a 422 naming the field.
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

// badParam is a 400 naming the query parameter that is not what the route
// accepts: not a number, a boolean or a date, or out of its range.
func badParam(name, message string) error {
	return &apiError{status: http.StatusBadRequest, code: "bad_request",
		message: "查询参数 " + name + " 不合法：" + message, fields: map[string]string{name: message}}
}

// queryInt reads an optional id query parameter: a positive integer.
func queryInt(c echo.Context, name string) (int64, error) {
	return queryRange(c, name, 1, math.MaxInt64)
}

// queryRange reads an optional integer query parameter within lo…hi; 0
// when absent.
func queryRange(c echo.Context, name string, lo, hi int64) (int64, error) {
	s := c.QueryParam(name)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if errors.Is(err, strconv.ErrRange) || err == nil && (v < lo || v > hi) {
		return 0, badParam(name, fmt.Sprintf("必须是 %d 到 %d 之间的整数", lo, hi))
	}
	if err != nil {
		return 0, badParam(name, "必须是整数")
	}
	return v, nil
}

// queryBool reads an optional boolean query parameter.
func queryBool(c echo.Context, name string) (bool, error) {
	s := c.QueryParam(name)
	if s == "" {
		return false, nil
	}
	v, err := strconv.ParseBool(s)
	if err != nil {
		return false, badParam(name, "必须是 true 或 false")
	}
	return v, nil
}

// queryDate reads an optional YYYY-MM-DD query parameter.
func queryDate(c echo.Context, name string) (evaluation.Date, error) {
	s := c.QueryParam(name)
	if s == "" {
		return "", nil
	}
	d, err := evaluation.ParseDate(s)
	if err != nil || string(d) != s {
		return "", badParam(name, "必须是 YYYY-MM-DD 格式的日期")
	}
	return d, nil
}

// queryText reads an optional search or filter text, at most MaxQueryText
// characters: longer is a 422 (API.md), before any database sees it.
func queryText(c echo.Context, name string) (string, error) {
	s := c.QueryParam(name)
	if !utf8.ValidString(s) {
		return "", badParam(name, "不是有效的 UTF-8 文本")
	}
	if utf8.RuneCountInString(s) > MaxQueryText {
		return "", &evaluation.ValidationError{Message: "查询参数 " + name + " 过长",
			Fields: map[string]string{name: fmt.Sprintf("不能超过%d个字", MaxQueryText)}}
	}
	return s, nil
}

// page reads ?page=&per_page= (default 50, at most 500). A page past the
// end of the list is empty.
func page(c echo.Context) (evaluation.Page, error) {
	p, err := queryRange(c, "page", 1, MaxPage)
	if err != nil {
		return evaluation.Page{}, err
	}
	pp, err := queryRange(c, "per_page", 1, evaluation.MaxPerPage)
	if err != nil {
		return evaluation.Page{}, err
	}
	return evaluation.Page{Page: int(p), PerPage: int(pp)}, nil
}

// items wraps a slice in the list shape {"items": [...], "total": N}.
func items[T any](xs []T) evaluation.List[T] {
	if xs == nil {
		xs = []T{}
	}
	return evaluation.List[T]{Items: xs, Total: int64(len(xs))}
}

// oneOf checks that an optional query parameter is one of the allowed values.
func oneOf(c echo.Context, name string, allowed ...string) error {
	v := c.QueryParam(name)
	if v == "" || slices.Contains(allowed, v) {
		return nil
	}
	return badParam(name, "只能是 "+strings.Join(allowed, "、")+" 之一")
}
