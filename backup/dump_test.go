package backup

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
)

// Each value a driver hands over is written so that it comes back as the
// same parameter: integers stay integers, floats stay floats (85.0 too),
// bytes of a binary column stay bytes, times stay the same instant.
func TestValuesRoundTrip(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 123456000, time.FixedZone("CST", 8*3600))
	cases := []struct {
		in   any
		kind columnKind
		want any
		line string
	}{
		{nil, kindText, nil, `null`},
		{int64(-42), kindNumber, int64(-42), `-42`},
		{85.0, kindNumber, 85.0, `85.0`},
		{0.1, kindNumber, 0.1, `0.1`},
		{1e21, kindNumber, 1e21, `1e+21`},
		{"市财政局 \"引号\" <b>", kindText, "市财政局 \"引号\" <b>", `"市财政局 \"引号\" \u003cb\u003e"`},
		{[]byte("text in a text column"), kindText, "text in a text column", `"text in a text column"`},
		{[]byte{0, 1, 255}, kindBytes, []byte{0, 1, 255}, `{"b64":"AAH/"}`},
		{at, kindText, at.UTC(), `{"t":"2026-03-02T02:00:00.123456Z"}`},
	}
	for _, c := range cases {
		line, err := appendValue(nil, c.in, c.kind)
		if err != nil || string(line) != c.line {
			t.Errorf("%#v written as %s, %v; want %s", c.in, line, err, c.line)
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		got, err := decodeValue(v, evaluation.SQLite)
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		switch want := c.want.(type) {
		case []byte:
			if !bytes.Equal(got.([]byte), want) {
				t.Errorf("%s read back as %#v", line, got)
			}
		case time.Time:
			if !got.(time.Time).Equal(want) {
				t.Errorf("%s read back as %v", line, got)
			}
		default:
			if got != c.want {
				t.Errorf("%s read back as %#v (%T), want %#v", line, got, got, c.want)
			}
		}
	}
	if _, err := appendValue(nil, math.NaN(), kindNumber); err == nil {
		t.Error("NaN was written")
	}
}
