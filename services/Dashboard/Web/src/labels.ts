// The API sends enums by name; the page shows them in Chinese. A name missing here shows as sent.

/** Venue states and kinds, grades, classes, rectification stages, organisation kinds, posts, education levels and sources. */
const valueLabels: Record<string, string> = {
  Planned: '已规划',
  UnderConstruction: '在建',
  Completed: '已建成',
  Accepted: '已验收',
  InUse: '已投入使用',
  NewBuild: '新建',
  Renovation: '改扩建',
  Good: '好',
  FairlyGood: '较好',
  Average: '一般',
  Poor: '较差',
  Middling: '中间',
  Backward: '后进',
  Open: '待办理',
  Assigned: '已交办',
  InProgress: '整改中',
  Resolved: '已解决',
  Verified: '已核实',
  Closed: '已销号',
  Village: '村',
  Community: '社区',
  Enterprise: '企业',
  SocialOrganization: '社会组织',
  Institution: '机关事业单位',
  VillageSecretary: '村党组织书记',
  VillageCommitteeDirector: '村委会主任',
  FirstSecretary: '第一书记',
  PrimaryOrBelow: '小学及以下',
  JuniorSecondary: '初中',
  SeniorSecondary: '高中、中专',
  JuniorCollege: '大专',
  Bachelor: '本科',
  Postgraduate: '研究生',
  WealthLeader: '致富带头人',
  ReturnedMigrantWorker: '返乡农民工',
  Veteran: '退伍军人',
  CollegeGraduateOfficial: '大学生村官',
  RetiredTeacher: '退休教师',
  RetiredSectionCadre: '退休科级干部',
  Other: '其他',
}

export function valueName(value: string): string {
  return valueLabels[value] ?? value
}
