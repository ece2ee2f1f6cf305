package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// maxJSONBody is the largest JSON request body accepted.
const maxJSONBody = 2 << 20

// decode reads a JSON request body into v. Malformed JSON is a 400; a value
// of the wrong type is a 422 naming the field.
func decode(c echo.Context, v any) error {
	dec := json.NewDecoder(io.LimitReader(c.Request().Body, maxJSONBody))
	if err := dec.Decode(v); err != nil {
		var typeErr *json.UnmarshalTypeError
		var valueErr *evaluation.AnswerValueError
		switch {
		case errors.As(err, &typeErr):
			return evaluation.Invalid(typeErr.Field, "类型错误：应为"+jsonTypeName(typeErr.Type.Kind().String()))
		case errors.As(err, &valueErr):
			return evaluation.Invalid("scores", "指标「"+valueErr.Code+"」的分值必须是数字或是/否")
		case errors.Is(err, io.EOF):
			return badRequest("请求体为空，应为 JSON")
		}
		return badRequest("请求体不是有效的 JSON：" + err.Error())
	}
	return nil
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

// queryInt reads an optional non-negative integer query parameter.
func queryInt(c echo.Context, name string) (int64, error) {
	s := c.QueryParam(name)
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || v < 0 {
		return 0, badRequest(fmt.Sprintf("查询参数 %s 必须是非负整数", name))
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
		return false, badRequest(fmt.Sprintf("查询参数 %s 必须是 true 或 false", name))
	}
	return v, nil
}

// page reads ?page=&per_page= (default 50, at most 500).
func page(c echo.Context) (evaluation.Page, error) {
	p, err := queryInt(c, "page")
	if err != nil {
		return evaluation.Page{}, err
	}
	pp, err := queryInt(c, "per_page")
	if err != nil {
		return evaluation.Page{}, err
	}
	if pp > evaluation.MaxPerPage {
		return evaluation.Page{}, badRequest(fmt.Sprintf("per_page 不能超过 %d", evaluation.MaxPerPage))
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
	return badRequest(fmt.Sprintf("查询参数 %s 只能是 %s 之一", name, strings.Join(allowed, "、")))
}
