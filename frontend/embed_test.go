package frontend

import (
	"io/fs"
	"testing"
)

func TestAssetsHasPlaceholderOrBuild(t *testing.T) {
	assets := Assets()
	_, placeholderErr := fs.Stat(assets, ".placeholder")
	_, indexErr := fs.Stat(assets, "index.html")
	if placeholderErr != nil && indexErr != nil {
		t.Fatalf("embedded dist holds neither .placeholder (%v) nor index.html (%v)", placeholderErr, indexErr)
	}
	if got, want := Built(), indexErr == nil; got != want {
		t.Errorf("Built() = %v, want %v (index.html present: %v)", got, want, indexErr == nil)
	}
}

func TestAssetsRootIsDist(t *testing.T) {
	if _, err := fs.Stat(Assets(), "dist"); err == nil {
		t.Error("Assets() should have dist/ as its root, but it contains a dist entry")
	}
}
