/// <reference types="vitest/config" />
// The web app's build: Vue single-file components, Vant and Element Plus imported on demand (each
// component with its own stylesheet, extracted into CSS files: nothing is injected as a <style>
// tag, which the content security policy refuses), and a service worker that precaches the app
// shell and the field app so a grid worker's phone opens it without network.
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import { VantResolver } from '@vant/auto-import-resolver';
import vue from '@vitejs/plugin-vue';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import Components from 'unplugin-vue-components/vite';
import { compression } from 'vite-plugin-compression2';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Code that only the desk, the console or admin pages need: kept out of the phone's precache. */
const ROOM_ONLY = /\/(src\/(desk|console|admin)\/|node_modules\/(element-plus|@element-plus|@floating-ui|@popperjs|lodash-es|lodash-unified|dayjs|async-validator|@ctrl|normalize-wheel-es|memoize-one)\/)/;

/** A font source on the internet, listed after a bundled one (Vant's icon font names a CDN copy as its fallback). */
const REMOTE_FONT_FALLBACK = /,\s*url\(\s*["']?(?:https?:)?\/\/[^)]*\)\s*format\(["'][a-z0-9-]+["']\)/gi;
const REMOTE_URL_IN_CSS = /url\(\s*["']?(?:https?:)?\/\//i;

const INLINE_FONT = /url\(\s*["']?data:font\/woff2;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)["']?\s*\)/;
const FONT_CACHE = fileURLToPath(new URL('../../node_modules/.cache/web-fonts', import.meta.url));

/**
 * Vant's icon font sits in its stylesheet as 34 kB of base64 that every page would download before
 * showing anything; as a file of its own (hashed into assets/ like any other) the browser fetches
 * it only when a page shows an icon.
 */
function fontAsFile(css: string, cssFile: string): string {
  const match = INLINE_FONT.exec(css);
  if (!match) return css;
  mkdirSync(FONT_CACHE, { recursive: true });
  const font = join(FONT_CACHE, 'vant-icons.woff2');
  writeFileSync(font, Buffer.from(match[1]!, 'base64'));
  return css.replace(match[0], `url("${relative(dirname(cssFile.split('?')[0]!), font).split('\\').join('/')}")`);
}

/**
 * Vant's icon stylesheet names 259 glyphs (10 kB); the app shows none of its own, only those the Vant
 * components it uses may draw by default (a field's clear button, a cell's arrow, a toast's tick or
 * cross). Only those are kept: a page that shows another Vant icon adds its name here.
 */
const VANT_ICONS = new Set(['clear', 'arrow', 'arrow-left', 'arrow-up', 'arrow-down', 'success', 'cross', 'fail', 'warning-o', 'photograph']);
const VANT_ICON_GLYPH = /\.van-icon-([a-z0-9-]+):before\s*\{\s*content:\s*"[^"]*";?\s*\}/g;

function usedIconsOnly(css: string, cssFile: string): string {
  if (!/\/vant\/es\/icon\/index\.css/.test(cssFile.replace(/\\/g, '/'))) return css;
  return css.replace(VANT_ICON_GLYPH, (rule: string, name: string) => (VANT_ICONS.has(name) ? rule : ''));
}

/**
 * County networks are closed: nothing may be fetched from the internet. Drops remote fallbacks from
 * the libraries' stylesheets, and fails the build if any stylesheet still names a remote file.
 */
function bundledAssetsOnly(): Plugin {
  return {
    name: 'bundled-assets-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css($|\?)/.test(id) || !id.includes('node_modules')) return null;
      const stripped = usedIconsOnly(fontAsFile(code.replace(REMOTE_FONT_FALLBACK, ''), id), id);
      return stripped === code ? null : { code: stripped, map: null };
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'asset' && file.fileName.endsWith('.css') && REMOTE_URL_IN_CSS.test(String(file.source))) {
          this.error(`${file.fileName} names a file on the internet; every asset must be bundled`);
        }
      }
    },
  };
}

/**
 * The field app is what phones on slow networks open: the page starts downloading its code and
 * styles at once (modulepreload), beside the entry, instead of a round trip later when the router
 * asks for them.
 */
function preloadFieldApp(pages: RegExp): Plugin {
  return {
    name: 'preload-field-app',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return [];
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string): void => {
          const chunk = bundle[fileName];
          if (!chunk || chunk.type !== 'chunk' || scripts.has(fileName) || html.includes(fileName)) return;
          scripts.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk' && (file.name === 'field' || (file.facadeModuleId && pages.test(file.facadeModuleId)))) visit(file.fileName);
        }
        return [
          ...[...scripts].map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${href}` }, injectTo: 'head' as const })),
          ...[...styles].filter((href) => !html.includes(href)).map((href) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${href}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

/**
 * The early script (src/shared/reference/early-reference.ts, an entry of its own) runs before the app's
 * code arrives: the page names it first, so its api calls start as soon as the page is read.
 */
function startEarlyScript(name: string): Plugin {
  return {
    name: 'start-early-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunk = Object.values(context.bundle ?? {}).find((file) => file.type === 'chunk' && file.isEntry && file.name === name);
        return chunk ? [{ tag: 'script', attrs: { type: 'module', crossorigin: true, src: `/${chunk.fileName}` }, injectTo: 'head-prepend' as const }] : [];
      },
    },
  };
}

const EARLY_SCRIPT = fileURLToPath(new URL('./src/shared/reference/early-reference.ts', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  define: {
    __VUE_PROD_DEVTOOLS__: false,
    // Every component here, Vant's and Element Plus's are written with setup(): Vue's Options API is left out.
    __VUE_OPTIONS_API__: false,
  },
  plugins: [
    bundledAssetsOnly(),
    // vue-i18n's runtime alone (Composition API, no built-in components, no devtools): the locale files
    // are compiled at build time, so the phone downloads neither the message compiler nor a compiled
    // message's source, and nothing is evaluated at run time (CSP).
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/shared/i18n/locales/**', import.meta.url)), fileURLToPath(new URL('./src/desk/locales/**', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: false,
      dropMessageCompiler: true,
      strictMessage: true,
    }),
    startEarlyScript('early-reference'),
    preloadFieldApp(/\/src\/field\/(FieldLayout|home\/FieldHomeView|file\/FileRequestView)\.vue$/),
    vue(),
    Components({
      dts: 'src/components.d.ts',
      dirs: [],
      resolvers: [VantResolver(), ElementPlusResolver({ importStyle: 'css' })],
    }),
    // The code and styles brotli-compressed at the highest quality once, at build time (a seventh smaller
    // than what the api's compression gives on the fly); the api sends the .br file to browsers that take it.
    compression({ include: /\.(js|css)$/, algorithms: ['brotliCompress'], threshold: 1024, logLevel: 'silent' }),
    VitePWA({
      // Registered from main.ts (virtual:pwa-register): an inline registration script would be refused by the CSP.
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: '网格治理',
        short_name: '网格治理',
        lang: 'zh-CN',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1565c0',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest,woff2}'],
        globIgnores: ['assets/rooms/**'],
        navigateFallback: '/index.html',
        // Pages the api serves itself keep their own answers.
        navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/dashboard/, /^\/health/, /^\/metrics/, /^\/open311/],
        runtimeCaching: [
          {
            // The desk's and admins' code, cached once loaded (hashed names never change content).
            urlPattern: ({ url }) => url.pathname.startsWith('/assets/rooms/'),
            handler: 'CacheFirst',
            options: { cacheName: 'rooms', expiration: { maxEntries: 200 } },
          },
        ],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2020',
    // Every browser the app supports has modulepreload; the polyfill would only add to the entry.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), 'early-reference': EARLY_SCRIPT },
      output: {
        // Few files for a phone on a slow network: each request costs a round trip and its headers.
        // What the entry needs is one chunk; the field app's frame, its home and its filing page, with
        // what they use (Vant's parts among it), another, which the page preloads. The other pages (sign-in,
        // outbox, a matter's detail), the map with its datum conversion and the English messages come in
        // small chunks of their own when opened (the service worker keeps them all for offline use).
        codeSplitting: {
          groups: [
            { name: 'early-reference', test: /\/reference\/early-reference\.ts/, priority: 50 },
            { name: 'en-US', test: /\/i18n\/locales\/en-US\.json/, priority: 40 },
            { name: 'app', tags: ['$initial'], priority: 30 },
            {
              name: 'field',
              test: /\/src\/field\/(FieldLayout|home\/FieldHomeView|file\/FileRequestView)\.vue/,
              includeDependenciesRecursively: true,
              priority: 20,
            },
          ],
        },
        chunkFileNames: (chunk) =>
          chunk.moduleIds.length > 0 && chunk.moduleIds.every((id) => ROOM_ONLY.test(id))
            ? 'assets/rooms/[name]-[hash].js'
            : 'assets/[name]-[hash].js',
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['src/test-setup.ts'],
  },
});
