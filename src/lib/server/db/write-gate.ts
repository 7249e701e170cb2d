import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client';

/**
 * One writer at a time within this process, for local file databases.
 *
 * libSQL's native binding waits for a locked database synchronously, blocking the event loop. If
 * one request holds a write transaction open across an `await` and a second request in the same
 * process starts another write, the second blocks the loop for the whole busy timeout while the
 * first can never resume to commit: both stall, then one fails with SQLITE_BUSY. Queueing writes
 * here (transactions, batches and write statements) turns that into an ordinary async wait. Reads
 * are not queued: in WAL mode they never wait for the writer. Other processes still meet the
 * database's own lock and busy timeout, where waiting does not stall the lock holder.
 */
export function gateWrites(client: Client, options: { waitTimeoutMs?: number } = {}): Client {
	const waitTimeoutMs = options.waitTimeoutMs ?? 30_000;
	let tail: Promise<void> = Promise.resolve();

	function acquire(): Promise<() => void> {
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		const previous = tail;
		tail = previous.then(() => held);
		let timer: ReturnType<typeof setTimeout> | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() =>
					reject(
						new Error(`database write waited over ${waitTimeoutMs} ms (a write outside its transaction?)`)
					),
				waitTimeoutMs
			);
		});
		return Promise.race([previous, timeout]).then(
			() => {
				clearTimeout(timer);
				let released = false;
				return () => {
					if (!released) {
						released = true;
						release();
						for (const listener of settledListeners) listener();
					}
				};
			},
			(error) => {
				// Give our turn away as soon as it comes, so the queue behind us is not blocked.
				previous.then(() => release());
				throw error;
			}
		);
	}

	async function gated<T>(run: () => Promise<T>): Promise<T> {
		const release = await acquire();
		try {
			return await run();
		} finally {
			release();
		}
	}

	function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
		return new Proxy(tx, {
			get(target, prop) {
				const value = Reflect.get(target, prop, target);
				if (prop === 'commit' || prop === 'rollback') {
					return async () => {
						try {
							return await (value as () => Promise<void>).call(target);
						} finally {
							release();
						}
					};
				}
				if (prop === 'close') {
					return () => {
						try {
							(value as () => void).call(target);
						} finally {
							release();
						}
					};
				}
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
	}

	return new Proxy(client, {
		get(target, prop) {
			const value = Reflect.get(target, prop, target);
			switch (prop) {
				case 'transaction':
					return async (mode?: TransactionMode) => {
						if (mode === 'read') return target.transaction(mode);
						const release = await acquire();
						try {
							return releasingOnEnd(await target.transaction(mode), release);
						} catch (error) {
							release();
							throw error;
						}
					};
				case 'execute':
					return (stmt: InStatement, args?: unknown) => {
						const run = () =>
							args === undefined ? target.execute(stmt) : target.execute(stmt as string, args as never);
						return isWrite(stmt) ? gated(run) : run();
					};
				case 'batch':
					return (stmts: InStatement[], mode?: TransactionMode) =>
						mode === 'read' ? target.batch(stmts, mode) : gated(() => target.batch(stmts, mode));
				case 'executeMultiple':
				case 'migrate':
					return (arg: never) => gated(() => (value as (a: never) => Promise<unknown>).call(target, arg));
				default:
					return typeof value === 'function' ? value.bind(target) : value;
			}
		}
	});
}

type SettledListener = () => void;
const settledListeners = new Set<SettledListener>();

/**
 * Calls `listener` each time a write through a gated client of this process has ended (its
 * transaction committed or rolled back, its statement ran): what it wrote, if anything, is now
 * what every reader sees. Returns a function that stops it.
 */
export function onWriteSettled(listener: SettledListener): () => void {
	settledListeners.add(listener);
	return () => settledListeners.delete(listener);
}

const PLAIN_READ_RE = /^\s*(select\b|explain\b|values\b|pragma\s+\w+\s*(;|$))/i;

/**
 * The verb of the statement a WITH clause leads to: the first keyword outside every parenthesis
 * (CTE bodies and column lists are all parenthesised), skipping quoted text and comments.
 */
function verbAfterWith(sql: string): string | null {
	const bare = sql
		.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]/g, ' q ')
		.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
	let depth = 0;
	for (const token of bare.matchAll(/[()]|[a-z_]+/gi)) {
		const word = token[0];
		if (word === '(') depth++;
		else if (word === ')') depth--;
		else if (depth === 0 && /^(select|values|insert|update|delete|replace)$/i.test(word))
			return word.toLowerCase();
	}
	return null;
}

/** Anything that is not plainly a read is treated as a write. */
export function isWrite(stmt: InStatement): boolean {
	const sql = typeof stmt === 'string' ? stmt : stmt.sql;
	if (PLAIN_READ_RE.test(sql)) return false;
	if (!/^\s*with\b/i.test(sql)) return true;
	const verb = verbAfterWith(sql);
	return verb !== 'select' && verb !== 'values';
}
