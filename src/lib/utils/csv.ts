/**
 * RFC 4180 CSV with a BOM (so Excel opens Vietnamese text as UTF-8). Text cells that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR at the start) are prefixed with an apostrophe;
 * numbers are written as they are, and null or undefined as an empty cell.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
	const cell = (v: unknown) => {
		let s = v === null || v === undefined ? '' : String(v);
		if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
