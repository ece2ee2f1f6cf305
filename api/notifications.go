package api

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// NotificationStore is what the notification and todo handlers need of the domain.
type NotificationStore interface {
	Notifications(ctx context.Context, actor evaluation.Actor, f evaluation.NotificationFilter) (*evaluation.NotificationList, error)
	MarkNotificationRead(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.Notification, error)
	MarkAllNotificationsRead(ctx context.Context, actor evaluation.Actor) (int64, error)
	Todo(ctx context.Context, actor evaluation.Actor) ([]evaluation.TodoItem, error)
}

// NotificationHandler serves the caller's notifications and pending work.
type NotificationHandler struct{ Notifications NotificationStore }

// notificationQuery is evaluation.NotificationFilter as the query string
// gives it (bindQuery).
type notificationQuery struct {
	Unread bool `query:"unread"`
	Page   evaluation.Page
}

func (h *NotificationHandler) list(c echo.Context) error {
	var q notificationQuery
	if err := bindQuery(c, &q); err != nil {
		return err
	}
	list, err := h.Notifications.Notifications(c.Request().Context(), actor(c), evaluation.NotificationFilter(q))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, list)
}

func (h *NotificationHandler) read(c echo.Context) error {
	n, err := h.Notifications.MarkNotificationRead(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, n)
}

type readAllResponse struct {
	Read int64 `json:"read"`
}

func (h *NotificationHandler) readAll(c echo.Context) error {
	n, err := h.Notifications.MarkAllNotificationsRead(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, readAllResponse{Read: n})
}

func (h *NotificationHandler) todo(c echo.Context) error {
	items, err := h.Notifications.Todo(c.Request().Context(), actor(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, evaluation.List[evaluation.TodoItem]{Items: items, Total: int64(len(items))})
}
