import type { Connection } from './local-connection';

/*
 * WAL checkpoints off the write path. SQLite copies the write-ahead log back into the database
 * file when a commit finds the log over `wal_autocheckpoint` pages, inside that commit: on a large
 * database every tenth or so write paid for a thousand scattered page writes and a second fsync
 * while it held the write lock (tests/bench/statements.ts: COMMIT p90 26 ms against p50 5 ms).
 * Here a connection of its own checkpoints (PASSIVE: it never waits for, or blocks, readers and
 * writers) on libSQL's threads a moment after writes, and the commits' own checkpoint is kept only
 * as a backstop for a log the background cannot keep up with. Durability is unchanged: a commit
 * is still acknowledged once the log is synced.
 */

/** Pages the log may reach before a commit checkpoints it itself (about 16 MB). */
export const BACKSTOP_PAGES = 4000;
/** How long after a write the background checkpoint runs. */
export const CHECKPOINT_DELAY_MS = 250;

export interface Checkpoints {
	/** A write committed: checkpoint soon. */
	wrote(): void;
	/** Runs a checkpoint now (tests); resolves when it ended. */
	now(): Promise<void>;
	stop(): void;
}

/** Background checkpoints through a connection `open()` makes when the first is due. */
export function backgroundCheckpoints(open: () => Connection): Checkpoints {
	let conn: Connection | null = null;
	let timer: ReturnType<typeof setTimeout> | null = null;
	let running: Promise<void> | null = null;
	let again = false;
	let stopped = false;

	const run = (): Promise<void> => {
		timer = null;
		if (stopped) return Promise.resolve();
		if (running) {
			again = true;
			return running;
		}
		conn ??= open();
		const c = conn;
		running = c
			.background('PRAGMA wal_checkpoint(PASSIVE)')
			// A failed checkpoint leaves the log to the next one (or the backstop): nothing is lost.
			.catch(() => undefined)
			.finally(() => {
				running = null;
				if (again && !stopped) {
					again = false;
					schedule();
				}
			});
		return running;
	};
	const schedule = () => {
		if (timer || stopped) return;
		timer = setTimeout(run, CHECKPOINT_DELAY_MS);
		timer.unref?.();
	};
	return {
		wrote: schedule,
		now: run,
		stop() {
			stopped = true;
			if (timer) clearTimeout(timer);
			timer = null;
			const c = conn;
			conn = null;
			if (!c) return;
			if (running) running.finally(() => c.close());
			else c.close();
		}
	};
}
