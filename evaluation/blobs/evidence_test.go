package blobs

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"
	"github.com/xuri/excelize/v2"
)

// Minimal real files of each kind, made the way the programs people use
// make them, so the test does not depend on hand-written magic numbers.

func testPDF(t *testing.T) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Cell(40, 10, "Rectification evidence")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for x := range 8 {
		for y := range 8 {
			img.Set(x, y, color.RGBA{R: uint8(x * 32), G: uint8(y * 32), B: 128, A: 255})
		}
	}
	return img
}

func testJPEG(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, testImage(), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testPNG(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, testImage()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func testXLSX(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetCellValue("Sheet1", "A1", "整改措施"); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// zipEntry is one file of a test zip; stored entries are not compressed.
type zipEntry struct {
	name, body string
	stored     bool
}

func testZip(t *testing.T, entries ...zipEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		method := zip.Deflate
		if e.stored {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// contentTypesXML is an OOXML package's [Content_Types].xml with main as the
// content type of /word/document.xml.
func contentTypesXML(main string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="` + main + `"/>
</Types>`
}

const (
	testRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`
	testDocument = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>整改方案</w:t></w:r></w:p></w:body>
</w:document>`
)

// testDOCX is a minimal WordprocessingML package in Word's entry order.
func testDOCX(t *testing.T) []byte {
	t.Helper()
	return testZip(t,
		zipEntry{name: "[Content_Types].xml", body: contentTypesXML(mainDOCX)},
		zipEntry{name: "_rels/.rels", body: testRels},
		zipEntry{name: "word/document.xml", body: testDocument},
	)
}

// incompressible returns n bytes that do not compress, like a JPEG thumbnail.
func incompressible(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return string(b)
}

func TestEvidenceAcceptedTypes(t *testing.T) {
	pngData := testPNG(t)
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"pdf", "整改方案（2024）.pdf", testPDF(t), "application/pdf"},
		{"jpeg", "现场照片 1.jpg", testJPEG(t), "image/jpeg"},
		{"png", "截图.png", pngData, "image/png"},
		{"docx", "整改报告.docx", testDOCX(t), typeDOCX},
		{"xlsx", "整改台账.xlsx", testXLSX(t), typeXLSX},
		// The name says nothing: content decides.
		{"png named pdf", "报告.pdf", pngData, "image/png"},
		{"docx without extension", "整改报告", testDOCX(t), typeDOCX},
		// A package whose word/ entries lie beyond what sniffing reads, as
		// when a large thumbnail comes first, is still a DOCX.
		{"docx with thumbnail first", "带缩略图.docx", testZip(t,
			zipEntry{name: "[Content_Types].xml", body: contentTypesXML(mainDOCX)},
			zipEntry{name: "docProps/thumbnail.jpeg", body: incompressible(16 << 10), stored: true},
			zipEntry{name: "_rels/.rels", body: testRels},
			zipEntry{name: "word/document.xml", body: testDocument},
		), typeDOCX},
		{"name at the limits", strings.Repeat("方", 83) + ".pdf", testPDF(t), "application/pdf"}, // 253 bytes
		{"inner spaces and punctuation", "会议纪要 2024: 第1次 (终稿) #2.pdf", testPDF(t), "application/pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, refusal := CheckEvidence(tt.file, tt.data)
			if refusal != "" {
				t.Fatalf("refused: %v", refusal)
			}
			if got != tt.want {
				t.Errorf("content type %q, want %q", got, tt.want)
			}
		})
	}
}

// wantRefused asserts that the file was refused with a message that
// contains msg (the store makes it a *ValidationError on "file":
// TestEvidenceAttachments in package evaluation).
func wantRefused(t *testing.T, contentType string, got string, msg string) {
	t.Helper()
	if got == "" {
		t.Fatalf("got %q; want a refusal", contentType)
	}
	if contentType != "" {
		t.Errorf("content type %q returned with a refusal", contentType)
	}
	if !strings.Contains(got, msg) {
		t.Errorf("message %q, want it to contain %q", got, msg)
	}
}

func TestEvidenceRefusedContent(t *testing.T) {
	ole := make([]byte, 1024)
	copy(ole, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	exe := make([]byte, 512)
	copy(exe, "MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff")
	copy(exe[0x80:], "PE\x00\x00")
	exe[0x3c] = 0x80
	const onlyTypes = "仅支持 PDF、JPEG、PNG、DOCX、XLSX"

	tests := []struct {
		name string
		file string
		data []byte
		msg  string
	}{
		{"html named pdf", "报告.pdf", []byte("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"), onlyTypes},
		{"svg named png", "图.png", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`), onlyTypes},
		{"plain text", "说明.txt", []byte("整改已完成。\n"), onlyTypes},
		{"exe named pdf", "整改方案.pdf", exe, onlyTypes},
		{"zip", "材料.zip", testZip(t, zipEntry{name: "a.txt", body: "hello"}), onlyTypes},
		{"zip with a word folder but no package", "x.docx", testZip(t, zipEntry{name: "word/document.xml", body: testDocument}), onlyTypes},
		{"presentation", "汇报.pptx", testZip(t,
			zipEntry{name: "[Content_Types].xml", body: contentTypesXML("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")},
			zipEntry{name: "ppt/presentation.xml", body: "<p/>"},
		), onlyTypes},
		{"truncated docx", "坏文件.docx", testDOCX(t)[:200], onlyTypes},
		{"old doc or encrypted", "整改报告.doc", ole, "DOCX、XLSX 或 PDF"},
		{"ole named docx", "整改报告.docx", ole, "DOCX、XLSX 或 PDF"},
		{"macro-enabled docm", "宏.docx", testZip(t,
			zipEntry{name: "[Content_Types].xml", body: contentTypesXML(mainDOCM)},
			zipEntry{name: "_rels/.rels", body: testRels},
			zipEntry{name: "word/document.xml", body: testDocument},
			zipEntry{name: "word/vbaProject.bin", body: "macro"},
		), "含宏"},
		{"empty", "空.pdf", nil, "文件为空"},
		{"empty slice", "空.pdf", []byte{}, "文件为空"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct, refusal := CheckEvidence(tt.file, tt.data)
			wantRefused(t, ct, refusal, tt.msg)
		})
	}
}

func TestEvidenceSizeLimit(t *testing.T) {
	// One allocation serves both sides of the limit.
	big := make([]byte, MaxEvidenceSize+1)
	copy(big, testPNG(t))

	ct, refusal := CheckEvidence("大图.png", big)
	wantRefused(t, ct, refusal, "20 MB")

	ct, refusal = CheckEvidence("大图.png", big[:MaxEvidenceSize])
	if refusal != "" || ct != "image/png" {
		t.Errorf("exactly MaxEvidenceSize: %q, %v; want image/png", ct, refusal)
	}
}

func TestEvidenceRefusedNames(t *testing.T) {
	pdf := testPDF(t)
	tests := []struct {
		name string
		file string
		msg  string
	}{
		{"empty", "", "请提供文件名"},
		{"parent path", "../x.pdf", "路径"},
		{"folder", "a/b.pdf", "路径"},
		{"absolute", "/etc/x.pdf", "路径"},
		{"windows path", `C:\x.pdf`, "路径"},
		{"windows folder", `材料\整改.pdf`, "路径"},
		{"dot", ".", "文件名无效"},
		{"dot dot", "..", "文件名无效"},
		{"nul", "x\x00.pdf", "控制字符"},
		{"newline", "x\n.pdf", "控制字符"},
		{"carriage return", "x\r.pdf", "控制字符"},
		{"tab", "x\t.pdf", "控制字符"},
		{"delete", "x\x7f.pdf", "控制字符"},
		{"c1 control", "x\u0085.pdf", "控制字符"},
		{"right-to-left override", "报告\u202Efdp.exe", "控制字符"},
		{"leading space", " 整改.pdf", "首尾"},
		{"trailing space", "整改.pdf ", "首尾"},
		{"full-width space", "整改.pdf\u3000", "首尾"},
		{"invalid UTF-8", "\xff\xfe.pdf", "UTF-8"},
		{"too long", strings.Repeat("方", 84) + ".pdf", "过长"}, // 256 bytes
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ct, refusal := CheckEvidence(tt.file, pdf)
			wantRefused(t, ct, refusal, tt.msg)
		})
	}
}
