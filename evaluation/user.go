package evaluation

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// User is a person who logs in. The password is kept only as a bcrypt hash
// and never leaves the store.
type User struct {
	ID           int64     `json:"id"`
	Username     string    `json:"username"`
	DisplayName  string    `json:"display_name"`
	Role         Role      `json:"role"`
	OrgID        *int64    `json:"org_id"`
	Email        string    `json:"email"` // for e-mail copies of notifications; may be empty
	PasswordHash string    `json:"-"`
	Disabled     bool      `json:"disabled"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// UserRequest creates a user.
type UserRequest struct {
	Username    string `json:"username" validate:"required,col=users.username"`
	Password    string `json:"password" validate:"required" text:"verbatim"` // CheckPassword's rules
	DisplayName string `json:"display_name" validate:"required,col=users.display_name"`
	Role        Role   `json:"role" validate:"required,oneof=admin evaluator department viewer"`
	OrgID       *int64 `json:"org_id"`
	Email       string `json:"email" validate:"omitempty,email,col=users.email"`
}

// UserPatch changes a user; nil fields stay as they are.
type UserPatch struct {
	Password    *string `json:"password" text:"verbatim"` // CheckPassword's rules
	DisplayName *string `json:"display_name" validate:"omitnil,min=1,col=users.display_name"`
	Role        *Role   `json:"role" validate:"omitempty,oneof=admin evaluator department viewer"`
	OrgID       *int64  `json:"org_id"`
	Disabled    *bool   `json:"disabled"`
	Email       *string `json:"email" validate:"omitnil,col=users.email"` // "" clears it; checked in UpdateUser
}

// Patch applies the changes except the password, which needs hashing.
func (p UserPatch) Patch(u *User) {
	if p.DisplayName != nil {
		u.DisplayName = *p.DisplayName
	}
	if p.Role != nil {
		u.Role = *p.Role
	}
	if p.OrgID != nil {
		u.OrgID = p.OrgID
	}
	if p.Disabled != nil {
		u.Disabled = *p.Disabled
	}
	if p.Email != nil {
		u.Email = *p.Email
	}
}

// errUsernameTaken answers a username another user has (ignoring case).
var errUsernameTaken = Invalid("username", "用户名已被使用")

var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.@-]{1,63}$`)

// checkUserOrg enforces that evaluators belong to an agency and department
// users to a department.
func checkUserOrg(t *gorm.DB, u *User) error {
	want := map[Role]OrgKind{RoleEvaluator: OrgAgency, RoleDepartment: OrgDepartment}[u.Role]
	if u.OrgID == nil {
		if want != "" {
			return Invalid("org_id", "评估人员须属于评估机构，部门用户须属于部门：请选择所属单位")
		}
		return nil
	}
	var o Org
	if err := t.First(&o, *u.OrgID).Error; err != nil {
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return Invalid("org_id", "所属单位不存在")
		}
		return fmt.Errorf("user org: %w", err)
	}
	if want != "" && o.Kind != want {
		return Invalid("org_id", map[OrgKind]string{OrgAgency: "评估人员须属于评估机构", OrgDepartment: "部门用户须属于部门"}[want])
	}
	return nil
}

// hashPassword hashes a password with bcrypt at the store's cost.
func (s *Store) hashPassword(pw string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(pw), s.bcryptCost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(h), nil
}

