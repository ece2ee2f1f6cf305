package evaluation

import (
	"fmt"
	"strconv"
	"time"
)

// Clock tells the time; tests inject a fixed one.
type Clock interface{ Now() time.Time }

// SystemClock is the wall clock.
type SystemClock struct{}

// Now returns the current time.
func (SystemClock) Now() time.Time { return time.Now() }

// Date is a calendar day in the city's time zone, written YYYY-MM-DD. The
// format sorts lexically in date order, so dates compare as strings.
type Date string

const dateLayout = "2006-01-02"

// ParseDate checks and normalises a YYYY-MM-DD date.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return "", fmt.Errorf("evaluation: date %q: %w", s, err)
	}
	return Date(t.Format(dateLayout)), nil
}

// DateOf returns the calendar day of an instant in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	return Date(t.In(loc).Format(dateLayout))
}

// AddDays returns the date n days later (earlier for negative n).
func (d Date) AddDays(n int) Date {
	t, err := time.Parse(dateLayout, string(d))
	if err != nil {
		return d
	}
	return Date(t.AddDate(0, 0, n).Format(dateLayout))
}

// Valid reports whether d is a real YYYY-MM-DD date.
func (d Date) Valid() bool {
	_, err := ParseDate(string(d))
	return err == nil
}

// String returns the YYYY-MM-DD form.
func (d Date) String() string { return string(d) }

// Year is the date's year (0 for a malformed date).
func (d Date) Year() int {
	if len(d) < 4 {
		return 0
	}
	y, err := strconv.Atoi(string(d[:4]))
	if err != nil {
		return 0
	}
	return y
}
