package reports

import (
	"os"
	"testing"
)

// TestWriteSamples writes sample PDFs to EVAL_REPORT_SAMPLES (a folder) for
// looking at them; it does nothing otherwise.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("EVAL_REPORT_SAMPLES")
	if dir == "" {
		t.Skip("set EVAL_REPORT_SAMPLES to a folder to write sample reports there")
	}
	rare := sampleEvaluation(3, 3, 2)
	rare.Plan.Title = "关于𠀀𪚥🇨🇳的实施方案"
	rare.Findings[0].Description = rareLine("问题")
	rare.Findings[1].Description = rareLine("长文") + rareLine("长文")
	for name, data := range map[string]any{
		"evaluation.pdf": trickyEvaluation(), "rectification.pdf": sampleRectification(8), "summary.pdf": sampleSummary(60),
		"rare.pdf": rare,
	} {
		if err := os.WriteFile(dir+"/"+name, pdfOf(t, data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Create(dir + "/summary.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := RoundSummaryXLSX(f, sampleSummary(60)); err != nil {
		t.Fatal(err)
	}
}
