package api_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// verified is the public answer of the report verification.
type verified struct {
	Genuine      bool   `json:"genuine"`
	Kind         string `json:"kind"`
	SHA256       string `json:"sha256"`
	Version      *int   `json:"version"`
	SupersededBy *int   `json:"superseded_by"`
	Draft        bool   `json:"draft"`
}

func (s *server) verifyHash(sum string) verified {
	s.t.Helper()
	var v verified
	s.call(http.MethodGet, "/api/v1/reports/verify/"+sum, "", nil).want(http.StatusOK).decode(&v)
	return v
}

func intIs(p *int, want int) bool { return p != nil && *p == want }

// TestIssuedReportsAreFrozen: the office's preview is a draft; publication
// issues version 1, which edits of the plan, a user and organisations do not
// change by a byte; a reissue makes version 2 from the data of the day and
// the first one verifies as superseded, by hash and by file, and downloads
// again by ?version=1 byte for byte, for every reader of the report (not for
// another department or an evaluator not assigned); the round's ZIP carries
// the current version.
func TestIssuedReportsAreFrozen(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		w := s.w
		admin := s.token(asAdmin)
		a11, a12 := w.Assign(w.Round, w.P1, w.Eval1), w.Assign(w.Round, w.P1, w.Eval2)
		w.Move(w.Round, evaluation.RoundOpen)
		w.Score(a11, w.Eval1, w.FullAnswers(0.8))
		w.Score(a12, w.Eval2, w.FullAnswers(0.7))
		w.Move(w.Round, evaluation.RoundScoringClosed)
		pdfPath := fmt.Sprintf("/api/v1/rounds/%d/plans/%d/evaluation-report.pdf", w.Round.ID, w.P1.ID)
		reissue := fmt.Sprintf("/api/v1/rounds/%d/plans/%d/evaluation-report/reissue", w.Round.ID, w.P1.ID)
		versionsPath := fmt.Sprintf("/api/v1/rounds/%d/plans/%d/evaluation-report/versions", w.Round.ID, w.P1.ID)

		// The preview: recorded, answered as a draft, not reissuable.
		preview := s.call(http.MethodGet, pdfPath, admin, nil).want(http.StatusOK)
		if v := s.verifyHash(preview.Header.Get("X-Report-SHA256")); !v.Draft || v.Version != nil || v.SupersededBy != nil {
			t.Fatalf("the preview verifies as %+v; want a draft without a version", v)
		}
		s.call(http.MethodPost, reissue, admin, evaluation.ReissueRequest{Reason: "更正"}).want(http.StatusConflict)
		s.call(http.MethodGet, pdfPath+"?version=1", admin, nil).want(http.StatusNotFound) // nothing issued yet
		var none evaluation.List[evaluation.IssuedReportVersion]
		s.call(http.MethodGet, versionsPath, admin, nil).want(http.StatusOK).decode(&none)
		if len(none.Items) != 0 {
			t.Fatalf("versions before publication: %+v", none)
		}

		w.Env.Clock.Set(time.Date(2026, 5, 10, 9, 0, 0, 0, evaltest.Shanghai))
		s.tokens = map[string]string{} // the sessions of before have expired
		admin = s.token(asAdmin)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/publish", w.Round.ID), admin, nil).want(http.StatusOK)
		v1 := s.call(http.MethodGet, pdfPath, admin, nil).want(http.StatusOK)
		if bytes.Equal(v1.Body, preview.Body) {
			t.Fatal("the issued report is the preview")
		}

		// Edit the plan, the evaluators' and the office's names, the
		// agencies and the department: version 1 does not change.
		title, name := "改名后的方案标题", "改名后的显示名"
		s.call(http.MethodPatch, fmt.Sprintf("/api/v1/plans/%d", w.P1.ID), admin, evaluation.PlanPatch{Title: &title}).want(http.StatusOK)
		for _, u := range []*evaluation.User{w.Eval1, w.Eval2, w.Admin} {
			s.call(http.MethodPatch, fmt.Sprintf("/api/v1/users/%d", u.ID), admin, evaluation.UserPatch{DisplayName: &name}).want(http.StatusOK)
		}
		for i, o := range []*evaluation.Org{w.SCU, w.UESTC, w.Finance, w.Office} {
			n := fmt.Sprintf("改名后的单位%d", i)
			s.call(http.MethodPatch, fmt.Sprintf("/api/v1/orgs/%d", o.ID), admin, evaluation.OrgPatch{Name: &n}).want(http.StatusOK)
		}
		again := s.call(http.MethodGet, pdfPath, admin, nil).want(http.StatusOK)
		if !bytes.Equal(again.Body, v1.Body) {
			t.Fatal("editing the plan, users and organisations changed the issued report")
		}
		for _, who := range []string{asEvaluator, asDept, asViewer} {
			if r := s.call(http.MethodGet, pdfPath, s.token(who), nil).want(http.StatusOK); !bytes.Equal(r.Body, v1.Body) {
				t.Errorf("%s gets another report than the issued one", who)
			}
		}
		first := v1.Header.Get("X-Report-SHA256")
		if v := s.verifyHash(first); v.Draft || !intIs(v.Version, 1) || v.SupersededBy != nil {
			t.Fatalf("version 1 verifies as %+v", v)
		}

		// Reissue: refused without a reason, then version 2 from today's data.
		if e := s.call(http.MethodPost, reissue, admin, evaluation.ReissueRequest{}).want(http.StatusUnprocessableEntity).errorBody(); e.Fields["reason"] == "" {
			t.Errorf("an empty reason: %+v", e)
		}
		long := strings.Repeat("因", evaluation.ColumnLimit("issued_reports.reason")+1)
		s.call(http.MethodPost, reissue, admin, evaluation.ReissueRequest{Reason: long}).want(http.StatusUnprocessableEntity)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/plans/%d/evaluation-report/reissue", w.Round.ID, w.P3.ID), admin,
			evaluation.ReissueRequest{Reason: "更正"}).want(http.StatusNotFound)
		var re api.ReissueResponse
		s.call(http.MethodPost, reissue, admin, evaluation.ReissueRequest{Reason: "方案名称更正"}).want(http.StatusCreated).decode(&re)
		if re.Version != 2 || re.Reason != "方案名称更正" {
			t.Fatalf("reissued %+v", re)
		}
		v2 := s.call(http.MethodGet, pdfPath, admin, nil).want(http.StatusOK)
		if bytes.Equal(v2.Body, v1.Body) {
			t.Fatal("the reissued report is version 1")
		}
		second := v2.Header.Get("X-Report-SHA256")
		if v := s.verifyHash(first); !intIs(v.Version, 1) || !intIs(v.SupersededBy, 2) {
			t.Errorf("version 1 after the reissue verifies as %+v", v)
		}
		if v := s.verifyHash(second); !intIs(v.Version, 2) || v.SupersededBy != nil || v.Draft {
			t.Errorf("version 2 verifies as %+v", v)
		}

		// Earlier versions download again byte for byte, by every reader of
		// the report, and verify as what they are.
		for _, who := range []string{asAdmin, asEvaluator, asDept, asViewer} {
			old := s.call(http.MethodGet, pdfPath+"?version=1", s.token(who), nil).want(http.StatusOK)
			if !bytes.Equal(old.Body, v1.Body) || old.Header.Get("X-Report-SHA256") != first {
				t.Errorf("%s: version 1 after the reissue is not the version 1 issued", who)
			}
			if cur := s.call(http.MethodGet, pdfPath+"?version=2", s.token(who), nil).want(http.StatusOK); !bytes.Equal(cur.Body, v2.Body) {
				t.Errorf("%s: version 2 by number is not the current report", who)
			}
		}
		if v := s.verifyHash(first); !intIs(v.Version, 1) || !intIs(v.SupersededBy, 2) || v.Draft {
			t.Errorf("version 1 downloaded again verifies as %+v", v)
		}
		for _, absent := range []string{"3", "99999999999"} {
			if e := s.call(http.MethodGet, pdfPath+"?version="+absent, admin, nil).want(http.StatusNotFound).errorBody(); e.Code != "not_found" {
				t.Errorf("version %s of 2: %+v", absent, e)
			}
		}
		// An evaluator not assigned the plan and another department have
		// no version of it, nor its list.
		for _, who := range []string{"eval3", "assets"} {
			s.call(http.MethodGet, pdfPath+"?version=1", s.token(who), nil).want(http.StatusNotFound)
			s.call(http.MethodGet, versionsPath, s.token(who), nil).want(http.StatusNotFound)
		}
		for _, bad := range []string{"0", "-1", "abc", "1.5"} {
			if e := s.call(http.MethodGet, pdfPath+"?version="+bad, admin, nil).want(http.StatusBadRequest).errorBody(); e.Fields["version"] == "" {
				t.Errorf("version=%s: %+v", bad, e)
			}
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/rounds/%d/plans/%d/evaluation-report.pdf?version=1", w.Round.ID, w.P3.ID), admin, nil).
			want(http.StatusNotFound) // a plan not in the round
		var versions evaluation.List[evaluation.IssuedReportVersion]
		s.call(http.MethodGet, versionsPath, s.token(asDept), nil).want(http.StatusOK).decode(&versions)
		if len(versions.Items) != 2 || versions.Items[0].Version != 1 || versions.Items[0].Current || versions.Items[0].Reason != "" ||
			versions.Items[1].Version != 2 || !versions.Items[1].Current || versions.Items[1].Reason != "方案名称更正" ||
			!versions.Items[1].IssuedAt.Equal(re.IssuedAt) {
			t.Errorf("versions: %+v", versions)
		}

		// Verify by the file itself: the same answer.
		var byFile verified
		s.upload("/api/v1/reports/verify", "", "file", "report.pdf", v1.Body).want(http.StatusOK).decode(&byFile)
		if byFile.SHA256 != first || !intIs(byFile.Version, 1) || !intIs(byFile.SupersededBy, 2) {
			t.Errorf("version 1 by file verifies as %+v", byFile)
		}
		changed := append([]byte(nil), v1.Body...)
		changed[len(changed)/2] ^= 1
		s.upload("/api/v1/reports/verify", "", "file", "report.pdf", changed).want(http.StatusNotFound)
		if e := s.upload("/api/v1/reports/verify", "", "file", "report.docx", []byte("PK\x03\x04 not a pdf")).
			want(http.StatusUnprocessableEntity).errorBody(); e.Fields["file"] == "" {
			t.Errorf("not a PDF: %+v", e)
		}
		huge := make([]byte, api.MaxVerifyFileSize+1)
		copy(huge, "%PDF-1.7\n")
		wantTooLarge(t, s.upload("/api/v1/reports/verify", "", "file", "huge.pdf", huge), "查验的文件不能超过50MB")

		// The round's ZIP carries version 2.
		var job api.JobResponse
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/rounds/%d/reports", w.Round.ID), admin, nil).want(http.StatusAccepted).decode(&job)
		deadline := time.Now().Add(60 * time.Second)
		for job.Status != evaluation.JobDone {
			if job.Status == evaluation.JobFailed || time.Now().After(deadline) {
				t.Fatalf("job %+v", job)
			}
			time.Sleep(100 * time.Millisecond)
			s.call(http.MethodGet, fmt.Sprintf("/api/v1/jobs/%d", job.JobID), admin, nil).want(http.StatusOK).decode(&job)
		}
		z := s.call(http.MethodGet, *job.DownloadURL, admin, nil).want(http.StatusOK)
		zr, err := zip.NewReader(bytes.NewReader(z.Body), int64(len(z.Body)))
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range zr.File {
			if !strings.HasPrefix(f.Name, "评估报告/"+w.P1.Code+" ") {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatal(err)
			}
			found = bytes.Equal(b, v2.Body)
		}
		if !found {
			t.Error("the round's ZIP does not carry version 2 of P1's report")
		}
	})
}

// TestVerifyFileIsRateLimited: one client address may send VerifyFileRate
// files a minute; the next is refused with 429 and Retry-After, before its
// body is read.
func TestVerifyFileIsRateLimited(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	pdf := []byte("%PDF-1.7\n% not issued here\n")
	for i := range api.VerifyFileRate {
		if r := s.upload("/api/v1/reports/verify", "", "file", "r.pdf", pdf); r.Code != http.StatusNotFound {
			t.Fatalf("file %d: status %d, want 404", i+1, r.Code)
		}
	}
	r := s.upload("/api/v1/reports/verify", "", "file", "r.pdf", pdf).want(http.StatusTooManyRequests)
	if r.Header.Get("Retry-After") == "" || r.errorBody().Code != "too_many_requests" {
		t.Errorf("429 without Retry-After or code: %v %s", r.Header, r.Body)
	}
	// Verifying by hash is not limited.
	s.call(http.MethodGet, "/api/v1/reports/verify/"+strings.Repeat("ab", 32), "", nil).want(http.StatusNotFound)
}
