import { describe, expect, it } from 'vitest';
import { csvStream, toCsv } from './csv';

/** A strict RFC 4180 reader (after the BOM), for reading back what the writer wrote. */
function parseCsv(text: string): string[][] {
	expect(text.startsWith('\uFEFF')).toBe(true);
	const s = text.slice(1);
	const rows: string[][] = [];
	let row: string[] = [];
	let i = 0;
	while (i < s.length) {
		let value = '';
		if (s[i] === '"') {
			i++;
			for (;;) {
				if (s[i] === '"' && s[i + 1] === '"') {
					value += '"';
					i += 2;
				} else if (s[i] === '"') {
					i++;
					break;
				} else value += s[i++];
			}
		} else while (i < s.length && s[i] !== ',' && s[i] !== '\r') value += s[i++];
		row.push(value);
		if (s[i] === ',') i++;
		else {
			expect(s.slice(i, i + 2)).toBe('\r\n');
			i += 2;
			rows.push(row);
			row = [];
		}
	}
	return rows;
}

/** What a reader that knows the convention does: drop the apostrophe that defused a formula. */
const undefuse = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');

const NASTY = [
	'Nhà "Xanh", số 7',
	'=HYPERLINK("http://x","bấm")',
	'+84 912 345 678',
	'-1+2',
	'@SUM(A1)',
	'\tcột',
	'\rdòng',
	'hai\ndòng',
	'ba\r\ndòng',
	'Trường THCS Liên Mạc – lớp 6A1',
	'Ống hút, túi nilon & “đũa”',
	'',
	"'đã có dấu nháy",
	'Đình Quán ẩm thực ngõ Cấm Chỉ'
];

describe('csv', () => {
	it('reads back every awkward value the same, with formulas defused on the way', () => {
		const rows = NASTY.map((v, i) => [i, v]);
		const csv = toCsv(['n', 'value'], rows);
		const back = parseCsv(csv);
		expect(back[0]).toEqual(['n', 'value']);
		expect(back.slice(1).map((r) => [Number(r[0]), undefuse(r[1])])).toEqual(rows);
		// In the file itself, nothing a spreadsheet would run starts a cell.
		for (const r of back.slice(1)) expect(r[1]).not.toMatch(/^[=+\-@\t\r]/);
	});

	it('writes numbers as numbers (a negative amount is not a formula) and null as empty', () => {
		expect(toCsv(['a', 'b', 'c'], [[null, undefined, -1.5]])).toBe('\uFEFFa,b,c\r\n,,-1.5\r\n');
	});

	it('streams page by page exactly what it would write at once, skipping empty pages', async () => {
		const pages: unknown[][][] = [
			[[1, NASTY[0]]],
			[],
			[],
			[
				[2, NASTY[1]],
				[3, NASTY[7]]
			],
			[]
		];
		let pulls = 0;
		const stream = csvStream(['n', 'value'], 0, async (i: number) => {
			pulls++;
			return { rows: pages[i], next: i + 1 < pages.length ? i + 1 : null };
		});
		// Keep the BOM: Response.text() would drop it.
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
			await new Response(stream).arrayBuffer()
		);
		expect(text).toBe(toCsv(['n', 'value'], pages.flat()));
		expect(pulls).toBe(pages.length);
	});

	it('stops reading pages when the reader goes away', async () => {
		let pulls = 0;
		const stream = csvStream(['n'], 0, async (i: number) => {
			pulls++;
			return { rows: [[i]], next: i + 1 };
		});
		const reader = stream.getReader();
		await reader.read();
		await reader.read();
		await reader.cancel();
		const seen = pulls;
		await new Promise((r) => setTimeout(r, 20));
		expect(pulls).toBe(seen);
		expect(pulls).toBeLessThan(5);
	});
});
