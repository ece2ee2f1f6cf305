package evaluation

import (
	"context"
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

// JobStaleAfter is how long a running job may go without progress before it
// is reported failed (its process died).
const JobStaleAfter = 10 * time.Minute

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

// ReportJobProgress records how many documents a job has rendered.
func (s *Store) ReportJobProgress(ctx context.Context, id int64, done int) error {
	err := s.read(ctx).Model(&ReportJob{}).Where("id = ?", id).
		Updates(map[string]any{"status": JobRunning, "done": done, "updated_at": s.Now()}).Error
	if err != nil {
		return fmt.Errorf("report job progress: %w", err)
	}
	return nil
}

// FinishReportJob records a job's outcome: the stored ZIP, or the error.
func (s *Store) FinishReportJob(ctx context.Context, id int64, blobKey string, size int64, jobErr error) error {
	return s.write(ctx, System, func(t *tx) error {
		changes := map[string]any{"status": JobDone, "blob_key": blobKey, "size": size, "updated_at": t.now, "finished_at": t.now}
		if jobErr != nil {
			changes = map[string]any{"status": JobFailed, "error": jobErr.Error(), "updated_at": t.now, "finished_at": t.now}
		} else {
			changes["done"] = gorm.Expr("total")
		}
		if err := t.Model(&ReportJob{}).Where("id = ?", id).Updates(changes).Error; err != nil {
			return fmt.Errorf("finish report job: %w", err)
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
