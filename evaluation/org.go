package evaluation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// OrgKind is what an organisation is.
type OrgKind string

// Organisation kinds.
const (
	OrgOffice     OrgKind = "office"     // the reform office (改革办)
	OrgAgency     OrgKind = "agency"     // an evaluation agency (第三方评估机构)
	OrgDepartment OrgKind = "department" // a lead department (牵头责任单位)
)

// Org is an organisation: the office, an evaluation agency or a department.
type Org struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Kind       OrgKind   `json:"kind"`
	AgencyType string    `json:"agency_type"` // university, think_tank or other; agencies only
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// OrgRequest creates an organisation.
type OrgRequest struct {
	Name       string  `json:"name" validate:"required,col=orgs.name"`
	Kind       OrgKind `json:"kind" validate:"required,oneof=office agency department"`
	AgencyType string  `json:"agency_type" validate:"omitempty,oneof=university think_tank other"`
}

// OrgPatch changes an organisation; nil fields stay as they are.
type OrgPatch struct {
	Name       *string `json:"name" validate:"omitnil,min=1,col=orgs.name"`
	AgencyType *string `json:"agency_type" validate:"omitempty,oneof=university think_tank other"`
}

// Patch applies the changes to o.
func (p OrgPatch) Patch(o *Org) {
	if p.Name != nil {
		o.Name = *p.Name
	}
	if p.AgencyType != nil {
		o.AgencyType = *p.AgencyType
	}
}

func validateOrg(o *Org) error {
	errs := fieldErrors{}
	switch {
	case o.Kind == OrgAgency && o.AgencyType == "":
		o.AgencyType = "other"
	case o.Kind != OrgAgency && o.AgencyType != "":
		errs.add("agency_type", "只有评估机构需要填写机构类型")
	}
	return errs.err()
}

// OrgFilter narrows the list of organisations.
type OrgFilter struct {
	Kind OrgKind
	Q    string // part of the name
	Page Page
}

// CreateOrg adds an organisation.
func (s *Store) CreateOrg(ctx context.Context, actor Actor, req OrgRequest) (*Org, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, err
	}
	o := &Org{Name: req.Name, Kind: req.Kind, AgencyType: req.AgencyType}
	if err := validateOrg(o); err != nil {
		return nil, err
	}
	err := s.write(ctx, actor, func(t *tx) error {
		if err := checkOrgNameFree(t.DB, o); err != nil {
			return err
		}
		if err := t.Create(o).Error; err != nil {
			return orgWriteError(err)
		}
		t.audit("org.create", "org", o.ID, nil, o)
		return nil
	})
	return o, err
}

// checkOrgNameFree refuses a name another organisation has (ignoring case).
func checkOrgNameFree(t *gorm.DB, o *Org) error {
	dup, err := taken(t, &Org{}, "name", o.Name, o.ID)
	if err != nil {
		return err
	}
	if dup {
		return orgWriteError(gorm.ErrDuplicatedKey)
	}
	return nil
}

func orgWriteError(err error) error {
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return Invalid("name", "已存在同名单位")
	}
	return fmt.Errorf("write org: %w", err)
}

// Org returns one organisation.
func (s *Store) Org(ctx context.Context, id int64) (*Org, error) {
	var o Org
	if err := s.read(ctx).First(&o, id).Error; err != nil {
		return nil, notFound(err, "org")
	}
	return &o, nil
}

// Orgs lists organisations by name.
func (s *Store) Orgs(ctx context.Context, f OrgFilter) (List[Org], error) {
	q := s.read(ctx).Model(&Org{})
	if f.Kind != "" {
		q = q.Where("kind = ?", f.Kind)
	}
	if f.Q != "" {
		q = q.Where(contains("name", f.Q))
	}
	return paginate[Org](q, f.Page, "kind, name, id")
}

// UpdateOrg changes an organisation's name or agency type.
func (s *Store) UpdateOrg(ctx context.Context, actor Actor, id int64, p OrgPatch) (*Org, error) {
	if err := s.checker.check(&p); err != nil {
		return nil, err
	}
	var o Org
	err := s.write(ctx, actor, func(t *tx) error {
		if err := t.forUpdate().First(&o, id).Error; err != nil {
			return notFound(err, "org")
		}
		before := o
		p.Patch(&o)
		if err := validateOrg(&o); err != nil {
			return err
		}
		if err := checkOrgNameFree(t.DB, &o); err != nil {
			return err
		}
		if err := t.Save(&o).Error; err != nil {
			return orgWriteError(err)
		}
		t.audit("org.update", "org", o.ID, before, o)
		return nil
	})
	return &o, err
}

// orgReferences are the columns that refer to an organisation. DeleteOrg
// looks at them itself rather than rely on foreign keys alone, which TiDB
// may not enforce (docs/TIDB.md).
var orgReferences = []struct{ table, column string }{
	{"users", "org_id"}, {"plans", "lead_department_id"}, {"conflicts", "agency_id"}, {"conflicts", "department_id"},
	{"assignments", "agency_id"}, {"self_assessments", "department_id"},
}

// DeleteOrg removes an organisation that nothing refers to.
func (s *Store) DeleteOrg(ctx context.Context, actor Actor, id int64) error {
	return s.write(ctx, actor, func(t *tx) error {
		var o Org
		if err := t.forUpdate().First(&o, id).Error; err != nil {
			return notFound(err, "org")
		}
		for _, ref := range orgReferences {
			var n int64
			if err := t.Table(ref.table).Where(ref.column+" = ?", id).Limit(1).Count(&n).Error; err != nil {
				return fmt.Errorf("delete org: %s: %w", ref.table, err)
			}
			if n > 0 {
				return conflictf("in_use", "该单位仍有关联的用户、方案或回避声明，不能删除")
			}
		}
		if err := t.Delete(&o).Error; err != nil {
			if errors.Is(err, gorm.ErrForeignKeyViolated) {
				return conflictf("in_use", "该单位仍有关联的用户、方案或回避声明，不能删除")
			}
			return fmt.Errorf("delete org: %w", err)
		}
		t.audit("org.delete", "org", o.ID, o, nil)
		return nil
	})
}
