package evaluation_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"mime"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
	evalmail "github.com/evald/evald/evaluation/mail"
	"github.com/evald/evald/evaluation/mail/smtptest"
)

// smtpMailer is the SMTP mailer of package evaluation/mail as the store's
// Mailer, wired as cmd/evald does.
func smtpMailer(t *testing.T, rawURL string) evaluation.Mailer {
	t.Helper()
	m, err := evalmail.NewSMTPMailer(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	return evaluation.MailerFunc(func(ctx context.Context, msg evaluation.Mail) error {
		return m.Send(ctx, evalmail.Message(msg))
	})
}

func TestNotificationsAreEmailedOnce(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		ctx := context.Background()
		addr := "finance@cdcz.example.gov.cn"
		if _, err := w.Store.UpdateUser(ctx, w.AdminActor(), w.DeptFinance.ID, evaluation.UserPatch{Email: &addr}); err != nil {
			t.Fatal(err)
		}
		srv := smtptest.Start(t, smtptest.Options{})
		mailer := smtpMailer(t, "smtp://"+srv.Addr+"?from=noreply@pinggu.example.gov.cn&tls=none")
		w.PublishRound() // notifies finance, assets (no address) and nobody else
		sent, err := w.Store.SendPendingEmails(ctx, mailer, 100)
		if err != nil || sent != 1 {
			t.Fatalf("sent %d, %v; want the one to finance", sent, err)
		}
		msgs := srv.Messages()
		if len(msgs) != 1 || len(msgs[0].To) != 1 || msgs[0].To[0] != addr {
			t.Fatalf("delivered: %+v", msgs)
		}
		m, err := mail.ReadMessage(bytes.NewReader(msgs[0].Data))
		if err != nil {
			t.Fatal(err)
		}
		subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
		if err != nil || subject != "评估问题已发布："+w.Round.Name {
			t.Fatalf("subject %q, %v", subject, err)
		}
		body, err := io.ReadAll(m.Body)
		if err == nil && strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "base64") {
			body, err = io.ReadAll(base64.NewDecoder(base64.StdEncoding, bytes.NewReader(body)))
		}
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(body), "2个问题需要整改") {
			t.Fatalf("body: %s", body)
		}
		// Nothing is sent twice.
		if sent, err := w.Store.SendPendingEmails(ctx, mailer, 100); err != nil || sent != 0 {
			t.Fatalf("second run sent %d, %v", sent, err)
		}
		// A failed send is retried later.
		srv2 := smtptest.Start(t, smtptest.Options{Refuse: addr})
		bad := smtpMailer(t, "smtp://"+srv2.Addr+"?from=noreply@pinggu.example.gov.cn&tls=none")
		env.Clock.Advance(time.Hour)
		if _, err := w.Store.Remind(ctx, w.AdminActor(), w.Round.ID, evaluation.RemindRequest{}); err != nil {
			t.Fatal(err)
		}
		if sent, err := w.Store.SendPendingEmails(ctx, bad, 100); err == nil || sent != 0 {
			t.Fatalf("refused recipient: sent %d, %v", sent, err)
		}
		if sent, err := w.Store.SendPendingEmails(ctx, mailer, 100); err != nil || sent != 1 {
			t.Fatalf("retry: sent %d, %v", sent, err)
		}
		if _, err := w.Store.VerifyAudit(ctx); err != nil {
			t.Fatal(err)
		}
	})
}
