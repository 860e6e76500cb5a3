import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressDir } from './src/server/http/compression.js';

/** Brotli and gzip siblings of the built files, served by the app as the browser accepts (no work per request). */
const precompress = (): Plugin => ({
  name: 'asskomm-precompress',
  apply: 'build',
  writeBundle(options) { if (options.dir) precompressDir(options.dir); },
});

export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
