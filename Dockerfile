# syntax=docker/dockerfile:1
# evald: the web UI is built with Node, embedded into a static Go binary,
# and shipped on a distroless base (no shell, runs as non-root).

FROM node:20-bookworm-slim AS ui
WORKDIR /src/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
COPY third_party/ ./third_party/
RUN go mod download
COPY . .
COPY --from=ui /src/frontend/dist/ ./frontend/dist/
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/evald ./cmd/evald \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/evald /usr/local/bin/evald
COPY --from=build --chown=65532:65532 /out/data /data
ENV EVAL_ADDR=0.0.0.0:8080 \
    EVAL_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
ENTRYPOINT ["/usr/local/bin/evald"]
CMD ["serve", "-migrate"]
