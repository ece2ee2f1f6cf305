// A server-paginated table: page, page size, filters, loading state and the
// `{items, total}` answer of a list endpoint.
import { reactive, ref, type Ref } from 'vue'
import type { Page, PageQuery } from '@/api/types'
import { notifyError } from '@/utils/notify'

/** Page sizes offered under tables. */
export const PAGE_SIZES = [20, 50, 100, 200]

/** State and actions of one paged list. */
export interface PagedList<T, F> {
  items: Ref<T[]>
  total: Ref<number>
  loading: Ref<boolean>
  page: Ref<number>
  perPage: Ref<number>
  filters: F
  /** Loads the current page. */
  load: () => Promise<void>
  /** Goes back to page 1 and loads (after a filter change). */
  search: () => Promise<void>
  /** Puts the filters back as they started and searches. */
  reset: () => Promise<void>
}

/**
 * Keeps a table in step with a list endpoint. `filters` are sent with every
 * request; empty values are left out of the query by the client.
 */
export function usePagedList<T, F extends object>(
  fetch: (q: F & PageQuery) => Promise<Page<T>>,
  initialFilters: F,
  perPage = 20,
): PagedList<T, F> {
  const items = ref<T[]>([]) as Ref<T[]>
  const total = ref(0)
  const loading = ref(false)
  const page = ref(1)
  const size = ref(perPage)
  const filters = reactive({ ...initialFilters }) as F
  let seq = 0

  async function load(): Promise<void> {
    const mine = ++seq
    loading.value = true
    try {
      const res = await fetch({ ...(filters as F), page: page.value, per_page: size.value })
      if (mine !== seq) return // a newer request is under way
      items.value = res?.items ?? []
      total.value = res?.total ?? items.value.length
    } catch (e) {
      if (mine === seq) notifyError(e)
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  async function search(): Promise<void> {
    page.value = 1
    await load()
  }

  async function reset(): Promise<void> {
    Object.assign(filters, initialFilters)
    await search()
  }

  return { items, total, loading, page, perPage: size, filters, load, search, reset }
}

/** Loads every item of a list endpoint (up to `max`), for select options. */
export async function fetchAll<T>(fetch: (q: PageQuery) => Promise<Page<T>>, max = 2000): Promise<T[]> {
  const out: T[] = []
  for (let page = 1; out.length < max; page++) {
    const res = await fetch({ page, per_page: 500 })
    const items = res?.items ?? []
    out.push(...items)
    if (items.length < 500 || out.length >= (res?.total ?? 0)) break
  }
  return out
}
