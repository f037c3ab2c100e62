import type { Overview } from './api/overview'
import { count, money, percent } from './format'

export interface Figure {
  testid: string
  label: string
  value: number | null
  text: string
  note?: string
  asOf: string | null
  tone?: 'good' | 'bad' | 'neutral'
}

/** The headline figures of an overview, as cards; a group the API does not answer yet shows no card. */
export function headlineFigures(overview: Overview): Figure[] {
  const { venues, grading, leaders, surveys } = overview
  const graded = grading.year !== null && grading.results > 0
  const surveyed = surveys.campaign !== null
  const figures: Figure[] = [
    {
      testid: 'coverage',
      label: '活动场所覆盖率',
      value: venues.coveragePercent,
      text: percent(venues.coveragePercent),
      note: `${count(venues.withVenue)} / ${count(venues.villages)} 个村`,
      asOf: venues.asOf,
      tone: venues.withoutVenue === 0 && venues.villages > 0 ? 'good' : 'neutral',
    },
    {
      testid: 'without-venue',
      label: '尚无场所的村',
      value: venues.withoutVenue,
      text: count(venues.withoutVenue),
      asOf: venues.asOf,
      tone: venues.withoutVenue > 0 ? 'bad' : 'good',
    },
  ]
  if (venues.countdown) {
    figures.push({
      testid: 'countdown',
      label: '清零倒计时',
      value: venues.countdown.daysLeft,
      text: venues.countdown.passed ? '已过截止日' : `${count(venues.countdown.daysLeft)} 天`,
      note: `截止 ${venues.countdown.deadline}，剩 ${count(venues.countdown.villagesWithoutVenue)} 个村`,
      asOf: venues.asOf,
      tone: venues.countdown.passed ? 'bad' : 'neutral',
    })
  }
  if (venues.behindSchedule !== undefined && venues.behindSchedule !== null) {
    figures.push({
      testid: 'behind-schedule',
      label: '进度滞后项目',
      value: venues.behindSchedule,
      text: count(venues.behindSchedule),
      asOf: venues.asOf,
      tone: venues.behindSchedule > 0 ? 'bad' : 'good',
    })
  }
  if (venues.funding) {
    figures.push({
      testid: 'funding',
      label: '资金到位',
      value: venues.funding.arrived,
      text: money(venues.funding.arrived),
      note: `承诺 ${money(venues.funding.pledged)}，缺口 ${money(venues.funding.gap)}`,
      asOf: venues.asOf,
      tone: venues.funding.gap > 0 ? 'bad' : 'good',
    })
  }
  figures.push(
    {
      testid: 'good-share',
      label: '好、较好党组织占比',
      value: graded ? grading.goodSharePercent : null,
      text: graded ? percent(grading.goodSharePercent) : '—',
      note: graded ? `${grading.year} 年 · 目标不低于 ${percent(grading.goodTargetPercent)}` : '尚未定级',
      asOf: grading.asOf,
      tone: !graded ? 'neutral' : grading.goodSharePercent >= grading.goodTargetPercent ? 'good' : 'bad',
    },
    {
      testid: 'poor-share',
      label: '较差党组织占比',
      value: graded ? grading.poorSharePercent : null,
      text: graded ? percent(grading.poorSharePercent) : '—',
      note: graded ? `目标不高于 ${percent(grading.poorTargetPercent)}` : '尚未定级',
      asOf: grading.asOf,
      tone: !graded ? 'neutral' : grading.poorSharePercent <= grading.poorTargetPercent ? 'good' : 'bad',
    },
    {
      testid: 'one-shoulder',
      label: '“一肩挑”比例',
      value: leaders.oneShoulderPercent,
      text: percent(leaders.oneShoulderPercent),
      note: `${count(leaders.oneShoulder)} / ${count(leaders.villages)} 个村（社区）`,
      asOf: leaders.asOf,
    },
    {
      testid: 'graduate-terms-ending',
      label: '大学生村官待安排出路',
      note: '任期将满或已满，尚未安排',
      value: leaders.graduateTermsEndingWithoutExit,
      text: count(leaders.graduateTermsEndingWithoutExit),
      asOf: leaders.asOf,
      tone: leaders.graduateTermsEndingWithoutExit > 0 ? 'bad' : 'neutral',
    },
    {
      testid: 'visit-rate',
      label: '入户走访率',
      value: surveyed ? surveys.visitRatePercent : null,
      text: surveyed ? percent(surveys.visitRatePercent) : '—',
      note: surveyed ? `${count(surveys.householdsVisited)} / ${count(surveys.households)} 户` : '尚未开展走访',
      asOf: surveys.asOf,
    },
    surveyCount('blank-spots', '走访空白点', surveyed, surveys.blankSpots, surveys.asOf, true),
    surveyCount('problems-open', '未销号问题', surveyed, surveys.problemsOpen, surveys.asOf, false),
    surveyCount('problems-overdue', '超期未办结问题', surveyed, surveys.problemsOverdue, surveys.asOf, true),
    surveyCount('problems-closed', '已销号问题', surveyed, surveys.problemsClosed, surveys.asOf, false),
  )
  return figures
}

/** A count of the survey, shown as a dash before any campaign; some are alarms when above zero. */
function surveyCount(testid: string, label: string, surveyed: boolean, value: number, asOf: string | null, alarm: boolean): Figure {
  return {
    testid,
    label,
    value: surveyed ? value : null,
    text: surveyed ? count(value) : '—',
    asOf,
    tone: alarm && surveyed && value > 0 ? 'bad' : 'neutral',
  }
}
