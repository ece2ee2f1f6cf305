package api_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// BenchmarkEvidenceUpload20MB uploads 20 MB evidence files (each one new)
// through the Echo router, streamed as a client sends them, and reports the
// bytes allocated per upload: the file goes to a temporary file and from
// there to the blob store, so B/op stays far below the file's size.
//
//	go test ./api/ -run '^$' -bench BenchmarkEvidenceUpload20MB -benchmem
func BenchmarkEvidenceUpload20MB(b *testing.B) {
	env := evaltest.New(b, evaluation.SQLite)
	w := evaltest.Seed(b, env)
	p := w.PublishRound()
	e, err := api.New(api.Config{Store: env.Store, Reports: newReportService(b, env), TempDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	token, _, err := env.Store.Login(b.Context(), w.DeptFinance.Username, evaltest.Password, "192.0.2.1")
	if err != nil {
		b.Fatal(err)
	}
	path := fmt.Sprintf("/api/v1/findings/%d/response/attachments", p.P1Critical.ID)
	file := append(append([]byte{}, evidencePDF...), bytes.Repeat([]byte{' '}, evaluation.MaxEvidenceSize-len(evidencePDF)-16)...)
	b.SetBytes(int64(len(file)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		copy(file[len(file)-16:], fmt.Sprintf("%016d", i)) // a new file each time: no upload is a no-op
		pr, pw := io.Pipe()
		mw := multipart.NewWriter(pw)
		go func() {
			fw, err := mw.CreateFormFile("file", "整改材料.pdf")
			if err == nil {
				_, err = fw.Write(file)
			}
			if err == nil {
				err = mw.Close()
			}
			pw.CloseWithError(err)
		}()
		req := httptest.NewRequest(http.MethodPost, path, pr)
		req.ContentLength = -1
		req.Header.Set(echo.HeaderContentType, mw.FormDataContentType())
		req.Header.Set(echo.HeaderAuthorization, "Bearer "+token)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != http.StatusCreated {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}
