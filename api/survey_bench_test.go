package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/evald/evald/api"
	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/evaluation/evaltest"
)

// BenchmarkPublicSurveyAnswers posts valid answers to an eight-question
// survey through the Echo router on the embedded SQLite database, from many
// requests in flight at once (32 per CPU) and 1,000 client addresses (the
// rate limit set out of the way), and reports answers stored per second.
//
//	go test ./api/ -run '^$' -bench BenchmarkPublicSurveyAnswers -cpu 2
func BenchmarkPublicSurveyAnswers(b *testing.B) {
	env := evaltest.New(b, evaluation.SQLite)
	w := evaltest.Seed(b, env)
	e, err := api.New(api.Config{Store: env.Store, Reports: newReportService(b, env), SurveyRate: 1 << 30})
	if err != nil {
		b.Fatal(err)
	}
	sv := w.PublishedSurvey(evaltest.SurveyRequest())
	path := "/api/v1/public/surveys/" + *sv.Token + "/responses"
	rng := rand.New(rand.NewPCG(5, 6))
	bodies := make([][]byte, 512)
	for i := range bodies {
		bodies[i], err = json.Marshal(map[string]any{"answers": evaltest.SurveyAnswers(rng)})
		if err != nil {
			b.Fatal(err)
		}
	}
	var seq atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(32) // many phones at once: 32 requests in flight per CPU
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := seq.Add(1)
			req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(bodies[i%int64(len(bodies))]))
			req.Header.Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
			req.RemoteAddr = fmt.Sprintf("198.51.%d.%d:40000", i%1000/250, i%250)
			rec := httptest.NewRecorder()
			e.ServeHTTP(rec, req)
			if rec.Code != http.StatusCreated {
				b.Errorf("status %d: %s", rec.Code, rec.Body)
				return
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "answers/s")
	var stored int64
	if err := env.DB.Gorm.Table("survey_responses").Count(&stored).Error; err != nil || stored != int64(b.N) {
		b.Fatalf("%d responses stored for %d answers (%v)", stored, b.N, err)
	}
}
