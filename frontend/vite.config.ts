/// <reference types="vitest/config" />
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The Go server (cmd/evald) listens on 127.0.0.1:8080 by default; in development
// Vite serves the UI and forwards API calls, health checks and the public
// survey pages to it.
const backend = process.env.EVALD_URL ?? 'http://127.0.0.1:8080'

/**
 * dist/.placeholder is committed so that `go build` works before any front-end
 * build (embed.go embeds dist/). Vite empties dist/ before writing, so the
 * file is read when the config loads and written back after the bundle.
 */
function keepDistPlaceholder(): Plugin {
  const file = fileURLToPath(new URL('./dist/.placeholder', import.meta.url))
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  return {
    name: 'evald-keep-dist-placeholder',
    apply: 'build',
    writeBundle() {
      if (text) writeFileSync(file, text)
    },
  }
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every script, style and
 * SVG of dist/assets, compressed once at build time at the highest levels, so
 * that the server hands out the smaller file without compressing per request
 * (api/ui.go chooses by Accept-Encoding). Files under 1 KB gain nothing and
 * are left alone. Node's zlib does both: no dependency for this.
 */
function precompress(): Plugin {
  const assets = fileURLToPath(new URL('./dist/assets', import.meta.url))
  return {
    name: 'evald-precompress',
    apply: 'build',
    closeBundle() {
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue
        const file = `${assets}/${name}`
        const data = readFileSync(file)
        if (data.length < 1024) continue
        writeFileSync(`${file}.br`, brotliCompressSync(data, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
        }))
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Element Plus components are imported on demand (with their CSS) as the
    // templates use them, so a page pays only for the widgets it shows.
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
    keepDistPlaceholder(),
    precompress(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/s/': backend,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  test: {
    include: ['src/**/*.test.ts'],
    // Pure logic runs in node; component tests opt into happy-dom per file.
    environment: 'node',
    // Element Plus components import their CSS; let Vite handle it.
    server: { deps: { inline: ['element-plus'] } },
  },
})
