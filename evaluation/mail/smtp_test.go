package mail

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"math/big"
	"mime"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/evald/evald/evaluation/mail/smtptest"
)

// testCertificate makes a self-signed certificate for 127.0.0.1 and a pool
// that trusts it.
func testCertificate(t *testing.T) (*tls.Config, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "mx.test"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	cfg := &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}
	return cfg, pool
}

// newTestMailer builds an SMTPMailer for the test server that trusts pool.
func newTestMailer(t *testing.T, rawURL string, pool *x509.CertPool) *SMTPMailer {
	t.Helper()
	m, err := NewSMTPMailer(rawURL)
	if err != nil {
		t.Fatalf("NewSMTPMailer(%s): %v", rawURL, err)
	}
	m.rootCAs = pool
	return m
}

// parsedMail is a received message decoded the way a mail client would.
type parsedMail struct {
	From      *mail.Address
	To        []*mail.Address
	Subject   string
	Body      string
	Date      time.Time
	MessageID string
	MediaType string
	Charset   string
	Header    mail.Header
	RawBody   string // decoded, line breaks as sent
}

// parseMail decodes headers (RFC 2047) and the body's transfer encoding.
func parseMail(t *testing.T, data []byte) parsedMail {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse message: %v\n%s", err, data)
	}
	var p parsedMail
	p.Header = msg.Header
	from, err := msg.Header.AddressList("From")
	if err != nil || len(from) != 1 {
		t.Fatalf("From %q: %v", msg.Header.Get("From"), err)
	}
	p.From = from[0]
	if p.To, err = msg.Header.AddressList("To"); err != nil {
		t.Fatalf("To %q: %v", msg.Header.Get("To"), err)
	}
	if p.Subject, err = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); err != nil {
		t.Fatalf("Subject %q: %v", msg.Header.Get("Subject"), err)
	}
	if p.Date, err = msg.Header.Date(); err != nil {
		t.Fatalf("Date %q: %v", msg.Header.Get("Date"), err)
	}
	p.MessageID = msg.Header.Get("Message-ID")
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	p.MediaType, p.Charset = mediaType, params["charset"]
	body := msg.Body
	switch cte := strings.ToLower(msg.Header.Get("Content-Transfer-Encoding")); cte {
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body)
	case "", "7bit", "8bit":
	default:
		t.Fatalf("Content-Transfer-Encoding %q", cte)
	}
	raw, err := io.ReadAll(body)
	if err != nil {
		t.Fatalf("body: %v", err)
	}
	p.RawBody = string(raw)
	p.Body = strings.ReplaceAll(p.RawBody, "\r\n", "\n")
	return p
}

// testMail is a notification as the rectification loop sends them.
var testMail = Message{
	To:      []string{"zhang.san@fgw.example.gov.cn", "li.si@sfj.example.gov.cn"},
	Subject: "【整改提醒】“优化营商环境改革方案”的问题整改将于 3 日后到期",
	Body: "张三同志：\n\n您单位牵头的《优化营商环境改革方案》有 2 项评估问题尚未提交整改回复，" +
		"整改期限为 2025年3月31日。\n请登录专项改革方案第三方评估平台处理。\n\n" +
		"——此邮件由系统自动发送，请勿回复。=？ 100% ✓\n",
}

