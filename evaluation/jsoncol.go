package evaluation

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
)

// jsonColumn returns the bytes of a JSON text column as the drivers hand it
// over (string on SQLite, []byte on MySQL); nil for NULL.
func jsonColumn(src any, what string) ([]byte, error) {
	switch v := src.(type) {
	case string:
		return []byte(v), nil
	case []byte:
		return v, nil
	case nil:
		return nil, nil
	}
	return nil, fmt.Errorf("%s: cannot scan %T", what, src)
}

// jsonList stores a list as JSON text; nil is stored as [] so that a column
// never holds null.
func jsonList[T any](list []T) (driver.Value, error) {
	if list == nil {
		list = []T{}
	}
	b, err := json.Marshal(list)
	return string(b), err
}
