import SyncDatabase from 'libsql';
import { LibsqlError, type InArgs, type InValue, type ResultSet, type Row } from '@libsql/client';

/* Values, rows, results and errors of a native libSQL connection, shaped as `@libsql/client` gives them. */

const VALUES = Symbol('values');

/** A row shaped like `@libsql/client`'s: named enumerable values, positions and `length` on the side. */
export function rowMaker(columns: string[]): (values: unknown[]) => Row {
	const named = columns.map((c, i) => [c, i] as const).filter(([c], i) => columns.indexOf(c) === i);
	const proto: object = {};
	columns.forEach((_, i) =>
		Object.defineProperty(proto, i, {
			get(this: { [VALUES]: unknown[] }) {
				return this[VALUES][i];
			}
		})
	);
	Object.defineProperty(proto, 'length', { value: columns.length });
	return (values) => {
		const row = Object.create(proto) as Record<string | symbol, unknown>;
		Object.defineProperty(row, VALUES, { value: values });
		for (const [name, i] of named) row[name] = values[i];
		return row as unknown as Row;
	};
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function fromSql(v: unknown): unknown {
	if (typeof v === 'bigint') {
		if (v < MIN_SAFE || v > MAX_SAFE)
			throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
		return Number(v);
	}
	if (v instanceof Buffer) return v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength);
	return v;
}

function toSql(v: InValue): unknown {
	if (typeof v === 'number' && !Number.isFinite(v))
		throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
	if (typeof v === 'boolean') return v ? 1 : 0;
	if (v instanceof Date) return v.valueOf();
	if (v instanceof ArrayBuffer) return Buffer.from(v);
	if (v === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
	return v;
}

export function toArgs(args: InArgs | undefined): unknown[] | Record<string, unknown> {
	if (!args) return [];
	if (Array.isArray(args)) return args.map(toSql);
	const named: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(args)) named[/^[@$:]/.test(k) ? k.slice(1) : k] = toSql(v);
	return named;
}

/** SQLite's primary result codes, by number (sqlite3.h), for the extended codes libsql cannot name. */
const PRIMARY = [
	'OK',
	'ERROR',
	'INTERNAL',
	'PERM',
	'ABORT',
	'BUSY',
	'LOCKED',
	'NOMEM',
	'READONLY',
	'INTERRUPT',
	'IOERR',
	'CORRUPT',
	'NOTFOUND',
	'FULL',
	'CANTOPEN',
	'PROTOCOL',
	'EMPTY',
	'SCHEMA',
	'TOOBIG',
	'CONSTRAINT',
	'MISMATCH',
	'MISUSE',
	'NOLFS',
	'AUTH',
	'FORMAT',
	'RANGE',
	'NOTADB',
	'NOTICE',
	'WARNING'
];

/**
 * libsql's SqliteError as the `LibsqlError` callers of `@libsql/client` expect. An extended code
 * libsql has no name for (`UNKNOWN_SQLITE_ERROR_1544`, SQLITE_READONLY_DIRECTORY) still gets its
 * primary code (`SQLITE_READONLY`), as `@libsql/client` gives it, so start-up can explain it.
 */
export function libsqlError(e: unknown): unknown {
	if (e instanceof SyncDatabase.SqliteError) {
		const extended = e.code ?? 'SQLITE_UNKNOWN';
		const primary = typeof e.rawCode === 'number' ? PRIMARY[e.rawCode & 0xff] : undefined;
		const code = extended.startsWith('SQLITE_')
			? extended.replace(/^(SQLITE_[A-Z]+).*$/, '$1')
			: primary
				? `SQLITE_${primary}`
				: extended;
		return new LibsqlError(e.message, code, extended, e.rawCode, e);
	}
	return e;
}

export function resultSet(
	columns: string[],
	columnTypes: string[],
	rows: Row[],
	rowsAffected: number,
	lastInsertRowid: bigint | undefined
): ResultSet {
	return {
		columns,
		columnTypes,
		rows,
		rowsAffected,
		lastInsertRowid,
		toJSON: () => ({
			columns,
			columnTypes,
			rows: rows.map((r) => Array.from(r as ArrayLike<unknown>, (v) => (typeof v === 'bigint' ? `${v}` : v))),
			rowsAffected,
			lastInsertRowid: lastInsertRowid === undefined ? null : `${lastInsertRowid}`
		})
	};
}
