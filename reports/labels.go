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
	"RoundStatus": {
		"draft": "草稿", "open": "评估中", "scoring_closed": "评分截止", "published": "已发布", "archived": "已归档",
	},
	"SelfAssessmentStatus": {"pending": "待填写", "draft": "草稿", "submitted": "已提交", "returned": "已退回"},
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

// auditActions is what each audited action did, as the audit log prints it
// (the web UI's copy is frontend/src/utils/audit.ts; audit_labels_test.go
// keeps the two equal and checks every action the domain writes).
var auditActions = map[string]string{
	"assignment.create": "分配评估任务", "assignment.delete": "删除评估任务", "assignment.lead": "指定牵头评估机构",
	"attachment.add": "上传附件", "attachment.delete": "删除附件", "auth.login": "登录",
	"auth.login_failed": "登录失败", "auth.logout": "退出登录", "conflict.create": "登记利益冲突",
	"finding.create": "记录问题", "finding.delete": "删除问题", "finding.update": "修改问题",
	"finding.carry": "结转上轮未整改问题", "finding.carry_move": "移交结转问题", "finding.check_carried": "核查上轮未整改问题",
	"finding.uncarry": "撤销结转问题",
	"finding.verify":  "核验整改", "login_throttle.clear": "解除登录限制", "narrative.approve": "审定评估结论",
	"narrative.return": "退回评估结论", "narrative.save": "保存评估结论", "narrative.submit": "提交评估结论",
	"notification.email": "发送邮件通知", "notification.email_failed": "邮件通知失败", "notification.read": "阅读通知",
	"notification.read_all": "全部通知标为已读", "notification.sweep": "清理过期通知", "org.create": "新增单位",
	"org.delete": "删除单位", "org.update": "修改单位", "plan.create": "新增方案",
	"plan.delete": "删除方案", "plan.close_out": "方案销账", "plan.reopen": "恢复方案（撤销销账）", "plan.import_create": "导入新增方案", "plan.import_update": "导入更新方案",
	"plan.update": "修改方案", "report.freeze": "固化评估报告", "report.record": "出具报告",
	"report.reissue": "重新出具评估报告", "report_job.create": "开始批量生成报告", "report_job.finish": "批量生成报告完成",
	"request.answer": "答复补充材料要求", "request.create": "要求补充材料", "response.save": "保存整改回复",
	"response.submit": "提交整改回复", "round.archived": "归档轮次", "round.create": "新建轮次",
	"round.open": "开始评估", "round.published": "发布结果", "round.remind": "催办",
	"round.scoring_closed": "截止评分", "round.update": "修改轮次", "scoresheet.reopen": "退回评分表",
	"scoresheet.save": "保存评分表", "scoresheet.submit": "提交评分表", "self_assessment.create": "生成部门自评",
	"self_assessment.extend": "延长自评期限", "self_assessment.return": "退回部门自评", "self_assessment.save": "保存部门自评",
	"self_assessment.submit": "提交部门自评", "survey.answer": "收到问卷答卷", "survey.closed": "结束问卷",
	"survey.create": "新建问卷", "survey.published": "发布问卷", "survey.update": "修改问卷",
	"template.create": "新建指标体系", "template.new_version": "指标体系新版本", "template.update": "修改指标体系",
	"user.create": "新增用户", "user.update": "修改用户",
}

// auditEntities is what each audited object type is.
var auditEntities = map[string]string{
	"assignment": "评估任务", "conflict": "利益冲突声明", "finding": "问题", "login": "登录",
	"login_throttle": "登录限制", "narrative": "评估结论", "notification": "通知", "org": "单位",
	"plan": "方案", "report_job": "报告生成任务", "request": "补充材料", "round": "评估轮次",
	"scoresheet": "评分表", "self_assessment": "部门自评", "survey": "问卷", "survey_response": "问卷答卷",
	"system": "系统", "template": "指标体系", "user": "用户",
}

// auditFields is how the fields of audited objects are called.
var auditFields = map[string]string{
	"answer": "答复", "approved_by": "审议机构", "close_reason": "销账原因", "closed_at": "销账时间",
	"closes_at": "截止时间", "code": "编号", "comment": "意见", "completed_on": "完成日期",
	"description": "问题描述", "disabled": "停用", "display_name": "姓名", "due_on": "期限",
	"email": "邮箱", "evaluator_id": "评估人员", "evidence": "佐证说明", "field": "改革领域",
	"indicator_code": "指标", "intro": "说明", "issued_on": "印发日期", "kind": "类型",
	"lead": "牵头", "lead_department_id": "牵头单位", "measures": "整改措施", "min_plan_age_days": "最短印发时长（天）",
	"min_raters": "最少评分人数", "name": "名称", "org_id": "所属单位", "outlier_threshold": "离群阈值",
	"plan_id": "方案", "progress": "进展", "published_at": "发布时间", "question": "问题",
	"reason": "原因", "recommendation": "整改建议", "require_narrative": "需要评估结论", "responsible_person": "责任人",
	"role": "角色", "round_id": "轮次", "scoring_due": "评分截止", "self_assessment_due": "自评截止",
	"severity": "严重程度", "starts_on": "开始日期", "status": "状态", "summary": "摘要",
	"template_id": "指标体系", "title": "标题", "username": "用户名", "verdict": "核验结论",
	"version": "版本",
}
