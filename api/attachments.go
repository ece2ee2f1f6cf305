package api

import (
	"context"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/evaluation"
)

// AttachmentStore is what the evidence handlers need of the domain.
type AttachmentStore interface {
	AddAttachment(ctx context.Context, actor evaluation.Actor, findingID int64, up evaluation.Upload) (*evaluation.AttachmentView, error)
	OpenAttachment(ctx context.Context, actor evaluation.Actor, id int64) (*evaluation.AttachmentView, io.ReadSeekCloser, error)
	DeleteAttachment(ctx context.Context, actor evaluation.Actor, id int64) error
}

// AttachmentHandler serves evidence files (佐证材料).
type AttachmentHandler struct {
	Attachments AttachmentStore
	TempDir     string // where uploads wait while they are checked; "": os.TempDir()
}

func (h *AttachmentHandler) upload(c echo.Context) error {
	return evidenceUpload(c, h.TempDir, func(f *uploadForm) (any, error) {
		return h.Attachments.AddAttachment(c.Request().Context(), actor(c), pathID(c, "id"), f.upload())
	})
}

func (h *AttachmentHandler) download(c echo.Context) error {
	a, rc, err := h.Attachments.OpenAttachment(c.Request().Context(), actor(c), pathID(c, "id"))
	if err != nil {
		return err
	}
	defer rc.Close()
	hdr := c.Response().Header()
	hdr.Set(echo.HeaderContentDisposition, mime.FormatMediaType("attachment", map[string]string{"filename": a.Name}))
	hdr.Set(echo.HeaderContentLength, strconv.FormatInt(a.Size, 10))
	hdr.Set("ETag", `"`+a.SHA256+`"`)
	hdr.Set("X-Content-SHA256", a.SHA256)
	return c.Stream(http.StatusOK, a.ContentType, rc)
}

func (h *AttachmentHandler) delete(c echo.Context) error {
	if err := h.Attachments.DeleteAttachment(c.Request().Context(), actor(c), pathID(c, "id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
