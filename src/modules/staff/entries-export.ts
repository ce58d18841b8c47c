/**
 * The entries table as a spreadsheet: Chinese headers, one row per entry, every text cell through
 * the platform's formula neutraliser (src/common/csv) so that nothing an applicant typed runs as a
 * formula in staff's Excel.
 */
import { neutraliseFormula, toCsv } from '../../common/csv/csv';
import { RECEIPT_LABELS, STATE_LABELS } from './labels';
import type { EntryRowResponse } from './staff.response';

export const EXPORT_COLUMNS: Array<{ header: string; width: number; value: (e: EntryRowResponse) => string | number }> = [
  { header: '申报编号', width: 12, value: (e) => e.entryCode },
  { header: '企业名称', width: 32, value: (e) => e.company },
  { header: '申报单位', width: 28, value: (e) => e.organisation.name },
  { header: '统一社会信用代码', width: 22, value: (e) => e.organisation.uscc ?? '' },
  { header: '申报类别', width: 16, value: (e) => e.category.nameZh },
  { header: '从事行业', width: 14, value: (e) => e.industryLabel?.zh ?? '' },
  { header: '状态', width: 10, value: (e) => STATE_LABELS[e.state]?.zh ?? e.state },
  { header: '完整度 (%)', width: 10, value: (e) => e.completeness },
  { header: '封存哈希 (SHA-256)', width: 66, value: (e) => e.sha256 ?? '' },
  { header: '回执核验', width: 10, value: (e) => (e.receiptCheck ? RECEIPT_LABELS[e.receiptCheck].zh : '未上传') },
  { header: '会员单位', width: 8, value: (e) => (e.memberUnit ? '是' : '否') },
  { header: '最后修改', width: 26, value: (e) => e.lastChange },
  { header: '截止时间', width: 26, value: (e) => e.deadline },
  { header: '已延期', width: 8, value: (e) => (e.extended ? '是' : '否') },
];

/** Characters XML 1.0 cannot hold at all (the workbook would not open): dropped from XLSX text. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const cell = (v: string | number) => (typeof v === 'number' ? v : neutraliseFormula(v.replace(XML_INVALID, '')));

/** `title` (the cycle's name) goes into the workbook's properties; the sheet has a fixed name (Excel refuses many characters there). */
export async function entriesXlsx(rows: EntryRowResponse[], title: string): Promise<Buffer> {
  // loaded on first use: exceljs adds ~28 MB to a process's RSS, which the API otherwise never needs
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Top-Ten Award Platform';
  wb.title = title.replace(XML_INVALID, '');
  const ws = wb.addWorksheet('申报', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const e of rows) ws.addRow(EXPORT_COLUMNS.map((c) => cell(c.value(e))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function entriesCsv(rows: EntryRowResponse[]): string {
  const records = rows.map((e) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.header, c.value(e)])));
  return toCsv(
    records,
    EXPORT_COLUMNS.map((c) => c.header),
  );
}
