package evaluation

import (
	_ "embed" // the list of common passwords
	"fmt"
	"strings"
	"unicode/utf8"
)

// Password rules (API.md "Deliberate changes"): bcrypt reads only the first
// 72 bytes of a password, so a longer one is refused rather than cut short.
const (
	MinPasswordChars = 10
	MaxPasswordBytes = 72
)

// commonPasswords is the 10,000 most frequent leaked passwords, one a line in
// lower case (commonpasswords/README.md says where they come from).
//
//go:embed commonpasswords/top10000.txt
var commonPasswords string

// CheckPassword returns a *ValidationError on field "password" unless pw
// may be the password of username: at least MinPasswordChars characters, at
// most MaxPasswordBytes bytes, not the username and not a common password
// (both compared case-insensitively).
func CheckPassword(username, pw string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinPasswordChars:
		return Invalid("password", fmt.Sprintf("密码至少%d个字符", MinPasswordChars))
	case len(pw) > MaxPasswordBytes:
		return Invalid("password", fmt.Sprintf("密码不能超过%d个字节（一个汉字占3个字节）", MaxPasswordBytes))
	case strings.EqualFold(pw, username):
		return Invalid("password", "密码不能与用户名相同")
	case isCommonPassword(pw):
		return Invalid("password", "该密码过于常见，容易被猜中，请换一个")
	}
	return nil
}

// isCommonPassword reports whether pw, in lower case, is on the list. A scan
// of the embedded text is fast enough for the few passwords ever set, and
// keeps no parsed copy in memory.
func isCommonPassword(pw string) bool {
	pw = strings.ToLower(pw)
	if strings.ContainsAny(pw, "\r\n") {
		return false
	}
	return strings.HasPrefix(commonPasswords, pw+"\n") || strings.Contains(commonPasswords, "\n"+pw+"\n")
}
