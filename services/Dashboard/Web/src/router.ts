import { createRouter, createWebHistory } from 'vue-router'
import OverviewView from './views/OverviewView.vue'
import ScreenView from './views/ScreenView.vue'
import VillageView from './views/VillageView.vue'

// History mode under /dashboard/: the Dashboard answers index.html for every page path.
export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: OverviewView },
    { path: '/units/:unitId', name: 'unit', component: OverviewView, props: true },
    { path: '/villages/:id', name: 'village', component: VillageView, props: true },
    { path: '/screen', name: 'screen', component: ScreenView, meta: { bare: true } },
    { path: '/screen/units/:unitId', name: 'screen-unit', component: ScreenView, props: true, meta: { bare: true } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
  scrollBehavior: () => ({ top: 0 }),
})
