package api

import (
	"bytes"
	"errors"
	"html"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// UIHandler serves the embedded single-page app: its files as they are, and
// index.html for any other path so that the app's history-mode routes load.
type UIHandler struct {
	Assets fs.FS
	Built  bool
	// TimeZone is the city's IANA time zone (EVAL_TZ), told to the app in
	// index.html's <meta name="evald-tz"> so that it shows every time in it
	// whatever the browser's zone (docs/DECISIONS.md).
	TimeZone string
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
				if served, err := h.servePrecompressed(c, p); served || err != nil {
					return err
				}
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
	return c.HTMLBlob(http.StatusOK, withTimeZone(index, h.TimeZone))
}

// withTimeZone puts <meta name="evald-tz" content="tz"> in the page's head
// (before </head>, else before <title>, else first).
func withTimeZone(index []byte, tz string) []byte {
	if tz == "" {
		return index
	}
	meta := []byte(`<meta name="evald-tz" content="` + html.EscapeString(tz) + `">`)
	at := bytes.Index(index, []byte("</head>"))
	if at < 0 {
		at = bytes.Index(index, []byte("<title"))
	}
	if at < 0 {
		at = 0
	}
	out := make([]byte, 0, len(index)+len(meta))
	out = append(out, index[:at]...)
	out = append(out, meta...)
	return append(out, index[at:]...)
}

// precompressed are the encodings the build writes beside an asset
// (frontend/vite.config.ts, precompress), in the order preferred.
var precompressed = []struct{ encoding, suffix string }{{"br", ".br"}, {"gzip", ".gz"}}

// servePrecompressed answers with the brotli or gzip copy of asset p when the
// client accepts it and the build wrote one; served is false when the plain
// file is to be sent instead.
func (h *UIHandler) servePrecompressed(c echo.Context, p string) (served bool, err error) {
	switch path.Ext(p) {
	case ".js", ".css", ".svg", ".json":
	default:
		return false, nil
	}
	header := c.Response().Header()
	header.Add("Vary", "Accept-Encoding")
	accept := c.Request().Header.Get("Accept-Encoding")
	for _, pc := range precompressed {
		if !acceptsEncoding(accept, pc.encoding) {
			continue
		}
		data, err := fs.ReadFile(h.Assets, p+pc.suffix)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		} else if err != nil {
			return false, err
		}
		header.Set(echo.HeaderContentType, mime.TypeByExtension(path.Ext(p)))
		header.Set(echo.HeaderContentEncoding, pc.encoding)
		// Assets are immutable (their names hold a content hash): no
		// modification time to compare; and a byte range of a compressed
		// body is of no use to anyone, so the whole body is sent.
		c.Request().Header.Del("Range")
		http.ServeContent(c.Response(), c.Request(), "", time.Time{}, bytes.NewReader(data))
		return true, nil
	}
	return false, nil
}

// acceptsEncoding reports whether an Accept-Encoding header admits the
// encoding: named, or covered by "*", with a quality above zero.
func acceptsEncoding(header, encoding string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		for _, param := range strings.Split(params, ";") {
			if k, v, ok := strings.Cut(strings.TrimSpace(param), "="); ok && strings.EqualFold(k, "q") {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
		}
		switch name = strings.ToLower(strings.TrimSpace(name)); name {
		case encoding:
			return q > 0
		case "*":
			star = q > 0
		}
	}
	return star
}
