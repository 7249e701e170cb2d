/**
 * RFC 4180 CSV with a BOM (so Excel opens Vietnamese text as UTF-8). Text cells that a spreadsheet
 * would run as a formula (=, +, -, @, tab, CR at the start) are prefixed with an apostrophe;
 * numbers are written as they are, and null or undefined as an empty cell.
 */
export const CSV_BOM = '\uFEFF';

function cell(v: unknown): string {
	let s = v === null || v === undefined ? '' : String(v);
	if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, ending in CRLF. */
export function csvLine(cells: readonly unknown[]): string {
	return cells.map(cell).join(',') + '\r\n';
}

/** A whole CSV document in memory, for small tables. */
export function toCsv(header: string[], rows: unknown[][]): string {
	return CSV_BOM + csvLine(header) + rows.map(csvLine).join('');
}

/** One page of a streamed export: its rows and where the next page starts (null = that was the last). */
export interface CsvPage<C> {
	rows: unknown[][];
	next: C | null;
}

/**
 * A CSV document written page by page as the reader asks for it: the BOM and header first, then
 * one `page` call per pull, so however long the export, only one page is held at a time and a slow
 * or gone reader stops the reading (backpressure and cancel).
 */
export function csvStream<C>(
	header: string[],
	first: C,
	page: (cursor: C) => Promise<CsvPage<C>>
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let cursor: C | null = first;
	let started = false;
	let cancelled = false;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (!started) {
					started = true;
					controller.enqueue(encoder.encode(CSV_BOM + csvLine(header)));
					return;
				}
				// A pull must enqueue something or close: the stream does not ask again after an empty one.
				while (cursor !== null) {
					const { rows, next } = await page(cursor);
					if (cancelled) return;
					cursor = next;
					if (rows.length > 0) {
						controller.enqueue(encoder.encode(rows.map(csvLine).join('')));
						break;
					}
				}
				if (cursor === null) controller.close();
			},
			cancel() {
				cancelled = true;
			}
		},
		{ highWaterMark: 1 }
	);
}
