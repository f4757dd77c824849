import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/trpc': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
  // No source maps in the build: the server would publish the source with them (it refuses
  // `*.map` as well). The dev server still maps to the source.
  build: { outDir: 'dist', sourcemap: false },
});
