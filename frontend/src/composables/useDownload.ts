// Report and file downloads with a busy flag per button and a message that
// names the file (and its SHA-256 for reports, which the verify page checks).
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { downloadFile } from '@/api/client'
import { errorMessage } from '@/utils/errors'

/** Download state shared by the buttons of one view, keyed by path. */
export function useDownload() {
  const busy = ref<Record<string, boolean>>({})

  async function download(path: string, fallbackName?: string): Promise<void> {
    if (busy.value[path]) return
    busy.value = { ...busy.value, [path]: true }
    try {
      const got = await downloadFile(path, fallbackName)
      ElMessage.success(got.sha256 ? `已下载“${got.name}”，校验码 ${got.sha256.slice(0, 16)}…` : `已下载“${got.name}”`)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    } finally {
      const next = { ...busy.value }
      delete next[path]
      busy.value = next
    }
  }

  return { busy, download }
}
