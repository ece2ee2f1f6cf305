import { describe, expect, it } from 'vitest'
import { contrastRatio, mix } from '@/utils/contrast'
import { pageBackground, palette, sidebar, textColors, themeVariables } from './theme'

const AA = 4.5
const white = '#ffffff'

describe('theme contrast (WCAG AA, 4.5:1)', () => {
  it.each(Object.entries(textColors))('text colour %s on white and on the page background', (_, colour) => {
    expect(contrastRatio(colour, white)).toBeGreaterThanOrEqual(AA)
    expect(contrastRatio(colour, pageBackground)).toBeGreaterThanOrEqual(AA)
  })

  it.each(Object.entries(palette))('%s: tag text on its light tag background, links on white, white on solid buttons', (_, colour) => {
    // el-tag (light): text = base colour on light-9
    expect(contrastRatio(colour, mix(white, colour, 0.9))).toBeGreaterThanOrEqual(AA)
    // links and plain text buttons on white
    expect(contrastRatio(colour, white)).toBeGreaterThanOrEqual(AA)
    // solid buttons and dark tags: white text on the base colour and on the darker hover
    expect(contrastRatio(white, colour)).toBeGreaterThanOrEqual(AA)
    expect(contrastRatio(white, mix('#000000', colour, 0.2))).toBeGreaterThanOrEqual(AA)
  })

  it('sidebar text and the active item', () => {
    expect(contrastRatio(sidebar.text, sidebar.background)).toBeGreaterThanOrEqual(AA)
    expect(contrastRatio(sidebar.activeText, sidebar.activeBackground)).toBeGreaterThanOrEqual(AA)
  })

  it("Element Plus's own greys would fail, which is why they are overridden", () => {
    expect(contrastRatio('#a8abb2', white)).toBeLessThan(AA) // placeholder
    expect(contrastRatio('#909399', white)).toBeLessThan(AA) // secondary text
  })

  it('exports the variables Element Plus reads', () => {
    const vars = themeVariables()
    expect(vars['--el-color-primary']).toBe(palette.primary)
    expect(vars['--el-color-danger-light-9']).toBe(mix(white, palette.danger, 0.9))
    expect(vars['--el-text-color-placeholder']).toBe(textColors.placeholder)
    expect(vars['--el-color-error']).toBe(palette.danger)
  })
})

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for equal colours', () => {
    expect(contrastRatio('#000000', white)).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#777777')).toBe(1)
  })
})
