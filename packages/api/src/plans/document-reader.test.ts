import { afterEach, describe, expect, it } from 'vitest';
import { DocumentError } from '@pm/documents';
import { DocumentReader } from './document-reader';

const text = new TextEncoder().encode('| 序号 | 指标 | 2030年 |\n| 1 | 甲（%） | 5 |');
const readers: DocumentReader[] = [];
const reader = (timeoutMs: number, queue = 2) => {
  const r = new DocumentReader({ queue, timeoutMs, heapMb: 256 });
  readers.push(r);
  return r;
};
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

describe('DocumentReader', () => {
  it('reads a document in its worker, and refuses a file that is none with the reader’s error', async () => {
    const r = reader(30_000);
    expect((await r.read(text, 'plan.md')).tables).toHaveLength(1);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const error = await r.read(png, 'p.png').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ reason: 'not_a_document', kind: 'image' });
  });

  it('a document not read in time costs only the worker; the next read starts a new one', async () => {
    const r = reader(1);
    const error = await r.read(text, 'plan.md').catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'plans.document.tooComplex', params: { name: 'plan.md' } });
    r.options.timeoutMs = 30_000;
    expect((await r.read(text, 'plan.md')).tables).toHaveLength(1);
  });

  it('more documents than the queue holds: the next is refused as busy', async () => {
    const r = reader(30_000, 0);
    const first = r.read(text, 'a.md');
    const second = await r.read(text, 'b.md').catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'TOO_MANY_REQUESTS', key: 'plans.document.busy' });
    expect((await first).name).toBe('a.md');
  });
});
