import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Served by the Dashboard service under /dashboard/ (its wwwroot), through the gateway.
export default defineConfig({
  base: '/dashboard/',
  plugins: [vue()],
  build: {
    outDir: '../wwwroot',
    emptyOutDir: true,
    // The libraries change with the lock file, the page's own code more often: apart, a release of the
    // page leaves the (cached for good) libraries' files as they were.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
    // ECharts is large by nature, even with only the charts used.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `npm run dev` against a running platform: the gateway holds the sign-in cookie and the APIs.
    proxy: {
      '/api': 'http://localhost:5080',
      '/bff': 'http://localhost:5080',
    },
  },
})
