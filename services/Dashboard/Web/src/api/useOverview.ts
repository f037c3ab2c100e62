import type { Ref } from 'vue'
import { getOverview, type Overview } from './overview'
import { rememberChildren, rememberPlace } from './unitTrail'
import { useLive } from './useLive'

/** The overview of a unit (the caller's when none), kept current by the figures stream. */
export function useOverview(unitId: Ref<string | undefined>) {
  return useLive(
    unitId,
    async () => {
      const overview = await getOverview(unitId.value)
      rememberPlace(overview)
      rememberChildren(overview.unit, overview.children.map((child) => child.unit))
      return overview
    },
    (overview: Overview) => [overview.unit.id, ...overview.children.map((child) => child.unit.id)],
  )
}
