package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestSlowBodyIsCutOff: a client sending its body one byte at a time loses
// the connection at the read timeout instead of holding it for ever.
func TestSlowBodyIsCutOff(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := newHTTPServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := io.ReadAll(r.Body); err != nil {
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}), serverTimeouts{header: time.Second, read: 500 * time.Millisecond, write: time.Second, idle: time.Second})
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })

	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := fmt.Fprintf(conn, "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	cut := false
	for i := 0; i < 40 && !cut; i++ { // at most 8 s
		time.Sleep(200 * time.Millisecond)
		if _, err := conn.Write([]byte("{")); err != nil {
			cut = true
		}
		_ = conn.SetReadDeadline(time.Now().Add(time.Millisecond))
		var buf [1]byte
		var ne net.Error
		if _, err := conn.Read(buf[:]); err != nil && !(errors.As(err, &ne) && ne.Timeout()) {
			cut = true // closed by the server, not our own 1 ms deadline
		}
	}
	if !cut {
		t.Fatalf("the connection was still open after %v of a slow body", time.Since(start))
	}
	if elapsed := time.Since(start); elapsed > 4*time.Second {
		t.Errorf("the slow body was cut off after %v, want about the 500 ms read timeout", elapsed)
	}
}
