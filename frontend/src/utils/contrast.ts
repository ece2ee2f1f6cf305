// WCAG 2 contrast ratio, used by the tests to keep the theme's text colours
// at level AA (4.5:1 for normal text).

function channel(v: number): number {
  const c = v / 255
  return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
}

/** The relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`)
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => channel(parseInt(x, 16)))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** The contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/** `weight` of colour a mixed with 1 − weight of colour b, as Element Plus derives its tints. */
export function mix(a: string, b: string, weight: number): string {
  const parse = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))
  const ca = parse(a)
  const cb = parse(b)
  return (
    '#' +
    ca
      .map((v, i) => Math.round(v * weight + cb[i] * (1 - weight)))
      .map((v) => v.toString(16).padStart(2, '0'))
      .join('')
  )
}
