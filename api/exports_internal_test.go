package api

import (
	"errors"
	"testing"

	"github.com/evald/evald/evaluation"
)

// TestExportReadsEveryPageAndRefusesTooMany: an export reads all pages of
// its list, and beyond MaxExportRows answers a validation error (422).
func TestExportReadsEveryPageAndRefusesTooMany(t *testing.T) {
	list := func(total int64) func(evaluation.Page) (evaluation.List[int], error) {
		return func(p evaluation.Page) (evaluation.List[int], error) {
			l := evaluation.List[int]{Total: total, Items: []int{}}
			for i := int64((p.Page - 1) * p.PerPage); i < total && len(l.Items) < p.PerPage; i++ {
				l.Items = append(l.Items, int(i))
			}
			return l, nil
		}
	}
	for _, n := range []int64{0, 1, evaluation.MaxPerPage, evaluation.MaxPerPage + 1, 1234} {
		got, err := allPages(list(n))
		if err != nil || int64(len(got)) != n || (n > 0 && got[n-1] != int(n-1)) {
			t.Errorf("%d rows: got %d, %v", n, len(got), err)
		}
	}
	_, err := allPages(list(MaxExportRows + 1))
	var invalid *evaluation.ValidationError
	if !errors.As(err, &invalid) || invalid.Fields["filter"] == "" {
		t.Fatalf("over the cap: %v", err)
	}
}
