package evaluation

import (
	"errors"
	"reflect"
	"strings"

	"github.com/go-playground/locales/zh"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"
	zhtrans "github.com/go-playground/validator/v10/translations/zh"
)

// checker validates the shape of requests with validator v10 tags and turns
// failures into a *ValidationError with Chinese messages (validator's zh
// translations) keyed by the JSON path of each field, e.g. "scores[3].value".
type checker struct {
	v     *validator.Validate
	trans ut.Translator
}

func newChecker() *checker {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	zhLocale := zh.New()
	trans, _ := ut.New(zhLocale, zhLocale).GetTranslator("zh")
	if err := zhtrans.RegisterDefaultTranslations(v, trans); err != nil {
		panic("evaluation: register zh translations: " + err.Error())
	}
	if err := registerColumnTag(v, trans); err != nil {
		panic("evaluation: register the col tag: " + err.Error())
	}
	return &checker{v: v, trans: trans}
}

// fieldLabels are the Chinese names of request fields, used in messages.
var fieldLabels = map[string]string{
	"username": "用户名", "password": "密码", "display_name": "姓名", "role": "角色", "org_id": "所属单位",
	"name": "名称", "kind": "类型", "agency_type": "机构类型", "code": "编号", "title": "标题",
	"lead_department_id": "牵头单位", "approved_by": "审定机构", "issued_on": "印发日期", "field": "改革领域",
	"summary": "摘要", "template_id": "指标体系", "starts_on": "开始日期", "scoring_due": "评分截止日期",
	"min_plan_age_days": "方案印发最短天数", "min_raters": "最少评分人数", "outlier_threshold": "离群阈值", "plan_id": "方案",
	"evaluator_id": "评估人员", "raters_per_plan": "每个方案的评估人数", "version": "版本号",
	"comment": "意见", "indicator_code": "指标编号", "value": "分值", "severity": "严重程度",
	"description": "问题描述", "recommendation": "整改建议", "agency_id": "评估机构", "department_id": "部门",
	"reason": "理由", "critical": "严重问题整改天数", "major": "较重问题整改天数", "minor": "一般问题整改天数",
	"max_score": "分值", "guidance": "评分标准", "grade": "等次", "min": "分数线", "email": "电子邮箱",
	"measures": "整改措施", "responsible_person": "责任人", "progress": "整改进度", "completed_on": "完成日期",
	"evidence": "佐证说明", "verdict": "审核结论",
	"overall": "总体评价", "achievements": "主要成效", "problems": "存在问题", "recommendations": "意见建议",
	"lead": "牵头", "require_narrative": "评估结论须审定",
}

// check normalises the texts of the request v points to (normalizeFields),
// then validates it and returns nil or a *ValidationError. Normalising first
// means " " is empty and a code with a trailing zero-width space is the code.
func (c *checker) check(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		panic("evaluation: check needs a pointer to the request, to normalise it")
	}
	normalizeFields(rv, false)
	err := c.v.Struct(v)
	if err == nil {
		return nil
	}
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		return &ValidationError{Message: "提交的数据有误", Fields: map[string]string{"": err.Error()}}
	}
	fields := fieldErrors{}
	for _, fe := range ves {
		path := fe.Namespace()
		if _, rest, ok := strings.Cut(path, "."); ok {
			path = rest // drop the Go type name
		}
		msg := fe.Translate(c.trans)
		if label, ok := fieldLabels[fe.Field()]; ok {
			msg = strings.Replace(msg, fe.Field(), label, 1)
		}
		fields.add(path, msg)
	}
	return fields.err()
}
