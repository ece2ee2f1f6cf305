// Package mail sends the e-mail copies of notifications through an SMTP server.
package mail

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Message is one message: plain text, Chinese subject and body.
type Message struct {
	To      []string // bare addresses, e.g. "zhang@example.gov.cn"
	Subject string
	Body    string
}

// mailFromName is the display name of every message's From.
const mailFromName = "专项改革方案第三方评估平台"

// defaultMailTimeout bounds each step of an SMTP exchange (connecting, each
// command) when the caller's context sets no earlier deadline.
const defaultMailTimeout = 30 * time.Second

// mailTLS is how the connection to the SMTP server is protected.
type mailTLS int

const (
	// tlsOpportunistic uses STARTTLS when the server offers it.
	tlsOpportunistic mailTLS = iota
	// tlsStartTLS requires STARTTLS.
	tlsStartTLS
	// tlsImplicit speaks TLS from the first byte (smtps).
	tlsImplicit
	// tlsNone never encrypts, e.g. for a relay on the same host.
	tlsNone
)

// SMTPMailer sends through an SMTP server configured by a URL:
//
//	smtp://user:pass@host:port?from=noreply@example.gov.cn&tls=starttls|tls|none
//
// user and pass are optional. Without tls, STARTTLS is used when the server
// offers it (opportunistic), or required when a password is given, so that a
// password never crosses the network in clear unless tls=none says so;
// tls=starttls requires STARTTLS; tls=tls is implicit TLS (smtps); tls=none
// is plain, e.g. for a local relay. The port defaults to 465 for tls=tls,
// 25 for tls=none and 587 otherwise.
//
// It is built on github.com/wneessen/go-mail (v0.8.1: v0.8.2 needs a newer
// Go than the project's), which encodes UTF-8 headers per RFC 2047, writes
// MIME bodies and handles STARTTLS and SMTP AUTH correctly, all of which
// net/smtp leaves to its caller. Each Send opens its own connection, so an
// SMTPMailer is safe for concurrent use.
type SMTPMailer struct {
	host     string
	port     int
	user     string
	pass     string
	hasAuth  bool
	from     string // bare address
	security mailTLS
	rootCAs  *x509.CertPool // nil: the system's; tests trust their own
}

// NewSMTPMailer parses an SMTP URL (see SMTPMailer). A bad URL (scheme,
// missing host or from, unknown parameter) is an error naming the problem;
// the error never repeats the password.
func NewSMTPMailer(rawURL string) (*SMTPMailer, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		// url.Error repeats the whole URL, password included; keep only the cause.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("evaluation: smtp url: %w", err)
	}
	if u.Scheme != "smtp" {
		return nil, fmt.Errorf("evaluation: smtp url: scheme %q, want smtp", u.Scheme)
	}
	if u.Opaque != "" || u.Hostname() == "" {
		return nil, errors.New("evaluation: smtp url: missing host (smtp://host:port?from=…)")
	}
	m := &SMTPMailer{host: u.Hostname()}
	if u.User != nil {
		m.user = u.User.Username()
		m.pass, _ = u.User.Password()
		m.hasAuth = m.user != ""
	}

	q := u.Query()
	for k := range q {
		if k != "from" && k != "tls" {
			return nil, fmt.Errorf("evaluation: smtp url: unknown parameter %q (want from and tls)", k)
		}
	}
	from := q.Get("from")
	if from == "" {
		return nil, errors.New("evaluation: smtp url: missing from=address")
	}
	addr, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("evaluation: smtp url: from %q: %w", from, err)
	}
	m.from = addr.Address

	defaultPort := 587
	switch t := q.Get("tls"); t {
	case "":
		m.security = tlsOpportunistic
		if m.hasAuth {
			m.security = tlsStartTLS
		}
	case "starttls":
		m.security = tlsStartTLS
	case "tls":
		m.security, defaultPort = tlsImplicit, 465
	case "none":
		m.security, defaultPort = tlsNone, 25
	default:
		return nil, fmt.Errorf("evaluation: smtp url: tls=%q, want starttls, tls or none", t)
	}
	m.port = defaultPort
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return nil, fmt.Errorf("evaluation: smtp url: bad port %q", p)
		}
		m.port = n
	}
	return m, nil
}

// Send delivers msg to every address in msg.To over a new connection. It
// gives up when ctx is done: the deadline bounds every step, and
// cancellation closes the connection at once.
func (m *SMTPMailer) Send(ctx context.Context, msg Message) error {
	if len(msg.To) == 0 {
		return errors.New("evaluation: send mail: no recipient")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("evaluation: send mail: %w", err)
	}
	gm, err := m.message(msg)
	if err != nil {
		return fmt.Errorf("evaluation: send mail: %w", err)
	}
	client, stop, err := m.client(ctx)
	if err != nil {
		return fmt.Errorf("evaluation: send mail: %w", err)
	}
	defer stop()
	if err := client.DialAndSendWithContext(ctx, gm); err != nil {
		if ctxErr := contextEnded(ctx); ctxErr != nil {
			return fmt.Errorf("evaluation: send mail: %w: %w", ctxErr, err)
		}
		return fmt.Errorf("evaluation: send mail: %w", err)
	}
	return nil
}

