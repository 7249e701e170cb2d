import { MAX_ROSTER } from '$lib/schemas/structure';
import type { MessageKey } from '$lib/i18n/vi';

/**
 * Reading a class list as teachers paste it: from Excel or Google Sheets (tab-separated), a CSV
 * (comma or semicolon), or typed lines ("1. Nguyễn Văn An", "1 Nguyễn Văn An"). A header row
 * ("STT | Họ và tên | Ngày sinh") says which columns hold the name (one "Họ và tên" column, or
 * "Họ (và tên đệm)" + "Tên"); without one, the first cell with letters is the name. Numbers,
 * dates and other columns are ignored. Namesakes are kept, each with a note.
 */

export const MAX_NAME = 60;

export interface RosterNote {
	line: number;
	text: string;
	/** Why, as a message key. */
	reason: MessageKey;
	params?: Record<string, string | number>;
}
export interface RosterName {
	line: number;
	name: string;
	/** Set when another student has the same name: the line it repeats, or 0 for one already in the class. */
	namesakeOf?: number;
}
export interface CleanRoster {
	names: RosterName[];
	/** Lines changed or skipped, with why (the import may go on). */
	cleaned: RosterNote[];
	/** Lines that must be fixed before anything is made. */
	refused: RosterNote[];
	/** Set when there are more names than one class may import at once. */
	tooMany: number | null;
	/** The header row found, with the columns read as the name. */
	header: { line: number; columns: string[] } | null;
}

// Control and format characters, except the tab that separates pasted columns.
const INVISIBLE = /(?!\t)[\p{Cc}\p{Cf}]/gu;
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{20E3}/gu;
const NUMBERING = /^(\d{1,3}[.)]?|[-*•])\s+/u;
const NUMBER_CELL = /^(\d{1,4}[.)]?|[-*•])$/u;
const DATE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}/u;
/** How far down a header row may sit (under a title such as "DANH SÁCH HỌC SINH LỚP 6A1"). */
const HEADER_WITHIN = 3;

