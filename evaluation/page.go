package evaluation

import (
	"fmt"

	"gorm.io/gorm"
)

// Page asks for one page of a list.
type Page struct {
	Page    int // from 1
	PerPage int // default 50, at most 500
}

// Defaults and limits of pagination.
const (
	DefaultPerPage = 50
	MaxPerPage     = 500
)

func (p Page) normalise() Page {
	if p.Page < 1 {
		p.Page = 1
	}
	if p.PerPage < 1 {
		p.PerPage = DefaultPerPage
	}
	if p.PerPage > MaxPerPage {
		p.PerPage = MaxPerPage
	}
	return p
}

// List is one page of items and the total number matching.
type List[T any] struct {
	Items []T   `json:"items"`
	Total int64 `json:"total"`
}

// paginate counts the query's rows and loads one page of them in order
// (a column list, or a clause.OrderBy with arguments).
func paginate[T any](q *gorm.DB, p Page, order any) (List[T], error) {
	p = p.normalise()
	q = q.Session(&gorm.Session{}) // let Count and Find each start from the same conditions
	var out List[T]
	if err := q.Count(&out.Total).Error; err != nil {
		return out, fmt.Errorf("count: %w", err)
	}
	out.Items = []T{}
	err := q.Order(order).Offset((p.Page - 1) * p.PerPage).Limit(p.PerPage).Find(&out.Items).Error
	if err != nil {
		return out, fmt.Errorf("list: %w", err)
	}
	return out, nil
}
