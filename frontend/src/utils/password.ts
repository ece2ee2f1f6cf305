// The password rules the server enforces (API.md "Deliberate changes"), checked
// in the form before sending; the server alone knows the list of common
// passwords and answers 422 for one of those.

/** Why pw cannot be username's password, or '' when the form may send it. */
export function passwordProblem(pw: string, username: string): string {
  if ([...pw].length < 10) return '密码至少 10 个字符'
  if (new TextEncoder().encode(pw).length > 72) return '密码不能超过 72 个字节（一个汉字占 3 个字节）'
  if (pw.toLowerCase() === username.toLowerCase()) return '密码不能与用户名相同'
  return ''
}
