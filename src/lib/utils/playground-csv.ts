/**
 * RFC 4180 CSV with a BOM (so Excel opens Vietnamese text as UTF-8). Cells that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR at the start) are prefixed with an apostrophe.
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
	const cell = (v: string | number) => {
		let s = String(v);
		if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
