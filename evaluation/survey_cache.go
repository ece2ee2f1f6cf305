package evaluation

import (
	"sync"
	"time"
)

// Limits of the cache of published surveys.
const (
	surveyCacheTTL   = 5 * time.Second
	maxCachedSurveys = 1024
)

// openedSurvey is a published survey's definition as the public side uses
// it: the questions, and its state when it was read.
type openedSurvey struct {
	*Survey
	row surveyRow
}

// surveyCache keeps the definitions of published surveys by token for a few
// seconds, so that a survey answered city-wide is not read and parsed again
// for every answer. A published survey's questions never change; whether it
// still takes answers is checked again in the transaction that stores each
// answer, and this process forgets a survey as soon as it changes it (other
// replicas within the TTL).
type surveyCache struct {
	mu      sync.Mutex
	entries map[string]cachedSurvey
}

type cachedSurvey struct {
	survey *openedSurvey
	until  time.Time
}

func (c *surveyCache) get(token string, now time.Time) (*openedSurvey, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[token]
	if !ok || !now.Before(e.until) {
		return nil, false
	}
	return e.survey, true
}

func (c *surveyCache) put(token string, sv *openedSurvey, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxCachedSurveys {
		c.entries = make(map[string]cachedSurvey) // start over rather than track ages
	}
	c.entries[token] = cachedSurvey{survey: sv, until: now.Add(surveyCacheTTL)}
}

// forget drops a survey that changed.
func (c *surveyCache) forget(token *string) {
	if token == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, *token)
}
