import type { Place, SourceCell, SourceTable } from '@pm/core';

type Line = { text: string; place: Place };

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, '');
const isUnitLine = (s: string) => /^[(（]?单位[:：]/.test(squeeze(s));

/** A line that may be a table's caption: short, and not the end of a sentence. */
export const captionLike = (s: string): boolean => {
  const t = squeeze(s);
  return t.length > 0 && t.length <= 60 && !/[。；;：:]$/.test(t);
};

/** A caption names a table: 表N / 专栏N …, or what it lists (…指标, …目标, …一览表). */
const namesTable = (s: string) => /^(表|专栏)|指标|目标|一览/.test(squeeze(s));

/**
 * The caption of a table printed after `lines[from..]`: the last of those lines (a 单位： line
 * aside) when it reads as a caption naming a table; null when the table follows running text, a
 * heading or a page's navigation, or another table.
 */
export function captionBefore(lines: Line[], from: number): SourceTable['caption'] {
  for (let k = lines.length - 1; k >= from && k >= lines.length - 2; k--) {
    const line = lines[k];
    if (!line) break;
    if (isUnitLine(line.text)) continue;
    const caption = captionLike(line.text) && namesTable(line.text);
    return caption ? { text: line.text.trim(), place: line.place } : null;
  }
  return null;
}

/**
 * A first row that is one cell across the whole table, naming a table (表1 …, …主要指标): the
 * table's caption printed inside it. Returns the caption and the rows without it.
 */
export function captionRow(
  rows: SourceCell[][],
): { caption: NonNullable<SourceTable['caption']>; rows: SourceCell[][] } | null {
  const [first, ...rest] = rows;
  const head = first?.[0];
  if (!first || !head || rest.length === 0 || first.length < 2) return null;
  if (!first.slice(1).every((c) => c.mergedFrom === 'left')) return null;
  const text = squeeze(head.text);
  if (!captionLike(head.text) || !namesTable(text)) return null;
  return { caption: { text: head.text.trim(), place: head.place }, rows: rest };
}
