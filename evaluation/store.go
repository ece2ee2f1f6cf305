package evaluation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"time"

	mysqldriver "github.com/go-sql-driver/mysql"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Store is the domain's entry point: every read and write of evald's data
// goes through its methods, which enforce the rules of DESIGN.md and record
// every write in the audit chain.
type Store struct {
	db         *DB
	clock      Clock
	loc        *time.Location
	bcryptCost int
	dummyHash  []byte // compared against for an unknown user, at bcryptCost
	sessionTTL time.Duration
	log        *slog.Logger
	checker    *checker
	blobs      Blobs
	answers    answerQueue // public survey answers waiting for their transaction
	surveys    surveyCache // published surveys by token
}

// Blobs stores files by key; keys are chosen by the caller. Evidence files
// use the SHA-256 hex of their content, so storage is content-addressed and a
// file uploaded twice is stored once. cmd/evald wires in the folder of
// package evaluation/blobs.
type Blobs interface {
	// Put stores what r yields under key, replacing what was there (atomically:
	// readers see the old or the new content, never part); putting an
	// existing key with the same content is therefore harmless.
	Put(ctx context.Context, key string, r io.Reader) error
	// Open returns the blob for reading, or an error wrapping
	// fs.ErrNotExist (blobs.ErrNotFound) when the key holds none.
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
	// Delete removes the blob; deleting a missing key is not an error.
	Delete(ctx context.Context, key string) error
}

// notFoundBlobs reports a missing blob as ErrNotFound too (it wraps
// fs.ErrNotExist), as the store's callers expect of a missing object.
type notFoundBlobs struct{ Blobs }

// Open opens the blob of key.
func (b notFoundBlobs) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	rc, err := b.Blobs.Open(ctx, key)
	if errors.Is(err, fs.ErrNotExist) && !errors.Is(err, ErrNotFound) {
		err = fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	return rc, err
}

// StoreOptions configures a Store; zero values take the defaults.
type StoreOptions struct {
	Clock      Clock          // default: the system clock
	Location   *time.Location // the city's time zone for calendar days; default Asia/Shanghai
	BcryptCost int            // default bcrypt.DefaultCost; tests use bcrypt.MinCost
	SessionTTL time.Duration  // lifetime of a login token; default 12h
	Logger     *slog.Logger
	Blobs      Blobs // where evidence files are kept; nil refuses uploads
}

// NewStore returns a Store on an open, migrated database.
func NewStore(db *DB, opts StoreOptions) *Store {
	s := &Store{db: db, clock: opts.Clock, loc: opts.Location, bcryptCost: opts.BcryptCost,
		sessionTTL: opts.SessionTTL, log: opts.Logger, checker: newChecker()}
	if opts.Blobs != nil {
		s.blobs = notFoundBlobs{opts.Blobs}
	}
	if s.clock == nil {
		s.clock = SystemClock{}
	}
	if s.loc == nil {
		s.loc = DefaultLocation()
	}
	if s.bcryptCost == 0 {
		s.bcryptCost = bcrypt.DefaultCost
	}
	s.dummyHash = []byte(dummyHash)
	if s.bcryptCost != bcrypt.DefaultCost {
		// As slow as a known user's hash at this cost (tests' MinCost) — no slower.
		if h, err := bcrypt.GenerateFromPassword([]byte("no such user"), s.bcryptCost); err == nil {
			s.dummyHash = h
		}
	}
	if s.sessionTTL == 0 {
		s.sessionTTL = 12 * time.Hour
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	return s
}

// DefaultLocation is Asia/Shanghai, from the tz data built into the binary.
func DefaultLocation() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}

// Blobs returns the store of evidence files (nil when there is none).
func (s *Store) Blobs() Blobs { return s.blobs }

// DB returns the database the store works on.
func (s *Store) DB() *DB { return s.db }

// Now returns the current instant from the store's clock, in UTC with
// microsecond precision (what both databases keep).
func (s *Store) Now() time.Time { return s.clock.Now().UTC().Truncate(time.Microsecond) }

// Today returns the current calendar day in the city's time zone.
func (s *Store) Today() Date { return DateOf(s.clock.Now(), s.loc) }

// Location returns the city's time zone.
func (s *Store) Location() *time.Location { return s.loc }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

// tx is a write transaction with the audit events it will append on commit.
type tx struct {
	*gorm.DB
	store   *Store
	actor   Actor
	now     time.Time
	pending []AuditEvent
}

// write runs fn in one transaction and appends its audit events to the chain
// before committing. A transaction that loses a MySQL deadlock is retried.
func (s *Store) write(ctx context.Context, actor Actor, fn func(t *tx) error) error {
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		err = s.db.Gorm.WithContext(ctx).Transaction(func(g *gorm.DB) error {
			t := &tx{DB: g, store: s, actor: actor, now: s.Now()}
			if err := fn(t); err != nil {
				return err
			}
			return t.flushAudit()
		})
		if !isRetryable(err) {
			return err
		}
		time.Sleep(time.Duration(attempt+1) * 20 * time.Millisecond)
	}
	return err
}

// read runs fn on a plain session of the database, or inside the
// transaction ctx carries (inTx).
func (s *Store) read(ctx context.Context) *gorm.DB {
	if g, ok := ctx.Value(txKey{}).(*gorm.DB); ok {
		return g.WithContext(ctx)
	}
	return s.db.Gorm.WithContext(ctx)
}

// isRetryable reports a MySQL deadlock or lock wait timeout.
func isRetryable(err error) bool {
	var me *mysqldriver.MySQLError
	return errors.As(err, &me) && (me.Number == 1213 || me.Number == 1205)
}

// audit records a write to be appended to the chain when the transaction commits.
func (t *tx) audit(action, entity string, entityID int64, before, after any) {
	t.pending = append(t.pending, AuditEvent{
		At: t.now, ActorID: t.actor.idPtr(), ActorName: t.actor.name(), Action: action,
		Entity: entity, EntityID: entityID, Before: auditJSON(before), After: auditJSON(after),
	})
}

// forUpdate reads rows with SELECT … FOR UPDATE, so that concurrent writers
// of the same rows queue on MySQL. (The SQLite driver drops the clause: its
// transactions are exclusive already, being BEGIN IMMEDIATE.)
func (t *tx) forUpdate() *gorm.DB {
	return t.DB.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate})
}

func auditJSON(v any) string {
	if v == nil {
		return "null"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%q", err.Error())
	}
	return string(b)
}

// notFound maps gorm's record-not-found to ErrNotFound and wraps other errors.
func notFound(err error, what string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return fmt.Errorf("%s: %w", what, err)
}
