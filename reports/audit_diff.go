package reports

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// auditChange is one field that differs between an audit event's before and
// after, in words (the web UI's diffFields in frontend/src/utils/audit.ts).
type auditChange struct {
	Label, Before, After string
}

// auditNoise are fields that change with every write and say nothing by themselves.
var auditNoise = map[string]bool{"updated_at": true, "created_at": true, "password_hash": true}

// leaf is one value of a flattened JSON document.
type leaf struct {
	path  string
	value any
}

// flattenJSON lists the leaves of a JSON document by path, in document order
// (an empty object or list is a leaf); text that is not JSON is one leaf.
func flattenJSON(doc string) []leaf {
	if strings.TrimSpace(doc) == "" {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	var out []leaf
	if err := flattenValue(dec, "", &out); err != nil {
		return []leaf{{"", doc}}
	}
	return out
}

func flattenValue(dec *json.Decoder, path string, out *[]leaf) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		n := 0
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return err
			}
			k, _ := kt.(string)
			sub := k
			if path != "" {
				sub = path + "." + k
			}
			if auditNoise[k] {
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return err
				}
				continue
			}
			if err := flattenValue(dec, sub, out); err != nil {
				return err
			}
			n++
		}
		if n == 0 {
			*out = append(*out, leaf{path, nil})
		}
		_, err = dec.Token()
		return err
	case json.Delim('['):
		i := 0
		for dec.More() {
			if err := flattenValue(dec, path+"["+strconv.Itoa(i)+"]", out); err != nil {
				return err
			}
			i++
		}
		if i == 0 {
			*out = append(*out, leaf{path, nil})
		}
		_, err = dec.Token()
		return err
	}
	*out = append(*out, leaf{path, tok})
	return nil
}

var auditWord = regexp.MustCompile(`[a-z_]+`)

// auditStatusEnum is the enum of an object type's status field.
var auditStatusEnum = map[string]string{
	"round": "RoundStatus", "finding": "FindingStatus", "survey": "SurveyStatus", "self_assessment": "SelfAssessmentStatus",
}

// auditValue is a leaf value in words: enums in Chinese, 是/否, — for nothing.
func auditValue(entity, key string, v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case bool:
		if x {
			return "是"
		}
		return "否"
	case string:
		if x == "" {
			return "—"
		}
		switch key {
		case "status":
			return labelOf(auditStatusEnum[entity], x)
		case "severity":
			return labelOf("Severity", x)
		case "role":
			return labelOf("Role", x)
		case "progress":
			return labelOf("Progress", x)
		case "verdict":
			return labelOf("Verdict", x)
		}
		return x
	}
	return fmt.Sprint(v)
}

var lastKey = regexp.MustCompile(`([a-z_]+)(\[\d+\])*$`)

// auditChanges is what differs between before and after (JSON text), field
// by field, in the order of after then before: a creation lists every field
// of after, a deletion every field of before.
func auditChanges(entity, before, after string) []auditChange {
	b, a := flattenJSON(before), flattenJSON(after)
	bv := make(map[string]any, len(b))
	for _, l := range b {
		bv[l.path] = l.value
	}
	av := make(map[string]any, len(a))
	for _, l := range a {
		av[l.path] = l.value
	}
	var out []auditChange
	seen := map[string]bool{}
	for _, l := range append(a, b...) {
		if seen[l.path] {
			continue
		}
		seen[l.path] = true
		x, inB := bv[l.path]
		y, inA := av[l.path]
		if l.path == "" && inA != inB && len(a) > 0 && len(b) > 0 {
			continue // the other side's fields say it
		}
		if inA && inB && sameJSON(x, y) {
			continue
		}
		key := ""
		if m := lastKey.FindStringSubmatch(l.path); m != nil {
			key = m[1]
		}
		label := "内容"
		if l.path != "" {
			label = auditWord.ReplaceAllStringFunc(l.path, func(k string) string {
				if t, ok := auditFields[k]; ok {
					return t
				}
				return k
			})
		}
		out = append(out, auditChange{Label: label, Before: auditValue(entity, key, x), After: auditValue(entity, key, y)})
	}
	return out
}

// sameJSON compares two leaves (strings, numbers, booleans or nil) as JSON.
func sameJSON(x, y any) bool {
	bx, errX := json.Marshal(x)
	by, errY := json.Marshal(y)
	return errX == nil && errY == nil && bytes.Equal(bx, by)
}

// auditDiffText is auditChanges in one cell: one line per field, "字段：前 → 后".
func auditDiffText(entity, before, after string) string {
	var sb strings.Builder
	for i, c := range auditChanges(entity, before, after) {
		if i > 0 {
			sb.WriteByte('\n')
		}
		fmt.Fprintf(&sb, "%s：%s → %s", c.Label, c.Before, c.After)
	}
	return sb.String()
}
