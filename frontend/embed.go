// Package frontend holds the web UI (a Vite + Vue 3 project) and embeds its
// build output so that the evald binary serves the UI without extra files.
//
// `npm ci && npm run build` in this folder (or `make frontend`) writes the
// build to dist/. Without a build only dist/.placeholder is embedded: the
// binary still compiles and Built reports false, so the server can tell the
// user how to build the UI instead of serving an empty page.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Assets returns the built UI with dist/ as its root (index.html, assets/…).
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only for an invalid path name; "dist" is valid.
		panic("frontend: " + err.Error())
	}
	return sub
}

// Built reports whether the UI has been built, that is whether dist/index.html
// was embedded rather than only the placeholder.
func Built() bool {
	_, err := fs.Stat(Assets(), "index.html")
	return err == nil
}
