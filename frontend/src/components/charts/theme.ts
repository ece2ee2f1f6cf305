// The charts' colours and type, taken from the app's theme (theme.ts), so a
// chart reads like the rest of the page and keeps its contrast on white.
import { palette, textColors } from '@/theme'

/** Series colours, in order: the primary blue first, then the status colours. */
export const seriesColors = [palette.primary, palette.warning, palette.success, palette.danger, palette.info] as const

/** The page's font (styles/app.css): a canvas does not inherit it. */
const fontFamily =
  "'PingFang SC', 'Microsoft YaHei', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif"

const axis = {
  axisLine: { lineStyle: { color: textColors.secondary } },
  axisTick: { lineStyle: { color: textColors.secondary } },
  axisLabel: { color: textColors.regular, fontSize: 13 },
  nameTextStyle: { color: textColors.secondary, fontSize: 12 },
  splitLine: { lineStyle: { color: '#e4e7ed' } },
}

/** The ECharts theme registered as "evald". */
export const chartTheme = {
  color: [...seriesColors],
  backgroundColor: 'transparent',
  textStyle: { color: textColors.primary, fontFamily, fontSize: 13 },
  legend: { textStyle: { color: textColors.regular, fontSize: 13 } },
  categoryAxis: axis,
  valueAxis: axis,
}
