import type { UnitLevel } from './api/overview'

const levelNames: Record<UnitLevel, string> = {
  City: '市',
  County: '县（市、区）',
  Township: '乡镇（街道）',
  Village: '村（社区）',
  Community: '社区',
}

export function levelName(level: UnitLevel): string {
  return levelNames[level] ?? level
}

/** What the units one level below a unit are called, as a column heading. */
export function childLevelName(level: UnitLevel): string {
  switch (level) {
    case 'City':
      return '县（市、区）'
    case 'County':
      return '乡镇（街道）'
    default:
      return '村（社区）'
  }
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—'
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : dateTime.format(date)
}

export function freshness(asOf: string | null | undefined): string {
  return asOf ? `数据更新于 ${formatDateTime(asOf)}` : '暂无数据'
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${round1(value)}%`
}

export function round1(value: number): string {
  return (Math.round(value * 10) / 10).toLocaleString('zh-CN')
}

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('zh-CN')
}

export function money(value: number): string {
  return `${(value / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元`
}
