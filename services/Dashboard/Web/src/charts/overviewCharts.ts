import type { Overview } from '../api/overview'
import { freshness } from '../format'
import { valueName } from '../labels'
import type { ChartOption } from './echarts'
import {
  childrenPercentOption,
  childrenShown,
  gaugeOption,
  gradingDistributionOption,
  gradingTargetsOption,
  labelCountBarOption,
  labelCountPieOption,
  rankingOption,
} from './options'

export interface OverviewChart {
  testid: string
  title: string
  option: ChartOption | null
  emptyText?: string
  freshness: string
}

/** The charts of an overview, the same on the page and on the big screen. */
export function overviewCharts(overview: Overview): Record<string, OverviewChart> {
  const { venues, grading, leaders, surveys, ranking, children } = overview
  return {
    coverage: {
      testid: 'chart-coverage',
      title: '活动场所覆盖率',
      option: venues.villages > 0 ? gaugeOption('覆盖率', venues.coveragePercent, '#1c7ed6') : null,
      freshness: freshness(venues.asOf),
    },
    childrenCoverage: {
      testid: 'chart-children-coverage',
      title: children.filter((child) => child.coveragePercent !== null).length > childrenShown ? `场所覆盖率最低的 ${childrenShown} 个下级单位` : '下级单位场所覆盖率',
      option: childrenPercentOption(children, (child) => child.coveragePercent, '#1c7ed6'),
      freshness: freshness(venues.asOf),
    },
    gradingDistribution: {
      testid: 'chart-grading-distribution',
      title: grading.year ? `${grading.year} 年党组织定级分布` : '党组织定级分布',
      option: gradingDistributionOption(grading),
      emptyText: '暂无定级数据',
      freshness: freshness(grading.asOf),
    },
    gradingTargets: {
      testid: 'chart-grading-targets',
      title: '定级结果与目标对照',
      option: gradingTargetsOption(grading),
      emptyText: '暂无定级数据',
      freshness: freshness(grading.asOf),
    },
    age: {
      testid: 'chart-secretary-age',
      title: '村党组织书记年龄结构',
      option: labelCountBarOption(leaders.ageBands, '人', '#7048e8'),
      freshness: freshness(leaders.asOf),
    },
    education: {
      testid: 'chart-secretary-education',
      title: '村党组织书记学历结构',
      option: labelCountPieOption(leaders.education.map((item) => ({ ...item, label: valueName(item.label) }))),
      freshness: freshness(leaders.asOf),
    },
    visitRate: {
      testid: 'chart-visit-rate',
      title: surveys.campaign ? `入户走访率 · ${surveys.campaign.name}` : '入户走访率',
      option: surveys.campaign && surveys.households > 0 ? gaugeOption('入户率', surveys.visitRatePercent, '#0ca678') : null,
      emptyText: surveys.campaign ? '暂无数据' : '尚未开展走访',
      freshness: freshness(surveys.asOf),
    },
    ranking: {
      testid: 'chart-ranking',
      title: ranking.year ? `${ranking.year} 年县（市、区）考核排名` : '县（市、区）考核排名',
      option: rankingOption(ranking),
      freshness: freshness(ranking.asOf),
    },
  }
}
