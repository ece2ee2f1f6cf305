package evaluation

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Login throttling (API.md "Security"): within LoginWindow from its first
// failure, one client address may fail MaxLoginFailures times for one
// username and MaxAddressFailures times across usernames; further attempts
// are refused until the window ends, without checking the password. The
// counters are per address, so failures from one address never lock the
// account for another (OWASP's advice against lock-out as denial of service),
// and they live in the database, so that every replica sees them.
const (
	MaxLoginFailures   = 5
	MaxAddressFailures = 20
	LoginWindow        = 15 * time.Minute
)

// LoginThrottle is one counter of failed logins: of Username from Address,
// or, with Username "", of every username from Address.
type LoginThrottle struct {
	ID              int64     `json:"id"`
	Username        string    `json:"username"` // "" for the address's count across usernames
	Address         string    `json:"address"`
	Failures        int       `json:"failures"`
	WindowStartedAt time.Time `json:"window_started_at"`
	// BlockedUntil is when the window ends, while the counter is at its
	// limit; null while attempts are still allowed.
	BlockedUntil *time.Time `json:"blocked_until" gorm:"-"`
}

// TableName is the counters' table.
func (LoginThrottle) TableName() string { return "login_throttles" }

// limit is the most failures the counter allows in a window.
func (th *LoginThrottle) limit() int {
	if th.Username == "" {
		return MaxAddressFailures
	}
	return MaxLoginFailures
}

// windowEnd is when the counter's window closes.
func (th *LoginThrottle) windowEnd() time.Time { return th.WindowStartedAt.Add(LoginWindow) }

// TooManyAttemptsError is returned for a login attempt refused by a throttle.
type TooManyAttemptsError struct{ RetryAfter time.Duration }

func (e *TooManyAttemptsError) Error() string {
	return fmt.Sprintf("evaluation: too many failed logins; retry after %s", e.RetryAfter)
}

// loginHold is an attempt counted against both throttles of a login, until
// the password proves right and release gives it back.
type loginHold struct {
	username, address string // the counters' keys
	perAddress        LoginThrottle
	perUser           LoginThrottle
	lastAllowed       bool // this attempt brought a counter to its limit
}

// errThrottleGone says a counter was deleted (cleared or pruned) between
// its creation and its use; the reservation starts again.
var errThrottleGone = errors.New("evaluation: login throttle row gone")

// reserveLoginAttempt counts an attempt against the address's counter and
// the username's counter at that address, in one transaction that holds
// both rows locked, or refuses it when either is at its limit. Of any number
// of concurrent attempts only as many as the limits allow get through.
func (s *Store) reserveLoginAttempt(ctx context.Context, username, address string) (*loginHold, error) {
	for attempt := 0; ; attempt++ {
		if err := s.ensureThrottles(ctx, username, address); err != nil {
			return nil, err
		}
		hold, err := s.takeLoginAttempt(ctx, username, address)
		if errors.Is(err, errThrottleGone) && attempt < 3 {
			continue
		}
		return hold, err
	}
}

// ensureThrottles creates the two counters unless they exist, each
// statement on its own: concurrent creators then only wait for each other,
// where creating them inside the locking transaction could deadlock on MySQL.
func (s *Store) ensureThrottles(ctx context.Context, username, address string) error {
	insert := "INSERT OR IGNORE INTO"
	if s.db.Dialect == MySQL {
		insert = "INSERT IGNORE INTO"
	}
	now := s.Now()
	stmt := insert + " login_throttles (username, address, failures, window_started_at) VALUES (?, ?, 0, ?), (?, ?, 0, ?)"
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		if err = s.read(ctx).Exec(stmt, "", address, now, username, address, now).Error; !isRetryable(err) {
			break
		}
		time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("login throttle: %w", err)
	}
	return nil
}

