package evaluation

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// AuditCheckpoint is a signed head of the audit chain, printed by `evald
// audit checkpoint` to be kept outside the database. Whoever can write the
// database can put back an earlier copy of it, whose chain and head verify;
// a checkpoint taken later catches that, and any re-chaining up to it.
// Its MAC is under the audit key: whoever checks it holds the key anyway.
type AuditCheckpoint struct {
	LastID    int64     `json:"last_id"`
	LastHash  string    `json:"last_hash"`
	CreatedAt time.Time `json:"created_at"`
	KeyID     string    `json:"key_id"`
	MAC       string    `json:"mac"`
}

// checkpointMAC is the MAC of a checkpoint's fields under this key.
func (k *AuditKey) checkpointMAC(c *AuditCheckpoint) string {
	return k.macHex("evald-audit-checkpoint-v1", strconv.FormatInt(c.LastID, 10), c.LastHash,
		c.CreatedAt.UTC().Format(time.RFC3339Nano), c.KeyID)
}

// AuditCheckpoint verifies the chain and returns its head, signed. A broken
// chain gets no checkpoint.
func (s *Store) AuditCheckpoint(ctx context.Context) (*AuditCheckpoint, error) {
	_, head, err := s.verifyAudit(ctx)
	if err != nil {
		return nil, err
	}
	key := s.db.auditKey
	c := &AuditCheckpoint{LastID: head.LastID, LastHash: head.LastHash, CreatedAt: s.Now(), KeyID: key.ID()}
	c.MAC = key.checkpointMAC(c)
	return c, nil
}

// CheckpointError says that the chain does not hold what a checkpoint
// recorded: the database was rolled back or re-chained, or the checkpoint
// is not genuine.
type CheckpointError struct{ Reason string }

func (e *CheckpointError) Error() string { return "audit checkpoint: " + e.Reason }

// VerifyAuditCheckpoint verifies the chain as VerifyAudit does and then that
// it still holds the checkpoint's event with the checkpoint's hash; it
// returns the number of events verified.
func (s *Store) VerifyAuditCheckpoint(ctx context.Context, c *AuditCheckpoint) (int64, error) {
	key := s.db.auditKey
	if key == nil {
		return 0, errNoAuditKey
	}
	if c.KeyID != key.ID() {
		return 0, &CheckpointError{fmt.Sprintf("it was signed with key %s, this key is %s", c.KeyID, key.ID())}
	}
	if !sameMAC(c.MAC, key.checkpointMAC(c)) {
		return 0, &CheckpointError{"its MAC does not match: the checkpoint was altered or is not genuine"}
	}
	n, head, err := s.verifyAudit(ctx)
	if err != nil {
		return n, err
	}
	if head.LastID < c.LastID {
		return n, &CheckpointError{fmt.Sprintf("the chain ends at event %d, before the checkpoint's event %d of %s: "+
			"the database was rolled back or its newest events deleted", head.LastID, c.LastID, c.CreatedAt.Format(time.RFC3339))}
	}
	hash := genesisHash
	if c.LastID > 0 {
		var e AuditEvent
		if err := s.read(ctx).First(&e, c.LastID).Error; err != nil {
			return n, fmt.Errorf("audit checkpoint: read event %d: %w", c.LastID, err)
		}
		hash = e.Hash
	}
	if hash != c.LastHash {
		return n, &CheckpointError{fmt.Sprintf("event %d differs from the checkpoint of %s: the chain was rewritten up to it",
			c.LastID, c.CreatedAt.Format(time.RFC3339))}
	}
	return n, nil
}
