import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { targetSchema, type Comparator, type TargetForm } from '../plan';
import { chineseNumber } from './numerals';
import { readTextTargets, type TextTarget } from './text-targets';

interface Expected {
  name: string;
  /** When the sentence names it otherwise than the built-in plan: what the name read must hold. */
  key?: string;
  unit: string;
  form: TargetForm;
  /** The level, bound or total (value, else cumulative). */
  value: number | null;
  rate: number | null;
  comparator: Comparator | null;
  /** One of the built-in plans' curated text targets (packages/db/src/seed/text-targets). */
  core: boolean;
}
interface Sentence {
  district: string;
  line: number;
  sentence: string;
  /** Every target the sentence states; empty: not a target. */
  targets: Expected[];
}

/**
 * The five seeds' target sentences (main-target paragraphs and every sentence a built-in text
 * target is quoted from), each with every target it states read by hand, or none.
 */
const corpus = JSON.parse(
  readFileSync(new URL('./fixtures/text-targets.json', import.meta.url), 'utf8'),
) as Sentence[];

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function matches(t: TextTarget, e: Expected): boolean {
  const [a, b] = [fold(t.name), fold(e.name)];
  const named = a.includes(b) || b.includes(a) || (e.key !== undefined && a.includes(e.key));
  return (
    named &&
    t.unit === e.unit &&
    t.target.form === e.form &&
    (t.target.value ?? t.target.cumulative) === e.value &&
    t.target.rate === e.rate &&
    t.target.comparator === e.comparator
  );
}

function score() {
  const right: Expected[] = [];
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const s of corpus) {
    const read = readTextTargets(s.sentence).targets;
    const used = new Set<number>();
    for (const e of s.targets) {
      const i = read.findIndex((t, k) => !used.has(k) && matches(t, e));
      if (i < 0) missed.push(`${s.district}:${s.line} ${e.name}`);
      else {
        used.add(i);
        right.push(e);
      }
    }
    read.forEach((t, k) => {
      if (!used.has(k))
        wrong.push(`${s.district}:${s.line} ${t.name} ${t.text} ${JSON.stringify(t.target)}`);
    });
  }
  return { right, missed, wrong };
}

