/** Messages of the plan periods on the district pages and the league (简体中文 first). */
export const periodZh = {
  'period.switcher': '规划期',
  'period.current': '当前规划',
  'period.open': '查看{label}',
  'period.none': '无',
  'period.problem.title': '没有这一期规划',
  'period.unreadable':
    '网址中的规划期“{text}”无法识别：应写作 2021-2025（规划首年和目标年）、14 或 十四五。',
  'period.yearOutside.open': '转到 {year} 年',
  'league.noPeriods': '所辖区县尚未导入规划。',
  'league.periodDistricts': '{count} 个区县有该期规划',
  'league.reset': '打开当前规划期的对比',
} as const;

export const periodEn: Record<keyof typeof periodZh, string> = {
  'period.switcher': 'Plan period',
  'period.current': 'Plan shown',
  'period.open': 'Open {label}',
  'period.none': 'none',
  'period.problem.title': 'No plan of this period',
  'period.unreadable':
    'The plan period “{text}” in the address cannot be read: write it 2021-2025 (the plan’s first and target years), 14 or 十四五.',
  'period.yearOutside.open': 'Go to {year}',
  'league.noPeriods': 'No district in your scope has a plan yet.',
  'league.periodDistricts': '{count} districts have a plan of this period',
  'league.reset': 'Open the comparison of the current period',
};
