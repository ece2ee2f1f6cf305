package api

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"github.com/evald/evald/evaluation"
)

// DefaultSurveyRate is how many answers a minute one client address may
// submit to the public survey endpoint (EVAL_SURVEY_RATE).
const DefaultSurveyRate = 30

// PublicSurveyStore is what the public survey handlers need of the domain.
type PublicSurveyStore interface {
	PublicSurvey(ctx context.Context, token string) (*evaluation.PublicSurvey, error)
	AnswerSurvey(ctx context.Context, token string, answers map[string]json.RawMessage) error
	Location() *time.Location
}

// PublicSurveyHandler serves surveys to citizens, without login: the page,
// the survey as JSON and the submission of answers, which is rate limited
// per client address. Addresses are kept in memory by the limiter only;
// nothing about who answered is stored.
type PublicSurveyHandler struct {
	Surveys    PublicSurveyStore
	Log        *slog.Logger
	limit      echo.MiddlewareFunc
	surveyPage *surveyPage
}

// SurveyAnswerRequest is a citizen's response: a value per question code.
type SurveyAnswerRequest struct {
	Answers map[string]json.RawMessage `json:"answers"`
}

// SurveyAnswerAccepted is the answer to an accepted response.
type SurveyAnswerAccepted struct {
	Message string `json:"message"`
}

// newPublicSurveyHandler builds the handler with a limiter of perMinute
// answers a minute per client address (the default when 0).
func newPublicSurveyHandler(store PublicSurveyStore, perMinute int, log *slog.Logger) (*PublicSurveyHandler, error) {
	if perMinute <= 0 {
		perMinute = DefaultSurveyRate
	}
	page, err := newSurveyPage()
	if err != nil {
		return nil, err
	}
	retry := strconv.Itoa(int(math.Ceil(60 / float64(perMinute))))
	tooMany := &apiError{status: http.StatusTooManyRequests, code: "too_many_requests", message: "提交过于频繁，请稍后再试"}
	limiter := middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
			Rate: rate.Limit(float64(perMinute) / 60), Burst: perMinute, ExpiresIn: 3 * time.Minute,
		}),
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", retry)
			return tooMany
		},
	})
	return &PublicSurveyHandler{Surveys: store, Log: log, limit: limiter, surveyPage: page}, nil
}

// limited wraps a handler in the per-address rate limit.
func (h *PublicSurveyHandler) limited(next echo.HandlerFunc) echo.HandlerFunc { return h.limit(next) }

func (h *PublicSurveyHandler) get(c echo.Context) error {
	s, err := h.Surveys.PublicSurvey(c.Request().Context(), c.Param("token"))
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, s)
}

func (h *PublicSurveyHandler) answer(c echo.Context) error {
	var req SurveyAnswerRequest
	if err := decode(c, &req); err != nil {
		return err
	}
	if err := h.Surveys.AnswerSurvey(c.Request().Context(), c.Param("token"), req.Answers); err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, SurveyAnswerAccepted{Message: "提交成功，感谢您的参与！"})
}

// ipExtractor decides which address a request comes from: the direct peer,
// or — only when that peer is one of the trusted reverse proxies (IPs or
// CIDRs) — the nearest untrusted address of X-Forwarded-For. A client that
// sends its own X-Forwarded-For to the server directly gains nothing.
func ipExtractor(trusted []string) (echo.IPExtractor, error) {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect(), nil
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, s := range trusted {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !strings.Contains(s, "/") {
			ip := net.ParseIP(s)
			if ip == nil {
				return nil, fmt.Errorf("trusted proxy %q is neither an IP address nor a CIDR range", s)
			}
			bits := 128
			if ip.To4() != nil {
				bits = 32
			}
			s = fmt.Sprintf("%s/%d", ip, bits)
		}
		_, network, err := net.ParseCIDR(s)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q: %w", s, err)
		}
		opts = append(opts, echo.TrustIPRange(network))
	}
	return echo.ExtractIPFromXFFHeader(opts...), nil
}

// checkPublicURL refuses a base for public links that is not an absolute
// http(s) URL without query or fragment.
func checkPublicURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("public URL %q must be an absolute http(s) URL such as https://pg.example.gov.cn", s)
	}
	return nil
}