describe('readTextTargets on the five seeds’ target sentences', () => {
  const { right, missed, wrong } = score();
  const all = corpus.flatMap((s) => s.targets);
  const core = all.filter((e) => e.core);

  it('reads no target wrong, and nothing where a sentence states none', () => {
    expect(wrong).toEqual([]);
  });

  it('reads at least 95% of the built-in plans’ text targets right, and of all', () => {
    const coreShare = right.filter((e) => e.core).length / core.length;
    const share = right.length / all.length;
    console.info(
      `text targets read right: core ${right.filter((e) => e.core).length}/${core.length} (${(coreShare * 100).toFixed(1)}%), all ${right.length}/${all.length} (${(share * 100).toFixed(1)}%); missed: ${missed.join('; ') || 'none'}`,
    );
    expect(core.length).toBeGreaterThanOrEqual(90);
    expect(coreShare).toBeGreaterThanOrEqual(0.95);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('holds sentences that state no target, to be read as none', () => {
    expect(corpus.filter((s) => s.targets.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('gives targets the plan format accepts', () => {
    for (const s of corpus)
      for (const t of readTextTargets(s.sentence).targets)
        expect(targetSchema.parse(t.target)).toEqual(t.target);
  });
});

const one = (sentence: string): TextTarget => {
  const { targets } = readTextTargets(sentence);
  expect(targets).toHaveLength(1);
  return targets[0]!;
};
const none = (sentence: string) => expect(readTextTargets(sentence).targets).toEqual([]);

describe('readTextTargets: figures', () => {
  it('reads a name, a verb and a figure at the clause end (到2030年，全区GDP总量力争达到900亿元左右)', () => {
    const t = one('到2030年，全区GDP总量力争达到900亿元左右');
    expect(t).toMatchObject({
      name: 'GDP总量',
      unit: '亿元',
      text: '900亿元左右',
      reading: 'level',
    });
    expect(t.target).toMatchObject({ form: 'level', value: 900, comparator: 'about' });
  });

  it('pairs names and figures with 分别, and gives one rate to each name it lists', () => {
    const pair = readTextTargets('森林覆盖率、湿地保护率分别达到30%和55%').targets;
    expect(pair.map((t) => [t.name, t.target.value])).toEqual([
      ['森林覆盖率', 30],
      ['湿地保护率', 55],
    ]);
    const each = readTextTargets('高中阶段毛入学率、残疾儿童入学率达到98%以上').targets;
    expect(each.map((t) => [t.name, t.target.value, t.target.comparator])).toEqual([
      ['高中阶段毛入学率', 98, 'at_least'],
      ['残疾儿童入学率', 98, 'at_least'],
    ]);
  });

  it('lists names and figures that do not pair, and counts named together as one', () => {
    const r = readTextTargets('养老床位、护理床位分别达到1200张');
    expect(r.targets).toEqual([]);
    expect(r.unread[0]?.reason).toMatch(/1 figures for 2 names/);
    expect(one('社区卫生服务中心、服务站达到45个').name).toBe('社区卫生服务中心、服务站');
  });

  it('reads 累计, 新增, 培养 as a five-year total and 保持, 确保 as a line held every year', () => {
    expect(one('累计新增城镇就业1.2万人').target).toMatchObject({
      form: 'cumulative',
      cumulative: 1.2,
    });
    expect(one('“十五五”期间，新建公园12个')).toMatchObject({ reading: 'total', name: '新建公园' });
    expect(one('确保农村自来水普及率达到99%').target).toMatchObject({
      form: 'bound',
      comparator: 'at_least',
    });
    expect(one('到2030年，确保农村自来水普及率达到99%').target.form).toBe('level');
    expect(one('城镇调查失业率控制在5.5%以内').target).toMatchObject({
      form: 'bound',
      comparator: 'below',
    });
  });

  it('reads a count over the period as a total, a rate over the period as held every year', () => {
    expect(one('“十四五”期间，农村劳动力转移就业3万人')).toMatchObject({ reading: 'total' });
    expect(one('“十四五”期间，城镇新增就业人员参保率90%以上')).toMatchObject({
      reading: 'every_year',
    });
  });

  it('reads a verb, a figure and what it counts (新建3所中学, 打造5个特色街区)', () => {
    expect(one('新建3所中学')).toMatchObject({ name: '新建中学', reading: 'total', unit: '所' });
    expect(one('打造5个特色商业街区')).toMatchObject({ name: '特色商业街区', reading: 'level' });
    const two = readTextTargets('新建成2个省级示范社区，10个市级示范社区').targets;
    expect(two.map((t) => [t.name, t.target.cumulative])).toEqual([
      ['新建成省级示范社区', 2],
      ['新建成市级示范社区', 10],
    ]);
    expect(one('符合条件的120个老旧小区全部完成改造').target.cumulative).toBe(120);
  });

  it('takes a growth rate after a level as the level’s rate, and a growth name’s figure as a rate', () => {
    const t = one('到2030年，居民人均可支配收入达到60000元，年均增长6%');
    expect(t.target).toMatchObject({ form: 'level', value: 60000, rate: 6 });
    expect(one('一般公共预算收入年均增长5%左右').target).toMatchObject({
      form: 'annual_rate',
      rate: 5,
      comparator: 'about',
    });
  });
});

describe('readTextTargets: Chinese numerals', () => {
  it('reads 十名, 百名, 千名, 两个, 三十五 as figures', () => {
    expect(one('市级以上名师达到十名').target.value).toBe(10);
    expect(one('培育乡村工匠超过百名')).toMatchObject({ reading: 'total', unit: '名' });
    expect(one('志愿者人数突破千名').target).toMatchObject({ value: 1000, comparator: 'above' });
    expect(one('省级重点实验室达到两个').target.value).toBe(2);
    expect(one('标准化社区卫生服务站达到三十五个').target.value).toBe(35);
  });

  it('knows a numeral from a name: 十四五, 二〇三五年, 两个维护, 一批, 四个意识 are not figures', () => {
    expect(chineseNumber('十四五')).toBeNull();
    expect(chineseNumber('二〇三五')).toBeNull();
    expect(chineseNumber('一百零五')).toBe(105);
    expect(chineseNumber('两千')).toBe(2000);
    none('坚决做到“两个维护”，增强“四个意识”');
    none('锚定二〇三五年远景目标');
    none('建设一批创新载体和平台');
    expect(readTextTargets('走出一条高质量发展新路').unread).toEqual([]);
  });
});

describe('readTextTargets: zero targets', () => {
  it('reads 动态为零, 持续为零 as a bound at most 0 held every year', () => {
    const t = one('“十五五”期间零就业家庭动态为零');
    expect(t).toMatchObject({ name: '零就业家庭', reading: 'every_year', text: '动态为零' });
    expect(t.target).toMatchObject({ form: 'bound', value: 0, comparator: 'at_most' });
    expect(one('新增违法建设持续为零').target.form).toBe('bound');
  });

  it('reads 全部消除 as a level at most 0 by the target year, never the figure in the name', () => {
    const t = one('至“十五五”末，全部消除66人以上超大班额');
    expect(t).toMatchObject({ name: '66人以上超大班额', unit: '' });
    expect(t.target).toMatchObject({
      form: 'level',
      value: 0,
      comparator: 'at_most',
      direction: 'decrease',
    });
  });

  it('does not read 基本消除 (mostly removed) as zero', () => {
    none('重污染天气基本消除');
  });
});

describe('readTextTargets: water-quality classes', () => {
  it('reads 达到IV类 as at most class 4, 高于Ⅴ类 as below 5, Ⅲ类及以上 as at most 3', () => {
    expect(one('到2030年，卫河共产主义渠断面达到Ⅳ类').target).toMatchObject({
      form: 'bound',
      value: 4,
      comparator: 'at_most',
    });
    expect(one('大沙河水质高于Ⅴ类')).toMatchObject({ name: '大沙河', unit: '类' });
    expect(one('大沙河水质高于Ⅴ类').target).toMatchObject({ value: 5, comparator: 'below' });
    expect(one('饮用水水源地水质Ⅲ类及以上').target).toMatchObject({
      value: 3,
      comparator: 'at_most',
    });
    expect(one('出境断面水质好于劣V类').target).toMatchObject({ value: 6, comparator: 'below' });
  });

  it('gives every river it lists the class; a class named in a table name is no target', () => {
    expect(readTextTargets('洪河、汝河水质达到Ⅲ类').targets.map((t) => t.name)).toEqual([
      '洪河',
      '汝河',
    ]);
    none('地表水达到或好于Ⅲ类水体比例稳步提高');
  });

  it('does not read a change from one class to another with no year as a target', () => {
    none('北运河断面由劣V类水体改善为III类水体');
  });
});

describe('readTextTargets: cluster counts and ranges', () => {
  it('reads 形成3个超20亿级的产业集群 as 3, qualifier kept, the 20 not read', () => {
    const t = one('形成3个超20亿级的产业集群');
    expect(t).toMatchObject({ name: '超20亿级产业集群', qualifier: '超20亿级', unit: '个' });
    expect(t.target).toMatchObject({ form: 'level', value: 3 });
  });

  it('reads 2个百亿级、1个五十亿级 as two counts with their qualifiers', () => {
    const r = readTextTargets('培育形成2个百亿级、1个五十亿级产业集群').targets;
    expect(r.map((t) => [t.qualifier, t.target.value ?? t.target.cumulative])).toEqual([
      ['百亿级', 2],
      ['五十亿级', 1],
    ]);
  });

  it('reads 1至2所 and 1-2所 as at least the lower bound, the range kept in the text', () => {
    const t = one('到2030年力争打造1至2所市级示范性高中');
    expect(t).toMatchObject({ text: '1至2所', name: '市级示范性高中' });
    expect(t.target).toMatchObject({ value: 1, comparator: 'at_least' });
    expect(one('每个街道建成1-2所社区食堂').target.value).toBe(1);
  });

  it('lists a count whose object runs into the next statement instead of naming it wrong', () => {
    const r = readTextTargets('形成3个超10亿级的产业集群产业基础高级化水平明显提高');
    expect(r.targets).toEqual([]);
    expect(r.unread[0]?.reason).toMatch(/runs into/);
  });
});

describe('readTextTargets: what is not a target', () => {
  it('does not read a past year’s figures (较2015年下降, 由2015年的…提升至)', () => {
    const r = readTextTargets(
      'PM2.5平均浓度较2015年下降37.8%，菜市场比例由2015年的22.7%提升至86.7%',
    );
    expect(r.targets).toEqual([]);
    expect(r.unread.map((u) => u.reason)).toEqual([
      'a figure of a past year: not a target',
      'a figure of a past year: not a target',
    ]);
  });

  it('does not read years, PM2.5, 5G or figures in quotes', () => {
    none('规划期为2026—2030年');
    none('加快5G基站建设，推进PM2.5和臭氧协同控制');
    none('构建“3+2”现代产业体系');
  });

  it('lists a figure followed by words it does not name, without guessing', () => {
    const r = readTextTargets('完成地表水5个考核断面水质改善目标');
    expect(r.targets).toEqual([]);
    expect(r.unread).toHaveLength(1);
  });

  it('reads 2个百亿(…)、1个五十亿的产业集群 with 百亿 as the qualifier, and 打造百亿产业集群 as no count', () => {
    const r = readTextTargets('形成2个百亿(装备制造、新材料)、1个五十亿的产业集群(机器人)').targets;
    expect(r.map((t) => [t.name, t.qualifier, t.target.value])).toEqual([
      ['百亿产业集群', '百亿', 2],
      ['五十亿产业集群', '五十亿', 1],
    ]);
    none('打造百亿产业集群');
  });

  it('does not read ordinals, counts of unnamed lists, or a rate given in a count unit', () => {
    none('《国民经济和社会发展第十四个五年规划纲要》');
    expect(readTextTargets('新建金家营、十五里堡等21个').unread[0]?.reason).toMatch(
      /does not name/,
    );
    expect(readTextTargets('落实安装率、排放达标率2个').unread[0]?.reason).toMatch(/rate named/);
    expect(readTextTargets('严格落实8个').unread[0]?.reason).toMatch(/names no indicator/);
    none('改造4座共51.5延米');
    none('优良天数增加44天');
  });

  it('reads 约 before a figure as about', () => {
    expect(one('总建筑面积约15万平方米').target).toMatchObject({ value: 15, comparator: 'about' });
  });

  it('reads nothing in a sentence with no figure', () => {
    none('主要经济指标增速高于全市平均水平，居民收入增长与经济增长基本同步');
  });
});
