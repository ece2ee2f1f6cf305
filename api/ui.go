package api

import (
	"errors"
	"io/fs"
	"net/http"
	"path"
	"strings"

	"github.com/labstack/echo/v4"
)

// UIHandler serves the embedded single-page app: its files as they are, and
// index.html for any other path so that the app's history-mode routes load.
type UIHandler struct {
	Assets fs.FS
	Built  bool
}

const notBuiltPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>evald</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.6">
<h1>前端尚未构建：请运行 make frontend</h1>
<p>The web UI has not been built into this binary. Run <code>make frontend</code> (or <code>make run</code>) and rebuild.
The HTTP API is available under <code>/api/v1</code>.</p></body></html>`

func (h *UIHandler) serve(c echo.Context) error {
	p := strings.TrimPrefix(path.Clean("/"+c.Param("*")), "/")
	if strings.HasPrefix(p, "api/") {
		return echo.ErrNotFound
	}
	c.Response().Header().Set(echo.HeaderContentSecurityPolicy, uiCSP)
	if !h.Built {
		return c.HTML(http.StatusOK, notBuiltPage)
	}
	if p != "" && p != "index.html" {
		if f, err := h.Assets.Open(p); err == nil {
			f.Close()
			if strings.HasPrefix(p, "assets/") {
				// Vite puts a content hash in these names.
				c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
			} else {
				c.Response().Header().Set("Cache-Control", "no-cache")
			}
			return echo.StaticFileHandler(p, h.Assets)(c)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if path.Ext(p) != "" {
			return echo.ErrNotFound // a missing file, not an app route
		}
	}
	c.Response().Header().Set("Cache-Control", "no-cache")
	index, err := fs.ReadFile(h.Assets, "index.html")
	if err != nil {
		return err
	}
	return c.HTMLBlob(http.StatusOK, index)
}
