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
  // The date picker (with its calendar engine) serves only the plan page's extension request: a chunk of its own,
  // loaded with that page, keeps it out of the first visit's weight.
  const picker = /node_modules\/(antd\/es\/(date-picker|calendar|time-picker)|@rc-component\/picker)\//;
  // (Its Vietnamese words come with the app's locale, on every page.)
  if (picker.test(id) && !id.includes('/locale/')) {
    return 'antd-picker';
  }
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
      '@shared/plan-moves': here('../../workflows/src/plan-moves.ts'),
      // What an attachment may be, judged from its name and size: the browser refuses a file in the API's words.
      '@shared/attachments': here('../../libs/domain/src/attachments/attachment-rules.ts'),
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
