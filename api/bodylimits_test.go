package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// Limits of the route classes (api/routes.go), restated so that a change
// there is a decision seen here.
const (
	jsonLimit   = 1 << 20
	answerLimit = 64 << 10
	uploadLimit = evaluation.MaxEvidenceSize + 64<<10
	importLimit = evaluation.MaxPlanImportSize + 64<<10
)

// padJSON pads a JSON value with trailing white space to exactly size bytes.
func padJSON(t *testing.T, v any, size int) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > size {
		t.Fatalf("the value alone is %d bytes, over %d", len(b), size)
	}
	return append(b, bytes.Repeat([]byte{' '}, size-len(b))...)
}

// multipartOf is a multipart form with one file field holding data.
func multipartOf(t *testing.T, filename string, data []byte) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", filename)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), mw.FormDataContentType()
}

// multipartSized is a multipart form of exactly size bytes whose file is
// head followed by fill bytes.
func multipartSized(t *testing.T, filename string, head []byte, fill byte, size int) ([]byte, string) {
	t.Helper()
	empty, _ := multipartOf(t, filename, nil)
	n := size - len(empty)
	if n < len(head) {
		t.Fatalf("a form of %d bytes has no room for the file's head", size)
	}
	body, ct := multipartOf(t, filename, append(append([]byte{}, head...), bytes.Repeat([]byte{fill}, n-len(head))...))
	if len(body) != size {
		t.Fatalf("form of %d bytes, want %d", len(body), size)
	}
	return body, ct
}

// post sends a body as the holder of token; streamed sends it without a
// Content-Length, so that only reading it finds its size.
func (s *server) post(path, token, contentType string, body []byte, streamed bool) *reply {
	s.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
	req.Header.Set(echo.HeaderContentType, contentType)
	if streamed {
		req.ContentLength = -1
	}
	return s.send(req, token)
}

// wantTooLarge checks a 413 with the error JSON and the route's message.
func wantTooLarge(t *testing.T, r *reply, message string) {
	t.Helper()
	r.want(http.StatusRequestEntityTooLarge)
	if e := r.errorBody(); e.Code != "too_large" || e.Message != message {
		t.Errorf("%s: error %+v, want too_large %q", r.req, e, message)
	}
}

// TestBodyLimitsPerRoute: each class of route accepts a body up to its own
// limit and answers one byte more with a 413 and the error JSON, whether
// the size is announced (Content-Length) or found while reading.
func TestBodyLimitsPerRoute(t *testing.T) {
	s := newServer(t, evaltest.New(t, evaluation.SQLite))
	const v1 = "/api/v1"
	admin := s.token(asAdmin)

	// JSON routes: 1 MB.
	{
		org := func(name string) map[string]string { return map[string]string{"name": name, "kind": "agency"} }
		s.post(v1+"/orgs", admin, echo.MIMEApplicationJSON, padJSON(t, org("限额测试一局"), jsonLimit), false).want(http.StatusCreated)
		for _, streamed := range []bool{false, true} {
			wantTooLarge(t, s.post(v1+"/orgs", admin, echo.MIMEApplicationJSON, padJSON(t, org("限额测试二局"), jsonLimit+1), streamed), "请求体不能超过1MB")
		}
	}

	// A public survey answer: 64 KB.
	{
		sv := s.w.PublishedSurvey(evaltest.SurveyRequest())
		path := v1 + "/public/surveys/" + *sv.Token + "/responses"
		s.post(path, "", echo.MIMEApplicationJSON, padJSON(t, validAnswer(), answerLimit), false).want(http.StatusCreated)
		for _, streamed := range []bool{false, true} {
			wantTooLarge(t, s.post(path, "", echo.MIMEApplicationJSON, padJSON(t, validAnswer(), answerLimit+1), streamed), "问卷答卷不能超过64KB")
		}
	}

	// The plan import: its 10 MB file and the form around it.
	{
		head := []byte("code,title,lead_department,issued_on\nCD-LIMIT-1,限额测试方案,市财政局,2017-05-01\n")
		// A 10 MB file (its blank lines skipped) is imported.
		body, ct := multipartSized(t, "plans.csv", head, '\n', evaluation.MaxPlanImportSize+len(mustEmptyForm(t, "plans.csv")))
		var res evaluation.ImportResult
		s.post(v1+"/plans/import", admin, ct, body, false).want(http.StatusOK).decode(&res)
		if res.Created != 1 {
			t.Errorf("import of a 10 MB file: %+v", res)
		}
		body, ct = multipartSized(t, "plans.csv", head, '\n', importLimit)
		if e := s.post(v1+"/plans/import", admin, ct, body, false).want(http.StatusUnprocessableEntity).errorBody(); e.Fields["file"] != "文件不能超过10MB" {
			t.Errorf("file over 10 MB in a body within the limit: %+v", e)
		}
		body, ct = multipartSized(t, "plans.csv", head, '\n', importLimit+1)
		for _, streamed := range []bool{false, true} {
			wantTooLarge(t, s.post(v1+"/plans/import", admin, ct, body, streamed), "导入文件不能超过10MB")
		}
	}

	// Routes without a body.
	{
		// A GET takes no body: one announced is refused before the handler.
		// (Not validated against the document, which lists no body for a GET.)
		req := httptest.NewRequest(http.MethodGet, v1+"/me", strings.NewReader("{}"))
		req.Header.Set(echo.HeaderAuthorization, "Bearer "+admin)
		rec := httptest.NewRecorder()
		s.e.ServeHTTP(rec, req)
		var b api.ErrorBody
		if err := json.Unmarshal(rec.Body.Bytes(), &b); err != nil || rec.Code != http.StatusRequestEntityTooLarge || b.Error.Code != "too_large" {
			t.Errorf("GET with a body: %d %s", rec.Code, rec.Body)
		}
		s.call(http.MethodGet, v1+"/me", admin, nil).want(http.StatusOK)
	}

	// Evidence uploads (last: publishing the round moves the clock past the sessions): 20 MB and the form around it.
	{
		p := s.w.PublishRound()
		dept := s.token(asDept)
		path := fmt.Sprintf(v1+"/findings/%d/response/attachments", p.P1Critical.ID)
		// A file of exactly 20 MB is taken.
		file := append(append([]byte{}, evidencePDF...), bytes.Repeat([]byte{' '}, evaluation.MaxEvidenceSize-len(evidencePDF))...)
		body, ct := multipartOf(t, "整改材料.pdf", file)
		s.post(path, dept, ct, body, false).want(http.StatusCreated)
		// A body within the route's limit whose file is over 20 MB: the
		// file is refused by field (422), not the body.
		body, ct = multipartSized(t, "整改材料.pdf", evidencePDF, ' ', uploadLimit)
		if e := s.post(path, dept, ct, body, false).want(http.StatusUnprocessableEntity).errorBody(); e.Fields["file"] != "文件不能超过20MB" {
			t.Errorf("file over 20 MB in a body within the limit: %+v", e)
		}
		body, ct = multipartSized(t, "整改材料.pdf", evidencePDF, ' ', uploadLimit+1)
		for _, streamed := range []bool{false, true} {
			wantTooLarge(t, s.post(path, dept, ct, body, streamed), "上传的文件不能超过20MB")
		}
	}
}

