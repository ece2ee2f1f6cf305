package evaltest

import (
	_ "embed"
	"encoding/json"

	"github.com/evald/evald/evaluation"
)

// templateJSON is the fixtures' indicator system: four dimensions of score
// and check items totalling 100 points, with a veto item. It began as a copy
// of the demo's, so that tests do not build on the demo package; the two may
// now change apart.
//
//go:embed template.json
var templateJSON []byte

// Template returns the fixtures' indicator system as a request.
func Template() evaluation.TemplateRequest {
	var t evaluation.TemplateRequest
	if err := json.Unmarshal(templateJSON, &t); err != nil {
		panic("evaltest: template.json: " + err.Error()) // embedded data, checked by every seeded test
	}
	return t
}
