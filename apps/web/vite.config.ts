import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vendor code is split into stable chunks (react / antd / other libs) so that
// app code changes do not invalidate the large, rarely-changing vendor files.
export default defineConfig({
  base: '/',
  plugins: [react()],
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
            {
              name: 'antd',
              test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|dayjs)[\\/]/,
              priority: 20,
            },
            {
              name: 'i18n',
              test: /[\\/]src[\\/](locales[\\/]|modules[\\/][^\\/]+[\\/]locales[\\/]|app[\\/]i18n\.ts)/,
              priority: 5,
            },
            {
              name: 'vendor',
              test: /[\\/]node_modules[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
