// Some npm packages ship Go source (flatted does); a go.mod at the top of
// node_modules makes it a module of its own, so the repository's `go vet ./...`,
// `go test ./...` and golangci-lint never walk into it. Run after every install.
import { writeFileSync } from 'node:fs'

writeFileSync(new URL('../node_modules/go.mod', import.meta.url), 'module node_modules // fenced off by scripts/fence-node-modules.mjs\n')
