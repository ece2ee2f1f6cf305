// Report and file downloads with a busy flag per button and a message that
// names the file (and, for reports, the verification code printed on the
// cover, which anyone can check on the 报告真伪查验 page).
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { downloadFile } from '@/api/client'
import { notifyError } from '@/utils/notify'

/** Download state shared by the buttons of one view, keyed by path. */
export function useDownload() {
  const busy = ref<Record<string, boolean>>({})

  /** Downloads and says so; returns the error shown, if any (null when done or already busy). */
  async function download(path: string, fallbackName?: string): Promise<unknown> {
    if (busy.value[path]) return null
    busy.value = { ...busy.value, [path]: true }
    try {
      const got = await downloadFile(path, fallbackName)
      const code = got.verificationCode?.slice(0, 16)
      ElMessage.success(code ? `已下载“${got.name}”（验证码 ${code}）` : `已下载“${got.name}”`)
      return null
    } catch (e) {
      notifyError(e)
      return e
    } finally {
      const next = { ...busy.value }
      delete next[path]
      busy.value = next
    }
  }

  return { busy, download }
}
