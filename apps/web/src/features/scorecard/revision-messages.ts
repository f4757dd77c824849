/** 动态调整 (spec §6): the revision form, the list of revisions, and the server's refusals. */
export const revisionZh = {
  'revise.title': '调整目标',
  'revise.open': '调整目标…',
  'revise.intro':
    '按中期评估后的调整决定或文件修改本指标的目标：原目标保留，调整后的目标自所选年份起用于评估；已定稿的评估保持原来的评价。',
  'revise.fromYear': '自哪一年起执行',
  'revise.text': '调整后的目标',
  'revise.textHint':
    '按文件原文填写，如 65、85 以上、[3.2]、年均增长 5% 左右；目标值和增速用分号隔开：65；年均增长 5%。原目标：{original}',
  'revise.document': '依据的文件或决定',
  'revise.documentHint': '如：区人大常委会关于调整“十四五”规划部分指标的决定',
  'revise.reason': '调整原因',
  'revise.submit': '保存调整',
  'revise.submitting': '正在保存…',
  'revise.cancel': '取消',
  'revise.saved': '已调整：{note}。',
  'revisions.title': '目标调整记录',
  'revisions.original': '原目标：{text}（规划原文，始终保留）',
  'revisions.col.from': '起始年份',
  'revisions.col.target': '调整后目标',
  'revisions.col.document': '依据',
  'revisions.col.reason': '原因',
  'revisions.col.by': '调整人',
  'revisions.col.when': '调整时间',
  'revisions.inForce': '{year} 年执行中',
  'revisions.later': '{year} 年起执行',
  'revisions.earlier': '已由后续调整替代',
  'revisions.corrected': '已被同年更正',
  'revisions.unknownSeq': '{plan}没有序号为 {seq} 的指标。',
  'revisions.yearOutside': '调整只能自 {first}–{last} 年中的某一年起执行，不能是 {year} 年。',
  'revisions.textMissing': '请填写调整后的目标，按文件原文，如 65 或 年均增长 5% 左右。',
  'revisions.unreadable':
    '无法识别“{text}”：请按规划表的写法填写，如 65、85 以上、[3.2]、年均增长 5% 左右。',
  'revisions.unit': '“{text}”的单位是{typed}，本指标的单位是{expected}。',
  'revisions.figures.levels':
    '本指标每年填报的是水平值（{unit}），“{text}”不是这类目标：请填写目标值，如 65，需要时加上增速：65；年均增长 5%。',
  'revisions.figures.changes':
    '本指标每年填报的是增速或降幅（%），“{text}”不是这类目标：请填写如 5 左右、年均增长 5% 左右，或五年累计 [13.5]。',
  'revisions.figures.amounts':
    '本指标每年填报的是当年新增量（{unit}），“{text}”不是这类目标：请填写五年累计目标，如 [3.2]。',
  'revisions.unlinked': '“{text}”要与经济增长对照，但本规划没有地区生产总值指标。',
  'revisions.unchanged': '“{text}”与该年起执行的目标相同，无需调整。',
  'revisions.documentMissing': '请填写调整所依据的文件或决定。',
  'revisions.reasonMissing': '请填写调整原因。',
} as const;

export const revisionEn: Record<keyof typeof revisionZh, string> = {
  'revise.title': 'Revise the target',
  'revise.open': 'Revise the target…',
  'revise.intro':
    "Change this indicator's target as a decision or document states it (typically after the mid-term evaluation): the original target is kept, the revised one is used from the chosen year on; finalized evaluations keep what they graded.",
  'revise.fromYear': 'In force from',
  'revise.text': 'Revised target',
  'revise.textHint':
    'As the document prints it, e.g. 65, 85 以上, [3.2], 年均增长 5% 左右; a level and a growth rate apart by a semicolon: 65；年均增长 5%. Original target: {original}',
  'revise.document': 'Decision or document',
  'revise.documentHint': 'e.g. the district congress’s decision revising indicators of the plan',
  'revise.reason': 'Reason',
  'revise.submit': 'Save the revision',
  'revise.submitting': 'Saving…',
  'revise.cancel': 'Cancel',
  'revise.saved': 'Revised: {note}.',
  'revisions.title': 'Target revisions',
  'revisions.original': 'Original target: {text} (the plan’s own, always kept)',
  'revisions.col.from': 'From',
  'revisions.col.target': 'Revised target',
  'revisions.col.document': 'Document',
  'revisions.col.reason': 'Reason',
  'revisions.col.by': 'By',
  'revisions.col.when': 'When',
  'revisions.inForce': 'in force in {year}',
  'revisions.later': 'in force from {year}',
  'revisions.earlier': 'replaced by a later revision',
  'revisions.corrected': 'corrected the same year',
  'revisions.unknownSeq': '{plan} has no indicator {seq}.',
  'revisions.yearOutside':
    'A revision takes effect in one of the years {first}–{last}, not {year}.',
  'revisions.textMissing':
    'Write the revised target as the document states it, e.g. 65 or 年均增长 5% 左右.',
  'revisions.unreadable':
    '“{text}” cannot be read: write it as the plan’s table does, e.g. 65, 85 以上, [3.2], 年均增长 5% 左右.',
  'revisions.unit': '“{text}” is in {typed}; this indicator is in {expected}.',
  'revisions.figures.levels':
    'This indicator reports levels ({unit}) each year, and “{text}” is not a target for them: write the level, e.g. 65, with a growth rate if need be: 65；年均增长 5%.',
  'revisions.figures.changes':
    'This indicator reports yearly growth or reduction rates (%), and “{text}” is not a target for them: write e.g. 5 左右, 年均增长 5% 左右, or a five-year total [13.5].',
  'revisions.figures.amounts':
    'This indicator reports each year’s new amount ({unit}), and “{text}” is not a target for them: write the five-year total, e.g. [3.2].',
  'revisions.unlinked':
    '“{text}” compares with economic growth, but the plan has no GDP indicator.',
  'revisions.unchanged':
    '“{text}” is the target already in force from that year: nothing to revise.',
  'revisions.documentMissing': 'Name the decision or document that revised the target.',
  'revisions.reasonMissing': 'Say why the target was revised.',
};
