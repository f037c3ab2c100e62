import { onBeforeUnmount, reactive } from 'vue'
import { getJson } from './http'

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
let opened = false

function notify(event: FiguresChanged): void {
  listeners.forEach((listener) => listener(event))
}

function open(): void {
  source = new EventSource(streamUrl)
  source.onopen = () => {
    live.connected = true
    // Whatever changed while the stream was down came with no event: fetch everything shown again.
    if (opened) notify({ kinds: [], unitIds: [], at: new Date().toISOString() })
    opened = true
  }
  source.onerror = () => {
    live.connected = false
    if (source?.readyState === EventSource.CLOSED) {
      source = null
      // A refusal may be an ended sign-in: asking who is signed in sends the browser to sign in again on a 401.
      getJson('/bff/user').catch(() => undefined)
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
    notify(event)
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
