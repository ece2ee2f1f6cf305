// ECharts, tree-shaken: only the chart types and components the app draws,
// on the canvas renderer, with the app's theme. Imported by EChart.vue alone,
// which pages load with defineAsyncComponent (lazy.ts), so the library is a
// chunk of its own fetched only by pages that chart.
import { BarChart, LineChart, RadarChart } from 'echarts/charts'
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components'
import type { BarSeriesOption, LineSeriesOption, RadarSeriesOption } from 'echarts/charts'
import type {
  AriaComponentOption,
  DatasetComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components'
import * as echarts from 'echarts/core'
import type { ComposeOption } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { chartTheme } from './theme'

echarts.use([
  BarChart,
  LineChart,
  RadarChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  CanvasRenderer,
])
echarts.registerTheme('evald', chartTheme)

/** The options the registered parts accept. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | AriaComponentOption
  | DatasetComponentOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>

export { echarts }
