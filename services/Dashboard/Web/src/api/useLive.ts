import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import { ApiError } from './http'
import { onFiguresChanged, touches } from './figuresStream'

// Changes come in bursts (a batch of facts applied together): one re-fetch per burst is enough.
const refetchDelayMs = 250

export interface Live<T> {
  data: ShallowRef<T | null>
  state: Ref<'loading' | 'failed' | 'ready'>
  error: Ref<string>
  reload: () => Promise<void>
}

/**
 * What a page shows, fetched again whenever the key changes and whenever the figures stream names
 * one of the units it shows (as shown says). A failed refresh keeps what is shown; only a first load shows the failure.
 */
export function useLive<T>(key: Ref<string | undefined>, fetch: () => Promise<T>, shown: (data: T) => string[]): Live<T> {
  const data = shallowRef<T | null>(null)
  const state = ref<'loading' | 'failed' | 'ready'>('loading')
  const error = ref('')
  let pending: number | undefined
  let latest = 0

  async function load(quietly: boolean): Promise<void> {
    const call = ++latest
    if (!quietly) state.value = 'loading'
    try {
      const answer = await fetch()
      if (call !== latest) return
      data.value = answer
      state.value = 'ready'
    } catch (failure) {
      if (call !== latest || (quietly && data.value)) return
      error.value = failure instanceof ApiError ? failure.message : '数据加载失败，请稍后重试'
      state.value = 'failed'
    }
  }

  watch(
    key,
    () => {
      data.value = null
      void load(false)
    },
    { immediate: true },
  )

  onFiguresChanged((event) => {
    if (data.value && !touches(event, shown(data.value))) return
    window.clearTimeout(pending)
    pending = window.setTimeout(() => void load(true), refetchDelayMs)
  })

  return { data, state, error, reload: () => load(false) }
}
