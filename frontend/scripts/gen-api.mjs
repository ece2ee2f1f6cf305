// Generates src/api/schema.d.ts, the TypeScript types of the HTTP API, from the
// server's OpenAPI document (api/openapi.yaml), which the Go tests hold true to
// every response. `node scripts/gen-api.mjs` writes the file (npm run gen:api);
// with --check it writes nothing and fails when the committed file differs from
// what the document generates (npm run check:api, run by `make test`).
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const doc = new URL('../../api/openapi.yaml', import.meta.url)
const out = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url))

const header =
  '// Generated from api/openapi.yaml by `npm run gen:api` (openapi-typescript); do not edit.\n' +
  '// `make test` fails when this file is stale.\n\n'
const text = header + astToString(await openapiTS(doc, { silent: true, defaultNonNullable: false }))

if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync(out, 'utf8')
  } catch {
    // missing: reported as stale below
  }
  if (current !== text) {
    console.error('frontend/src/api/schema.d.ts is stale: api/openapi.yaml changed; run `cd frontend && npm run gen:api`')
    process.exit(1)
  }
} else {
  writeFileSync(out, text)
}
