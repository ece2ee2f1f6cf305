// The platform's colours: a sober government blue, and darker status colours
// than Element Plus's defaults, whose light greys and pastel tag colours fall
// below WCAG AA contrast on white. Applied as CSS variables at start-up;
// theme.test.ts checks every text/background pair used.
import { mix } from '@/utils/contrast'

/** Base colours of the Element Plus types. */
export const palette = {
  primary: '#1f5fae',
  success: '#1e7b34',
  warning: '#935300',
  danger: '#c62828',
  info: '#5c6068',
} as const

/** Text colours (Element Plus: primary, regular, secondary, placeholder). */
export const textColors = {
  primary: '#1f2329',
  regular: '#3c4048',
  secondary: '#5a5e66',
  placeholder: '#6b6f76',
  disabled: '#5a5e66',
} as const

/** The left menu. */
export const sidebar = {
  background: '#0f2c52',
  text: '#c9d6e8',
  activeText: '#ffffff',
  activeBackground: '#1f5fae',
} as const

/** The page background behind cards. */
export const pageBackground = '#f2f4f7'

/** The CSS variables that carry the theme into Element Plus. */
export function themeVariables(): Record<string, string> {
  const vars: Record<string, string> = {}
  // Element Plus colours alerts and messages of type "error" with its own
  // --el-color-error, which gets the danger colour here.
  for (const [name, base] of [...Object.entries(palette), ['error', palette.danger] as const]) {
    vars[`--el-color-${name}`] = base
    for (const n of [3, 5, 7, 8, 9]) vars[`--el-color-${name}-light-${n}`] = mix('#ffffff', base, n / 10)
    vars[`--el-color-${name}-dark-2`] = mix('#000000', base, 0.2)
  }
  vars['--el-text-color-primary'] = textColors.primary
  vars['--el-text-color-regular'] = textColors.regular
  vars['--el-text-color-secondary'] = textColors.secondary
  vars['--el-text-color-placeholder'] = textColors.placeholder
  // Read-only forms (a submitted scoresheet, a frozen template) use disabled
  // controls; their text must stay readable.
  vars['--el-disabled-text-color'] = textColors.disabled
  vars['--app-sidebar-bg'] = sidebar.background
  vars['--app-sidebar-text'] = sidebar.text
  vars['--app-sidebar-active-text'] = sidebar.activeText
  vars['--app-sidebar-active-bg'] = sidebar.activeBackground
  vars['--app-page-bg'] = pageBackground
  return vars
}

/** Sets the theme variables on the document root (they win over Element Plus's :root rules). */
export function applyTheme(root: HTMLElement = document.documentElement): void {
  for (const [k, v] of Object.entries(themeVariables())) root.style.setProperty(k, v)
}
