// Package e2e holds the end-to-end tests of the web UI. Each test builds the
// real HTTP server in process (api.New on a fresh SQLite store with the
// fixture world of evaltest, serving the embedded frontend build) and drives
// it with headless Chromium through chromedp, the way a user would: it logs
// in, clicks, types and downloads, then checks both the screen and the store.
//
// The tests need Debian's chromium (/usr/bin/chromium, or EVAL_CHROMIUM), a
// built UI (make frontend) and, for the accessibility checks, axe-core from
// node_modules (npm ci). Without them they skip, unless EVAL_TEST_STRICT=1,
// which makes them fail. Each test saves full-page
// screenshots in its temporary directory and, when EVAL_E2E_SCREENSHOTS
// names a folder, there as well.
package e2e
