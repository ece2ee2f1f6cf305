package scoring

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"testing"
)

func TestHundredthsString(t *testing.T) {
	tests := []struct {
		h    Hundredths
		want string
	}{
		{0, "0.00"},
		{5, "0.05"},
		{50, "0.50"},
		{8730, "87.30"},
		{10000, "100.00"},
		{-50, "-0.50"},
		{-5, "-0.05"},
		{-1234, "-12.34"},
		{math.MaxInt64, "92233720368547758.07"},
		{math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		if got := tt.h.String(); got != tt.want {
			t.Errorf("Hundredths(%d).String() = %q, want %q", int64(tt.h), got, tt.want)
		}
		b, err := json.Marshal(tt.h)
		if err != nil {
			t.Fatalf("json.Marshal(%d): %v", int64(tt.h), err)
		}
		if string(b) != tt.want {
			t.Errorf("json.Marshal(Hundredths(%d)) = %s, want %s", int64(tt.h), b, tt.want)
		}
	}
}

func TestHundredthsFloat64(t *testing.T) {
	for _, tt := range []struct {
		h    Hundredths
		want float64
	}{{8730, 87.3}, {-50, -0.5}, {0, 0}, {1, 0.01}} {
		if got := tt.h.Float64(); got != tt.want {
			t.Errorf("Hundredths(%d).Float64() = %v, want %v", int64(tt.h), got, tt.want)
		}
	}
}

func TestHundredthsInJSON(t *testing.T) {
	in := struct {
		Total Hundredths   `json:"total"`
		List  []Hundredths `json:"list"`
	}{Total: 8730, List: []Hundredths{-50, 0, 9999}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"total":87.30,"list":[-0.50,0.00,99.99]}`
	if string(b) != want {
		t.Fatalf("json = %s, want %s", b, want)
	}
	out := in
	out.Total, out.List = 1, nil
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.Total != in.Total || len(out.List) != 3 || out.List[0] != -50 || out.List[2] != 9999 {
		t.Fatalf("round trip = %+v, want %+v", out, in)
	}
}

func TestHundredthsUnmarshalJSON(t *testing.T) {
	tests := []struct {
		in   string
		want Hundredths
	}{
		{"87.3", 8730},
		{"87.30", 8730},
		{" 87.30 ", 8730},
		{"87", 8700},
		{"0", 0},
		{"-0", 0},
		{"87.305", 8731}, // half up
		{"87.3049999", 8730},
		{"87.125", 8713},
		{"0.005", 1},
		{"0.0049", 0},
		{"0.0001", 0},
		{"-0.505", -51}, // half away from zero
		{"-0.504", -50},
		{"-0.50", -50},
		{"1e2", 10000},
		{"1E+2", 10000},
		{"8.7125E1", 8713},
		{"8730e-2", 8730},
		{"87305e-3", 8731},
		{"5e-3", 1},
		{"1e-999999999999", 0},
		{"0e999999999999", 0},
		{"92233720368547758.07", math.MaxInt64},
		{"-92233720368547758.07", -math.MaxInt64},
		{"-92233720368547758.08", math.MinInt64},
	}
	for _, tt := range tests {
		h := Hundredths(-777)
		if err := h.UnmarshalJSON([]byte(tt.in)); err != nil {
			t.Errorf("UnmarshalJSON(%q): %v", tt.in, err)
			continue
		}
		if h != tt.want {
			t.Errorf("UnmarshalJSON(%q) = %d, want %d", tt.in, int64(h), int64(tt.want))
		}
	}

	h := Hundredths(42)
	if err := h.UnmarshalJSON([]byte("null")); err != nil || h != 42 {
		t.Errorf("UnmarshalJSON(null) = %d, %v; want 42 unchanged, nil", int64(h), err)
	}

	bad := []struct {
		in   string
		want error
	}{
		{`"87.30"`, errNotNumber},
		{"", errNotNumber},
		{"abc", errNotNumber},
		{"true", errNotNumber},
		{"-", errNotNumber},
		{"01", errNotNumber},
		{"1.", errNotNumber},
		{".5", errNotNumber},
		{"+1", errNotNumber},
		{"1e", errNotNumber},
		{"1e+", errNotNumber},
		{"1.2.3", errNotNumber},
		{"1 2", errNotNumber},
		{"0x10", errNotNumber},
		{"NaN", errNotNumber},
		{"1e400", errOverflow},
		{"92233720368547758.08", errOverflow},
		{"92233720368547758.075", errOverflow},
		{"-92233720368547758.085", errOverflow},
		{"1e999999999999", errOverflow},
	}
	for _, tt := range bad {
		h := Hundredths(42)
		err := h.UnmarshalJSON([]byte(tt.in))
		if !errors.Is(err, tt.want) {
			t.Errorf("UnmarshalJSON(%q) error = %v, want %v", tt.in, err, tt.want)
		}
		if h != 42 {
			t.Errorf("UnmarshalJSON(%q) changed the value to %d on error", tt.in, int64(h))
		}
	}
}

func TestHundredthsRoundTrip(t *testing.T) {
	for v := Hundredths(-100_000); v <= 100_000; v += 7 {
		var got Hundredths
		if err := json.Unmarshal([]byte(v.String()), &got); err != nil || got != v {
			t.Fatalf("round trip of %s = %d, %v", v, int64(got), err)
		}
	}
}

// TestRoundHalves compares the integer rounding with an exact rational
// reference, floor(S/(2k)·100 + ½), over every half-point sum of up to 12
// raters and for the large k where float64 goes wrong.
func TestRoundHalves(t *testing.T) {
	half := big.NewRat(1, 2)
	ref := func(s int64, k int) int64 {
		r := big.NewRat(100*s, 2*int64(k))
		r.Add(r, half)
		q := new(big.Int).Div(r.Num(), r.Denom()) // Euclidean: floor for a positive denominator
		return q.Int64()
	}
	for k := 1; k <= 12; k++ {
		for s := int64(0); s <= 200*int64(k); s++ {
			if got, want := roundHalves(s, k), ref(s, k); int64(got) != want {
				t.Fatalf("roundHalves(%d, %d) = %d, want %d", s, k, got, want)
			}
		}
	}
	for _, k := range []int{20, 100, 101} {
		for s := int64(0); s <= 200*int64(k); s++ {
			if got, want := roundHalves(s, k), ref(s, k); int64(got) != want {
				t.Fatalf("roundHalves(%d, %d) = %d, want %d", s, k, got, want)
			}
		}
	}
	if got := roundHalves(-1, 4); got != -13 {
		t.Errorf("roundHalves(-1, 4) = %d, want -13 (half away from zero)", got)
	}
	if got := roundHalves(7, 0); got != 0 {
		t.Errorf("roundHalves(7, 0) = %d, want 0", got)
	}
	if got := roundHalves(math.MaxInt64/200, 1); got != Hundredths(math.MaxInt64/200*50) {
		t.Errorf("roundHalves(MaxInt64/200, 1) = %d: overflow", got)
	}
}
