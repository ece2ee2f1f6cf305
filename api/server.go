package api

import (
	"errors"
	"io/fs"
	"log/slog"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/evald/evald/evaluation"
	"github.com/evald/evald/reports"
)

// Config is what the HTTP server is built from.
type Config struct {
	Store    *evaluation.Store
	Logger   *slog.Logger
	Registry *prometheus.Registry // metrics registry; NewMetricsRegistry() when nil
	UI       fs.FS                // the built web UI (frontend.Assets())
	UIBuilt  bool
	Reports  *reports.Service // renders reports (required; cmd/evald builds it)

	// SurveyRate is how many answers a minute one client address may submit
	// to a public survey (EVAL_SURVEY_RATE); DefaultSurveyRate when 0.
	SurveyRate int
	// TrustedProxies are the reverse proxies (IPs or CIDR ranges,
	// EVAL_TRUSTED_PROXIES) whose X-Forwarded-For names the client; with
	// none, the client is the direct peer and X-Forwarded-For is ignored.
	TrustedProxies []string
	// PublicURL is the base of public survey links, e.g.
	// https://pg.example.gov.cn (EVAL_PUBLIC_URL); empty: http:// and
	// ListenAddr. Never a request's Host header.
	PublicURL string
	// ListenAddr is the address the server listens on (EVAL_ADDR),
	// DefaultAddr when empty.
	ListenAddr string
	// MetricsToken is the bearer token /metrics asks for on this server
	// (EVAL_METRICS_TOKEN); empty: /metrics answers 404 here.
	MetricsToken string
	// BodyReadTimeout is how long a client may take to send a JSON body
	// or a survey answer; DefaultBodyReadTimeout when 0. Uploads and
	// imports have deadlines of their own (routes.go).
	BodyReadTimeout time.Duration
	// TempDir is where uploaded evidence waits, in a file, while it is
	// checked and stored; "" means os.TempDir().
	TempDir string
}

// DefaultAddr is the listen address when EVAL_ADDR is not set.
const DefaultAddr = "127.0.0.1:8080"

// New builds the Echo server with every route of the route table.
func New(cfg Config) (*echo.Echo, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	reg := cfg.Registry
	if reg == nil {
		reg = NewMetricsRegistry()
	}
	doc, err := openAPIJSON()
	if err != nil {
		return nil, err
	}
	if cfg.Store == nil || cfg.Reports == nil {
		return nil, errors.New("api: the store and the report service are required")
	}

	ipx, err := ipExtractor(cfg.TrustedProxies)
	if err != nil {
		return nil, err
	}
	if err := checkPublicURL(cfg.PublicURL); err != nil {
		return nil, err
	}
	linkBase := surveyLinkBase(cfg.PublicURL, cfg.ListenAddr)
	if cfg.PublicURL == "" {
		log.Warn("EVAL_PUBLIC_URL is not set: survey links and QR codes point at the listen address", "base", linkBase)
	}
	publicSurveys, err := newPublicSurveyHandler(cfg.Store, cfg.SurveyRate, log)
	if err != nil {
		return nil, err
	}

	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = ipx
	e.HTTPErrorHandler = errorHandler(log)
	e.Use(middleware.RequestID())
	e.Use(observe(log, newHTTPMetrics(reg)))
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{DisableStackAll: true, LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
		log.ErrorContext(c.Request().Context(), "panic", "err", err, "stack", string(stack), "request_id", requestID(c))
		return err
	}}))
	e.Use(securityHeaders(cfg.PublicURL))

	h := handlers{
		service:     &ServiceHandler{DB: cfg.Store, OpenAPI: doc},
		metrics:     &MetricsHandler{Token: cfg.MetricsToken, Exporter: MetricsExporter(reg)},
		ui:          &UIHandler{Assets: cfg.UI, Built: cfg.UIBuilt, TimeZone: cfg.Store.Location().String()},
		auth:        &AuthHandler{Sessions: cfg.Store},
		throttles:   &LoginThrottleHandler{Throttles: cfg.Store},
		orgs:        &OrgHandler{Orgs: cfg.Store},
		users:       &UserHandler{Users: cfg.Store},
		plans:       &PlanHandler{Plans: cfg.Store},
		ledger:      &LedgerHandler{Ledger: cfg.Store},
		templates:   &TemplateHandler{Templates: cfg.Store},
		conflicts:   &ConflictHandler{Conflicts: cfg.Store},
		rounds:      &RoundHandler{Rounds: cfg.Store},
		assignments: &AssignmentHandler{Assignments: cfg.Store},
		scoresheets: &ScoresheetHandler{Scoresheets: cfg.Store},
		findings:    &FindingHandler{Findings: cfg.Store},
		results:     &ResultHandler{Results: cfg.Store},
		audit:       &AuditHandler{Audit: cfg.Store},
		rectify:     &RectificationHandler{Store: cfg.Store},
		exports:     &ExportHandler{Store: cfg.Store},
		narratives:  &NarrativeHandler{Narratives: cfg.Store},
		evidence:    &AttachmentHandler{Attachments: cfg.Store, TempDir: cfg.TempDir},
		requests:    &RequestHandler{Requests: cfg.Store, TempDir: cfg.TempDir},
		selfAssess:  &SelfAssessmentHandler{SelfAssessments: cfg.Store, TempDir: cfg.TempDir},
		notices:     &NotificationHandler{Notifications: cfg.Store},
		reports:     newReportHandler(cfg.Reports, cfg.Store),
		surveys:     &SurveyHandler{Surveys: cfg.Store, LinkBase: linkBase},
		respondents: publicSurveys,
	}
	authn := authenticate(cfg.Store)
	for _, r := range h.routes() {
		// Who may call comes before what is asked for: nobody learns
		// anything about ids before logging in.
		var mw []echo.MiddlewareFunc
		if r.roles != nil {
			mw = append(mw, authn, allow(r.roles...))
		}
		body := bodyFor(r.method, r.path)
		if body.max > 0 && !body.long && cfg.BodyReadTimeout > 0 {
			body.read = cfg.BodyReadTimeout
		}
		e.Add(r.method, r.path, r.handler, append(mw, parseIDs, limitBody(body))...)
	}
	return e, nil
}

// handlers holds one handler per resource.
type handlers struct {
	service     *ServiceHandler
	metrics     *MetricsHandler
	ui          *UIHandler
	auth        *AuthHandler
	throttles   *LoginThrottleHandler
	orgs        *OrgHandler
	users       *UserHandler
	plans       *PlanHandler
	ledger      *LedgerHandler
	templates   *TemplateHandler
	conflicts   *ConflictHandler
	rounds      *RoundHandler
	assignments *AssignmentHandler
	scoresheets *ScoresheetHandler
	findings    *FindingHandler
	results     *ResultHandler
	audit       *AuditHandler
	rectify     *RectificationHandler
	exports     *ExportHandler
	narratives  *NarrativeHandler
	evidence    *AttachmentHandler
	requests    *RequestHandler
	selfAssess  *SelfAssessmentHandler
	notices     *NotificationHandler
	reports     *ReportHandler
	surveys     *SurveyHandler
	respondents *PublicSurveyHandler
}
