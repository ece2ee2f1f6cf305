package evaluation_test

import (
	"os"
	"testing"

	"github.com/evald/evald/evaluation/evaltest"
)

// TestMain migrates one template database per dialect for the package's tests (see evaltest.Main).
func TestMain(m *testing.M) { os.Exit(evaltest.Main(m)) }
