// Round names by id, for pages whose data names rounds only by id (findings).
// A role that may not list rounds simply sees "#id".
import { onMounted, ref, type Ref } from 'vue'
import { listRounds } from '@/api/client'

/** Loads the round names once the component mounts. */
export function useRoundNames(): Ref<Record<number, string>> {
  const names = ref<Record<number, string>>({})
  onMounted(async () => {
    try {
      const res = await listRounds({ per_page: 500 })
      names.value = Object.fromEntries((res.items ?? []).map((r) => [r.id, r.name]))
    } catch {
      // names are a convenience
    }
  })
  return names
}