/** The key two names are compared by: case, accents' composition and spacing do not matter. */
export function nameKey(name: string): string {
	return name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/** A header cell without accents, case or punctuation: "Họ và tên" → "ho va ten". */
function plain(cell: string): string {
	return cell
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/gi, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

const FULL_NAME = new Set([
	'ho va ten',
	'ho ten',
	'ho va ten hoc sinh',
	'ten hoc sinh',
	'name',
	'full name',
	'student name',
	'student'
]);
const FAMILY_PART = new Set([
	'ho',
	'ho dem',
	'ho va ten dem',
	'ho va dem',
	'ho ten dem',
	'family name',
	'surname',
	'last name'
]);
const GIVEN_PART = new Set(['ten', 'given name', 'first name']);
const OTHER =
	/^(stt|tt|so tt|so thu tu|no|ngay sinh|nam sinh|gioi tinh|nam nu|lop|ghi chu|ma hs|ma hoc sinh|dia chi|date of birth|dob|birthday|gender|class|note|notes|sex)$/;

function cellsOf(line: string): string[] {
	if (line.includes('\t')) return line.split('\t');
	if (/[;,]/.test(line)) return line.split(/[;,]/);
	return [line];
}

/** The name columns a header row names, or null when the row is not a header. */
function headerColumns(cells: string[]): number[] | null {
	const keys = cells.map(plain);
	if (cells.length === 1) {
		// A header pasted without its tabs: "STT Họ và tên Ngày sinh".
		const words = keys[0];
		return /^(stt |tt |no )?(ho va ten|ho ten|full name|name)( |$)/.test(words) ? [0] : null;
	}
	const full = keys.findIndex((k) => FULL_NAME.has(k));
	if (full >= 0) return [full];
	const family = keys.findIndex((k) => FAMILY_PART.has(k));
	const given = keys.findIndex((k) => GIVEN_PART.has(k));
	if (family >= 0 && given > family) return [family, given];
	if (given >= 0 && keys.some((k) => OTHER.test(k))) return [given];
	return null;
}

/** A line's name: from the header's columns, else its first cell with letters; numbering and dates dropped. */
function nameFrom(cells: string[], columns: number[] | null): string {
	const picked = columns
		? columns.map((i) => cells[i] ?? '')
		: [cells.find((c) => /\p{L}/u.test(c.replace(DATE, ''))) ?? cells.find((c) => c.trim()) ?? ''];
	return picked
		.map((c) => c.trim())
		.filter((c) => c && !NUMBER_CELL.test(c))
		.join(' ')
		.replace(NUMBERING, '')
		.replace(new RegExp(`\\s*${DATE.source}.*$`, 'u'), '')
		.trim();
}

const tidy = (s: string) =>
	s
		.normalize('NFC')
		.replace(INVISIBLE, ' ')
		.replace(/[ \u00a0]+/g, ' ');

/**
 * Cleans a pasted roster line by line: the header row and any title above it, blank lines, list
 * numbering, extra columns and emoji are dropped (each with a note); over-long lines and lines
 * without a letter are refused. A name already in the class is skipped once for each student who
 * has it, so pasting the same list again makes nobody twice, while namesakes in one list are all made.
 */
export function cleanRoster(raw: string, existing: string[] = []): CleanRoster {
	const out: CleanRoster = { names: [], cleaned: [], refused: [], tooMany: null, header: null };
	const lines = raw.replace(/\r\n?/g, '\n').split('\n');
	const inClass = new Map<string, number>();
	for (const n of existing) inClass.set(nameKey(n), (inClass.get(nameKey(n)) ?? 0) + 1);
	const firstLine = new Map<string, number>();

	let columns: number[] | null = null;
	const filled = lines.flatMap((l, i) => (tidy(l).replace(/\t/g, '').trim() ? [i] : []));
	for (const i of filled.slice(0, HEADER_WITHIN)) {
		const cells = cellsOf(tidy(lines[i]));
		const found = headerColumns(cells);
		if (!found) continue;
		columns = cells.length === 1 ? null : found;
		out.header = { line: i + 1, columns: found.map((c) => cells[c].trim()) };
		for (const before of filled.filter((f) => f < i))
			out.cleaned.push({
				line: before + 1,
				text: lines[before].slice(0, 80),
				reason: 'structure.roster.titleRow'
			});
		out.cleaned.push({
			line: i + 1,
			text: lines[i].slice(0, 80),
			reason: 'structure.roster.header',
			params: { columns: out.header.columns.join(' + ') }
		});
		break;
	}

	for (const [i, original] of lines.entries()) {
		const line = i + 1;
		if (out.header && line <= out.header.line) continue;
		const shown = original.slice(0, 80);
		const cells = cellsOf(tidy(original));
		if (!cells.join('').trim()) {
			if (original.length) out.cleaned.push({ line, text: '', reason: 'structure.roster.blank' });
			continue;
		}
		const whole = cells
			.map((c) => c.trim())
			.filter(Boolean)
			.join(' ');
		const name = nameFrom(cells, columns).replace(PICTOGRAPHIC, '').replace(/\s+/g, ' ').trim();
		if (!/\p{L}/u.test(name)) {
			out.refused.push({ line, text: shown, reason: 'structure.roster.noLetters' });
			continue;
		}
		if (name.length > MAX_NAME) {
			out.refused.push({ line, text: shown, reason: 'structure.roster.tooLong', params: { max: MAX_NAME } });
			continue;
		}
		if (name !== whole)
			out.cleaned.push({ line, text: shown, reason: 'structure.roster.stripped', params: { name } });
		const key = nameKey(name);
		const already = inClass.get(key) ?? 0;
		if (already > 0) {
			// One student of the class has this name: this line is them, not someone new.
			inClass.set(key, already - 1);
			out.cleaned.push({ line, text: shown, reason: 'structure.roster.alreadyInClass' });
			firstLine.set(key, firstLine.get(key) ?? 0);
			continue;
		}
		const first = firstLine.get(key);
		if (first === undefined) firstLine.set(key, line);
		out.names.push(first === undefined ? { line, name } : { line, name, namesakeOf: first });
	}
	if (out.names.length > MAX_ROSTER) out.tooMany = out.names.length;
	return out;
}

/** Marks the students who share their real name with another in the list, so a teacher tells them apart. */
export function withNamesakes<T extends { displayName: string }>(rows: T[]): (T & { namesake: boolean })[] {
	const counts = new Map<string, number>();
	for (const r of rows) counts.set(nameKey(r.displayName), (counts.get(nameKey(r.displayName)) ?? 0) + 1);
	return rows.map((r) => ({ ...r, namesake: (counts.get(nameKey(r.displayName)) ?? 0) > 1 }));
}
