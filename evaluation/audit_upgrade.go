package evaluation

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// schemaV6 keeps the audit chain's seal: the id of the key the chain is
// MACed with and the MAC of its head. keyAuditChain fills it in.
const schemaV6 = `
CREATE TABLE IF NOT EXISTS audit_seal (
	id INTEGER NOT NULL PRIMARY KEY,
	key_id VARCHAR(16) NOT NULL,
	head_mac CHAR(64) NOT NULL
){{opts}}
`

// keyAuditChain moves a chain written with unkeyed SHA-256 (before schema
// 6) to MACs under the database's audit key, in the migration to schema 6
// and only there: the old chain is checked first, so a broken one
// is never blessed, and afterwards a chain without a seal is an error, never
// keyed again (that would let whoever deletes the seal re-chain at will).
func keyAuditChain(g *gorm.DB, db *DB) error {
	key := db.auditKey
	if key == nil {
		return errors.New("keying the audit chain needs the audit key: " + errNoAuditKey.Error())
	}
	var seals int64
	if err := g.Model(&auditSeal{}).Count(&seals).Error; err != nil {
		return err
	}
	if seals > 0 {
		return nil
	}
	var head auditHead
	if err := g.First(&head, 1).Error; err != nil {
		return fmt.Errorf("read chain head: %w", err)
	}
	const batch = 2000
	oldPrev, newPrev, lastID := genesisHash, genesisHash, int64(0)
	for {
		var events []AuditEvent
		if err := g.Where("id > ?", lastID).Order("id").Limit(batch).Find(&events).Error; err != nil {
			return err
		}
		for i := range events {
			e := &events[i]
			if e.ID != lastID+1 || e.PrevHash != oldPrev || e.ComputeHash() != e.Hash {
				return fmt.Errorf("the unkeyed audit chain does not hold at event %d (see `evald audit verify` of the previous release); "+
					"it is not keyed while broken", lastID+1)
			}
			oldPrev = e.Hash
			e.PrevHash = newPrev
			e.Hash = key.eventMAC(e)
			err := g.Model(&AuditEvent{}).Where("id = ?", e.ID).
				Updates(map[string]any{"prev_hash": e.PrevHash, "hash": e.Hash}).Error
			if err != nil {
				return err
			}
			newPrev, lastID = e.Hash, e.ID
		}
		if len(events) < batch {
			break
		}
	}
	if lastID != head.LastID || oldPrev != head.LastHash {
		return fmt.Errorf("the unkeyed audit chain ends at event %d but its head names event %d; it is not keyed while broken", lastID, head.LastID)
	}
	head.LastHash = newPrev
	if err := g.Model(&auditHead{}).Where("id = ?", 1).Update("last_hash", head.LastHash).Error; err != nil {
		return err
	}
	return g.Create(&auditSeal{ID: 1, KeyID: key.ID(), HeadMAC: key.headMAC(head)}).Error
}
