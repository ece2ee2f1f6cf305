package reports

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// waitJob polls a job until it is done or failed.
func waitJob(t *testing.T, env *evaltest.Env, actor evaluation.Actor, id int64) *evaluation.ReportJob {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		job, err := env.Store.ReportJob(context.Background(), actor, id)
		if err != nil {
			t.Fatal(err)
		}
		if job.Status == evaluation.JobDone || job.Status == evaluation.JobFailed {
			return job
		}
		if time.Now().After(deadline) {
			t.Fatalf("job still %s after 30 s: %+v", job.Status, job)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A replica that claimed a job and died leaves it: once the lease runs out
// another replica claims and finishes it, and the dead one can neither renew
// nor finish it any more. Of replicas claiming one job at once exactly one
// gets it; a job claimed too often is failed; a job handed back is claimed
// again at once.
func TestReportJobsByLease(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		w := evaltest.Seed(t, env)
		w.PublishRound()
		ctx := context.Background()
		admin := w.AdminActor()
		const lease = time.Minute
		st := env.Store

		// Ten replicas claim one queued job at once: one wins.
		job, err := st.CreateReportJob(ctx, admin, w.Round.ID, 6)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		var winners []string
		for i := range 10 {
			owner := string(rune('a' + i))
			wg.Go(func() {
				got, err := st.ClaimReportJob(ctx, owner, 0, lease)
				if err != nil {
					t.Error(err)
					return
				}
				if got != nil {
					mu.Lock()
					winners = append(winners, owner)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(winners) != 1 {
			t.Fatalf("replicas that claimed the job: %v, want exactly one", winners)
		}
		dead := winners[0]
		if err := st.RenewReportJob(ctx, job.ID, dead, 2, lease); err != nil {
			t.Fatalf("renew by the holder: %v", err)
		}
		if got, err := st.ClaimReportJob(ctx, "b", 0, lease); err != nil || got != nil {
			t.Fatalf("claim under a live lease: %+v, %v; want none", got, err)
		}

		// The holder dies; its lease runs out; replica B's worker takes over.
		env.Clock.Advance(lease + time.Second)
		b := newService(t, env)
		b.owner = "b"
		if !b.runOrphan(ctx) {
			t.Fatal("replica B found no job to run")
		}
		done := waitJob(t, env, admin, job.ID)
		if done.Status != evaluation.JobDone || done.Done != done.Total {
			t.Fatalf("job after B ran it: %+v", done)
		}
		if _, rc, err := b.JobZIP(ctx, admin, job.ID); err != nil {
			t.Fatal(err)
		} else {
			rc.Close()
		}
		var rows []struct {
			LeaseOwner string
			Attempts   int
		}
		if err := env.DB.Gorm.Raw("SELECT lease_owner, attempts FROM report_jobs WHERE id = ?", job.ID).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].LeaseOwner != "b" || rows[0].Attempts != 2 {
			t.Errorf("job row %+v, want held by b on its second attempt", rows)
		}
		if err := st.RenewReportJob(ctx, job.ID, dead, 3, lease); !errors.Is(err, evaluation.ErrLeaseLost) {
			t.Errorf("renew by the dead replica: %v, want ErrLeaseLost", err)
		}
		if err := st.FinishReportJob(ctx, job.ID, dead, "", 0, errors.New("late")); !errors.Is(err, evaluation.ErrLeaseLost) {
			t.Errorf("finish by the dead replica: %v, want ErrLeaseLost", err)
		}
		if j := waitJob(t, env, admin, job.ID); j.Status != evaluation.JobDone {
			t.Errorf("the dead replica's finish changed the job: %+v", j)
		}

		// A job whose replicas keep dying is failed after three claims.
		job2, err := st.CreateReportJob(ctx, admin, w.Round.ID, 6)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			got, err := st.ClaimReportJob(ctx, "x", job2.ID, lease)
			if err != nil || got == nil || got.Attempts != i+1 {
				t.Fatalf("claim %d: %+v, %v", i+1, got, err)
			}
			env.Clock.Advance(lease + time.Second)
		}
		if got, err := st.ClaimReportJob(ctx, "x", 0, lease); err != nil || got != nil {
			t.Fatalf("fourth claim: %+v, %v; want none", got, err)
		}
		if j := waitJob(t, env, admin, job2.ID); j.Status != evaluation.JobFailed || j.Error == "" {
			t.Errorf("job claimed three times: %+v, want failed with a reason", j)
		}

		// A job handed back (its replica shutting down) is claimed at once.
		job3, err := st.CreateReportJob(ctx, admin, w.Round.ID, 6)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := st.ClaimReportJob(ctx, "c", job3.ID, lease); err != nil || got == nil {
			t.Fatalf("claim: %+v, %v", got, err)
		}
		if err := st.ReleaseReportJob(ctx, job3.ID, "c"); err != nil {
			t.Fatal(err)
		}
		got, err := st.ClaimReportJob(ctx, "d", 0, lease)
		if err != nil || got == nil || got.ID != job3.ID || got.Attempts != 1 {
			t.Fatalf("claim after release: %+v, %v; want job %d on its first attempt", got, err, job3.ID)
		}
	})
}