// checkDelivered asserts the envelope and the decoded message of got.
func checkDelivered(t *testing.T, got smtptest.Received, sent Message, from string) {
	t.Helper()
	if got.From != from {
		t.Errorf("MAIL FROM %q, want %q", got.From, from)
	}
	if strings.Join(got.To, ",") != strings.Join(sent.To, ",") {
		t.Errorf("RCPT TO %q, want %q", got.To, sent.To)
	}
	p := parseMail(t, got.Data)
	if p.From.Name != mailFromName || p.From.Address != from {
		t.Errorf("From %q <%s>, want %q <%s>", p.From.Name, p.From.Address, mailFromName, from)
	}
	var to []string
	for _, a := range p.To {
		to = append(to, a.Address)
	}
	if strings.Join(to, ",") != strings.Join(sent.To, ",") {
		t.Errorf("To header %q, want %q", to, sent.To)
	}
	if p.Subject != sent.Subject {
		t.Errorf("Subject %q, want %q", p.Subject, sent.Subject)
	}
	if raw := p.Header.Get("Subject"); !strings.HasPrefix(strings.ToLower(raw), "=?utf-8?") {
		t.Errorf("raw Subject %q is not an RFC 2047 UTF-8 encoded word", raw)
	}
	if p.Body != sent.Body {
		t.Errorf("body\n%q\nwant\n%q", p.Body, sent.Body)
	}
	// Text travels in canonical form: every line, of the message and of the
	// decoded body, ends in CRLF.
	for what, text := range map[string]string{"message": string(got.Data), "body": p.RawBody} {
		if strings.Contains(strings.ReplaceAll(text, "\r\n", ""), "\n") {
			t.Errorf("%s has a line break that is not CRLF", what)
		}
	}
	if p.MediaType != "text/plain" || !strings.EqualFold(p.Charset, "utf-8") {
		t.Errorf("Content-Type %s; charset=%s, want text/plain; charset=UTF-8", p.MediaType, p.Charset)
	}
	if d := time.Since(p.Date); d < -time.Minute || d > time.Minute {
		t.Errorf("Date %v is not now", p.Date)
	}
	_, domain, _ := strings.Cut(from, "@")
	if !strings.HasPrefix(p.MessageID, "<") || !strings.HasSuffix(p.MessageID, "@"+domain+">") {
		t.Errorf("Message-ID %q, want <…@%s>", p.MessageID, domain)
	}
	if v := p.Header.Get("Auto-Submitted"); v != "auto-generated" {
		t.Errorf("Auto-Submitted %q", v)
	}
	// No line may exceed RFC 5322's hard limit.
	for i, line := range strings.Split(string(got.Data), "\r\n") {
		if len(line) > 998 {
			t.Errorf("line %d has %d characters", i+1, len(line))
		}
	}
}

