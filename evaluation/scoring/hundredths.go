// Package scoring holds the rules of DESIGN.md "The numbers": the indicator
// system and its answers, exact hundredths, trimming of the highest and
// lowest rater, veto items, grades, shared ranks, spread and outliers. It is
// pure: the store loads the sheets and hands them over.
package scoring

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
)

// Hundredths is a value rounded half up to two decimals, held as an integer
// count of 0.01 so that what is computed, stored and printed is the same number.
type Hundredths int64

// Float64 returns the value as a float64, for charts and spreadsheets.
func (h Hundredths) Float64() float64 { return float64(h) / 100 }

// String prints the value with exactly two decimals: "87.30", "-0.50".
func (h Hundredths) String() string { return string(h.appendText(nil)) }

// MarshalJSON writes the value as a JSON number with two decimals: 87.30.
func (h Hundredths) MarshalJSON() ([]byte, error) { return h.appendText(nil), nil }

// UnmarshalJSON reads a JSON number, rounding it half up (away from zero for
// negative numbers) to two decimals; null leaves the value unchanged.
func (h *Hundredths) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	v, err := parseHundredths(b)
	if err != nil {
		return fmt.Errorf("evaluation: hundredths %q: %w", b, err)
	}
	*h = v
	return nil
}

// appendText appends the two-decimal form of h to dst.
func (h Hundredths) appendText(dst []byte) []byte {
	u := uint64(h)
	if h < 0 {
		dst = append(dst, '-')
		u = -u // two's complement magnitude, right even for math.MinInt64
	}
	dst = strconv.AppendUint(dst, u/100, 10)
	frac := u % 100
	return append(dst, '.', byte('0'+frac/10), byte('0'+frac%10))
}

// Errors of parseHundredths.
var (
	errNotNumber = errors.New("not a JSON number")
	errOverflow  = errors.New("out of range")
)

// maxExponent bounds the decimal exponent of a parsed number; anything beyond
// is far outside the range of Hundredths either way.
const maxExponent = 1 << 20

// parseHundredths reads a JSON number exactly (no float64 on the way) and
// rounds its magnitude half up to two decimals.
func parseHundredths(b []byte) (Hundredths, error) {
	i := 0
	neg := i < len(b) && b[i] == '-'
	if neg {
		i++
	}
	// The significant digits of integer and fraction, without leading zeros;
	// the number is digits × 10^exp.
	var digits []byte
	exp := 0
	start := i
	for i < len(b) && isDigit(b[i]) {
		if len(digits) > 0 || b[i] != '0' {
			digits = append(digits, b[i])
		}
		i++
	}
	if i == start || (b[start] == '0' && i-start > 1) {
		return 0, errNotNumber // no integer part, or a leading zero
	}
	if i < len(b) && b[i] == '.' {
		i++
		start = i
		for i < len(b) && isDigit(b[i]) {
			if len(digits) > 0 || b[i] != '0' {
				digits = append(digits, b[i])
			}
			exp--
			i++
		}
		if i == start {
			return 0, errNotNumber
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		expNeg := false
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			expNeg = b[i] == '-'
			i++
		}
		start = i
		e := 0
		for i < len(b) && isDigit(b[i]) {
			if e < maxExponent {
				e = e*10 + int(b[i]-'0')
			}
			i++
		}
		if i == start {
			return 0, errNotNumber
		}
		if expNeg {
			e = -e
		}
		exp += e
	}
	if i != len(b) {
		return 0, errNotNumber
	}
	if len(digits) == 0 {
		return 0, nil
	}

	// In hundredths the number is digits × 10^shift.
	shift := exp + 2
	keep := len(digits) + shift // digits left of the hundredths' decimal point
	roundUp := false
	switch {
	case keep < 0:
		digits = nil // below 0.001: rounds to zero
	case keep < len(digits):
		roundUp = digits[keep] >= '5'
		digits = digits[:keep]
	}
	if keep > 19 {
		return 0, errOverflow
	}
	var u uint64
	for n := 0; n < keep; n++ {
		d := uint64(0)
		if n < len(digits) {
			d = uint64(digits[n] - '0')
		}
		u = u*10 + d
	}
	if roundUp {
		u++
	}
	switch {
	case neg && u == 1<<63:
		return math.MinInt64, nil
	case u > math.MaxInt64:
		return 0, errOverflow
	case neg:
		return -Hundredths(u), nil
	}
	return Hundredths(u), nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// roundHalves returns the mean of k raters whose points sum to half half
// points (sum/(2k)), rounded half up to hundredths in integer arithmetic:
// floor((100·half + k) / (2k)). A negative sum is rounded by its magnitude,
// away from zero like Hundredths' parsing; valid scores never produce one.
func roundHalves(half int64, k int) Hundredths {
	if k <= 0 {
		return 0
	}
	if half < 0 {
		return -roundHalves(-half, k)
	}
	d := 2 * int64(k)
	// Split off whole points first so that 100·half cannot overflow.
	q, r := half/d, half%d
	return Hundredths(100*q + (100*r+int64(k))/d)
}
