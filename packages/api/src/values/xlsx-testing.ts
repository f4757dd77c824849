import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** The files of a zip archive (an .xlsx), by name. */
export function unzipFiles(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const files = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(
      zip.toString('utf8', at + 46, at + 46 + nameLength),
      method === 0 ? data : inflateRawSync(data),
    );
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

/**
 * A zip archive of `files`, deflated. `declare` overrides the unzipped size written in the
 * headers, as a zip bomb would lie about it.
 */
export function zipFiles(files: Map<string, Buffer>, declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of files) {
    const packed = deflateRawSync(content, { level: 1 });
    const nameBytes = Buffer.from(name, 'utf8');
    const size = declare[name] ?? content.length;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(content), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * `template` with more rows of `columns` numbers on its entry sheet (sheet2). `same` repeats one
 * row (fast to build, zips tiny); `declare` makes the archive lie about the sheet's size.
 */
export function withExtraRows(
  template: Buffer,
  rows: number,
  options: { columns?: number; same?: boolean; declare?: number } = {},
): Buffer {
  const files = unzipFiles(template);
  const sheet = files.get('xl/worksheets/sheet2.xml')!.toString('utf8');
  const columns = options.columns ?? 22;
  const row = (r: number | null) => {
    let cells = '';
    for (let c = 0; c < columns; c++) {
      const at = r === null ? '' : ` r="${column(c)}${r}"`;
      cells += `<c${at}><v>${((r ?? 1) * 31 + c * 7) % 100000}</v></c>`;
    }
    return `<row${r === null ? '' : ` r="${r}"`}>${cells}</row>`;
  };
  const extra = options.same
    ? row(null).repeat(rows)
    : Array.from({ length: rows }, (_, i) => row(1000 + i)).join('');
  files.set(
    'xl/worksheets/sheet2.xml',
    Buffer.from(sheet.replace('</sheetData>', `${extra}</sheetData>`), 'utf8'),
  );
  const declare = options.declare;
  return zipFiles(files, declare === undefined ? {} : { 'xl/worksheets/sheet2.xml': declare });
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
function column(index: number): string {
  return index < 26
    ? String.fromCharCode(65 + index)
    : column(Math.floor(index / 26) - 1) + column(index % 26);
}
