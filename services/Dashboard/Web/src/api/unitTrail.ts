import type { UnitRef } from './overview'
import { session } from './session'

// The overview names its unit and the units below it, not those above; the breadcrumb is drawn from
// what this page has already been shown (kept in memory only), from the signed-in person's unit down.

const known = new Map<string, { unit: UnitRef; parentId: string | null }>()

export function rememberChildren(parent: UnitRef, children: UnitRef[]): void {
  if (!known.has(parent.id)) known.set(parent.id, { unit: parent, parentId: null })
  for (const child of children) known.set(child.id, { unit: child, parentId: parent.id })
}

export function rememberUnit(unit: UnitRef): void {
  const held = known.get(unit.id)
  known.set(unit.id, { unit, parentId: held?.parentId ?? null })
}

/** The units from the home unit (or as high as is known) down to the given unit. */
export function trailTo(unitId: string): { id: string; name: string }[] {
  const trail: { id: string; name: string }[] = []
  const home = session.user
  for (let id: string | null = unitId; id && trail.length < 8; ) {
    const held = known.get(id)
    if (!held) break
    trail.unshift({ id, name: held.unit.name })
    if (home && id === home.unitId) return trail
    id = held.parentId
  }
  if (home && trail[0]?.id !== home.unitId) trail.unshift({ id: home.unitId, name: home.unitName })
  return trail
}
