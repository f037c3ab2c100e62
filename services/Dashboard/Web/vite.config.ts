import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Served by the Dashboard service under /dashboard/ (its wwwroot), through the gateway.
export default defineConfig({
  base: '/dashboard/',
  plugins: [vue()],
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    // ECharts and Element Plus are large by nature; the page loads once and its assets are cached for good.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev` against a running platform: the gateway holds the sign-in cookie and the APIs.
    proxy: {
      '/api': 'http://localhost:5080',
      '/bff': 'http://localhost:5080',
    },
  },
})
