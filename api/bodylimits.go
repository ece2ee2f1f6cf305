package api

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// bodyRule is what a route of the table accepts as a request body: at most
// max bytes (0: none), arriving within read of the handler's start. The
// server's own timeouts (cmd/evald) stay the outer bound of every request.
type bodyRule struct {
	max     int64
	read    time.Duration
	long    bool   // an upload: its read deadline is its own, not Config.BodyReadTimeout
	message string // the 413's message, in Chinese
}

// DefaultBodyReadTimeout is how long a client may take to send a JSON body
// or a survey answer (Config.BodyReadTimeout when set): a few kilobytes need
// no more, and a client dribbling them holds a connection no longer.
const DefaultBodyReadTimeout = 30 * time.Second

// multipartOverhead is what a multipart form adds to the file it carries:
// the boundaries, the part's headers and its file name.
const multipartOverhead = 64 << 10

// bodyFor is the body rule of the route method path.
func bodyFor(method, path string) bodyRule {
	if rule, ok := bodyOverrides[method+" "+path]; ok {
		return rule
	}
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodDelete:
		return noBody
	}
	return jsonBody
}

// tooLarge is the 413 of a body over the rule's limit.
func (r bodyRule) tooLarge() error {
	message := r.message
	if message == "" {
		message = "此请求不接受请求体"
	}
	return &apiError{status: http.StatusRequestEntityTooLarge, code: "too_large", message: message}
}

// errBodyTimeout answers a body that did not arrive within its route's read
// deadline; the connection is closed after it.
var errBodyTimeout = &apiError{status: http.StatusRequestTimeout, code: "timeout", message: "请求体发送超时，请检查网络后重试"}

// limitBody enforces a route's body rule before its handler reads anything:
// a body announced larger than the limit is refused at once, one found
// larger while reading is refused as well, whatever the handler made of the
// read error (a multipart parser hides it), and a body must arrive within
// the rule's read deadline.
func limitBody(rule bodyRule) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if req.ContentLength > rule.max {
				return rule.tooLarge()
			}
			if req.ContentLength == 0 || req.Body == nil || req.Body == http.NoBody {
				return next(c)
			}
			// net/http lifts the deadline itself once the whole body is in,
			// so a handler working past it is not cancelled.
			if rule.max > 0 {
				err := http.NewResponseController(c.Response()).SetReadDeadline(time.Now().Add(rule.read))
				if err != nil && !errors.Is(err, http.ErrNotSupported) { // a test's recorder has no connection
					return err
				}
			}
			body := &limitedBody{ReadCloser: http.MaxBytesReader(c.Response(), req.Body, rule.max)}
			req.Body = body
			err := next(c)
			switch {
			case body.over:
				return rule.tooLarge()
			case body.late:
				return errBodyTimeout
			}
			return err
		}
	}
}

// limitedBody is a request body under its route's rule; it notes how
// reading it ended.
type limitedBody struct {
	io.ReadCloser
	over, late bool
}

func (b *limitedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	var tooLarge *http.MaxBytesError
	var netErr net.Error
	switch {
	case errors.As(err, &tooLarge):
		b.over = true
	case errors.As(err, &netErr) && netErr.Timeout():
		b.late = true
	}
	return n, err
}

// sizeText writes a byte count as people read limits: 1MB, 64KB.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKB", n>>10)
	}
	return fmt.Sprintf("%d字节", n)
}
