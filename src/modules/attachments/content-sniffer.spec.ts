import { sanitizeFileName, sniff } from './content-sniffer';

const b = (s: string) => Buffer.from(s, 'latin1');

describe('sniff: the type from the first bytes', () => {
  it.each([
    ['%PDF-1.7\n…', 'application/pdf'],
    ['\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'image/png'],
    ['\xff\xd8\xff\xe0\0\x10JFIF', 'image/jpeg'],
    ['RIFF\x24\0\0\0WEBPVP8 ', 'image/webp'],
  ])('%j → %s', (head, mime) => expect(sniff(b(head))?.mime).toBe(mime));

  it.each([['MZ\x90\0'], ['GIF89a'], ['<html>'], ['PK\x03\x04'], ['RIFF\x24\0\0\0WAVE'], ['']])('%j → not allowed', (head) =>
    expect(sniff(b(head))).toBeNull(),
  );
});

describe('sanitizeFileName', () => {
  it.each([
    ['组织架构图.pdf', 'pdf', '组织架构图.pdf'],
    ['chart.pdf', 'png', 'chart.png'],
    ['C:\\Users\\x\\照片.JPG', 'jpg', '照片.jpg'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['evil\u202egnp.exe', 'png', 'evilgnp.png'],
    ['...', 'pdf', 'file.pdf'],
    ['', 'webp', 'file.webp'],
    ['a'.repeat(500) + '.pdf', 'pdf', 'a'.repeat(196) + '.pdf'],
  ])('%j as %s → %j', (raw, ext, out) => expect(sanitizeFileName(raw, { ext })).toBe(out));
});
