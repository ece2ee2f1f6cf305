package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// ErrorBody is the JSON shape of every error answer (DESIGN.md "Errors").
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong, for programs (Code) and people (Message,
// in Chinese), with a message per offending field for 422.
type ErrorDetail struct {
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
}

// importRejectedBody is the 422 answer of a plan import with bad rows: the
// error shape plus the same fields as a successful import.
type importRejectedBody struct {
	ErrorBody
	Created int                         `json:"created"`
	Updated int                         `json:"updated"`
	Errors  []evaluation.ImportRowError `json:"errors"`
}

// apiError is an error raised by the HTTP layer itself.
type apiError struct {
	status  int
	code    string
	message string
	fields  map[string]string
}

func (e *apiError) Error() string { return e.code + ": " + e.message }

func badRequest(message string) error {
	return &apiError{status: http.StatusBadRequest, code: "bad_request", message: message}
}

var (
	errUnauthenticated = &apiError{status: http.StatusUnauthorized, code: "unauthenticated", message: "未登录或登录已过期，请重新登录"}
	errForbidden       = &apiError{status: http.StatusForbidden, code: "forbidden", message: "您的角色无权使用此功能"}
	errNotFound        = &apiError{status: http.StatusNotFound, code: "not_found", message: "未找到该对象，或您无权访问"}
)

// errorHandler writes every error as DESIGN.md's JSON shape and logs the
// unexpected ones.
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		status, body := errorResponse(err)
		if status >= http.StatusInternalServerError {
			log.ErrorContext(c.Request().Context(), "request failed", "err", err,
				"method", c.Request().Method, "path", c.Path(), "request_id", requestID(c))
		}
		var tooMany *evaluation.TooManyAttemptsError
		if errors.As(err, &tooMany) {
			c.Response().Header().Set("Retry-After", strconv.Itoa(int(tooMany.RetryAfter.Seconds())+1))
		}
		if c.Request().Method == http.MethodHead {
			err = c.NoContent(status)
		} else {
			err = c.JSON(status, body)
		}
		if err != nil {
			log.ErrorContext(c.Request().Context(), "write error response", "err", err)
		}
	}
}

// errorResponse maps an error to its status and body.
func errorResponse(err error) (int, any) {
	var (
		ae        *apiError
		he        *echo.HTTPError
		conflict  *evaluation.ConflictError
		forbidden *evaluation.ForbiddenError
		invalid   *evaluation.ValidationError
		uncovered *evaluation.UncoverablePlansError
		rejected  *evaluation.ImportRejectedError
		tooMany   *evaluation.TooManyAttemptsError
	)
	body := func(code, msg string, fields map[string]string) ErrorBody {
		return ErrorBody{Error: ErrorDetail{Code: code, Message: msg, Fields: fields}}
	}
	switch {
	case errors.As(err, &ae):
		return ae.status, body(ae.code, ae.message, ae.fields)
	case errors.Is(err, evaluation.ErrNotFound):
		return errNotFound.status, body(errNotFound.code, errNotFound.message, nil)
	case errors.Is(err, evaluation.ErrSurveyClosed):
		return http.StatusGone, body("closed", "问卷已结束，不再接受答卷", nil)
	case errors.Is(err, evaluation.ErrUnauthenticated):
		return errUnauthenticated.status, body(errUnauthenticated.code, errUnauthenticated.message, nil)
	case errors.Is(err, evaluation.ErrBadCredentials):
		return http.StatusUnauthorized, body("bad_credentials", "用户名或密码错误", nil)
	case errors.As(err, &tooMany):
		return http.StatusTooManyRequests, body("too_many_attempts",
			fmt.Sprintf("登录失败次数过多，请%d分钟后再试", int(tooMany.RetryAfter.Minutes())+1), nil)
	case errors.As(err, &conflict):
		return http.StatusConflict, body(conflict.Code, conflict.Message, conflict.Fields)
	case errors.As(err, &forbidden):
		return http.StatusForbidden, body(forbidden.Code, forbidden.Message, nil)
	case errors.As(err, &invalid):
		return http.StatusUnprocessableEntity, body("invalid", invalid.Message, invalid.Fields)
	case errors.As(err, &uncovered):
		fields := map[string]string{}
		for _, p := range uncovered.Plans {
			fields["plans."+p.Code] = fmt.Sprintf("方案%s只有%d家可分配的评估机构，需要%d家", p.Code, p.Have, p.Need)
		}
		return http.StatusUnprocessableEntity, body("uncoverable_plans", "以下方案没有足够的不同评估机构可以分配", fields)
	case errors.As(err, &rejected):
		return http.StatusUnprocessableEntity, importRejectedBody{
			ErrorBody: body("import_rejected", fmt.Sprintf("导入文件有%d处错误，未导入任何数据", len(rejected.Errors)), nil),
			Errors:    rejected.Errors,
		}
	case errors.As(err, &he):
		return he.Code, body(httpErrorCode(he.Code), httpErrorMessage(he), nil)
	case errors.Is(err, context.Canceled):
		return 499, body("canceled", "请求已取消", nil)
	}
	return http.StatusInternalServerError, body("internal", "服务器内部错误，请稍后重试", nil)
}

func httpErrorCode(status int) string {
	switch status {
	case http.StatusNotFound:
		return "not_found"
	case http.StatusMethodNotAllowed:
		return "method_not_allowed"
	case http.StatusRequestEntityTooLarge:
		return "too_large"
	case http.StatusUnauthorized:
		return "unauthenticated"
	case http.StatusForbidden:
		return "forbidden"
	case http.StatusTooManyRequests:
		return "too_many_requests"
	}
	if status >= http.StatusInternalServerError {
		return "internal"
	}
	return "bad_request"
}

func httpErrorMessage(he *echo.HTTPError) string {
	switch he.Code {
	case http.StatusNotFound:
		return "请求的地址不存在"
	case http.StatusMethodNotAllowed:
		return "不支持该请求方法"
	case http.StatusRequestEntityTooLarge:
		return "请求内容过大"
	case http.StatusUnauthorized:
		return errUnauthenticated.message
	case http.StatusForbidden:
		return errForbidden.message
	case http.StatusTooManyRequests:
		return "请求过于频繁，请稍后再试"
	}
	if he.Code >= http.StatusInternalServerError {
		return "服务器内部错误，请稍后重试"
	}
	return "请求格式错误"
}
