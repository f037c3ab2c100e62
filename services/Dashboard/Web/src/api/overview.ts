import { getJson } from './http'

// GET /api/dashboard/overview: everything the first screen shows, in one call.

export type UnitLevel = 'City' | 'County' | 'Township' | 'Village' | 'Community'

export interface UnitRef {
  id: string
  code: string
  name: string
  level: UnitLevel
}

export interface Funding {
  pledged: number
  arrived: number
  gap: number
}

export interface Countdown {
  deadline: string
  /** 0 on and after the deadline's day; `passed` says whether it has gone by. */
  daysLeft: number
  passed: boolean
  villagesWithoutVenue: number
}

export interface VenueFigures {
  villages: number
  withVenue: number
  withoutVenue: number
  coveragePercent: number
  asOf: string | null
  // Added by a later change of the API: each shows only when present.
  behindSchedule?: number | null
  funding?: Funding | null
  countdown?: Countdown | null
}

export interface GradingFigures {
  year: number | null
  results: number
  good: number
  fairlyGood: number
  average: number
  poor: number
  goodSharePercent: number
  poorSharePercent: number
  goodTargetPercent: number
  poorTargetPercent: number
  meetsTargets: boolean
  asOf: string | null
}

export interface LabelCount {
  label: string
  count: number
}

export interface LeaderFigures {
  villages: number
  secretaries: number
  oneShoulder: number
  oneShoulderPercent: number
  ageBands: LabelCount[]
  education: LabelCount[]
  graduateTermsEndingWithoutExit: number
  asOf: string | null
}

export interface SurveyFigures {
  campaign: { id: string; name: string } | null
  organizations: number
  households: number
  householdsVisited: number
  visitRatePercent: number
  blankSpots: number
  problemsOpen: number
  problemsOverdue: number
  problemsClosed: number
  asOf: string | null
}

export interface RankedCounty {
  unitId: string
  code: string
  name: string
  total: number
  rank: number
}

export interface Ranking {
  year: number | null
  counties: RankedCounty[]
  asOf: string | null
}

/** A unit one level below. A figure is null where it is not counted: a community's venue coverage, a village's 一肩挑 ratio, … */
export interface ChildFigures {
  unit: UnitRef
  coveragePercent: number | null
  withoutVenue: number | null
  goodSharePercent: number | null
  poorSharePercent: number | null
  oneShoulderPercent: number | null
  visitRatePercent: number | null
  blankSpots: number
  problemsOpen: number
  problemsOverdue: number
}

export interface Overview {
  unit: UnitRef
  /** The units above it that the signed-in person may see, top first: from their own unit down to its parent. */
  ancestors: UnitRef[]
  venues: VenueFigures
  grading: GradingFigures
  leaders: LeaderFigures
  surveys: SurveyFigures
  ranking: Ranking
  children: ChildFigures[]
}

export function getOverview(unitId?: string): Promise<Overview> {
  const query = unitId ? `?unitId=${encodeURIComponent(unitId)}` : ''
  return getJson<Overview>(`/api/dashboard/overview${query}`)
}

/** A unit below the village level has its own page instead of an overview. */
export function isVillageLevel(level: UnitLevel): boolean {
  return level === 'Village' || level === 'Community'
}
