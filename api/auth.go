package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// SessionStore is what login and logout need of the domain.
type SessionStore interface {
	Login(ctx context.Context, username, password, address string) (string, *evaluation.User, error)
	Logout(ctx context.Context, actor evaluation.Actor, token string) error
}

// AuthHandler serves login, logout and the caller's own account.
type AuthHandler struct{ Sessions SessionStore }

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// LoginResponse is the answer of a successful login.
type LoginResponse struct {
	Token string           `json:"token"`
	User  *evaluation.User `json:"user"`
}

func (h *AuthHandler) login(c echo.Context) error {
	var req loginRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if req.Username == "" || req.Password == "" {
		return &evaluation.ValidationError{Message: "请输入用户名和密码", Fields: map[string]string{
			"username": "用户名为必填字段", "password": "密码为必填字段"}}
	}
	// RealIP is the server's IPExtractor: X-Forwarded-For counts only from
	// EVAL_TRUSTED_PROXIES, as for public surveys.
	token, u, err := h.Sessions.Login(c.Request().Context(), req.Username, req.Password, c.RealIP())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, LoginResponse{Token: token, User: u})
}

func (h *AuthHandler) logout(c echo.Context) error {
	token, _ := c.Get(ctxToken).(string)
	if err := h.Sessions.Logout(c.Request().Context(), actor(c), token); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *AuthHandler) me(c echo.Context) error {
	return c.JSON(http.StatusOK, currentUser(c))
}
