import { onBeforeUnmount, reactive } from 'vue'

// The Dashboard's server-sent events (GET /api/dashboard/stream/figures, through the gateway with the
// sign-in cookie): one event per change of the read model, naming the kinds and units it touched.

export interface FiguresChanged {
  kinds: string[]
  unitIds: string[]
  at: string
}

const streamUrl = '/api/dashboard/stream/figures'
// EventSource reconnects by itself after a dropped connection; a refused one (e.g. a 401 or a 503
// answer) closes it for good, so the page opens a new one after the same pause the server asks for.
const reopenAfterMs = 3000

export const live = reactive({ connected: false, started: false })

const listeners = new Set<(event: FiguresChanged) => void>()
let source: EventSource | null = null

function open(): void {
  source = new EventSource(streamUrl, { withCredentials: true })
  source.onopen = () => {
    live.connected = true
  }
  source.onerror = () => {
    live.connected = false
    if (source?.readyState === EventSource.CLOSED) {
      source = null
      window.setTimeout(open, reopenAfterMs)
    }
  }
  source.addEventListener('figures', (message) => {
    let event: FiguresChanged
    try {
      event = JSON.parse((message as MessageEvent<string>).data) as FiguresChanged
    } catch {
      return
    }
    listeners.forEach((listener) => listener(event))
  })
}

/** Calls the listener on each change while the calling component is mounted. */
export function onFiguresChanged(listener: (event: FiguresChanged) => void): void {
  if (!live.started) {
    live.started = true
    open()
  }
  listeners.add(listener)
  onBeforeUnmount(() => listeners.delete(listener))
}

/** Whether a change touches what a page shows: the unit, one of the units listed under it, or any when the event names none. */
export function touches(event: FiguresChanged, shownUnitIds: string[]): boolean {
  return event.unitIds.length === 0 || event.unitIds.some((id) => shownUnitIds.includes(id))
}
