package api_test

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"testing"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

func TestEvidenceOverHTTP(t *testing.T) {
	evaltest.Dialects(t, func(t *testing.T, env *evaltest.Env) {
		s := newServer(t, env)
		p := s.w.PublishRound()
		tok := s.token(asDept)
		path := fmt.Sprintf("/api/v1/findings/%d/response/attachments", p.P1Critical.ID)
		// Over 20 MB, a renamed web page, a path in the name: 422, nothing stored.
		big := append(append([]byte{}, evidencePDF...), bytes.Repeat([]byte{' '}, evaluation.MaxEvidenceSize)...)
		for name, data := range map[string][]byte{"大文件.pdf": big, "页面.pdf": []byte("<!doctype html><html></html>"), "../x.pdf": evidencePDF} {
			r := s.upload(path, tok, "file", name, data).want(http.StatusUnprocessableEntity)
			if e := r.errorBody(); e.Fields["file"] == "" {
				t.Errorf("%s: %+v", name, e)
			}
		}
		var a evaluation.AttachmentView
		s.upload(path, tok, "file", "整改报告 v2.pdf", evidencePDF).want(http.StatusCreated).decode(&a)
		r := s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", a.ID), tok, nil).want(http.StatusOK)
		if !bytes.Equal(r.Body, evidencePDF) || r.Header.Get("Content-Type") != "application/pdf" ||
			r.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatalf("download: %q %v", r.Body, r.Header)
		}
		_, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition"))
		if err != nil || params["filename"] != "整改报告 v2.pdf" {
			t.Fatalf("Content-Disposition %q: %v %v", r.Header.Get("Content-Disposition"), params, err)
		}
		// Until the response is submitted only the department sees the file.
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", a.ID), s.token(asEvaluator), nil).want(http.StatusNotFound)
		s.call(http.MethodPut, fmt.Sprintf("/api/v1/findings/%d/response", p.P1Critical.ID), tok, evaltest.DeptAnswer()).want(http.StatusOK)
		var fv evaluation.FindingView
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/findings/%d/response/submit", p.P1Critical.ID), tok, nil).want(http.StatusOK).decode(&fv)
		if fv.Status != evaluation.FindingResponded || len(fv.Response.Attachments) != 1 || fv.Response.Attachments[0].SubmittedIn == nil {
			t.Fatalf("after submit: %+v", fv.Response)
		}
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/attachments/%d", a.ID), s.token(asEvaluator), nil).want(http.StatusOK)
		r = s.call(http.MethodDelete, fmt.Sprintf("/api/v1/attachments/%d", a.ID), tok, nil).want(http.StatusConflict)
		if !strings.Contains(r.errorBody().Message, "不能删除") {
			t.Fatalf("delete submitted evidence: %s", r.Body)
		}
		// Wrong transitions are 409.
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/findings/%d/response/submit", p.P1Critical.ID), tok, nil).want(http.StatusConflict)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/findings/%d/verify", p.P1Minor.ID), s.token(asAdmin),
			evaluation.VerifyRequest{Verdict: evaluation.VerdictAccepted}).want(http.StatusConflict)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/findings/%d/verify", p.P1Critical.ID), s.token(asEvaluator),
			map[string]string{"verdict": "maybe"}).want(http.StatusUnprocessableEntity)
		s.call(http.MethodPost, fmt.Sprintf("/api/v1/findings/%d/verify", p.P1Critical.ID), s.token(asEvaluator),
			evaluation.VerifyRequest{Verdict: evaluation.VerdictAccepted}).want(http.StatusOK)
		var hist evaluation.FindingHistory
		s.call(http.MethodGet, fmt.Sprintf("/api/v1/findings/%d/history", p.P1Critical.ID), tok, nil).want(http.StatusOK).decode(&hist)
		if len(hist.Versions) != 1 || hist.Versions[0].Verdict == nil || hist.Versions[0].Verdict.Verdict != evaluation.VerdictAccepted {
			t.Fatalf("history: %+v", hist)
		}
		var list evaluation.List[evaluation.FindingView]
		s.call(http.MethodGet, "/api/v1/findings?status=accepted", tok, nil).want(http.StatusOK).decode(&list)
		if list.Total != 1 || list.Items[0].ID != p.P1Critical.ID {
			t.Fatalf("accepted findings: %+v", list)
		}
		s.call(http.MethodGet, "/api/v1/findings?overdue=maybe", tok, nil).want(http.StatusBadRequest)
	})
}
