package reports

// labels is how the reports print the domain's enum values, by the name of
// the enum's type in package evaluation and the value: one table, so that a
// value reads the same in every report and workbook. labels_test.go checks
// that every value the domain declares has a label here, and nothing else.
// A value without a label prints as itself.
var labels = map[string]map[string]string{
	"Severity":      {"minor": "一般", "major": "较重", "critical": "严重"},
	"FindingStatus": {"open": "待整改", "responded": "已回复", "returned": "已退回", "accepted": "已销号"},
	"Progress":      {"not_started": "未开始", "in_progress": "推进中", "completed": "已完成"},
	"Verdict":       {"accepted": "销号", "returned": "退回"},
	"Role":          {"admin": "管理员", "evaluator": "评估人员", "department": "牵头单位", "viewer": "查阅人员"},
	"IndicatorKind": {"score": "评分项", "check": "清单项"},
	"SurveyStatus":  {"draft": "草稿", "published": "进行中", "closed": "已结束"},
	"QuestionKind": {
		"single": "单选", "multiple": "多选", "likert5": "五级量表", "nps": "推荐度（0–10）", "text": "文字",
	},
}

// labelOf is a value of the domain's enum type as the reports print it.
func labelOf(enum, value string) string {
	if l, ok := labels[enum][value]; ok {
		return l
	}
	return value
}
