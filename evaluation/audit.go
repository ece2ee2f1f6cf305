package evaluation

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// AuditEvent is one write in the audit trail. Events form a hash chain: each
// holds the hash of the one before, so an edited or deleted row is detected
// by VerifyAudit.
type AuditEvent struct {
	ID        int64     `json:"id"`
	At        time.Time `json:"at"`
	ActorID   *int64    `json:"actor_id"`
	ActorName string    `json:"actor_name"`
	Action    string    `json:"action"`
	Entity    string    `json:"entity"`
	EntityID  int64     `json:"entity_id"`
	Before    string    `json:"before" gorm:"column:before_json"`
	After     string    `json:"after" gorm:"column:after_json"`
	PrevHash  string    `json:"prev_hash"`
	Hash      string    `json:"hash"`
}

// TableName is the audit table.
func (AuditEvent) TableName() string { return "audit_events" }

type auditHead struct {
	ID       int64
	LastID   int64
	LastHash string
}

func (auditHead) TableName() string { return "audit_head" }

// genesisHash is the previous hash of the first event.
var genesisHash = strings.Repeat("0", 64)

// ComputeHash is the hash of an event's content chained to the one before.
func (e *AuditEvent) ComputeHash() string {
	var actor int64
	if e.ActorID != nil {
		actor = *e.ActorID
	}
	h := sha256.New()
	for _, part := range []string{
		strconv.FormatInt(e.ID, 10), e.At.UTC().Format(time.RFC3339Nano), strconv.FormatInt(actor, 10),
		e.ActorName, e.Action, e.Entity, strconv.FormatInt(e.EntityID, 10), e.Before, e.After, e.PrevHash,
	} {
		// Length-prefix each part so that no two events hash the same input.
		fmt.Fprintf(h, "%d:%s;", len(part), part)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// flushAudit appends the pending events to the chain. The head row is locked
// first, so concurrent transactions append one after the other.
func (t *tx) flushAudit() error {
	if len(t.pending) == 0 {
		return nil
	}
	var head auditHead
	if err := t.forUpdate().First(&head, 1).Error; err != nil {
		return fmt.Errorf("audit: read chain head: %w", err)
	}
	for i := range t.pending {
		e := &t.pending[i]
		e.ID = head.LastID + 1
		e.At = e.At.UTC().Truncate(time.Microsecond)
		e.PrevHash = head.LastHash
		e.Hash = e.ComputeHash()
		head.LastID, head.LastHash = e.ID, e.Hash
	}
	// The ids are the chain's own, so the events go in a few multi-row
	// INSERTs (a batch of public survey answers audits hundreds at once).
	if err := t.CreateInBatches(t.pending, 100).Error; err != nil {
		return fmt.Errorf("audit: append events: %w", err)
	}
	err := t.Model(&auditHead{}).Where("id = ?", 1).
		Updates(map[string]any{"last_id": head.LastID, "last_hash": head.LastHash}).Error
	if err != nil {
		return fmt.Errorf("audit: move chain head: %w", err)
	}
	t.pending = nil
	return nil
}

// BrokenChainError names the first audit event where the chain does not hold.
type BrokenChainError struct {
	EventID int64
	Reason  string
}

func (e *BrokenChainError) Error() string {
	return fmt.Sprintf("audit chain broken at event %d: %s", e.EventID, e.Reason)
}

// VerifyAudit walks the whole chain and returns the number of events checked,
// or a *BrokenChainError naming the first event that was edited, inserted or
// deleted.
func (s *Store) VerifyAudit(ctx context.Context) (int64, error) {
	var head auditHead
	if err := s.read(ctx).First(&head, 1).Error; err != nil {
		return 0, fmt.Errorf("audit verify: read chain head: %w", err)
	}
	const batch = 2000
	prevID, prevHash := int64(0), genesisHash
	for {
		var events []AuditEvent
		err := s.read(ctx).Where("id > ?", prevID).Order("id").Limit(batch).Find(&events).Error
		if err != nil {
			return prevID, fmt.Errorf("audit verify: %w", err)
		}
		for i := range events {
			e := &events[i]
			switch {
			case e.ID != prevID+1:
				return prevID, &BrokenChainError{EventID: prevID + 1, Reason: fmt.Sprintf("事件 %d 缺失（下一条是 %d）", prevID+1, e.ID)}
			case e.PrevHash != prevHash:
				return prevID, &BrokenChainError{EventID: e.ID, Reason: "前序哈希不符：之前的事件被改动或删除"}
			case e.ComputeHash() != e.Hash:
				return prevID, &BrokenChainError{EventID: e.ID, Reason: "内容与哈希不符：该事件被改动"}
			}
			prevID, prevHash = e.ID, e.Hash
		}
		if len(events) < batch {
			break
		}
	}
	if prevID != head.LastID || prevHash != head.LastHash {
		return prevID, &BrokenChainError{EventID: head.LastID, Reason: fmt.Sprintf("链尾记录为事件 %d，实际最后一条为 %d：末尾事件被删除或改动", head.LastID, prevID)}
	}
	return prevID, nil
}

// AuditFilter narrows the audit log.
type AuditFilter struct {
	Entity   string
	EntityID int64
	ActorID  int64
	Page     Page
}

// ListAudit returns audit events, newest first.
func (s *Store) ListAudit(ctx context.Context, f AuditFilter) (List[AuditEvent], error) {
	q := s.read(ctx).Model(&AuditEvent{})
	if f.Entity != "" {
		q = q.Where("entity = ?", f.Entity)
	}
	if f.EntityID != 0 {
		q = q.Where("entity_id = ?", f.EntityID)
	}
	if f.ActorID != 0 {
		q = q.Where("actor_id = ?", f.ActorID)
	}
	return paginate[AuditEvent](q, f.Page, "id DESC")
}
