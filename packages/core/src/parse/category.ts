import { cleanText } from './text';

export interface Placed {
  first: number;
  last: number;
  pageBreakBefore: boolean;
}

/** Text of the category column printed on one line. */
export interface Fragment {
  line: number;
  text: string;
}

interface Label {
  text: string;
  first: number;
  last: number;
  center: number;
}

/** "一、经济发展" → "经济发展", "经济 发展" → "经济发展". */
export function categoryName(text: string): string {
  return cleanText(text).replace(/^[一二三四五六七八九十]+[、.．]\s*/, '');
}

/**
 * The category of each row, from a category column whose merged cells the PDF printed as text
 * fragments. Printed on the first row of its group (top-aligned) a fragment starts the group.
 * Otherwise the fragments are vertically centred: fragments on adjacent lines join into one label,
 * and each label takes the rows placed symmetrically around it; a page break cuts a group, and
 * rows at the top of a page before its first label continue the last group of the page before.
 */
export function alignCategories(rows: Placed[], fragments: Fragment[]): string[] {
  const first = rows[0];
  if (!first || fragments.length === 0) return rows.map(() => '');
  if ((fragments[0]?.line ?? 0) <= first.last) {
    return rows.map((r) =>
      categoryName(fragments.filter((f) => f.line <= r.last).at(-1)?.text ?? ''),
    );
  }
  const labels = joinAdjacent(fragments);
  const pages = splitPages(rows);
  const out: string[] = [];
  let previous = '';
  pages.forEach((page, p) => {
    const start = page[0]?.first ?? 0;
    const end = page.at(-1)?.last ?? 0;
    const inPage = labels.filter((l) => l.first >= start && l.last <= end);
    const spans = p === 0 ? spansDown(inPage, start, end) : spansUp(inPage, start, end);
    for (const row of page) {
      const span = spans.find((s) => row.first >= s.start && row.first <= s.end);
      const after = spans.filter((s) => row.first > s.end).at(-1);
      out.push(span?.label.text ?? after?.label.text ?? previous);
    }
    previous = out.at(-1) ?? previous;
  });
  return out;
}

function joinAdjacent(fragments: Fragment[]): Label[] {
  const labels: Label[] = [];
  for (const f of fragments) {
    const last = labels.at(-1);
    if (last && f.line === last.last + 1) {
      last.text += f.text;
      last.last = f.line;
    } else labels.push({ text: f.text, first: f.line, last: f.line, center: 0 });
  }
  return labels.map((l) => ({ ...l, text: categoryName(l.text), center: (l.first + l.last) / 2 }));
}

function splitPages<T extends Placed>(rows: T[]): T[][] {
  const pages: T[][] = [];
  for (const row of rows) {
    if (row.pageBreakBefore || pages.length === 0) pages.push([]);
    pages.at(-1)?.push(row);
  }
  return pages;
}

interface Span {
  label: Label;
  start: number;
  end: number;
}

/** The first page: groups follow each other from the table's first row down. */
function spansDown(labels: Label[], start: number, end: number): Span[] {
  const spans: Span[] = [];
  let s = start;
  labels.forEach((label, i) => {
    const limit = Math.min(labels[i + 1]?.first ?? end + 1, end + 1) - 1;
    const e = Math.max(label.last, Math.min(2 * label.center - s, limit));
    spans.push({ label, start: s, end: e });
    s = e + 1;
  });
  return spans;
}

/** A later page: groups are placed from the page's last row up; rows above them continue a group. */
function spansUp(labels: Label[], start: number, end: number): Span[] {
  const spans: Span[] = [];
  let e = end;
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i] as Label;
    const limit = Math.max(labels[i - 1]?.last ?? start - 1, start - 1) + 1;
    const s = Math.min(label.first, Math.max(2 * label.center - e, limit));
    spans.unshift({ label, start: s, end: e });
    e = s - 1;
  }
  return spans;
}