// CreateUser adds a user.
func (s *Store) CreateUser(ctx context.Context, actor Actor, req UserRequest) (*User, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	req.Username = NormalizeUsername(req.Username)
	if !usernamePattern.MatchString(req.Username) {
		return nil, Invalid("username", "用户名须为2到64个字母、数字或 _ . @ -，以字母或数字开头")
	}
	if err := CheckPassword(req.Username, req.Password); err != nil {
		return nil, err
	}
	hash, err := s.hashPassword(req.Password)
	if err != nil {
		return nil, err
	}
	u := &User{Username: req.Username, DisplayName: req.DisplayName, Role: req.Role, OrgID: req.OrgID, Email: req.Email, PasswordHash: hash}
	err = s.write(ctx, actor, func(t *tx) error {
		if err := checkUserOrg(t.DB, u); err != nil {
			return err
		}
		dup, err := taken(t.DB, &User{}, "username", u.Username, 0)
		if err != nil {
			return err
		}
		if dup {
			return errUsernameTaken
		}
		if err := t.Create(u).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return errUsernameTaken
			}
			return fmt.Errorf("create user: %w", err)
		}
		t.audit("user.create", "user", u.ID, nil, u)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// User returns one user.
func (s *Store) User(ctx context.Context, id int64) (*User, error) {
	var u User
	if err := s.read(ctx).First(&u, id).Error; err != nil {
		return nil, notFound(err, "user")
	}
	return &u, nil
}

// UserFilter narrows the list of users.
type UserFilter struct {
	Role  Role
	OrgID int64
	Q     string // part of the username or display name
	Page  Page
}

// Users lists users.
func (s *Store) Users(ctx context.Context, f UserFilter) (List[User], error) {
	q := s.read(ctx).Model(&User{})
	if f.Role != "" {
		q = q.Where("role = ?", f.Role)
	}
	if f.OrgID != 0 {
		q = q.Where("org_id = ?", f.OrgID)
	}
	if f.Q != "" {
		c1, p := contains("username", f.Q)
		c2, _ := contains("display_name", f.Q)
		q = q.Where(c1+" OR "+c2, p, p)
	}
	return paginate[User](q, f.Page, "id")
}

// UpdateUser changes a user. A new password or disabling the user ends their
// sessions.
func (s *Store) UpdateUser(ctx context.Context, actor Actor, id int64, p UserPatch) (*User, error) {
	if err := s.checker.check(&p); err != nil {
		return nil, err
	}
	if p.Email != nil && *p.Email != "" && s.checker.v.Var(*p.Email, "email") != nil {
		return nil, Invalid("email", "电子邮箱格式不正确")
	}
	var hash string
	if p.Password != nil {
		// Usernames never change, so the one read here is the one checked.
		old, err := s.User(ctx, id)
		if err != nil {
			return nil, err
		}
		if err := CheckPassword(old.Username, *p.Password); err != nil {
			return nil, err
		}
		if hash, err = s.hashPassword(*p.Password); err != nil {
			return nil, err
		}
	}
	var u User
	err := s.write(ctx, actor, func(t *tx) error {
		var admins []int64
		if p.Role != nil || p.Disabled != nil {
			// Lock every active admin before the user, in one order for all
			// writers, so that two admins demoting each other at once cannot
			// both see the other still active.
			if err := t.forUpdate().Model(&User{}).Where("role = ? AND disabled = ?", RoleAdmin, false).
				Order("id").Pluck("id", &admins).Error; err != nil {
				return fmt.Errorf("active admins: %w", err)
			}
		}
		if err := t.forUpdate().First(&u, id).Error; err != nil {
			return notFound(err, "user")
		}
		before := u
		p.Patch(&u)
		if isActiveAdmin(before) && !isActiveAdmin(u) && len(admins) <= 1 {
			return ErrLastAdmin
		}
		if hash != "" {
			u.PasswordHash = hash
		}
		if err := checkUserOrg(t.DB, &u); err != nil {
			return err
		}
		if err := t.Save(&u).Error; err != nil {
			return fmt.Errorf("update user: %w", err)
		}
		if hash != "" || u.Disabled {
			if err := t.Model(&Session{}).Where("user_id = ? AND revoked_at IS NULL", u.ID).
				Update("revoked_at", t.now).Error; err != nil {
				return fmt.Errorf("revoke sessions: %w", err)
			}
		}
		t.audit("user.update", "user", u.ID, before, u)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// ErrLastAdmin refuses to demote or disable the last active administrator,
// which would leave nobody able to manage users.
var ErrLastAdmin = &ConflictError{Code: "last_admin", Message: "这是唯一在用的系统管理员，不能改为其他角色或停用；请先设置另一位管理员"}

func isActiveAdmin(u User) bool { return u.Role == RoleAdmin && !u.Disabled }

// UserCount returns the number of users (zero on a new database).
func (s *Store) UserCount(ctx context.Context) (int64, error) {
	var n int64
	if err := s.read(ctx).Model(&User{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return n, nil
}
