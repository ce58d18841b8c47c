import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { distOutput } from './scripts/dist-output.mjs';

// Built into web/dist and served by the Nest app at / (src/web-pages.ts); `npm run dev` proxies the API.
export default defineConfig(({ command }) => {
  // A build is always React's production build, whatever NODE_ENV the calling script exported
  // (scripts/dev-env.sh sets development, test.sh test); Vite reads it only after this file.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    plugins: [react(), distOutput()],
    // emptyOutDir false: a running API keeps serving the previous build's chunks (scripts/dist-output.mjs prunes them)
    build: { outDir: 'dist', emptyOutDir: false, chunkSizeWarningLimit: 1500 },
    server: { proxy: { '/api': 'http://localhost:3000' } },
  };
});
