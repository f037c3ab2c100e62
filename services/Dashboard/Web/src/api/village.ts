import { getJson } from './http'
import type { UnitRef } from './overview'

// GET /api/dashboard/villages/{id}: one village's page (services/Dashboard/README.md, "Village page"). The page shows
// each section's fields generically, labelled from here, so a field the API adds shows without a change elsewhere.

export type Field = string | number | boolean | null | Field[] | { [key: string]: Field }

export interface VillagePage {
  unit: UnitRef & { parentId?: string | null }
  /** The units above the village, from the signed-in person's own unit down, for the breadcrumb. */
  ancestors: UnitRef[]
  [section: string]: Field | VillagePage['unit'] | UnitRef[]
}

/** One term in post on the page's leaders section; the name is Personnel's to give. */
export interface LeaderPost {
  postId: string
  kind: string
  personId: string
  since: string
  age: number
  education: string
  source: string
}

/** The sections the page shows, in order, with their Chinese headings. Others follow under their own names. */
export const sections: { key: string; title: string; empty?: string }[] = [
  { key: 'organization', title: '党组织' },
  // Whether the village has a usable venue (from the baseline or an accepted project), and its construction project.
  { key: 'venue', title: '活动场所', empty: '暂无场所数据' },
  { key: 'leaders', title: '村干部' },
  { key: 'grade', title: '党组织定级' },
  { key: 'grading', title: '党组织定级' },
  { key: 'visits', title: '入户走访' },
  { key: 'survey', title: '入户走访' },
  { key: 'graduates', title: '大学生村官' },
  { key: 'classification', title: '分类情况' },
  { key: 'problems', title: '问题办理' },
]

/** Chinese names of the fields the page knows; an unknown field shows under its own name. */
export const fieldLabels: Record<string, string> = {
  state: '状态',
  stateName: '状态',
  kind: '类型',
  kindName: '类型',
  floorArea: '建筑面积（㎡）',
  builtOn: '建成日期',
  completedOn: '建成日期',
  name: '名称',
  gender: '性别',
  age: '年龄',
  birthYear: '出生年份',
  education: '学历',
  source: '来源',
  oneShoulder: '一肩挑',
  termStart: '任职开始',
  termEnd: '任期届满',
  since: '任职时间',
  year: '年度',
  grade: '定级结果',
  gradeName: '定级结果',
  step: '当前环节',
  stepName: '当前环节',
  campaign: '走访活动',
  households: '户数',
  householdsVisited: '已走访户数',
  visitRatePercent: '入户率（%）',
  blankSpots: '空白点',
  class: '分类',
  className: '分类',
  stage: '办理阶段',
  stageName: '办理阶段',
  count: '数量',
  open: '未销号',
  overdue: '已超期',
  closed: '已销号',
  total: '合计',
  asOf: '数据更新于',
  code: '代码',
  stateDate: '状态日期',
  hasUsableVenue: '已有可用场所',
  serving: '在岗人数',
  endingWithoutExit: '任期将满未安排去向',
  decided: '已定级',
  blankSpot: '空白点',
  organizations: '党组织数',
  byStage: '各阶段问题数',
}

export function getVillage(id: string): Promise<VillagePage> {
  return getJson<VillagePage>(`/api/dashboard/villages/${encodeURIComponent(id)}`)
}
