package evaluation

import (
	"context"
	"fmt"
	"sync"
)

// maxAnswerBatch bounds how many answers one transaction stores.
const maxAnswerBatch = 256

// answerQueue stores concurrent public answers in shared transactions
// (group commit). A survey shared city-wide receives answers in bursts;
// one transaction per answer would make the database's commit — on SQLite
// the single writer's WAL write — the limit. Whoever finds no batch being
// written writes every answer queued, its own included; answers arriving
// meanwhile queue for the next batch, which the first of them writes. No
// goroutine runs in the background, and an answer is acknowledged only
// once its transaction has committed.
type answerQueue struct {
	mu      sync.Mutex
	pending []*pendingAnswer
	busy    bool // a batch is being written
}

// pendingAnswer is a validated answer waiting to be stored.
type pendingAnswer struct {
	surveyID    int64
	body        string
	likertSum   int
	likertCount int
	done        chan error    // the outcome, once its batch is written
	lead        chan struct{} // this answer's caller is to write the next batch
}

// store queues a and returns once it is stored (nil), or refused.
func (q *answerQueue) store(ctx context.Context, s *Store, a *pendingAnswer) error {
	q.mu.Lock()
	q.pending = append(q.pending, a)
	if q.busy {
		q.mu.Unlock()
		select {
		case err := <-a.done:
			return err
		case <-a.lead:
		}
		q.mu.Lock()
	}
	q.busy = true
	n := min(len(q.pending), maxAnswerBatch)
	batch := q.pending[:n:n]
	q.pending = q.pending[n:]
	q.mu.Unlock()

	// The batch is others' answers too: the caller going away must not
	// cancel it.
	errs := s.writeBatch(context.WithoutCancel(ctx), batch)
	for i, b := range batch {
		b.done <- errs[i]
	}

	q.mu.Lock()
	if len(q.pending) > 0 {
		q.pending[0].lead <- struct{}{}
	} else {
		q.busy = false
	}
	q.mu.Unlock()
	return <-a.done
}

// writeBatch is writeAnswers turning a panic into every answer's error, so
// that the queue always moves on.
func (s *Store) writeBatch(ctx context.Context, batch []*pendingAnswer) (errs []error) {
	defer func() {
		if r := recover(); r != nil {
			errs = make([]error, len(batch))
			for i := range errs {
				errs[i] = fmt.Errorf("store survey answers: panic: %v", r)
			}
		}
	}()
	return s.writeAnswers(ctx, batch)
}

// writeAnswers stores a batch of answers in one transaction, each with its
// audit event (which names the survey and nothing else), and returns the
// outcome of each: an answer to a survey closed in the meantime is refused
// with ErrSurveyClosed, the others are stored.
func (s *Store) writeAnswers(ctx context.Context, batch []*pendingAnswer) []error {
	errs := make([]error, len(batch))
	err := s.write(ctx, publicActor, func(t *tx) error {
		clear(errs)
		ids := make([]int64, 0, 1)
		for _, a := range batch {
			if len(ids) == 0 || ids[len(ids)-1] != a.surveyID {
				ids = append(ids, a.surveyID)
			}
		}
		var rows []surveyRow
		if err := t.Select("id, status, closes_at").Where("id IN ?", ids).Find(&rows).Error; err != nil {
			return fmt.Errorf("survey answers: %w", err)
		}
		open := make(map[int64]error, len(rows))
		for i := range rows {
			open[rows[i].ID] = rows[i].openAt(t.now)
		}
		resps := make([]surveyResponseRow, 0, len(batch))
		for i, a := range batch {
			state, known := open[a.surveyID]
			switch {
			case !known:
				errs[i] = ErrNotFound
			case state != nil:
				errs[i] = state
			default:
				resps = append(resps, surveyResponseRow{SurveyID: a.surveyID, Answers: a.body, LikertSum: a.likertSum,
					LikertCount: a.likertCount})
			}
		}
		if len(resps) == 0 {
			return nil
		}
		// One statement; each row gets its id back (RETURNING on SQLite,
		// the consecutive ids of one multi-row INSERT on MySQL).
		if err := t.Create(&resps).Error; err != nil {
			return fmt.Errorf("store survey responses: %w", err)
		}
		for _, r := range resps {
			t.audit("survey.answer", "survey_response", r.ID, nil, map[string]int64{"survey_id": r.SurveyID})
		}
		return nil
	})
	if err != nil {
		for i := range errs {
			errs[i] = err
		}
	}
	return errs
}
