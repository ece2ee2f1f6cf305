package evaluation

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// Session is a login: the SHA-256 of its bearer token, so that a leaked
// database does not leak usable tokens.
type Session struct {
	ID        int64
	TokenHash string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt *time.Time
}

// loginThrottle counts recent failed logins of one username.
type loginThrottle struct {
	Username        string `gorm:"primaryKey"`
	Failures        int
	WindowStartedAt time.Time
	LockedUntil     *time.Time
}

func (loginThrottle) TableName() string { return "login_throttles" }

// Login throttling: after MaxLoginFailures failures within LoginWindow, the
// username is refused for LoginLockout, whatever the password.
const (
	MaxLoginFailures = 5
	LoginWindow      = 15 * time.Minute
	LoginLockout     = 15 * time.Minute
)

// ErrBadCredentials is returned for an unknown user, a wrong password or a
// disabled account, without saying which.
var ErrBadCredentials = errors.New("evaluation: bad credentials")

// ErrUnauthenticated is returned for a missing, unknown, expired or revoked token.
var ErrUnauthenticated = errors.New("evaluation: not logged in")

// TooManyAttemptsError is returned while a username is locked out.
type TooManyAttemptsError struct{ RetryAfter time.Duration }

func (e *TooManyAttemptsError) Error() string {
	return fmt.Sprintf("evaluation: too many failed logins; retry after %s", e.RetryAfter)
}

// dummyHash (bcrypt at the default cost) is compared against when the user
// does not exist, so that a login takes as long for an unknown user as for a
// wrong password.
const dummyHash = "$2a$10$5a1FEcHjs1bsUbijp.xjSOfv8n04ezMm9zwG6c7t5UzCjt5DXbFz6"

// Login checks a username and password and returns a new bearer token.
func (s *Store) Login(ctx context.Context, username, password string) (string, *User, error) {
	now := s.Now()
	username = NormalizeUsername(username)
	var th loginThrottle
	err := s.read(ctx).Where("username = ?", throttleKey(username)).First(&th).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return "", nil, fmt.Errorf("login: %w", err)
	}
	if th.LockedUntil != nil && now.Before(*th.LockedUntil) {
		return "", nil, &TooManyAttemptsError{RetryAfter: th.LockedUntil.Sub(now).Round(time.Second)}
	}
	var u User
	// lower(): a user stored in mixed case before usernames were lower-cased
	// still logs in on SQLite (MariaDB's collation ignores case anyway).
	err = s.read(ctx).Where("lower(username) = ?", username).First(&u).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return "", nil, fmt.Errorf("login: %w", err)
	}
	hash := []byte(dummyHash)
	if err == nil {
		hash = []byte(u.PasswordHash)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || err != nil || u.Disabled {
		if ferr := s.recordLoginFailure(ctx, username, now); ferr != nil {
			return "", nil, ferr
		}
		return "", nil, ErrBadCredentials
	}
	token, err := newToken()
	if err != nil {
		return "", nil, err
	}
	err = s.write(ctx, ActorOf(&u), func(t *tx) error {
		sess := Session{TokenHash: tokenHash(token), UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(s.sessionTTL)}
		if err := t.Create(&sess).Error; err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		if err := t.Where("username = ?", throttleKey(username)).Delete(&loginThrottle{}).Error; err != nil {
			return fmt.Errorf("reset throttle: %w", err)
		}
		t.audit("auth.login", "user", u.ID, nil, map[string]any{"session_id": sess.ID, "expires_at": sess.ExpiresAt})
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	return token, &u, nil
}

// recordLoginFailure counts a failed login and locks the username once the
// failures in the window reach the limit. Failed logins are audited too.
func (s *Store) recordLoginFailure(ctx context.Context, username string, now time.Time) error {
	s.log.WarnContext(ctx, "failed login", "username", username)
	name := throttleKey(username)
	return s.write(ctx, Actor{Username: "anonymous"}, func(t *tx) error {
		var th loginThrottle
		err := t.forUpdate().Where("username = ?", name).First(&th).Error
		switch {
		case errors.Is(err, gorm.ErrRecordNotFound):
			th = loginThrottle{Username: name, WindowStartedAt: now}
		case err != nil:
			return fmt.Errorf("login throttle: %w", err)
		}
		if now.Sub(th.WindowStartedAt) > LoginWindow {
			th.Failures, th.WindowStartedAt, th.LockedUntil = 0, now, nil
		}
		th.Failures++
		locked := th.Failures >= MaxLoginFailures
		if locked {
			until := now.Add(LoginLockout)
			th.LockedUntil = &until
			th.Failures, th.WindowStartedAt = 0, now
		}
		// Save inserts or updates by primary key; a concurrent first failure
		// that inserted meanwhile makes this a duplicate, which is harmless.
		if err := t.Save(&th).Error; err != nil && !errors.Is(err, gorm.ErrDuplicatedKey) {
			return fmt.Errorf("login throttle: %w", err)
		}
		t.audit("auth.login_failed", "login", 0, nil, map[string]any{"username": name, "locked": locked})
		return nil
	})
}

// throttleKey is the username as the throttle table keys it (at most 64
// characters, like every real username).
func throttleKey(username string) string {
	if r, n := []rune(username), ColumnLimit("login_throttles.username"); len(r) > n {
		return string(r[:n])
	}
	return username
}

// Authenticate returns the user of a bearer token.
func (s *Store) Authenticate(ctx context.Context, token string) (*User, error) {
	if token == "" {
		return nil, ErrUnauthenticated
	}
	var u User
	err := s.read(ctx).Joins("JOIN sessions ON sessions.user_id = users.id").
		Where("sessions.token_hash = ? AND sessions.revoked_at IS NULL AND sessions.expires_at > ? AND users.disabled = ?",
			tokenHash(token), s.Now(), false).
		First(&u).Error
	if err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return nil, ErrUnauthenticated
		}
		return nil, fmt.Errorf("authenticate: %w", err)
	}
	return &u, nil
}

// Logout revokes a token.
func (s *Store) Logout(ctx context.Context, actor Actor, token string) error {
	return s.write(ctx, actor, func(t *tx) error {
		var sess Session
		err := t.Where("token_hash = ? AND revoked_at IS NULL", tokenHash(token)).First(&sess).Error
		if err != nil {
			return notFound(err, "session")
		}
		if err := t.Model(&sess).Update("revoked_at", t.now).Error; err != nil {
			return fmt.Errorf("revoke session: %w", err)
		}
		t.audit("auth.logout", "user", sess.UserID, nil, map[string]any{"session_id": sess.ID})
		return nil
	})
}

func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("new token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
