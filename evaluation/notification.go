package evaluation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// NoticeKind says what a notification is about.
type NoticeKind string

// Notification kinds.
const (
	NoticePublished       NoticeKind = "findings_published" // a round's findings reached a department
	NoticeAwaitingVerdict NoticeKind = "awaiting_verdict"   // a response waits for its evaluator's verdict
	NoticeAccepted        NoticeKind = "response_accepted"
	NoticeReturned        NoticeKind = "response_returned"
	NoticeDueSoon         NoticeKind = "due_soon" // a finding is due within DueSoonDays
	NoticeOverdue         NoticeKind = "overdue"
	NoticeReminder        NoticeKind = "reminder" // the office chased the people who owe work
	// Conclusions (评估结论): the lead evaluator is asked to write them or
	// told they were returned; the office that they wait for approval.
	NoticeNarrativeLead      NoticeKind = "narrative_lead"
	NoticeNarrativeReturned  NoticeKind = "narrative_returned"
	NoticeNarrativeSubmitted NoticeKind = "narrative_submitted"
)

// DueSoonDays is how long before its due date a department is reminded of a finding.
const DueSoonDays = 7

// Notification is an in-app message to one user. It only ever names what
// its reader may see; Link is a path of the web UI.
type Notification struct {
	ID        int64      `json:"id"`
	UserID    int64      `json:"-"`
	Kind      NoticeKind `json:"kind"`
	Title     string     `json:"title"`
	Body      string     `json:"body"`
	Link      string     `json:"link"`
	Entity    string     `json:"entity"`
	EntityID  int64      `json:"entity_id"`
	DedupeKey *string    `json:"-"`
	ReadAt    *time.Time `json:"read_at"`
	EmailedAt *time.Time `json:"-"`
	CreatedAt time.Time  `json:"created_at"`
}

// fitted returns n with its title shortened to what its column holds: a
// title is composed from a plan's title or a round's name, which may alone
// fill the column. (The body is a TEXT column.)
func (n Notification) fitted() Notification {
	n.Title = clipTo("notifications.title", n.Title)
	return n
}

// notify gives each user a copy of n in the transaction.
func notify(t *tx, userIDs []int64, n Notification) error {
	if len(userIDs) == 0 {
		return nil
	}
	rows := make([]Notification, 0, len(userIDs))
	seen := map[int64]bool{}
	for _, id := range userIDs {
		if seen[id] {
			continue
		}
		seen[id] = true
		c := n.fitted()
		c.UserID, c.CreatedAt = id, t.now
		rows = append(rows, c)
	}
	if err := t.Create(&rows).Error; err != nil {
		return fmt.Errorf("notify: %w", err)
	}
	return nil
}

// notifyOnce adds the notifications whose dedupe keys are not taken yet
// and returns how many it added. It looks the keys up in batches, so a sweep
// costs a few queries however many reminders it weighs; a replica sweeping
// at the same moment cannot add one twice either: the key is unique, and a
// duplicate insert does nothing.
func notifyOnce(t *tx, notes []Notification) (int, error) {
	var fresh []Notification
	for start := 0; start < len(notes); start += 500 {
		batch := notes[start:min(start+500, len(notes))]
		keys := make([]string, len(batch))
		for i, n := range batch {
			keys[i] = *n.DedupeKey
		}
		var taken []string
		if err := t.Model(&Notification{}).Where("dedupe_key IN ?", keys).Pluck("dedupe_key", &taken).Error; err != nil {
			return 0, fmt.Errorf("notify: %w", err)
		}
		seen := make(map[string]bool, len(taken))
		for _, k := range taken {
			seen[k] = true
		}
		for _, n := range batch {
			if !seen[*n.DedupeKey] {
				seen[*n.DedupeKey] = true
				n.CreatedAt = t.now
				fresh = append(fresh, n.fitted())
			}
		}
	}
	if len(fresh) == 0 {
		return 0, nil
	}
	if err := t.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(fresh, 200).Error; err != nil {
		return 0, fmt.Errorf("notify: %w", err)
	}
	return len(fresh), nil
}

// NotificationFilter narrows a user's notifications.
type NotificationFilter struct {
	Unread bool
	Page   Page
}

// NotificationList is a page of notifications with the unread count (for the bell).
type NotificationList struct {
	Items  []Notification `json:"items"`
	Total  int64          `json:"total"`
	Unread int64          `json:"unread"`
}

// Notifications lists the actor's notifications, newest first.
func (s *Store) Notifications(ctx context.Context, actor Actor, f NotificationFilter) (*NotificationList, error) {
	q := s.read(ctx).Model(&Notification{}).Where("user_id = ?", actor.UserID)
	var unread int64
	if err := q.Session(&gorm.Session{}).Where("read_at IS NULL").Count(&unread).Error; err != nil {
		return nil, fmt.Errorf("notifications: %w", err)
	}
	if f.Unread {
		q = q.Where("read_at IS NULL")
	}
	// Newest first: by time (the demo writes its history out of id order), then id.
	list, err := paginate[Notification](q, f.Page, "created_at DESC, id DESC")
	if err != nil {
		return nil, fmt.Errorf("notifications: %w", err)
	}
	return &NotificationList{Items: list.Items, Total: list.Total, Unread: unread}, nil
}

// MarkNotificationRead marks one of the actor's notifications read.
func (s *Store) MarkNotificationRead(ctx context.Context, actor Actor, id int64) (*Notification, error) {
	var n Notification
	err := s.write(ctx, actor, func(t *tx) error {
		if err := t.Where("id = ? AND user_id = ?", id, actor.UserID).First(&n).Error; err != nil {
			return notFound(err, "notification")
		}
		if n.ReadAt != nil {
			return nil
		}
		now := t.now
		if err := t.Model(&n).Update("read_at", now).Error; err != nil {
			return fmt.Errorf("read notification: %w", err)
		}
		n.ReadAt = &now
		t.audit("notification.read", "notification", n.ID, nil, map[string]any{"read_at": now})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// MarkAllNotificationsRead marks every unread notification of the actor read.
func (s *Store) MarkAllNotificationsRead(ctx context.Context, actor Actor) (int64, error) {
	var n int64
	err := s.write(ctx, actor, func(t *tx) error {
		res := t.Model(&Notification{}).Where("user_id = ? AND read_at IS NULL", actor.UserID).Update("read_at", t.now)
		if res.Error != nil {
			return fmt.Errorf("read notifications: %w", res.Error)
		}
		n = res.RowsAffected
		if n > 0 {
			t.audit("notification.read_all", "user", actor.UserID, nil, map[string]any{"count": n})
		}
		return nil
	})
	return n, err
}