func TestMailSendWithoutAuth(t *testing.T) {
	ts := smtptest.Start(t, smtptest.Options{})
	// No tls parameter and a server without STARTTLS: plain, as there is
	// no password to protect.
	m := newTestMailer(t, "smtp://"+ts.Addr+"?from=noreply@pinggu.example.gov.cn", nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := m.Send(ctx, testMail); err != nil {
		t.Fatal(err)
	}
	msgs := ts.Messages()
	if len(msgs) != 1 {
		t.Fatalf("server received %d messages, want 1", len(msgs))
	}
	checkDelivered(t, msgs[0], testMail, "noreply@pinggu.example.gov.cn")
	if msgs[0].User != "" || msgs[0].TLS {
		t.Errorf("user %q, TLS %v; want neither", msgs[0].User, msgs[0].TLS)
	}

	// Each Send is its own connection and message.
	second := Message{To: []string{"wang.wu@example.gov.cn"}, Subject: "整改回复已退回", Body: "请根据评估意见修改后重新提交。"}
	if err := m.Send(ctx, second); err != nil {
		t.Fatal(err)
	}
	if msgs := ts.Messages(); len(msgs) != 2 {
		t.Fatalf("server received %d messages, want 2", len(msgs))
	} else {
		checkDelivered(t, msgs[1], second, "noreply@pinggu.example.gov.cn")
	}
}

func TestMailSendWithAuthPlain(t *testing.T) {
	const from = "noreply@pinggu.example.gov.cn"
	tests := []struct {
		name    string
		user    string
		pass    string
		wantErr bool
	}{
		{"right password", "pinggu", "p@ss:word/1", false},
		{"wrong password", "pinggu", "wrong", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := smtptest.Start(t, smtptest.Options{User: "pinggu", Pass: "p@ss:word/1"})
			// Credentials in clear need tls=none (a relay on the same host).
			u := fmt.Sprintf("smtp://%s:%s@%s?from=%s&tls=none",
				tt.user, urlEscape(tt.pass), ts.Addr, from)
			m := newTestMailer(t, u, nil)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			err := m.Send(ctx, testMail)
			if ts.Auths() == 0 {
				t.Error("the client never authenticated")
			}
			msgs := ts.Messages()
			if tt.wantErr {
				if err == nil || len(msgs) != 0 {
					t.Fatalf("Send: %v, %d messages; want an error and nothing delivered", err, len(msgs))
				}
				if strings.Contains(err.Error(), tt.pass) {
					t.Errorf("error repeats the password: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(msgs) != 1 {
				t.Fatalf("server received %d messages, want 1", len(msgs))
			}
			if msgs[0].User != tt.user {
				t.Errorf("authenticated as %q, want %q", msgs[0].User, tt.user)
			}
			checkDelivered(t, msgs[0], testMail, from)
		})
	}
}

// urlEscape escapes a password for the userinfo of a URL.
func urlEscape(s string) string {
	r := strings.NewReplacer("%", "%25", "@", "%40", ":", "%3A", "/", "%2F")
	return r.Replace(s)
}

func TestMailSendUsesSTARTTLS(t *testing.T) {
	const from = "noreply@pinggu.example.gov.cn"
	serverTLS, pool := testCertificate(t)
	tests := []struct {
		name string
		opts smtptest.Options
		url  string // %s is the server's address
		user string
	}{
		{"opportunistic", smtptest.Options{StartTLS: serverTLS}, "smtp://%s?from=" + from, ""},
		{"required", smtptest.Options{StartTLS: serverTLS}, "smtp://%s?from=" + from + "&tls=starttls", ""},
		{"password over STARTTLS", smtptest.Options{StartTLS: serverTLS, User: "pinggu", Pass: "secret"},
			"smtp://pinggu:secret@%s?from=" + from, "pinggu"},
		{"implicit TLS", smtptest.Options{Implicit: serverTLS, User: "pinggu", Pass: "secret"},
			"smtp://pinggu:secret@%s?from=" + from + "&tls=tls", "pinggu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := smtptest.Start(t, tt.opts)
			m := newTestMailer(t, fmt.Sprintf(tt.url, ts.Addr), pool)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := m.Send(ctx, testMail); err != nil {
				t.Fatal(err)
			}
			msgs := ts.Messages()
			if len(msgs) != 1 {
				t.Fatalf("server received %d messages, want 1", len(msgs))
			}
			if !msgs[0].TLS || msgs[0].User != tt.user {
				t.Errorf("TLS %v, user %q; want TLS and user %q", msgs[0].TLS, msgs[0].User, tt.user)
			}
			checkDelivered(t, msgs[0], testMail, from)
		})
	}
}

func TestMailRefusesInsecureConnections(t *testing.T) {
	serverTLS, _ := testCertificate(t)
	tests := []struct {
		name string
		opts smtptest.Options
		url  string
	}{
		// A password without tls=none needs STARTTLS, which this server lacks.
		{"password without STARTTLS", smtptest.Options{User: "pinggu", Pass: "secret"},
			"smtp://pinggu:secret@%s?from=noreply@example.gov.cn"},
		{"tls=starttls without STARTTLS", smtptest.Options{},
			"smtp://%s?from=noreply@example.gov.cn&tls=starttls"},
		// The server's certificate is not trusted (the system pool is used).
		{"untrusted certificate", smtptest.Options{StartTLS: serverTLS},
			"smtp://%s?from=noreply@example.gov.cn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := smtptest.Start(t, tt.opts)
			m := newTestMailer(t, fmt.Sprintf(tt.url, ts.Addr), nil)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := m.Send(ctx, testMail); err == nil {
				t.Fatal("Send succeeded")
			}
			if n := ts.Auths(); n != 0 {
				t.Errorf("%d AUTH exchanges over an insecure connection", n)
			}
			if msgs := ts.Messages(); len(msgs) != 0 {
				t.Errorf("%d messages delivered", len(msgs))
			}
		})
	}
}