// takeLoginAttempt is the locking half of reserveLoginAttempt.
func (s *Store) takeLoginAttempt(ctx context.Context, username, address string) (*loginHold, error) {
	hold := &loginHold{username: username, address: address}
	err := s.write(ctx, Actor{Username: "anonymous"}, func(t *tx) error {
		// The address's row ("") sorts first: every attempt locks the two
		// rows in the same order.
		var rows []LoginThrottle
		if err := t.forUpdate().Where("address = ? AND username IN ?", address, []string{"", username}).
			Order("username").Find(&rows).Error; err != nil {
			return fmt.Errorf("login throttle: %w", err)
		}
		if len(rows) != 2 {
			return errThrottleGone
		}
		var blockedUntil time.Time
		for i := range rows {
			th := &rows[i]
			if !t.now.Before(th.windowEnd()) {
				th.Failures, th.WindowStartedAt = 0, t.now
			}
			if th.Failures >= th.limit() && th.windowEnd().After(blockedUntil) {
				blockedUntil = th.windowEnd()
			}
		}
		if !blockedUntil.IsZero() {
			return &TooManyAttemptsError{RetryAfter: blockedUntil.Sub(t.now)}
		}
		for i := range rows {
			th := &rows[i]
			th.Failures++
			hold.lastAllowed = hold.lastAllowed || th.Failures == th.limit()
			err := t.Model(th).Updates(map[string]any{"failures": th.Failures, "window_started_at": th.WindowStartedAt}).Error
			if err != nil {
				return fmt.Errorf("login throttle: %w", err)
			}
		}
		hold.perAddress, hold.perUser = rows[0], rows[1]
		return nil
	})
	if err != nil {
		return nil, err
	}
	return hold, nil
}

// release gives a successful attempt back: the address's counter forgets it
// (if its window is still the same), and the username's counter at the
// address starts again from zero.
func (h *loginHold) release(t *tx) error {
	err := t.Model(&LoginThrottle{}).
		Where("id = ? AND failures > 0 AND window_started_at = ?", h.perAddress.ID, h.perAddress.WindowStartedAt).
		Update("failures", gorm.Expr("failures - 1")).Error
	if err != nil {
		return fmt.Errorf("release login throttle: %w", err)
	}
	if err := t.Model(&LoginThrottle{}).Where("id = ?", h.perUser.ID).Update("failures", 0).Error; err != nil {
		return fmt.Errorf("release login throttle: %w", err)
	}
	return nil
}

// loginThrottleKeys returns the username and address as the counters key
// them. A username that belongs to a user is that user's (so that every
// spelling the database matches to it shares its counter); any other is
// lower-cased, with characters outside printable ASCII escaped, so that no
// collation can equate two keys the code tells apart. Both are cut to the
// columns' 64 characters.
func loginThrottleKeys(username string, u *User, address string) (string, string) {
	name := strings.TrimSpace(username)
	if u != nil {
		name = u.Username
	}
	name = strings.ToLower(name)
	if q := strconv.QuoteToASCII(name); q[1:len(q)-1] != name {
		name = q[1 : len(q)-1]
	}
	if address = strings.TrimSpace(address); address == "" {
		address = "unknown"
	}
	return cut(name, 64), cut(address, 64)
}

// cut returns s shortened to at most n bytes of ASCII (keys are ASCII).
func cut(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// LoginThrottles lists the counters that hold failures in their current
// window, those at their limit first.
func (s *Store) LoginThrottles(ctx context.Context, p Page) (List[LoginThrottle], error) {
	now := s.Now()
	q := s.read(ctx).Model(&LoginThrottle{}).Where("failures > 0 AND window_started_at > ?", now.Add(-LoginWindow))
	list, err := paginate[LoginThrottle](q, p, "window_started_at DESC, id DESC")
	if err != nil {
		return list, err
	}
	for i := range list.Items {
		th := &list.Items[i]
		if th.Failures >= th.limit() {
			end := th.windowEnd()
			th.BlockedUntil = &end
		}
	}
	return list, nil
}

// ClearLoginThrottle deletes a counter, so that its username and address
// (or its address) may try again at once.
func (s *Store) ClearLoginThrottle(ctx context.Context, actor Actor, id int64) error {
	return s.write(ctx, actor, func(t *tx) error {
		var th LoginThrottle
		if err := t.forUpdate().First(&th, id).Error; err != nil {
			return notFound(err, "login throttle")
		}
		if err := t.Delete(&th).Error; err != nil {
			return fmt.Errorf("clear login throttle: %w", err)
		}
		t.audit("login_throttle.clear", "login_throttle", th.ID, th, nil)
		return nil
	})
}

// PruneLoginThrottles deletes the counters whose window ended, and returns
// how many; the serving process runs it with its hourly sweep.
func (s *Store) PruneLoginThrottles(ctx context.Context) (int64, error) {
	res := s.read(ctx).Where("window_started_at <= ?", s.Now().Add(-LoginWindow)).Delete(&LoginThrottle{})
	if res.Error != nil {
		return 0, fmt.Errorf("prune login throttles: %w", res.Error)
	}
	return res.RowsAffected, nil
}
