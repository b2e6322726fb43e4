import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// React and the data layer are on every page and change far less often than the app: chunks of their own, so a
// release of the app does not make browsers download them again. Ant Design and dayjs are left to the bundler's
// splitting by route: a page loads the components it uses (the plan page does not load the date picker, which only
// its extension card needs, and that card is loaded after the editor).
function vendorChunk(id: string): string | undefined {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
  if (/node_modules\/(@tanstack|openapi-fetch)\//.test(id)) return 'data';
  return undefined;
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