func TestMailRecipientRefused(t *testing.T) {
	ts := smtptest.Start(t, smtptest.Options{Refuse: "nobody@example.gov.cn"})
	m := newTestMailer(t, "smtp://"+ts.Addr+"?from=noreply@example.gov.cn", nil)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	msg := Message{To: []string{"zhang.san@example.gov.cn", "nobody@example.gov.cn"}, Subject: "整改提醒", Body: "请及时处理。"}
	err := m.Send(ctx, msg)
	if err == nil {
		t.Fatal("Send succeeded although the server refused a recipient")
	}
	if !strings.Contains(err.Error(), "nobody@example.gov.cn") {
		t.Errorf("error does not name the refused recipient: %v", err)
	}
	if msgs := ts.Messages(); len(msgs) != 0 {
		t.Errorf("%d messages delivered", len(msgs))
	}
}

func TestMailRefusesBadMessages(t *testing.T) {
	m := newTestMailer(t, "smtp://127.0.0.1:1?from=noreply@example.gov.cn&tls=none", nil)
	tests := []struct {
		name string
		msg  Message
	}{
		{"no recipient", Message{Subject: "整改提醒", Body: "正文"}},
		{"bad address", Message{To: []string{"张三"}, Subject: "整改提醒", Body: "正文"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := m.Send(context.Background(), tt.msg); err == nil {
				t.Error("Send succeeded")
			}
		})
	}
}

func TestMailSubjectIsOneLine(t *testing.T) {
	ts := smtptest.Start(t, smtptest.Options{})
	m := newTestMailer(t, "smtp://"+ts.Addr+"?from=noreply@example.gov.cn", nil)
	msg := Message{To: []string{"a@example.gov.cn"}, Subject: "整改提醒\r\nBcc: victim@example.com", Body: "正文"}
	if err := m.Send(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	msgs := ts.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	p := parseMail(t, msgs[0].Data)
	if p.Subject != "整改提醒 Bcc: victim@example.com" || p.Header.Get("Bcc") != "" {
		t.Errorf("subject %q, Bcc %q: a line break in the subject must not start a header", p.Subject, p.Header.Get("Bcc"))
	}
	if strings.Join(msgs[0].To, ",") != "a@example.gov.cn" {
		t.Errorf("RCPT TO %q", msgs[0].To)
	}
}

// silentServer accepts connections and never answers, like a server that
// hangs or a firewall that swallows packets.
func silentServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		_ = l.Close()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	return l.Addr().String()
}

func TestMailUnreachableServerRespectsContext(t *testing.T) {
	addr := silentServer(t)
	m := newTestMailer(t, "smtp://"+addr+"?from=noreply@example.gov.cn", nil)
	tests := []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want error
	}{
		{"deadline", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 300*time.Millisecond)
		}, context.DeadlineExceeded},
		{"cancel", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(300*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := tt.ctx()
			defer cancel()
			start := time.Now()
			err := m.Send(ctx, testMail)
			elapsed := time.Since(start)
			if !errors.Is(err, tt.want) {
				t.Errorf("Send: %v, want %v", err, tt.want)
			}
			if elapsed > 3*time.Second {
				t.Errorf("Send took %v after a 300ms context", elapsed)
			}
		})
	}
}

func TestMailConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	m := newTestMailer(t, "smtp://"+addr+"?from=noreply@example.gov.cn", nil)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := m.Send(ctx, testMail); err == nil {
		t.Fatal("Send to a closed port succeeded")
	}
}

