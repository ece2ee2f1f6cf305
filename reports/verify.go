package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
)

// Verification codes.
//
// A PDF cannot print its own SHA-256, so each report carries a second
// fingerprint: its verification code, the SHA-256 of a canonical
// serialisation of the report's input data —
//
//	"evald-report-v1\n" + kind + "\n" + JSON(data)
//
// where kind is "evaluation", "rectification", "summary" or "scorecard" and JSON is
// encoding/json of the input struct (fields in declaration order, numbers in
// Go's shortest form, no maps). The cover prints its first 16 hex digits.
// Whoever hands a report out records both the code and the file's SHA-256;
// a verify page then accepts either the file's hash or the code (or the 16
// digits printed on the cover, see ShortCode). Changing a single number or
// character of the data changes the code; so does changing this scheme,
// hence the version in the prefix.

const verificationScheme = "evald-report-v1"

// Report kinds as they enter the verification code.
const (
	KindEvaluation    = "evaluation"
	KindRectification = "rectification"
	KindSummary       = "summary"
	KindScorecard     = "scorecard"
)

// ShortCodeLen is how many hex digits of the verification code a cover prints.
const ShortCodeLen = 16

// VerificationCode computes the verification code of report data of the
// given kind: 64 lower-case hex digits. It fails only for data that JSON
// cannot represent (a NaN or infinite number).
func VerificationCode(kind string, data any) (string, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return "", fmt.Errorf("%w: 无法序列化报告数据: %w", ErrInvalidReport, err)
	}
	h := sha256.New()
	h.Write([]byte(verificationScheme + "\n" + kind + "\n"))
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ShortCode is the part of a verification code printed on a cover.
func ShortCode(code string) string {
	if len(code) > ShortCodeLen {
		return code[:ShortCodeLen]
	}
	return code
}

// MatchesCode reports whether what a user typed on the verify page — a full
// code or the 16 digits from a cover, in any case, spaces allowed — denotes
// the verification code code.
func MatchesCode(typed, code string) bool {
	typed = strings.ToLower(strings.Join(strings.Fields(typed), ""))
	if len(typed) != ShortCodeLen && len(typed) != len(code) {
		return false
	}
	return typed != "" && strings.HasPrefix(code, typed)
}

// codeNote says how to check the report: the public page 报告真伪查验
// (/verify-report, no login) takes this code or the PDF file itself.
const codeNote = "打开评估平台“报告真伪查验”页面（无需登录），输入本验证码或上传本文件，即可查验报告真伪"