// mustEmptyForm is the multipart form around an empty file: its overhead.
func mustEmptyForm(t *testing.T, filename string) []byte {
	t.Helper()
	b, _ := multipartOf(t, filename, nil)
	return b
}

// TestSlowBodyIsCutOffPerRoute: on a real server, a JSON body dribbled one
// byte at a time is cut off at the route's short read deadline with a 408,
// while an upload sent at the same pace — its deadline is minutes — is
// taken.
func TestSlowBodyIsCutOffPerRoute(t *testing.T) {
	const deadline = 300 * time.Millisecond
	s := newServerWith(t, evaltest.New(t, evaluation.SQLite), api.Config{BodyReadTimeout: deadline})
	srv := httptest.NewServer(s.e)
	t.Cleanup(srv.Close)

	t.Run("JSON", func(t *testing.T) {
		conn, err := net.Dial("tcp", srv.Listener.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if _, err := fmt.Fprintf(conn, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		answered := make(chan *http.Response, 1)
		go func() {
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				answered <- nil
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			answered <- resp
		}()
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		var resp *http.Response
	dribble:
		for i := 0; ; i++ {
			select {
			case resp = <-answered:
				break dribble
			case <-tick.C:
				if i > 100 { // 5 s
					t.Fatalf("no answer after %v of a slow body", time.Since(start))
				}
				_, _ = conn.Write([]byte(" ")) // fails once the server has closed
			}
		}
		elapsed := time.Since(start)
		if resp == nil || resp.StatusCode != http.StatusRequestTimeout {
			t.Fatalf("slow JSON body: %+v, want a 408", resp)
		}
		if elapsed < deadline || elapsed > 3*time.Second {
			t.Errorf("the slow body was cut off after %v, want about %v", elapsed, deadline)
		}
		if !resp.Close {
			t.Errorf("the server keeps the connection of a late body open")
		}
	})

	t.Run("upload", func(t *testing.T) {
		p := s.w.PublishRound()
		body, ct := multipartOf(t, "会议纪要.pdf", evidencePDF)
		pr, pw := io.Pipe()
		go func() {
			for chunk := range slices.Chunk(body, len(body)/6+1) {
				time.Sleep(deadline / 3) // all of it takes twice the JSON deadline
				if _, err := pw.Write(chunk); err != nil {
					return
				}
			}
			_ = pw.Close()
		}()
		req, err := http.NewRequest(http.MethodPost, fmt.Sprintf("%s/api/v1/findings/%d/response/attachments", srv.URL, p.P1Critical.ID), pr)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Authorization", "Bearer "+s.token(asDept))
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusCreated {
			b, err := io.ReadAll(resp.Body)
			t.Fatalf("slow upload: %d %s %v", resp.StatusCode, b, err)
		}
	})
}
