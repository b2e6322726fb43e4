import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Vendor code changes far less often than the app's: kept in chunks of its own, a release of the app does not make
// browsers download React and Ant Design again.
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
  if (/node_modules\/(@tanstack|openapi-fetch)\//.test(id)) return 'data';
  if (/node_modules\/(dayjs)\//.test(id)) return 'dayjs';
  if (/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component)\//.test(id)) return 'antd';
  return 'vendor';
}

export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: {
      // The content checks the server runs, shared as source so the browser shows exactly its errors and warnings.
      '@shared/plan-content': here('../../libs/domain/src/plan-content'),
      '@shared/plan-transitions': here('../../workflows/src/plan-transitions.ts'),
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
    },
  },
});
