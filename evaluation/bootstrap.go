package evaluation

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
)

// FirstAdmin is the account made on first start.
const FirstAdmin = "admin"

// EnsureFirstAdmin creates the user "admin" when the database has no users
// yet: with password if given, else with a random one. It returns the
// password it set ("" when users already existed), so that the caller can
// print it once. There is no default password.
func (s *Store) EnsureFirstAdmin(ctx context.Context, password string) (string, error) {
	n, err := s.UserCount(ctx)
	if err != nil || n > 0 {
		return "", err
	}
	if password == "" {
		if password, err = RandomPassword(16); err != nil {
			return "", err
		}
	} else if err := CheckPassword(FirstAdmin, password); err != nil {
		var invalid *ValidationError
		errors.As(err, &invalid)
		return "", fmt.Errorf("the first admin's password (EVAL_ADMIN_PASSWORD) is refused: %s "+
			"(at least %d characters, at most %d bytes, not the username, not a common password)",
			invalid.Fields["password"], MinPasswordChars, MaxPasswordBytes)
	}
	var office *int64
	var o Org
	if err := s.read(ctx).Where("kind = ?", OrgOffice).Order("id").Take(&o).Error; err == nil {
		office = &o.ID
	}
	_, err = s.CreateUser(ctx, System, UserRequest{Username: FirstAdmin, Password: password,
		DisplayName: "系统管理员", Role: RoleAdmin, OrgID: office})
	if err != nil {
		return "", fmt.Errorf("first admin: %w", err)
	}
	return password, nil
}

// RandomPassword returns a password of n characters from an alphabet
// without look-alike characters.
func RandomPassword(n int) (string, error) {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	b := make([]byte, n)
	for i := range b {
		k, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			return "", fmt.Errorf("random password: %w", err)
		}
		b[i] = alphabet[k.Int64()]
	}
	return string(b), nil
}
