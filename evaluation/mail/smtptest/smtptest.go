// Package smtptest runs a real SMTP server (github.com/emersion/go-smtp) on
// 127.0.0.1 for tests, recording the messages it receives.
package smtptest

import (
	"crypto/tls"
	"io"
	"log"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Received is one message as the test SMTP server got it.
type Received struct {
	From string
	To   []string
	Data []byte
	TLS  bool
	User string // who authenticated, "" for nobody
}

// Server is a real SMTP server (go-smtp) on 127.0.0.1 that records what it
// receives.
type Server struct {
	Addr string // host:port

	// Set before the first connection.
	user, pass string // when set, AUTH PLAIN is required before MAIL
	refuse     string // a recipient refused with 550

	mu           sync.Mutex
	msgs         []Received
	authAttempts int
}

// Options choose how the test server protects connections.
type Options struct {
	StartTLS *tls.Config // offer STARTTLS with this configuration
	Implicit *tls.Config // speak TLS from the first byte
	User     string      // when set, AUTH PLAIN is required before MAIL
	Pass     string
	Refuse   string // a recipient refused with 550
}

// Start runs a test SMTP server until the test ends.
func Start(t testing.TB, o Options) *Server {
	t.Helper()
	ts := &Server{user: o.User, pass: o.Pass, refuse: o.Refuse}
	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{srv: ts, conn: c}, nil
	}))
	s.Domain = "mx.test"
	s.AllowInsecureAuth = true // AUTH PLAIN without TLS, as tls=none allows
	s.TLSConfig = o.StartTLS
	s.ReadTimeout = 10 * time.Second
	s.WriteTimeout = 10 * time.Second
	s.ErrorLog = log.New(io.Discard, "", 0)

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if o.Implicit != nil {
		l = tls.NewListener(l, o.Implicit)
	}
	ts.Addr = l.Addr().String()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = s.Serve(l)
	}()
	t.Cleanup(func() {
		_ = s.Close()
		<-done
	})
	return ts
}

// Messages returns what the server has received so far.
func (ts *Server) Messages() []Received {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]Received(nil), ts.msgs...)
}

// Auths returns how many AUTH exchanges clients started.
func (ts *Server) Auths() int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.authAttempts
}

// session is one SMTP session of Server.
type session struct {
	srv  *Server
	conn *smtp.Conn
	user string
	from string
	to   []string
}

var _ smtp.AuthSession = (*session)(nil)

func (s *session) AuthMechanisms() []string {
	if s.srv.user == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *session) Auth(mech string) (sasl.Server, error) {
	s.srv.mu.Lock()
	s.srv.authAttempts++
	s.srv.mu.Unlock()
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != s.srv.user || password != s.srv.pass {
			return smtp.ErrAuthFailed
		}
		s.user = username
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	if s.srv.user != "" && s.user == "" {
		return smtp.ErrAuthRequired
	}
	s.from = from
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if to == s.srv.refuse {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox"}
	}
	s.to = append(s.to, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	_, isTLS := s.conn.TLSConnectionState()
	s.srv.mu.Lock()
	s.srv.msgs = append(s.srv.msgs, Received{From: s.from, To: s.to, Data: data, TLS: isTLS, User: s.user})
	s.srv.mu.Unlock()
	return nil
}

func (s *session) Reset() { s.from, s.to = "", nil }

func (s *session) Logout() error { return nil }
