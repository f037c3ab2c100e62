import { createApp } from 'vue'
import {
  ElBreadcrumb,
  ElBreadcrumbItem,
  ElButton,
  ElConfigProvider,
  ElDescriptions,
  ElDescriptionsItem,
  ElPagination,
  ElTable,
  ElTableColumn,
  ElTag,
} from 'element-plus'
import 'element-plus/dist/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import App from './App.vue'
import { router } from './router'
import './styles.css'

const app = createApp(App)
// The Element Plus components the page uses, registered by name (the rest stays out of the bundle).
for (const component of [ElBreadcrumb, ElBreadcrumbItem, ElButton, ElConfigProvider, ElDescriptions, ElDescriptionsItem, ElPagination, ElTable, ElTableColumn, ElTag]) {
  app.use(component)
}
app.use(router)
app.mount('#app')
