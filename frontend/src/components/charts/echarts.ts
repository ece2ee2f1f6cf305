// ECharts, tree-shaken: only the chart types and components the app draws
// (add here what a new chart needs), on the canvas renderer, with the app's
// theme. Imported by EChart.vue alone, which pages load with
// defineAsyncComponent (lazy.ts), so the library is a chunk of its own
// fetched only by pages that chart.
import { BarChart, LineChart } from 'echarts/charts'
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components'
import * as echarts from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { chartTheme } from './theme'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer])
echarts.registerTheme('evald', chartTheme)

/** The options the registered parts accept. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>

export { echarts }
