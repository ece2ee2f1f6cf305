package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/evald/evald/api"
)

// serveMetrics serves reg's /metrics, without a token, on a listener of its
// own at addr (EVAL_METRICS_ADDR), meant for a monitoring network or
// loopback only. It returns the bound address and a function that stops it.
func serveMetrics(addr string, reg *prometheus.Registry, log *slog.Logger) (net.Addr, func() error, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, fmt.Errorf("EVAL_METRICS_ADDR: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", api.MetricsExporter(reg))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics listener", "err", err)
		}
	}()
	log.Info("metrics serving", "addr", "http://"+ln.Addr().String()+"/metrics")
	return ln.Addr(), srv.Close, nil
}
