import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app; `npm run build:web` writes web/dist, which the API process serves (src/http/plugins/external/webApp.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  // `npx vite web` while developing: the API on :3000 answers /v1.
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
