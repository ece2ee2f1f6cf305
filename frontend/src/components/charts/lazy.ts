// EChart loaded on demand: the component and ECharts with it are fetched only
// when a page first draws a chart.
import { defineAsyncComponent } from 'vue'

/** EChart.vue, loaded with the echarts chunk the first time it is used. */
export const LazyEChart = defineAsyncComponent(() => import('./EChart.vue'))
