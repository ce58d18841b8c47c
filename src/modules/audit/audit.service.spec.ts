import { toCsv } from './audit.service';

describe('toCsv', () => {
  it('quotes what needs quoting and starts with a BOM', () => {
    const csv = toCsv([{ a: '普通', b: 'with, comma', c: 'say "hi"', d: null, e: { x: 1 } }], ['a', 'b', 'c', 'd', 'e']);
    expect(csv).toBe('\uFEFFa,b,c,d,e\r\n普通,"with, comma","say ""hi""",,"{""x"":1}"\r\n');
  });
});
