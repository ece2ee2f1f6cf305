// The text alternative every chart carries: a table of the figures it draws,
// visually hidden but read by screen readers (and by anyone printing the page
// without its canvas).

/** The figures of a chart as a table. */
export interface ChartTable {
  /** Column headings; the first names the categories. */
  columns: string[]
  /** One row per category: its name, then a cell per column. */
  rows: (string | number)[][]
}

/** A one-line summary of a table for aria-label: "a：x、y；b：…". */
export function tableSummary(t: ChartTable): string {
  return t.rows
    .map((r) => `${r[0]}：${r.slice(1).map((v, i) => `${t.columns[i + 1]} ${v}`).join('，')}`)
    .join('；')
}
