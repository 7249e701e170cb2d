import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('quotes separators and defuses formulas', () => {
		const csv = toCsv(
			['a', 'b'],
			[
				['Nhà "Xanh", số 7', '=HYPERLINK("x")'],
				[-1.5, 'ok']
			]
		);
		expect(csv).toBe('\uFEFFa,b\r\n"Nhà ""Xanh"", số 7","\'=HYPERLINK(""x"")"\r\n-1.5,ok\r\n');
	});

	it('writes empty cells for null and undefined', () => {
		expect(toCsv(['a', 'b', 'c'], [[null, undefined, 0]])).toBe('\uFEFFa,b,c\r\n,,0\r\n');
	});
});
