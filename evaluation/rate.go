package evaluation

import "strconv"

// Rate is a fraction 0–1 rounded half up to 4 decimals, held as an integer
// count of 0.0001 so that it is exact (API.md: "rate a fraction 0–1, 4 decimals").
type Rate int64

// NewRate returns num/den rounded half up to 4 decimals; nil when den is 0.
func NewRate(num, den int64) *Rate {
	if den <= 0 {
		return nil
	}
	r := Rate((num*20000 + den) / (2 * den))
	return &r
}

// Float64 returns the rate as a number.
func (r Rate) Float64() float64 { return float64(r) / 10000 }

// MarshalJSON writes the rate as a JSON number with four decimals.
func (r Rate) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, r.Float64(), 'f', 4, 64), nil
}