// contextEnded returns why ctx is over, or nil. The connection's deadline,
// taken from ctx, may expire a moment before ctx itself reports it.
func contextEnded(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d, ok := ctx.Deadline(); ok && !time.Now().Before(d) {
		return context.DeadlineExceeded
	}
	return nil
}

// message builds the MIME message: UTF-8 throughout, RFC 2047 encoded
// subject and sender name. The body is base64, not quoted-printable: for
// Chinese text it is less than half the size (4 bytes for each 3 instead of
// 9).
func (m *SMTPMailer) message(msg Message) (*gomail.Msg, error) {
	gm := gomail.NewMsg(gomail.WithEncoding(gomail.EncodingB64), gomail.WithNoDefaultUserAgent())
	if err := gm.FromFormat(mailFromName, m.from); err != nil {
		return nil, fmt.Errorf("from: %w", err)
	}
	if err := gm.To(msg.To...); err != nil {
		return nil, fmt.Errorf("to: %w", err)
	}
	// A subject is one line; line breaks from a finding's title become spaces.
	gm.Subject(strings.Join(strings.Fields(msg.Subject), " "))
	gm.SetDate()
	// The sender's domain, not this host's name (a container's is random),
	// makes the Message-ID globally unique in the way RFC 5322 intends.
	_, domain, _ := strings.Cut(m.from, "@")
	gm.SetMessageIDWithValue(rand.Text() + "@" + domain)
	// RFC 3834: tells auto-responders not to answer a notification.
	gm.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	// Text is encoded in its canonical form, lines ending in CRLF (RFC 2046).
	body := strings.ReplaceAll(strings.ReplaceAll(msg.Body, "\r\n", "\n"), "\n", "\r\n")
	gm.SetBodyString(gomail.TypeTextPlain, body)
	return gm, nil
}

// client returns a go-mail client for one Send bound to ctx, and a function
// that releases the binding and closes the connection.
func (m *SMTPMailer) client(ctx context.Context) (*gomail.Client, func(), error) {
	timeout := defaultMailTimeout
	if d, ok := ctx.Deadline(); ok {
		if left := time.Until(d); left < timeout {
			timeout = max(left, time.Millisecond)
		}
	}
	tlsConfig := &tls.Config{ServerName: m.host, MinVersion: tls.VersionTLS12, RootCAs: m.rootCAs}
	stop := func() {}
	// go-mail dials with a context that ends once the greeting is read and
	// then relies on connection deadlines; closing the connection when ctx
	// is done makes cancellation, too, stop a slow server at once.
	dial := func(dialCtx context.Context, network, addr string) (net.Conn, error) {
		var conn net.Conn
		var err error
		if m.security == tlsImplicit {
			d := &tls.Dialer{Config: tlsConfig}
			conn, err = d.DialContext(dialCtx, network, addr)
		} else {
			var d net.Dialer
			conn, err = d.DialContext(dialCtx, network, addr)
		}
		if err != nil {
			return nil, err
		}
		release := context.AfterFunc(ctx, func() { _ = conn.Close() })
		// go-mail leaves the connection open when the exchange fails
		// before QUIT; closing it again after QUIT is harmless.
		stop = func() { release(); _ = conn.Close() }
		return conn, nil
	}
	opts := []gomail.Option{
		gomail.WithPort(m.port),
		gomail.WithTimeout(timeout),
		gomail.WithTLSConfig(tlsConfig),
		gomail.WithDialContextFunc(dial),
	}
	switch m.security {
	case tlsOpportunistic:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	case tlsStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case tlsImplicit:
		// The dialer above speaks TLS; WithSSL keeps go-mail from also
		// trying STARTTLS.
		opts = append(opts, gomail.WithSSL())
	case tlsNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	}
	if m.hasAuth {
		// Challenge-response mechanisms first, as they never send the
		// password itself; then PLAIN and LOGIN, which go-mail sends only
		// over TLS unless tls=none allowed clear text.
		mechs := []gomail.SMTPAuthType{gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1,
			gomail.SMTPAuthPlain, gomail.SMTPAuthLogin}
		if m.security == tlsNone {
			mechs = []gomail.SMTPAuthType{gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1,
				gomail.SMTPAuthPlainNoEnc, gomail.SMTPAuthLoginNoEnc}
		}
		opts = append(opts, gomail.WithUsername(m.user), gomail.WithPassword(m.pass),
			gomail.WithOpportunisticSMTPAuth(mechs...))
	}
	client, err := gomail.NewClient(m.host, opts...)
	if err != nil {
		return nil, nil, err
	}
	return client, func() { stop() }, nil
}
