import { reactive } from 'vue'
import type { UnitRef } from './overview'
import { session } from './session'

// The breadcrumb, from the signed-in person's unit down to the shown one. The overview names the units above its unit
// (`ancestors`, from the person's own unit down) and those below it; what this page has been shown is kept in memory
// only, so a deep link opened fresh has its whole trail from the first answer. Reactive: a renamed unit's next answer
// renames it in the breadcrumb too.

const known = reactive(new Map<string, { unit: UnitRef; parentId: string | null }>())

/** Where a unit sits: the unit and, top first, the units above it that the person may see. */
export interface Placed {
  unit: UnitRef
  ancestors?: UnitRef[]
}

export function rememberPlace({ unit, ancestors = [] }: Placed): void {
  let parentId: string | null = null
  for (const ancestor of ancestors) {
    known.set(ancestor.id, { unit: ancestor, parentId: parentId ?? known.get(ancestor.id)?.parentId ?? null })
    parentId = ancestor.id
  }
  known.set(unit.id, { unit, parentId: parentId ?? known.get(unit.id)?.parentId ?? null })
}

export function rememberChildren(parent: UnitRef, children: UnitRef[]): void {
  if (!known.has(parent.id)) known.set(parent.id, { unit: parent, parentId: null })
  for (const child of children) known.set(child.id, { unit: child, parentId: parent.id })
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
