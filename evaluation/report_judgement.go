package evaluation

// ReportNarrative is a plan's conclusions (评估结论) as the evaluation report
// prints them.
type ReportNarrative struct {
	Status          string // empty, draft, submitted, returned, approved
	Overall         string // 总体评价
	Achievements    string // 主要成效
	Problems        string // 存在问题
	Recommendations string // 意见建议
	LeadAgency      string // the lead assignment's agency; "" when the plan has no lead
	ApprovedBy      string // the office that approved them; "" unless approved
	ApprovedOn      Date   // zero unless approved
}
