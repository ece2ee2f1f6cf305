package scoring

import (
	"fmt"
	"math"
	"time"
	"unicode/utf8"

	"github.com/evald/evald/evaluation/text"
)

// IndicatorKind says how an indicator is answered.
type IndicatorKind string

// Indicator kinds.
const (
	KindScore IndicatorKind = "score" // a number 0…max_score in steps of 0.5
	KindCheck IndicatorKind = "check" // 清单项: yes earns max_score, no earns 0
)

// Template is an indicator system (指标体系): dimensions (一级指标) holding
// indicators (二级指标) whose points sum to 100. A template used by a round
// is frozen; editing it makes a new version.
type Template struct {
	ID         int64       `json:"id"`
	Name       string      `json:"name"`
	Version    int         `json:"version"`
	ParentID   *int64      `json:"parent_id"`
	Frozen     bool        `json:"frozen"`
	GradeBands []GradeBand `json:"grade_bands"`
	Dimensions []Dimension `json:"dimensions"`
	CreatedAt  time.Time   `json:"created_at"`
}

// GradeBand is a grade and the lowest rounded total that earns it.
type GradeBand struct {
	Grade string  `json:"grade"`
	Min   float64 `json:"min"`
}

// Dimension is a first-level indicator (一级指标).
type Dimension struct {
	Code       string      `json:"code"`
	Name       string      `json:"name"`
	Indicators []Indicator `json:"indicators"`
}

// Indicator is a second-level indicator (二级指标) that raters answer.
type Indicator struct {
	Code     string        `json:"code"`
	Name     string        `json:"name"`
	Kind     IndicatorKind `json:"kind"`
	MaxScore float64       `json:"max_score"`
	Veto     bool          `json:"veto"`
	Guidance string        `json:"guidance" text:"multiline"`
}

// GradeFail is the grade of a plan below every band or vetoed (一票否决).
const GradeFail = "不合格"

// DefaultGradeBands are the bands used when a template names none.
func DefaultGradeBands() []GradeBand {
	return []GradeBand{{"优秀", 90}, {"良好", 80}, {"合格", 60}, {GradeFail, 0}}
}

// Indicators returns every indicator of the template in order.
func (t *Template) Indicators() []Indicator {
	var out []Indicator
	for _, d := range t.Dimensions {
		out = append(out, d.Indicators...)
	}
	return out
}

// Indicator finds an indicator by code.
func (t *Template) Indicator(code string) (Indicator, bool) {
	for _, d := range t.Dimensions {
		for _, ind := range d.Indicators {
			if ind.Code == code {
				return ind, true
			}
		}
	}
	return Indicator{}, false
}

// HalfPoints converts a number of points to steps of 0.5, reporting whether
// the number is exactly such a step.
func HalfPoints(v float64) (int64, bool) {
	h := v * 2
	if math.IsNaN(h) || math.IsInf(h, 0) || h != math.Trunc(h) || math.Abs(h) > 1e12 {
		return 0, false
	}
	return int64(h), true
}

// CheckTemplate checks the rules of an indicator system: unique codes,
// known kinds, points in steps of 0.5, veto only on check items, a total of
// exactly 100 points and descending grade bands. It returns a Chinese
// message for each offending field, none when the template is valid (the
// store makes them a validation error).
func CheckTemplate(t *Template) map[string]string {
	errs := fieldErrors{}
	if t.Name == "" {
		errs.add("name", "名称为必填字段")
	}
	if len(t.Dimensions) == 0 {
		errs.add("dimensions", "至少需要一个一级指标")
	}
	dimCodes := map[string]bool{}
	indCodes := map[string]bool{}
	var total int64
	for i, d := range t.Dimensions {
		p := fmt.Sprintf("dimensions[%d]", i)
		if d.Code == "" {
			errs.add(p+".code", "编号为必填字段")
		} else if dimCodes[d.Code] {
			errs.add(p+".code", "一级指标编号重复："+d.Code)
		}
		dimCodes[d.Code] = true
		if d.Name == "" {
			errs.add(p+".name", "名称为必填字段")
		}
		checkLength(errs, p+".code", "编号", d.Code, maxIndicatorCode)
		checkLength(errs, p+".name", "名称", d.Name, maxIndicatorName)
		if len(d.Indicators) == 0 {
			errs.add(p+".indicators", "至少需要一个二级指标")
		}
		for j, ind := range d.Indicators {
			q := fmt.Sprintf("%s.indicators[%d]", p, j)
			switch {
			case ind.Code == "":
				errs.add(q+".code", "编号为必填字段")
			case indCodes[ind.Code]:
				errs.add(q+".code", "指标编号重复："+ind.Code)
			}
			indCodes[ind.Code] = true
			if ind.Name == "" {
				errs.add(q+".name", "名称为必填字段")
			}
			checkLength(errs, q+".code", "编号", ind.Code, maxIndicatorCode)
			checkLength(errs, q+".name", "名称", ind.Name, maxIndicatorName)
			checkLength(errs, q+".guidance", "评分标准", ind.Guidance, maxGuidance)
			if ind.Kind != KindScore && ind.Kind != KindCheck {
				errs.add(q+".kind", "类型必须是 score 或 check")
			}
			h, ok := HalfPoints(ind.MaxScore)
			switch {
			case !ok || h < 0:
				errs.add(q+".max_score", "分值必须是不小于0且为0.5的整数倍的数")
			case h == 0 && !(ind.Kind == KindCheck && ind.Veto):
				errs.add(q+".max_score", "分值必须大于0（仅一票否决项可为0）")
			}
			if ind.Veto && ind.Kind != KindCheck {
				errs.add(q+".veto", "只有清单项（check）可以设为一票否决")
			}
			total += h
		}
	}
	if len(errs) == 0 && total != 200 {
		errs.add("dimensions", fmt.Sprintf("各指标分值合计必须为100分，当前为%s分", FormatHalfPoints(total)))
	}
	for i, b := range t.GradeBands {
		p := fmt.Sprintf("grade_bands[%d]", i)
		if b.Grade == "" {
			errs.add(p+".grade", "等次名称为必填字段")
		}
		checkLength(errs, p+".grade", "等次名称", b.Grade, maxGrade)
		if b.Min < 0 || b.Min > 100 {
			errs.add(p+".min", "分数线必须在0到100之间")
		}
		if i > 0 && b.Min >= t.GradeBands[i-1].Min {
			errs.add(p+".min", "分数线必须从高到低排列")
		}
	}
	return errs
}

// FormatHalfPoints prints a count of half points as a decimal number.
func FormatHalfPoints(h int64) string {
	if h%2 == 0 {
		return fmt.Sprintf("%d", h/2)
	}
	return fmt.Sprintf("%.1f", float64(h)/2)
}

// Limits of texts kept inside JSON columns (templates' bodies), which have
// no column of their own. Indicator codes end up in findings.indicator_code.
var (
	maxIndicatorCode = text.ColumnLimit("findings.indicator_code")
	maxIndicatorName = 255
	maxGuidance      = 5000
	maxGrade         = 16
)

// fieldErrors collects messages field by field.
type fieldErrors map[string]string

// add records msg for field unless the field already has a message.
func (f fieldErrors) add(field, msg string) {
	if _, ok := f[field]; !ok {
		f[field] = msg
	}
}

// checkLength records a message for field when text is longer than limit
// characters, worded as validator's own (the zh "max" message).
func checkLength(errs fieldErrors, field, label, text string, limit int) {
	if utf8.RuneCountInString(text) > limit {
		errs.add(field, fmt.Sprintf("%s长度不能超过%d个字符", label, limit))
	}
}
