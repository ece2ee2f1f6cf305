package evaluation

import "fmt"

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
