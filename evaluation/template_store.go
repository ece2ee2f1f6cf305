package evaluation

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// templateRow is how a template is stored: its dimensions and grade bands
// are one JSON document, since a template is read and frozen as a whole.
type templateRow struct {
	ID        int64
	Name      string
	Version   int
	ParentID  *int64
	Frozen    bool
	Body      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (templateRow) TableName() string { return "templates" }

type templateBody struct {
	GradeBands []GradeBand `json:"grade_bands"`
	Dimensions []Dimension `json:"dimensions"`
}

func (r *templateRow) template() (*Template, error) {
	var b templateBody
	if err := json.Unmarshal([]byte(r.Body), &b); err != nil {
		return nil, fmt.Errorf("template %d: body: %w", r.ID, err)
	}
	return &Template{ID: r.ID, Name: r.Name, Version: r.Version, ParentID: r.ParentID, Frozen: r.Frozen,
		GradeBands: b.GradeBands, Dimensions: b.Dimensions, CreatedAt: r.CreatedAt}, nil
}

// TemplateRequest creates a template or a new version of one.
type TemplateRequest struct {
	Name       string      `json:"name" validate:"required,col=templates.name"`
	GradeBands []GradeBand `json:"grade_bands"`
	Dimensions []Dimension `json:"dimensions" validate:"required"`
}

// template builds and checks the template the request describes.
func (req TemplateRequest) template() (*Template, error) {
	t := &Template{Name: req.Name, GradeBands: req.GradeBands, Dimensions: req.Dimensions}
	if len(t.GradeBands) == 0 {
		t.GradeBands = DefaultGradeBands()
	}
	for i := range t.Dimensions {
		for j := range t.Dimensions[i].Indicators {
			if t.Dimensions[i].Indicators[j].Kind == "" {
				t.Dimensions[i].Indicators[j].Kind = KindScore
			}
		}
	}
	if err := ValidateTemplate(t); err != nil {
		return nil, err
	}
	return t, nil
}

func templateBodyJSON(t *Template) (string, error) {
	b, err := json.Marshal(templateBody{GradeBands: t.GradeBands, Dimensions: t.Dimensions})
	if err != nil {
		return "", fmt.Errorf("template body: %w", err)
	}
	return string(b), nil
}

// checkedTemplate validates a request and returns its template and the
// JSON body to store.
func (s *Store) checkedTemplate(req TemplateRequest) (*Template, string, error) {
	if err := s.checker.check(&req); err != nil {
		return nil, "", err
	}
	t, err := req.template()
	if err != nil {
		return nil, "", err
	}
	body, err := templateBodyJSON(t)
	return t, body, err
}

// CreateTemplate adds an indicator system.
func (s *Store) CreateTemplate(ctx context.Context, actor Actor, req TemplateRequest) (*Template, error) {
	t, body, err := s.checkedTemplate(req)
	if err != nil {
		return nil, err
	}
	row := &templateRow{Name: t.Name, Version: 1, Body: body}
	err = s.write(ctx, actor, func(tx *tx) error {
		if err := tx.Create(row).Error; err != nil {
			return fmt.Errorf("create template: %w", err)
		}
		t.ID, t.Version, t.CreatedAt = row.ID, row.Version, row.CreatedAt
		tx.audit("template.create", "template", row.ID, nil, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// UpdateTemplate changes a template. A template that a round uses is frozen:
// the change becomes a new version (parent_id pointing at it) and the
// result is that new template.
func (s *Store) UpdateTemplate(ctx context.Context, actor Actor, id int64, req TemplateRequest) (*Template, error) {
	t, body, err := s.checkedTemplate(req)
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, actor, func(tx *tx) error {
		var old templateRow
		if err := tx.forUpdate().First(&old, id).Error; err != nil {
			return notFound(err, "template")
		}
		before, err := old.template()
		if err != nil {
			return err
		}
		if !old.Frozen {
			old.Name, old.Body = t.Name, body
			if err := tx.Save(&old).Error; err != nil {
				return fmt.Errorf("update template: %w", err)
			}
			t.ID, t.Version, t.ParentID, t.CreatedAt = old.ID, old.Version, old.ParentID, old.CreatedAt
			tx.audit("template.update", "template", old.ID, before, t)
			return nil
		}
		var latest int
		if err := tx.Model(&templateRow{}).Select("COALESCE(MAX(version), 0)").
			Where("id = ? OR parent_id = ?", old.ID, old.ID).Scan(&latest).Error; err != nil {
			return fmt.Errorf("template versions: %w", err)
		}
		row := &templateRow{Name: t.Name, Version: max(latest, old.Version) + 1, ParentID: &old.ID, Body: body}
		if err := tx.Create(row).Error; err != nil {
			return fmt.Errorf("new template version: %w", err)
		}
		t.ID, t.Version, t.ParentID, t.CreatedAt = row.ID, row.Version, row.ParentID, row.CreatedAt
		tx.audit("template.new_version", "template", row.ID, before, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

// Template returns one template.
func (s *Store) Template(ctx context.Context, id int64) (*Template, error) {
	var row templateRow
	if err := s.read(ctx).First(&row, id).Error; err != nil {
		return nil, notFound(err, "template")
	}
	return row.template()
}

// Templates lists templates, newest first.
func (s *Store) Templates(ctx context.Context, p Page) (List[Template], error) {
	rows, err := paginate[templateRow](s.read(ctx).Model(&templateRow{}), p, "id DESC")
	if err != nil {
		return List[Template]{}, err
	}
	out := List[Template]{Total: rows.Total, Items: make([]Template, 0, len(rows.Items))}
	for i := range rows.Items {
		t, err := rows.Items[i].template()
		if err != nil {
			return out, err
		}
		out.Items = append(out.Items, *t)
	}
	return out, nil
}
