package api

import (
	"strings"

	"github.com/labstack/echo/v4"
)

// uiCSP is the Content-Security-Policy of the web UI: its own bundled
// scripts only (Vite emits no inline script), inline styles because Element
// Plus positions popups with style attributes, images from itself or made
// in the page, requests to its own origin, and no framing.
const uiCSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// dataCSP is the Content-Security-Policy of every answer that is data, not a
// page (JSON, reports, evidence files): opened in a tab, it may run and load
// nothing. The web UI and the survey page set their own.
const dataCSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// hstsMaxAge is how long a browser keeps to https once told (a year); sent
// only when EVAL_PUBLIC_URL is https, and without includeSubDomains, since
// other hosts of the domain are not evald's.
const hstsMaxAge = "max-age=31536000"

// securityHeaders sets the headers every answer carries. Answers that do
// not say how they may be cached are not cached at all (Cache-Control:
// no-store): most carry a user's data, and a shared computer's browser
// cache must not keep them.
func securityHeaders(publicURL string) echo.MiddlewareFunc {
	https := strings.HasPrefix(publicURL, "https://")
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			h := c.Response().Header()
			h.Set(echo.HeaderXContentTypeOptions, "nosniff")
			h.Set(echo.HeaderXFrameOptions, "DENY")
			h.Set(echo.HeaderReferrerPolicy, "same-origin")
			h.Set(echo.HeaderXXSSProtection, "0") // the old browsers' filter did more harm than good
			h.Set(echo.HeaderContentSecurityPolicy, dataCSP)
			if https {
				h.Set(echo.HeaderStrictTransportSecurity, hstsMaxAge)
			}
			c.Response().Before(func() {
				if h.Get(echo.HeaderCacheControl) == "" {
					h.Set(echo.HeaderCacheControl, "no-store")
				}
			})
			return next(c)
		}
	}
}
