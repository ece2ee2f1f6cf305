package evaluation

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// AuditEvent is one write in the audit trail. Events form a keyed chain:
// each holds the MAC of the one before, and its own MAC covers its content
// and that link, so an edited, deleted or re-chained row is detected by
// VerifyAudit. The MACs are HMAC-SHA256 under the AuditKey, which the
// database never holds.
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

// auditHead is the chain's last event; writers lock this row to append.
type auditHead struct {
	ID       int64
	LastID   int64
	LastHash string
}

func (auditHead) TableName() string { return "audit_head" }

// auditSeal says which key the chain is MACed with and carries the MAC of
// the head, so that cutting off the newest events and pointing the head at
// an earlier one cannot be done without the key.
type auditSeal struct {
	ID      int64
	KeyID   string
	HeadMAC string
}

func (auditSeal) TableName() string { return "audit_seal" }

// genesisHash is the previous hash of the first event.
var genesisHash = strings.Repeat("0", 64)

// parts is what an event's hash or MAC covers, in order.
func (e *AuditEvent) parts() []string {
	var actor int64
	if e.ActorID != nil {
		actor = *e.ActorID
	}
	return []string{
		strconv.FormatInt(e.ID, 10), e.At.UTC().Format(time.RFC3339Nano), strconv.FormatInt(actor, 10),
		e.ActorName, e.Action, e.Entity, strconv.FormatInt(e.EntityID, 10), e.Before, e.After, e.PrevHash,
	}
}

// ComputeHash is the unkeyed SHA-256 of an event chained to the one before,
// as chains were written before schema version 6. Anyone can compute it, so
// it serves only to check an old chain before it is keyed.
func (e *AuditEvent) ComputeHash() string {
	h := sha256.New()
	writeParts(h, e.parts()...)
	return hex.EncodeToString(h.Sum(nil))
}

// eventMAC is the MAC of an event chained to the one before.
func (k *AuditKey) eventMAC(e *AuditEvent) string {
	return k.macHex(append([]string{"evald-audit-event-v1"}, e.parts()...)...)
}

// headMAC is the MAC of the chain's head under this key.
func (k *AuditKey) headMAC(head auditHead) string {
	return k.macHex("evald-audit-head-v1", strconv.FormatInt(head.LastID, 10), head.LastHash, k.ID())
}

// errNoAuditKey is returned by a store whose database was opened without
// the audit key.
var errNoAuditKey = errors.New("audit: no audit key (EVAL_AUDIT_KEY or the key file in the data folder)")

// AuditKeyError says that the chain is MACed with another key than the
// store's, or not keyed at all.
type AuditKeyError struct {
	ChainKeyID string // "" when the chain is not keyed
	KeyID      string
}

func (e *AuditKeyError) Error() string {
	if e.ChainKeyID == "" {
		return "audit chain is not keyed: its seal is missing (a database not migrated to schema version 6, or one tampered with)"
	}
	return fmt.Sprintf("audit key does not match: the chain is keyed with key %s, this key is %s "+
		"(EVAL_AUDIT_KEY or %s in the data folder; replicas sharing a database must share the key)",
		e.ChainKeyID, e.KeyID, AuditKeyFile)
}

// sealedHead is the chain's head with its seal, read in one statement so
// that both come from the same commit.
type sealedHead struct {
	LastID   int64
	LastHash string
	KeyID    string
	HeadMAC  string
}

// readSealedHead reads the head and the seal, and returns an *AuditKeyError
// unless the chain is keyed with key.
func readSealedHead(g *gorm.DB, key *AuditKey) (sealedHead, error) {
	var rows []sealedHead
	if key == nil {
		return sealedHead{}, errNoAuditKey
	}
	err := g.Raw("SELECT h.last_id, h.last_hash, COALESCE(s.key_id, '') AS key_id, COALESCE(s.head_mac, '') AS head_mac FROM audit_head h " +
		"LEFT JOIN audit_seal s ON s.id = h.id WHERE h.id = 1").Scan(&rows).Error
	if err != nil {
		return sealedHead{}, fmt.Errorf("audit: read chain head: %w", err)
	}
	if len(rows) != 1 {
		return sealedHead{}, errors.New("audit: the chain's head row is missing")
	}
	if rows[0].KeyID != key.ID() {
		return rows[0], &AuditKeyError{ChainKeyID: rows[0].KeyID, KeyID: key.ID()}
	}
	return rows[0], nil
}

