import { createApp } from 'vue'
import { START_LOCATION } from 'vue-router'
import { ElMessage } from 'element-plus'
// Styles of the Element Plus services called from scripts (the components in
// templates bring their own CSS through unplugin-vue-components).
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import './styles/app.css'
import App from './App.vue'
import { configureClient } from './api/client'
import { makeRouter } from './router'
import { clearSession, session } from './stores/session'
import { applyTheme } from './theme'

applyTheme()
const router = makeRouter()

let redirecting = false
configureClient({
  getToken: () => session.token,
  // Session expired: back to login, and after login back to where the user was.
  onUnauthorized: () => {
    clearSession()
    const current = router.currentRoute.value
    // During the first navigation the guard itself sends the user to login.
    if (redirecting || current === START_LOCATION || current.name === 'login') return
    redirecting = true
    ElMessage.warning('登录已过期，请重新登录')
    void router.replace({ name: 'login', query: { redirect: current.fullPath } }).finally(() => {
      redirecting = false
    })
  },
})

createApp(App).use(router).mount('#app')
