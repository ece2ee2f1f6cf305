package evaluation

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ErrNotFound is returned when an object does not exist or is not visible to
// the caller; the two are deliberately indistinguishable.
var ErrNotFound = errors.New("evaluation: not found")

// ConflictError is returned when a write cannot be made in the current state:
// a stale version, a wrong workflow state or a duplicate.
type ConflictError struct {
	Code    string            // machine-readable, e.g. "stale_version"
	Message string            // for people, in Chinese
	Fields  map[string]string // what it concerns, when it names objects (e.g. plans by id)
}

func (e *ConflictError) Error() string { return "evaluation: conflict: " + e.Code + ": " + e.Message }

// conflictf builds a ConflictError.
func conflictf(code, format string, args ...any) *ConflictError {
	return &ConflictError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrStaleVersion is the conflict of a write based on an outdated version.
var ErrStaleVersion = &ConflictError{Code: "stale_version", Message: "数据已被他人修改，请刷新后重试"}

// ValidationError is returned when input values are invalid. Fields maps the
// path of each offending field (e.g. "scores[0].value" or an indicator code)
// to a message in Chinese.
type ValidationError struct {
	Message string
	Fields  map[string]string
}

func (e *ValidationError) Error() string {
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+e.Fields[k])
	}
	return "evaluation: invalid: " + e.Message + " " + strings.Join(parts, "; ")
}

// Invalid builds a ValidationError for a single field.
func Invalid(field, message string) *ValidationError {
	return &ValidationError{Message: "提交的数据有误", Fields: map[string]string{field: message}}
}

// fieldErrors collects validation messages field by field.
type fieldErrors map[string]string

// add records msg for field unless the field already has a message.
func (f fieldErrors) add(field, msg string) {
	if _, ok := f[field]; !ok {
		f[field] = msg
	}
}

// err returns a *ValidationError when any field failed, else nil.
func (f fieldErrors) err() error {
	if len(f) == 0 {
		return nil
	}
	return &ValidationError{Message: "提交的数据有误", Fields: f}
}