// CheckAuditKey returns an *AuditKeyError unless the audit chain is keyed
// with the store's key; a server checks it before it serves.
func (s *Store) CheckAuditKey(ctx context.Context) error {
	_, err := readSealedHead(s.read(ctx), s.db.auditKey)
	return err
}

// flushAudit appends the pending events to the chain. The head row is locked
// first, so concurrent transactions append one after the other.
func (t *tx) flushAudit() error {
	if len(t.pending) == 0 {
		return nil
	}
	key := t.store.db.auditKey
	if key == nil {
		return errNoAuditKey
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
		e.Hash = key.eventMAC(e)
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
	// The seal names the key: a process with another key appends nothing.
	res := t.Model(&auditSeal{}).Where("id = ? AND key_id = ?", 1, key.ID()).
		Update("head_mac", key.headMAC(head))
	if res.Error != nil {
		return fmt.Errorf("audit: seal chain head: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		if _, err := readSealedHead(t.DB, key); err != nil {
			return err
		}
		return errors.New("audit: seal chain head: no seal row")
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
// or a *BrokenChainError naming the first event that was edited, inserted,
// deleted or re-chained — the newest ones included, since the head is MACed
// too — or an *AuditKeyError when the chain is keyed with another key.
func (s *Store) VerifyAudit(ctx context.Context) (int64, error) {
	n, _, err := s.verifyAudit(ctx)
	return n, err
}

// verifyAudit is VerifyAudit that also returns the verified head. It reads
// the head first and walks the events up to it, so that events appended
// meanwhile do not disturb it.
func (s *Store) verifyAudit(ctx context.Context) (int64, auditHead, error) {
	g := s.read(ctx)
	sh, err := readSealedHead(g, s.db.auditKey)
	head, key := auditHead{ID: 1, LastID: sh.LastID, LastHash: sh.LastHash}, s.db.auditKey
	if err != nil {
		return 0, head, err
	}
	prevID, prevHash, err := walkChain(g, head.LastID, func(e *AuditEvent) bool { return sameMAC(e.Hash, key.eventMAC(e)) })
	if err != nil {
		return prevID, head, err
	}
	if prevID != head.LastID || prevHash != head.LastHash {
		return prevID, head, &BrokenChainError{EventID: head.LastID, Reason: fmt.Sprintf("链尾记录为事件 %d，实际最后一条为 %d：末尾事件被删除或改动", head.LastID, prevID)}
	}
	if !sameMAC(sh.HeadMAC, key.headMAC(head)) {
		return prevID, head, &BrokenChainError{EventID: head.LastID + 1, Reason: fmt.Sprintf("链尾的 MAC 不符：事件 %d 之后的事件被删除，或链尾被改写", head.LastID)}
	}
	return prevID, head, nil
}

// walkChain reads the events up to lastID in order, checking that the ids have no gap,
// that each links to the one before and that valid accepts each, and
// returns the last event's id and hash.
func walkChain(g *gorm.DB, lastID int64, valid func(*AuditEvent) bool) (int64, string, error) {
	const batch = 2000
	prevID, prevHash := int64(0), genesisHash
	for {
		var events []AuditEvent
		err := g.Where("id > ? AND id <= ?", prevID, lastID).Order("id").Limit(batch).Find(&events).Error
		if err != nil {
			return prevID, prevHash, fmt.Errorf("audit verify: %w", err)
		}
		for i := range events {
			e := &events[i]
			switch {
			case e.ID != prevID+1:
				return prevID, prevHash, &BrokenChainError{EventID: prevID + 1, Reason: fmt.Sprintf("事件 %d 缺失（下一条是 %d）", prevID+1, e.ID)}
			case e.PrevHash != prevHash:
				return prevID, prevHash, &BrokenChainError{EventID: e.ID, Reason: "前序哈希不符：之前的事件被改动或删除"}
			case !valid(e):
				return prevID, prevHash, &BrokenChainError{EventID: e.ID, Reason: "内容与 MAC 不符：该事件被改动或重新链接（或密钥不符）"}
			}
			prevID, prevHash = e.ID, e.Hash
		}
		if len(events) < batch {
			return prevID, prevHash, nil
		}
	}
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