func TestMailNewSMTPMailer(t *testing.T) {
	tests := []struct {
		url  string
		want SMTPMailer // compared field by field; zero means an error is wanted
		err  string     // part of the error
	}{
		{url: "smtp://mail.example.gov.cn?from=noreply@example.gov.cn",
			want: SMTPMailer{host: "mail.example.gov.cn", port: 587, from: "noreply@example.gov.cn", security: tlsOpportunistic}},
		{url: "smtp://u:p%40ss@mail.example.gov.cn?from=noreply@example.gov.cn",
			want: SMTPMailer{host: "mail.example.gov.cn", port: 587, user: "u", pass: "p@ss", hasAuth: true,
				from: "noreply@example.gov.cn", security: tlsStartTLS}},
		{url: "smtp://mail.example.gov.cn?from=noreply@example.gov.cn&tls=starttls",
			want: SMTPMailer{host: "mail.example.gov.cn", port: 587, from: "noreply@example.gov.cn", security: tlsStartTLS}},
		{url: "smtp://u:p@mail.example.gov.cn?from=noreply@example.gov.cn&tls=tls",
			want: SMTPMailer{host: "mail.example.gov.cn", port: 465, user: "u", pass: "p", hasAuth: true,
				from: "noreply@example.gov.cn", security: tlsImplicit}},
		{url: "smtp://127.0.0.1:2525?from=" + "%E8%AF%84%E4%BC%B0%20%3Cnoreply@example.gov.cn%3E" + "&tls=none",
			want: SMTPMailer{host: "127.0.0.1", port: 2525, from: "noreply@example.gov.cn", security: tlsNone}},
		{url: "smtp://localhost?from=noreply@example.gov.cn&tls=none",
			want: SMTPMailer{host: "localhost", port: 25, from: "noreply@example.gov.cn", security: tlsNone}},
		{url: "smtp://[::1]:25?from=noreply@example.gov.cn",
			want: SMTPMailer{host: "::1", port: 25, from: "noreply@example.gov.cn", security: tlsOpportunistic}},

		{url: "", err: "scheme"},
		{url: "http://mail.example.gov.cn?from=noreply@example.gov.cn", err: "scheme"},
		{url: "smtps://mail.example.gov.cn?from=noreply@example.gov.cn", err: "scheme"},
		{url: "mail.example.gov.cn:25", err: "scheme"},
		{url: "smtp://?from=noreply@example.gov.cn", err: "missing host"},
		{url: "smtp:mail.example.gov.cn?from=noreply@example.gov.cn", err: "missing host"},
		{url: "smtp://mail.example.gov.cn", err: "missing from"},
		{url: "smtp://mail.example.gov.cn?from=noreply", err: "from"},
		{url: "smtp://mail.example.gov.cn?from=noreply@example.gov.cn&tls=ssl", err: "tls="},
		{url: "smtp://mail.example.gov.cn?from=noreply@example.gov.cn&tsl=none", err: `unknown parameter "tsl"`},
		{url: "smtp://mail.example.gov.cn:0?from=noreply@example.gov.cn", err: "port"},
		{url: "smtp://mail.example.gov.cn:70000?from=noreply@example.gov.cn", err: "port"},
		{url: "smtp://u:hunter2@mail.example.gov.cn:x25?from=noreply@example.gov.cn", err: "port"},
		{url: "smtp://u:hunter2@mail.example.gov.cn:25?from=noreply%ZZ", err: "smtp url"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			m, err := NewSMTPMailer(tt.url)
			if tt.err != "" {
				if err == nil {
					t.Fatalf("accepted: %+v", *m)
				}
				if !strings.Contains(err.Error(), tt.err) {
					t.Errorf("error %q does not mention %q", err, tt.err)
				}
				if strings.Contains(err.Error(), "hunter2") {
					t.Errorf("error repeats the password: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if *m != tt.want {
				t.Errorf("got %+v\nwant %+v", *m, tt.want)
			}
		})
	}
}
