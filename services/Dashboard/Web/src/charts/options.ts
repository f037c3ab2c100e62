import type { ChildFigures, GradingFigures, LabelCount, Ranking } from '../api/overview'
import type { ChartOption } from './echarts'

// One builder per chart, shared by the overview and the big screen. Each answers null when it
// has nothing to draw, and the panel shows an empty state instead of a blank chart.

const fontFamily = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
const gradeColors = ['#2f9e44', '#74b816', '#f59f00', '#e03131']
const base = { textStyle: { fontFamily }, backgroundColor: 'transparent' }

export function gaugeOption(name: string, value: number, color: string): ChartOption {
  return {
    ...base,
    series: [
      {
        type: 'gauge',
        name,
        min: 0,
        max: 100,
        radius: '92%',
        center: ['50%', '58%'],
        progress: { show: true, width: 14, itemStyle: { color } },
        axisLine: { lineStyle: { width: 14, color: [[1, 'rgba(140, 150, 170, 0.22)']] } },
        axisTick: { show: false },
        splitLine: { length: 8, lineStyle: { width: 1 } },
        axisLabel: { distance: 18, fontSize: 11 },
        pointer: { show: false },
        anchor: { show: false },
        title: { offsetCenter: [0, '40%'], fontSize: 13 },
        detail: { valueAnimation: true, offsetCenter: [0, '5%'], fontSize: 26, fontWeight: 'bold', formatter: '{value}%', color },
        data: [{ value: Math.round(value * 10) / 10, name }],
      },
    ],
  }
}

export function gradingDistributionOption(grading: GradingFigures): ChartOption | null {
  if (grading.year === null || grading.results === 0) return null
  return {
    ...base,
    color: gradeColors,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '66%'],
        center: ['50%', '44%'],
        label: { formatter: '{b}\n{c}' },
        data: [
          { name: '好', value: grading.good },
          { name: '较好', value: grading.fairlyGood },
          { name: '一般', value: grading.average },
          { name: '较差', value: grading.poor },
        ],
      },
    ],
  }
}

/** The two shares the city steers by, each beside its target (好 + 较好 at least, 较差 at most). */
export function gradingTargetsOption(grading: GradingFigures): ChartOption | null {
  if (grading.year === null || grading.results === 0) return null
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${value}%` },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: ['好+较好占比', '较差占比'], axisLabel: { interval: 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '实际',
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top', formatter: '{c}%' },
        data: [
          { value: grading.goodSharePercent, itemStyle: { color: grading.goodSharePercent >= grading.goodTargetPercent ? '#2f9e44' : '#e03131' } },
          { value: grading.poorSharePercent, itemStyle: { color: grading.poorSharePercent <= grading.poorTargetPercent ? '#2f9e44' : '#e03131' } },
        ],
      },
      {
        name: '目标',
        type: 'bar',
        barMaxWidth: 48,
        itemStyle: { color: '#adb5bd' },
        label: { show: true, position: 'top', formatter: '{c}%' },
        data: [grading.goodTargetPercent, grading.poorTargetPercent],
      },
    ],
  }
}

export function labelCountBarOption(items: LabelCount[], unit: string, color: string): ChartOption | null {
  if (items.every((item) => item.count === 0)) return null
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${value} ${unit}` },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: items.map((item) => item.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', barMaxWidth: 40, itemStyle: { color }, label: { show: true, position: 'top' }, data: items.map((item) => item.count) }],
  }
}

export function labelCountPieOption(items: LabelCount[]): ChartOption | null {
  const shown = items.filter((item) => item.count > 0)
  if (shown.length === 0) return null
  return {
    ...base,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: '62%',
        center: ['50%', '44%'],
        label: { formatter: '{b}\n{d}%' },
        data: shown.map((item) => ({ name: item.label, value: item.count })),
      },
    ],
  }
}

/** The most bars a panel shows readably. */
export const childrenShown = 12

/**
 * One bar per unit below, lowest first (where attention is needed reads at the top), the lowest few when there are many.
 * A unit without the figure (not counted there, as a community's venue coverage) is left out, not drawn as 0.
 */
export function childrenPercentOption(children: ChildFigures[], pick: (child: ChildFigures) => number | null, color: string): ChartOption | null {
  const counted = children.flatMap((child) => {
    const value = pick(child)
    return value === null ? [] : [{ child, value }]
  })
  if (counted.length === 0) return null
  const sorted = counted.sort((a, b) => b.value - a.value).slice(-childrenShown)
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${value}%` },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: sorted.map(({ child }) => child.unit.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color },
        label: { show: true, position: 'right', formatter: '{c}%' },
        data: sorted.map(({ value }) => Math.round(value * 10) / 10),
      },
    ],
  }
}

export function rankingOption(ranking: Ranking): ChartOption | null {
  if (ranking.year === null || ranking.counties.length === 0) return null
  const byRank = [...ranking.counties].sort((a, b) => b.rank - a.rank)
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${value} 分` },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: byRank.map((county) => `${county.rank}. ${county.name}`), axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: '#c92a2a' },
        label: { show: true, position: 'right' },
        data: byRank.map((county) => county.total),
      },
    ],
  }
}
