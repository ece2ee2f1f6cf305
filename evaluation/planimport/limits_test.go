package planimport

import (
	"errors"
	"strings"
	"testing"
)

// TestImportRefusesAnOverlongCell: a cell longer than any column may be is
// refused with the file, naming where it is.
func TestImportRefusesAnOverlongCell(t *testing.T) {
	csv := "code,title,lead_department,issued_on,summary\nCD-1,方案,财政局,2020-01-01," + strings.Repeat("改", MaxImportCell+1) + "\n"
	_, _, err := ParsePlanFile("plans.csv", []byte(csv))
	var invalid *FileError
	if !errors.As(err, &invalid) || !strings.Contains(invalid.Message, "第2行E列") {
		t.Fatalf("err %v, want the file refused naming row 2, column E", err)
	}
	csv = "code,title,lead_department,issued_on,summary\nCD-1,方案,财政局,2020-01-01," + strings.Repeat("改", MaxImportCell) + "\n"
	if _, _, err := ParsePlanFile("plans.csv", []byte(csv)); err != nil {
		t.Fatalf("a cell of exactly %d characters: %v", MaxImportCell, err)
	}
}
