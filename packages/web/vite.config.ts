import { defineConfig, defaultClientConditions } from 'vite';
import react from '@vitejs/plugin-react';

const API = process.env.OMSTILLING_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // 'source' makes @omstilling/core resolve to its TypeScript source (no prior build needed).
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // The public start page has a budget of 250 KB gzipped JS; warn well before that.
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      treeshake: {
        // Designsystemet's React package declares no "sideEffects", so every component (with
        // floating-ui, virtual lists, comboboxes) would ship. Its modules only define components;
        // the custom elements they rely on are imported explicitly in main.tsx.
        moduleSideEffects: (id: string) => !/[\\/]@digdir[\\/]designsystemet-react[\\/]/.test(id),
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': API,
      // A tenant chosen by path prefix: /m/<slug>/api/…
      '^/m/[a-z0-9-]+/api': API,
    },
  },
});
