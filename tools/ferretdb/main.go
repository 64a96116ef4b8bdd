// Command ferretdb runs an embedded FerretDB v1 (SQLite backend) as a
// MongoDB-compatible server for local development and tests.
//
// It uses the public embeddable package instead of the FerretDB CLI,
// because `go install` of the CLI panics at start (FerretDB#2982).
//
// Protocol for launchers: once the listener accepts connections, exactly one
// line "ferretdb ready <mongodb uri>" is printed to stdout; all logs go to
// stderr. SIGTERM/SIGINT stop the server cleanly with exit code 0.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listenAddr := flag.String("listen-addr", "127.0.0.1:27017", "TCP host:port to listen on (port 0 picks a free port)")
	dataDir := flag.String("data-dir", "", "directory for SQLite database files (required; created if missing)")
	logLevel := flag.String("log-level", "warn", "log level: debug, info, warn or error")
	flag.Parse()

	if err := run(*listenAddr, *dataDir, *logLevel); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %s\n", err)
		os.Exit(1)
	}
}

func run(listenAddr, dataDir, logLevel string) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("invalid -log-level %q: want debug, info, warn or error", logLevel)
	}

	// Logs go to stderr so that stdout carries only the ready line.
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	dir, err := prepareDataDir(dataDir)
	if err != nil {
		return err
	}

	// Telemetry needs no option: the embedded package never starts the
	// telemetry reporter and explicitly marks telemetry as disabled.
	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: listenAddr},
		Logger:   logger,
		Handler:  "sqlite",
		// SQLite "URI" is a directory; FerretDB requires the trailing slash.
		SQLiteURL: "file:" + dir + "/",
	})
	if err != nil {
		// Includes "address already in use" when the port is taken.
		return fmt.Errorf("cannot start on %s with data dir %s: %s", listenAddr, dir, err)
	}

	// The first signal cancels ctx; after stop() a second one kills us the hard way.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx) // always nil in v1.24.2; returns after all connections and the backend are closed
	}()

	// New has already bound the TCP socket, so clients can connect from now on.
	fmt.Printf("ferretdb ready %s\n", f.MongoDBURI())

	<-ctx.Done()
	stop()
	logger.Info("shutting down")
	<-done

	return nil
}

// prepareDataDir creates dir if needed, returns it as an absolute path,
// and checks that it is writable so that problems surface at startup
// rather than on the first insert.
func prepareDataDir(dataDir string) (string, error) {
	if dataDir == "" {
		return "", fmt.Errorf("-data-dir is required")
	}

	dir, err := filepath.Abs(dataDir)
	if err != nil {
		return "", fmt.Errorf("invalid -data-dir %q: %s", dataDir, err)
	}

	// The path is embedded into a URI as is, where '?' and '#' would be misparsed.
	if strings.ContainsAny(dir, "?#") {
		return "", fmt.Errorf("unusable -data-dir %q: path must not contain '?' or '#'", dir)
	}

	if err = os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("unusable -data-dir: %s", err)
	}

	probe, err := os.CreateTemp(dir, ".write-check-*")
	if err != nil {
		return "", fmt.Errorf("unusable -data-dir %s: %s", dir, err)
	}

	probe.Close()
	os.Remove(probe.Name())

	return dir, nil
}
