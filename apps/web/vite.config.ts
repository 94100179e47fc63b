import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes name.br and name.gz next to every text file of the build, compressed once at the highest
 * levels, so the server (@fastify/static preCompressed) sends them without compressing per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      }
    },
  };
}

// React is one stable chunk; antd and the other libraries are split by use, so the login page
// and the shell download only the components they render (issue 11: first load).
export default defineConfig({
  base: '/',
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // dist/.vite/manifest.json (not served: a dotfile): e2e/first-load.e2e.ts checks the shell's size with it.
    manifest: true,
    rolldownOptions: {
      // @sales/core is one barrel (dictionaries, zod schemas, decimal money): its modules only
      // declare things, so the ones the web app does not use (and zod / decimal.js) are dropped.
      treeshake: {
        moduleSideEffects: [{ test: /[\\/]packages[\\/]core[\\/]src[\\/]/, sideEffects: false }],
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            // Two chunks per language, only the chosen language is downloaded (src/app/i18n.ts): the
            // shell's messages (app-wide strings, menu, notifications, approval badge) for the login
            // page and the frame, and every module's messages, fetched beside the first page.
            ...(['zh-CN', 'zh-TW', 'en-US'] as const).flatMap((lang) => [
              {
                name: `i18n-shell-${lang}`,
                test: new RegExp(`[\\\\/](src|notifications|approvals)[\\\\/]locales[\\\\/]${lang}\\.json$`),
                priority: 6,
              },
              {
                name: `i18n-${lang}`,
                test: new RegExp(`[\\\\/]locales[\\\\/]${lang}\\.json$`),
                priority: 5,
              },
            ]),
          ],
        },
      },
    },
  },
});
