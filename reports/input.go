package reports

// Input types shared by the reports. They are plain data: the caller maps
// its database rows into them. Numbers are already rounded half up to two
// decimals by the domain (DESIGN.md "The numbers"); the reports print them
// with two decimals and never compute a score themselves. Dates are
// "YYYY-MM-DD" strings in the city's time zone.

// Plan is the basic facts of a reform plan (专项改革方案).
type Plan struct {
	Code           string `json:"code"`
	Title          string `json:"title"`
	LeadDepartment string `json:"lead_department"`
	ApprovedBy     string `json:"approved_by"`
	IssuedOn       string `json:"issued_on"`
	Field          string `json:"field"`
	Summary        string `json:"summary"`
}

// Severity of a finding: "minor", "major" or "critical".
type Severity string

// The severities of DESIGN.md.
const (
	SeverityMinor    Severity = "minor"
	SeverityMajor    Severity = "major"
	SeverityCritical Severity = "critical"
)

// Label is the severity as printed: 一般, 较重 or 严重.
func (s Severity) Label() string { return labelOf("Severity", string(s)) }

func (s Severity) tone() tone {
	switch s {
	case SeverityCritical:
		return toneBad
	case SeverityMajor:
		return toneWarn
	}
	return toneStrong
}

// severities in the order the reports list them, gravest first.
var severities = []Severity{SeverityCritical, SeverityMajor, SeverityMinor}

// Finding is a problem an evaluator raised on a plan (问题).
type Finding struct {
	// Number is the finding's number within the plan's report (1, 2, …).
	Number         int      `json:"number"`
	Severity       Severity `json:"severity"`
	IndicatorCode  string   `json:"indicator_code"` // empty when not tied to an indicator
	IndicatorName  string   `json:"indicator_name"`
	Description    string   `json:"description"`
	Recommendation string   `json:"recommendation"`
	Agency         string   `json:"agency"` // the evaluation agency that raised it
	// History is, for a finding carried from earlier rounds (上轮未整改问题),
	// one line per round it came through, nearest first; nil otherwise.
	History []string `json:"history,omitempty"`
}

// indicator is how a finding names its indicator, or "" if it has none.
func (f Finding) indicator() string {
	switch {
	case f.IndicatorCode != "" && f.IndicatorName != "":
		return f.IndicatorCode + " " + f.IndicatorName
	case f.IndicatorCode != "":
		return f.IndicatorCode
	}
	return f.IndicatorName
}
