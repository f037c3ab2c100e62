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
import 'element-plus/es/components/breadcrumb/style/css'
import 'element-plus/es/components/breadcrumb-item/style/css'
import 'element-plus/es/components/button/style/css'
import 'element-plus/es/components/descriptions/style/css'
import 'element-plus/es/components/descriptions-item/style/css'
import 'element-plus/es/components/pagination/style/css'
import 'element-plus/es/components/table/style/css'
import 'element-plus/es/components/table-column/style/css'
import 'element-plus/es/components/tag/style/css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import App from './App.vue'
import { router } from './router'
import './styles.css'

const app = createApp(App)
// The Element Plus components the page uses (with their styles above), registered by name: the rest stays out of the bundle.
for (const component of [ElBreadcrumb, ElBreadcrumbItem, ElButton, ElConfigProvider, ElDescriptions, ElDescriptionsItem, ElPagination, ElTable, ElTableColumn, ElTag]) {
  app.use(component)
}
app.use(router)
app.mount('#app')
