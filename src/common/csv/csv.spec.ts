import { csvCell, neutraliseFormula, toCsv } from './csv';

describe('neutraliseFormula', () => {
  it.each(['=HYPERLINK("http://evil","x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('prefixes %j with a quote', (s) => {
    expect(neutraliseFormula(s)).toBe(`'${s}`);
  });
  it.each(['普通', 'a=b', '1-2', '', ' =1', "'=already"])('leaves %j alone', (s) => {
    expect(neutraliseFormula(s)).toBe(s);
  });
});

describe('csvCell', () => {
  it('neutralises before quoting', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe("'-5"); // a number written by the platform is text in a CSV anyway
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and starts with a BOM', () => {
    const csv = toCsv([{ a: '普通', b: 'with, comma', c: 'say "hi"', d: null, e: { x: 1 } }], ['a', 'b', 'c', 'd', 'e']);
    expect(csv).toBe('\uFEFFa,b,c,d,e\r\n普通,"with, comma","say ""hi""",,"{""x"":1}"\r\n');
  });
  it('has no live formula in any cell, and no BOM when asked', () => {
    const csv = toCsv([{ name: '=1+1', email: '@x' }], ['name', 'email'], { bom: false });
    expect(csv).toBe("name,email\r\n'=1+1,'@x\r\n");
  });
});
