# evald — the two commands of the quick start are `make run` and `make test`.
GO      ?= go
BIN     := bin/evald
GOFLAGS ?=
export GOFLAGS

FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/package.json frontend/package-lock.json -type f 2>/dev/null)

.PHONY: run build frontend test test-go test-frontend test-security vet fmt clean

## run: build everything and serve the app on the embedded database, loading the demo data on the first run
run: build
	./$(BIN) migrate
	./$(BIN) demo --if-empty
	./$(BIN) serve

## build: the evald binary with the web UI embedded
build: frontend
	$(GO) build -o $(BIN) ./cmd/evald

## frontend: build the web UI into frontend/dist (embedded by the Go build)
frontend: frontend/dist/index.html

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	cd frontend && npm run build
	@touch $@

## test: every test — Go (with the race detector, on SQLite and on MariaDB when EVAL_TEST_MYSQL_DSN is set,
## PDF text extraction and browser tests included) and the front end's unit tests
test: frontend vet lint test-frontend test-go

test-go:
	$(GO) test -race -count=1 -timeout 30m ./...

## test-fast: the Go tests for the edit-test loop — no race detector, no browser tests (frontend/e2e), MariaDB
## included when EVAL_TEST_MYSQL_DSN is set; `make test` stays the complete run
.PHONY: test-fast
test-fast:
	$(GO) test -count=1 -timeout 10m $$($(GO) list ./... | grep -v '/frontend/e2e$$')

## test-security: the security tests only (README "Security"); all of them also run in test
SECURITY_TESTS := Authorisation|ViewerSeesResults|Login|Password|LastActiveAdmin|LongestTexts|TooLong|LookAlikes|ColumnLimits|QueryParameters|SearchIsLiteral|JSONBody|BodyLimits|SlowBody|ZipBomb|OverlongCell|Audit|Upgrade.*Chain|RareCharacters|NeutraliseFormulas|SecurityHeaders|MetricsToken|SurveyLinksIgnoreHost|FailedStep|ChangedStep|FailedMigrate
test-security:
	$(GO) test -count=1 -run '$(SECURITY_TESTS)' ./api/ ./evaluation/... ./reports/ ./cmd/...

## test-frontend: the generated API types are current (src/api/schema.d.ts from api/openapi.yaml), then the unit tests
test-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run check:api
	cd frontend && npm test

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' ':!third_party'))" || (echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go' ':!third_party'); exit 1)

## lint: golangci-lint (.golangci.yml) and ESLint (frontend/eslint.config.js); golangci-lint is built
## from the module proxy at the version pinned here into ./bin on first use
GOLANGCI_LINT_VERSION := v2.15.0
GOLANGCI_LINT := bin/golangci-lint-$(GOLANGCI_LINT_VERSION)
.PHONY: lint

lint: $(GOLANGCI_LINT) frontend/node_modules/.package-lock.json
	$(GOLANGCI_LINT) run ./...
	cd frontend && npm run lint

$(GOLANGCI_LINT):
	GOBIN=$(CURDIR)/bin/.golangci-lint $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	mv bin/.golangci-lint/golangci-lint $@ && rmdir bin/.golangci-lint

fmt:
	gofmt -w $$(git ls-files '*.go' ':!third_party')

clean:
	rm -rf bin frontend/dist/assets frontend/dist/index.html
