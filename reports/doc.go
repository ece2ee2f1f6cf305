// Package reports renders the documents of an evaluation round: per plan the
// evaluation report (评估报告) and the rectification report (整改情况报告) as
// A4 PDFs, and the round summary as a PDF and an Excel workbook.
//
// It knows nothing of HTTP or the database: callers map their data into the
// plain input structs of this package — EvaluationReport,
// RectificationReport, RoundSummary — whose numbers are already rounded to
// two decimals by the domain (the reports print, never compute, scores).
//
//	r, err := reports.NewRenderer(reports.Options{FontPath: os.Getenv("EVAL_REPORT_FONT")})
//	err = r.EvaluationReport(w, &reports.EvaluationReport{...})
//	err = r.RectificationReport(w, &reports.RectificationReport{...})
//	err = r.RoundSummaryPDF(w, &reports.RoundSummary{...})
//	err = reports.RoundSummaryXLSX(w, &reports.RoundSummary{...})
//
// # Fonts and text
//
// PDFs are drawn with github.com/jung-kurt/gofpdf in one CJK TrueType font,
// WenQuanYi Micro Hei, built into the binary (fonts/, Apache-2.0), or the
// font EVAL_REPORT_FONT names (Options.FontPath). The Renderer parses it once
// (Font); for each document it collects every character the document will
// draw, builds a TrueType subset of just those glyphs (subset.go) and hands
// that to gofpdf, whose own parse is then cheap. The PDF embeds the subset
// under a subset name (ABCDEF+name) with a ToUnicode map, so pdftotext gives
// back every stored text unchanged; a character the font lacks is drawn as a
// box but still extracts as itself, and one beyond the BMP (which gofpdf
// cannot encode) is printed as 〓.
//
// Lines are wrapped by this package (text.go), never by gofpdf's MultiCell,
// which loses a character at each CJK line break: by rune, with the font's
// widths, keeping Latin words and numbers whole, and with the Chinese
// line-breaking rules — no closing punctuation at the start of a line, no
// opening punctuation at its end, —— and …… never split.
//
// # Layout
//
// A report is first built as a list of blocks (layout.go: headings,
// paragraphs, key figures, captions; table.go; chart.go: the dimension bar
// chart, drawn as vectors; cover.go) and then laid out on A4 pages by the
// engine (render.go, document.go). Tables
// repeat their header on every page they run onto and split a row that is
// taller than a page between its lines. Every page has the footer
// "第 x 页 / 共 y 页"; pages after a cover have a running header. The same
// blocks also render as HTML (html_test.go), used by a benchmark to compare with a browser.
//
// # Identical bytes and verification codes
//
// The same data always gives the same bytes: the PDF's creation date is the
// report date, objects are written in a fixed order, the subset tag is
// derived from the glyphs used, and gofpdf writes no document ID. So a
// PDF's SHA-256 identifies it.
//
// A PDF cannot print its own hash, so each report also has a verification
// code (verify.go): the SHA-256 of "evald-report-v1\n" + kind + "\n" +
// encoding/json of its input struct. The cover prints its first 16 hex
// digits (ShortCode). Whoever hands out a report stores both the code and
// the file's SHA-256; a verify page accepts either (MatchesCode compares
// what a user typed with a stored code).
//
// # Concurrency and cost
//
// A Renderer is safe for concurrent use; render a round with one goroutine
// per core. A report of 13 pages takes about 10 ms of one core and some 8 MB
// of short-lived allocation (mostly inside gofpdf); nothing is kept between
// documents but gofpdf's pooled compressors, so memory stays flat however
// large the round (see bench_test.go).
package reports
