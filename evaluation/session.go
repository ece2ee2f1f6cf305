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

// ErrBadCredentials is returned for an unknown user, a wrong password or a
// disabled account, without saying which.
var ErrBadCredentials = errors.New("evaluation: bad credentials")

// ErrUnauthenticated is returned for a missing, unknown, expired or revoked token.
var ErrUnauthenticated = errors.New("evaluation: not logged in")

// dummyHash (bcrypt at the default cost) is compared against when the user
// does not exist, so that a login takes as long for an unknown user as for a
// wrong password; a store with another cost makes its own (Store.dummyHash).
const dummyHash = "$2a$10$5a1FEcHjs1bsUbijp.xjSOfv8n04ezMm9zwG6c7t5UzCjt5DXbFz6"

// Login checks a username and password sent from a client address and
// returns a new bearer token. The attempt is counted against the throttles
// before the password is looked at (login_throttle.go), so a throttled
// attempt is refused with *TooManyAttemptsError whatever its password.
func (s *Store) Login(ctx context.Context, username, password, address string) (string, *User, error) {
	username = NormalizeUsername(username)
	var u User
	// lower(): a user stored in mixed case before usernames were lower-cased
	// still logs in on SQLite (MariaDB's collation ignores case anyway).
	err := s.read(ctx).Where("lower(username) = ?", username).First(&u).Error
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return "", nil, fmt.Errorf("login: %w", err)
	}
	found := err == nil
	var known *User
	if found {
		known = &u
	}
	name, addr := loginThrottleKeys(username, known, address)
	if name == "" {
		return "", nil, ErrBadCredentials // nobody's name; nothing to check
	}
	hold, err := s.reserveLoginAttempt(ctx, name, addr)
	if err != nil {
		var tooMany *TooManyAttemptsError
		if errors.As(err, &tooMany) {
			s.log.WarnContext(ctx, "login throttled", "username", name, "address", addr, "retry_after", tooMany.RetryAfter)
		}
		return "", nil, err
	}
	hash := s.dummyHash
	if found {
		hash = []byte(u.PasswordHash)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || !found || u.Disabled {
		if ferr := s.recordLoginFailure(ctx, username, hold); ferr != nil {
			return "", nil, ferr
		}
		return "", nil, ErrBadCredentials
	}
	token, err := newToken()
	if err != nil {
		return "", nil, err
	}
	err = s.write(ctx, ActorOf(&u), func(t *tx) error {
		sess := Session{TokenHash: tokenHash(token), UserID: u.ID, CreatedAt: t.now, ExpiresAt: t.now.Add(s.sessionTTL)}
		if err := t.Create(&sess).Error; err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		if err := hold.release(t); err != nil {
			return err
		}
		t.audit("auth.login", "user", u.ID, nil, map[string]any{"session_id": sess.ID, "expires_at": sess.ExpiresAt})
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	return token, &u, nil
}

// recordLoginFailure logs and audits a failed login; the attempt was
// counted already when it was reserved.
func (s *Store) recordLoginFailure(ctx context.Context, username string, hold *loginHold) error {
	if r := []rune(username); len(r) > 64 {
		username = string(r[:64]) // as long as any real username
	}
	s.log.WarnContext(ctx, "failed login", "username", username, "address", hold.address)
	return s.write(ctx, Actor{Username: "anonymous"}, func(t *tx) error {
		t.audit("auth.login_failed", "login", 0, nil, map[string]any{"username": username,
			"address": hold.address, "locked": hold.lastAllowed})
		return nil
	})
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
