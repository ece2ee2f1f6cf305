package blobs

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gabriel-vasile/mimetype"
)

// MaxEvidenceSize is the largest evidence file accepted (20 MB).
const MaxEvidenceSize = 20 << 20

// maxEvidenceName is the longest file name accepted, in bytes, as most file
// systems allow.
const maxEvidenceName = 255

// The content types of accepted evidence files.
const (
	typePDF  = "application/pdf"
	typeJPEG = "image/jpeg"
	typePNG  = "image/png"
	typeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	typeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)

// The main-part content types in an OOXML package's [Content_Types].xml.
const (
	mainDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	mainXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	mainDOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"
	mainXLSM = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
)

// Messages of refused evidence files, for the person who uploaded them.
const (
	msgEvidenceType  = "仅支持 PDF、JPEG、PNG、DOCX、XLSX 格式的文件（按文件内容判断）"
	msgEvidenceOLE   = "不支持旧版 Word/Excel 文件（.doc/.xls）或加密的文件，请另存为 DOCX、XLSX 或 PDF 后上传"
	msgEvidenceMacro = "不支持含宏的 Office 文件，请另存为 DOCX 或 XLSX 后上传"
)

// CheckEvidence validates an uploaded evidence file and returns its content
// type judged by content: application/pdf, image/jpeg, image/png, or the
// DOCX and XLSX types. The name only has to be a plain file name; what it
// says about the type is ignored, so a PNG named .pdf is accepted as
// image/png and an HTML page named .pdf is refused. A refused file has no
// content type and a Chinese message saying why (the store makes it a
// validation error on field "file").
func CheckEvidence(name string, data []byte) (contentType, refusal string) {
	return CheckEvidenceAt(name, bytes.NewReader(data), int64(len(data)))
}

// CheckEvidenceAt is CheckEvidence of a file of size bytes read from r (a
// temporary file, so that an upload never sits whole in memory): only its
// first kilobytes, and for a zip its central directory and content types,
// are read.
func CheckEvidenceAt(name string, r io.ReaderAt, size int64) (contentType, refusal string) {
	if msg := checkEvidenceName(name); msg != "" {
		return "", msg
	}
	switch {
	case size == 0:
		return "", "文件为空"
	case size > MaxEvidenceSize:
		return "", fmt.Sprintf("文件超过 %d MB 的上限", MaxEvidenceSize>>20)
	}
	return evidenceType(r, size)
}

// checkEvidenceName returns why name is not a plain file name, or "".
// Browsers send the bare name, except old ones that send a whole Windows
// path; either way a separator means the name is not what we store.
func checkEvidenceName(name string) string {
	switch {
	case name == "":
		return "请提供文件名"
	case !utf8.ValidString(name):
		return "文件名不是有效的 UTF-8 文本"
	case len(name) > maxEvidenceName:
		return fmt.Sprintf("文件名过长（不超过 %d 字节）", maxEvidenceName)
	case strings.ContainsAny(name, `/\`):
		return "文件名不能包含路径（“/”或“\\”）"
	case name == "." || name == "..":
		return "文件名无效"
	}
	for _, r := range name {
		// Bidirectional controls can disguise an extension ("exe" shown as
		// "pdf"), so they are refused along with the control characters.
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return "文件名不能包含控制字符"
		}
	}
	first, _ := utf8.DecodeRuneInString(name)
	last, _ := utf8.DecodeLastRuneInString(name)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return "文件名首尾不能有空格"
	}
	return ""
}

// evidenceType judges the type of data by its content and returns either
// the content type of an accepted file or a message saying why it is refused.
//
// The sniffing is mimetype's (github.com/gabriel-vasile/mimetype), a
// maintained library that knows far more signatures than
// net/http.DetectContentType, which cannot tell a DOCX or XLSX from any other
// zip nor an old .doc from another OLE file. mimetype looks at only the first
// 3 KB, though: its OOXML verdict depends on the order of the zip entries (a
// thumbnail in docProps/ can push word/ out of reach) and it cannot see
// macros, so every zip is judged again by the package's own
// [Content_Types].xml, read through the central directory of the whole file.
func evidenceType(r io.ReaderAt, size int64) (string, string) {
	m, err := mimetype.DetectReader(io.NewSectionReader(r, 0, size))
	if err != nil {
		return "", msgEvidenceType
	}
	switch {
	case m.Is(typePDF):
		return typePDF, ""
	case m.Is(typeJPEG):
		return typeJPEG, ""
	case m.Is(typePNG):
		return typePNG, ""
	}
	for p := m; p != nil; p = p.Parent() {
		switch {
		case p.Is("application/x-ole-storage"):
			// Word 97–2003, Excel 97–2003 and encrypted OOXML all come as
			// OLE compound files.
			return "", msgEvidenceOLE
		case p.Is("application/zip"):
			return ooxmlType(r, size)
		}
	}
	return "", msgEvidenceType
}

// maxContentTypesXML bounds what is decompressed of [Content_Types].xml, a
// few KB in real documents, so a zip bomb costs nothing.
const maxContentTypesXML = 1 << 20

// ooxmlType tells a DOCX or XLSX from other zips by the content type of the
// package's main part, and returns a refusal message for anything else.
func ooxmlType(r io.ReaderAt, size int64) (string, string) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return "", msgEvidenceType
	}
	var types struct {
		Overrides []struct {
			ContentType string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	f, err := zr.Open("[Content_Types].xml")
	if err != nil {
		return "", msgEvidenceType
	}
	defer f.Close()
	if err := xml.NewDecoder(io.LimitReader(f, maxContentTypesXML)).Decode(&types); err != nil {
		return "", msgEvidenceType
	}
	for _, o := range types.Overrides {
		switch strings.TrimSpace(o.ContentType) {
		case mainDOCX:
			return typeDOCX, ""
		case mainXLSX:
			return typeXLSX, ""
		case mainDOCM, mainXLSM:
			return "", msgEvidenceMacro
		}
	}
	return "", msgEvidenceType
}
