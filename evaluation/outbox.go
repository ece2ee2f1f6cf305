package evaluation

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Mailer sends e-mail; cmd/evald wires in the SMTP mailer of package
// evaluation/mail, so the domain does not depend on an SMTP client.
type Mailer interface {
	Send(ctx context.Context, msg Mail) error
}

// Mail is one message: plain text, Chinese subject and body.
type Mail struct {
	To      []string // bare addresses, e.g. "zhang@example.gov.cn"
	Subject string
	Body    string
}

// MailerFunc is a function that sends e-mail, as a Mailer.
type MailerFunc func(ctx context.Context, msg Mail) error

// Send calls f.
func (f MailerFunc) Send(ctx context.Context, msg Mail) error { return f(ctx, msg) }

// EmailWindow is how old a notification may be and still be e-mailed; older
// ones (say, from before the user gave an address) are not sent late.
const EmailWindow = 72 * time.Hour

// SendPendingEmails sends e-mail copies of notifications to their readers
// who have an address, at most limit of them. Each is claimed before it is
// sent, so that several replicas never send one twice; a failed send is
// released to be tried again. It returns how many were sent.
func (s *Store) SendPendingEmails(ctx context.Context, m Mailer, limit int) (int, error) {
	type pending struct {
		Notification
		Email string
	}
	var rows []pending
	err := s.read(ctx).Table("notifications").Select("notifications.*, users.email").
		Joins("JOIN users ON users.id = notifications.user_id").
		Where("notifications.emailed_at IS NULL AND users.email <> '' AND users.disabled = ? AND notifications.created_at > ?",
			false, s.Now().Add(-EmailWindow)).
		Order("notifications.id").Limit(limit).Find(&rows).Error
	if err != nil {
		return 0, fmt.Errorf("outbox: %w", err)
	}
	sent := 0
	var errs []error
	for _, n := range rows {
		claimed := false
		err := s.write(ctx, System, func(t *tx) error {
			res := t.Model(&Notification{}).Where("id = ? AND emailed_at IS NULL", n.ID).Update("emailed_at", t.now)
			if res.Error != nil {
				return fmt.Errorf("outbox claim: %w", res.Error)
			}
			if claimed = res.RowsAffected == 1; claimed {
				t.audit("notification.email", "notification", n.ID, nil, map[string]any{"to": n.Email})
			}
			return nil
		})
		if err != nil {
			return sent, err
		}
		if !claimed {
			continue // another replica has it
		}
		mail := Mail{To: []string{n.Email}, Subject: n.Title, Body: n.Body + "\n\n（本邮件由专项改革方案第三方评估平台自动发送，请登录平台查看详情。）"}
		if err := m.Send(ctx, mail); err != nil {
			errs = append(errs, fmt.Errorf("e-mail notification %d: %w", n.ID, err))
			if rerr := s.write(ctx, System, func(t *tx) error {
				t.audit("notification.email_failed", "notification", n.ID, nil, map[string]any{"error": err.Error()})
				return t.Model(&Notification{}).Where("id = ?", n.ID).Update("emailed_at", nil).Error
			}); rerr != nil {
				errs = append(errs, rerr)
			}
			continue
		}
		sent++
	}
	return sent, errors.Join(errs...)
}
