package evaluation

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// JobStatus is where a report job stands.
type JobStatus string

// Job states.
const (
	JobQueued  JobStatus = "queued"
	JobRunning JobStatus = "running"
	JobDone    JobStatus = "done"
	JobFailed  JobStatus = "failed"
)

// JobStaleAfter is how long a job may go without progress before it is
// reported failed: no replica claimed it, or every one that did died.
const JobStaleAfter = 10 * time.Minute

// DefaultJobLease is how long a replica holds a report job without renewing
// its lease; it renews it every third of that while the job runs. A replica
// that dies leaves the job to another once the lease runs out.
const DefaultJobLease = time.Minute

// maxJobAttempts is how many times a job is claimed before one whose lease
// ran out again is failed rather than run once more.
const maxJobAttempts = 3

// ErrLeaseLost is returned to a replica renewing or finishing a job that
// another replica has claimed since (its lease ran out).
var ErrLeaseLost = errors.New("evaluation: the report job's lease was lost to another replica")

// ReportJob renders every report of a round into one ZIP, kept in the blob
// store under BlobKey once done.
type ReportJob struct {
	ID         int64      `json:"id"`
	RoundID    int64      `json:"round_id"`
	Status     JobStatus  `json:"status"`
	Done       int        `json:"done"`
	Total      int        `json:"total"`
	BlobKey    string     `json:"-"`
	Size       int64      `json:"size"`
	Error      string     `json:"error"`
	LeaseOwner string     `json:"-"`
	LeaseUntil *time.Time `json:"-"`
	Attempts   int        `json:"-"`
	CreatedBy  int64      `json:"-"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
	FinishedAt *time.Time `json:"finished_at"`
}

// CreateReportJob queues a job rendering every report of a round the actor
// may have (office and viewers), with total documents to render.
func (s *Store) CreateReportJob(ctx context.Context, actor Actor, roundID int64, total int) (*ReportJob, error) {
	r, err := s.Round(ctx, roundID)
	if err != nil {
		return nil, err
	}
	if err := s.checkReportAccess(ctx, actor, r, 0, ReportEvaluation); err != nil {
		return nil, err
	}
	j := &ReportJob{RoundID: roundID, Status: JobQueued, Total: total, CreatedBy: actor.UserID}
	err = s.write(ctx, actor, func(t *tx) error {
		if err := t.Create(j).Error; err != nil {
			return fmt.Errorf("create report job: %w", err)
		}
		t.audit("report_job.create", "round", roundID, nil, j)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return j, nil
}

// ClaimReportJob gives a job to the replica owner until now+lease: job id
// when id is not 0 (the replica that just created it), otherwise the oldest
// job waiting — queued, or running under a lease that ran out. It returns nil
// when there is none. The claim is one conditional UPDATE, so of replicas
// claiming at once exactly one wins; a job whose lease ran out after
// maxJobAttempts claims is failed instead.
func (s *Store) ClaimReportJob(ctx context.Context, owner string, id int64, lease time.Duration) (*ReportJob, error) {
	now := s.Now()
	g := s.read(ctx)
	claimable := g.Model(&ReportJob{}).Where("status = ? OR (status = ? AND (lease_until IS NULL OR lease_until < ?))", JobQueued, JobRunning, now)
	var candidates []ReportJob
	q := claimable.Session(&gorm.Session{}).Order("id").Limit(10)
	if id != 0 {
		q = q.Where("id = ?", id)
	}
	if err := q.Find(&candidates).Error; err != nil {
		return nil, fmt.Errorf("claim report job: %w", err)
	}
	for _, c := range candidates {
		if c.Attempts >= maxJobAttempts {
			err := s.read(ctx).Model(&ReportJob{}).Where("id = ? AND attempts = ?", c.ID, c.Attempts).
				Where("status = ? OR (status = ? AND (lease_until IS NULL OR lease_until < ?))", JobQueued, JobRunning, now).
				Updates(map[string]any{"status": JobFailed, "error": "任务多次中断（服务器停止或出错），请重新生成",
					"updated_at": now, "finished_at": now}).Error
			if err != nil {
				return nil, fmt.Errorf("fail report job %d: %w", c.ID, err)
			}
			continue
		}
		until := now.Add(lease)
		res := s.read(ctx).Model(&ReportJob{}).Where("id = ? AND attempts = ?", c.ID, c.Attempts).
			Where("status = ? OR (status = ? AND (lease_until IS NULL OR lease_until < ?))", JobQueued, JobRunning, now).
			Updates(map[string]any{"status": JobRunning, "lease_owner": owner, "lease_until": until,
				"attempts": c.Attempts + 1, "updated_at": now})
		if res.Error != nil {
			return nil, fmt.Errorf("claim report job %d: %w", c.ID, res.Error)
		}
		if res.RowsAffected == 1 {
			c.Status, c.LeaseOwner, c.LeaseUntil, c.Attempts, c.UpdatedAt = JobRunning, owner, &until, c.Attempts+1, now
			return &c, nil
		}
	}
	return nil, nil
}

// RenewReportJob records how many documents owner's job has rendered and
// extends its lease; ErrLeaseLost when another replica holds it now.
func (s *Store) RenewReportJob(ctx context.Context, id int64, owner string, done int, lease time.Duration) error {
	now := s.Now()
	res := s.read(ctx).Model(&ReportJob{}).Where("id = ? AND lease_owner = ? AND status = ?", id, owner, JobRunning).
		Updates(map[string]any{"done": done, "lease_until": now.Add(lease), "updated_at": now})
	if res.Error != nil {
		return fmt.Errorf("renew report job %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrLeaseLost
	}
	return nil
}

// ReleaseReportJob hands owner's job back to the queue, for another replica
// (or this one after a restart) to claim at once: a replica shutting down
// releases the jobs it runs. The attempt does not count.
func (s *Store) ReleaseReportJob(ctx context.Context, id int64, owner string) error {
	res := s.read(ctx).Model(&ReportJob{}).Where("id = ? AND lease_owner = ? AND status = ?", id, owner, JobRunning).
		Updates(map[string]any{"status": JobQueued, "lease_owner": "", "lease_until": nil,
			"attempts": gorm.Expr("attempts - 1"), "updated_at": s.Now()})
	if res.Error != nil {
		return fmt.Errorf("release report job %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrLeaseLost
	}
	return nil
}

// ReportJobActor is the user who created a job, as the actor its reports
// are rendered for (on whichever replica runs it).
func (s *Store) ReportJobActor(ctx context.Context, job *ReportJob) (Actor, error) {
	u, err := s.User(ctx, job.CreatedBy)
	if err != nil {
		return Actor{}, fmt.Errorf("report job %d: its creator: %w", job.ID, err)
	}
	return ActorOf(u), nil
}

// FinishReportJob records the outcome of owner's job: the stored ZIP, or
// the error; ErrLeaseLost (and nothing recorded) when another replica holds
// the job now.
func (s *Store) FinishReportJob(ctx context.Context, id int64, owner string, blobKey string, size int64, jobErr error) error {
	return s.write(ctx, System, func(t *tx) error {
		changes := map[string]any{"status": JobDone, "blob_key": blobKey, "size": size, "updated_at": t.now, "finished_at": t.now}
		if jobErr != nil {
			changes = map[string]any{"status": JobFailed, "error": jobErr.Error(), "updated_at": t.now, "finished_at": t.now}
		} else {
			changes["done"] = gorm.Expr("total")
		}
		res := t.Model(&ReportJob{}).Where("id = ? AND lease_owner = ? AND status = ?", id, owner, JobRunning).Updates(changes)
		if res.Error != nil {
			return fmt.Errorf("finish report job: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrLeaseLost
		}
		t.audit("report_job.finish", "report_job", id, nil, changes)
		return nil
	})
}

// ReportJob returns a job its creator (or an admin) may see, of a round the
// phase rule lets them read. A running job whose process stopped reporting
// progress is reported failed.
func (s *Store) ReportJob(ctx context.Context, actor Actor, id int64) (*ReportJob, error) {
	var j ReportJob
	if err := s.read(ctx).First(&j, id).Error; err != nil {
		return nil, notFound(err, "report job")
	}
	if actor.Role != RoleAdmin && j.CreatedBy != actor.UserID {
		return nil, ErrNotFound
	}
	r, err := s.Round(ctx, j.RoundID)
	if err != nil {
		return nil, err
	}
	if !actor.MayReadRound(r.Status) {
		return nil, ErrNotFound
	}
	if (j.Status == JobRunning || j.Status == JobQueued) && s.Now().Sub(j.UpdatedAt) > JobStaleAfter {
		j.Status, j.Error = JobFailed, "任务中断（服务器重启或出错），请重新生成"
	}
	return &j, nil
}
