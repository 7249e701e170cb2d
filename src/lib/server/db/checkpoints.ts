import { Connection } from './local-connection';

/*
 * WAL checkpoints off the commit path, for local-client.ts.
 *
 * Left to SQLite (`wal_autocheckpoint`, 1000 pages), the commit that crosses the threshold copies
 * the whole WAL into the database file and fsyncs it before it returns: every tenth or so write
 * waited 10–50 ms for it, and behind it every write queued at the write gate. Here the client's
 * connections turn that off, and a connection of its own checkpoints on libSQL's threads, one
 * checkpoint at a time, after `EVERY_COMMITS` commits or `IDLE_MS` after the last one:
 * 1. `PASSIVE`, while writes go on: it copies what the WAL holds (the bulk of the work);
 * 2. `FULL`, between two writes of this process (a write that would begin waits for it, and it
 *    begins once no write of ours is open): it copies the few pages written meanwhile, so the WAL
 *    is wholly in the file and the next write starts it again from the beginning. Without this
 *    step the WAL never restarts under a steady stream of writes (it grew 600 MiB in 20 s).
 * Durability is the WAL's, synchronous FULL, as before; a crash mid-checkpoint loses nothing.
 *
 * This connection never prepares a statement (only `exec` in the background), so nothing of it is
 * ever finalised on the main thread while some BEGIN waits for a lock (see local-connection.ts).
 */

/** Commits between checkpoints: about SQLite's 1000 pages at the app's 15–30 pages a write. */
const EVERY_COMMITS = 40;
/** A quiet spell after which what the WAL holds is checkpointed anyway. */
const IDLE_MS = 500;
/** How long step 2 waits for this process's open write to end before it gives up this time. */
const MAX_WAIT_MS = 2000;
/**
 * The checkpointing connection's busy timeout: how long step 2 waits for a reader still on an old
 * snapshot (or another process's writer) while this process's writes are held back.
 */
const BUSY_MS = 250;

export class Checkpointer {
	private conn: Connection | null = null;
	private running = false;
	private commits = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private closing = false;
	/** Write transactions of this process now open. */
	private writing = 0;
	/** Step 2, pending or running: writes that would begin wait for it. */
	private barrier: { done: Promise<void>; open: () => void; start: () => void } | null = null;

	constructor(private readonly path: string) {}

	/**
	 * Call before a write transaction begins (after step 2, if one is pending); call the function it
	 * returns when the transaction has ended, saying whether it committed.
	 */
	async beginWrite(): Promise<(committed: boolean) => void> {
		while (this.barrier) await this.barrier.done;
		this.writing++;
		let ended = false;
		return (committed) => {
			if (ended) return;
			ended = true;
			this.writing--;
			if (committed) this.committed();
			if (this.writing === 0) this.barrier?.start();
		};
	}

	private committed(): void {
		this.closing = false;
		this.commits++;
		clearTimeout(this.timer);
		if (this.commits >= EVERY_COMMITS) this.run();
		else this.timer = setTimeout(() => this.run(), IDLE_MS).unref();
	}

	private run(): void {
		if (this.running || this.commits === 0) return;
		clearTimeout(this.timer);
		this.commits = 0;
		try {
			this.conn ??= new Connection(this.path, BUSY_MS);
		} catch {
			return; // the file cannot be opened now: the next commit tries again
		}
		this.running = true;
		const conn = this.conn;
		// A checkpoint that could not run (another process's, a closed file) is tried again later.
		const step = (mode: 'PASSIVE' | 'FULL') =>
			conn.background(`PRAGMA wal_checkpoint(${mode})`).catch(() => undefined);
		void step('PASSIVE')
			.then(() => this.betweenWrites(() => step('FULL')))
			.finally(() => {
				this.running = false;
				if (this.closing) this.closeNow();
				else if (this.commits >= EVERY_COMMITS) this.run();
			});
	}

	/** Runs `work` once no write of this process is open, holding new ones back until it is done. */
	private betweenWrites(work: () => Promise<void>): Promise<void> {
		let open!: () => void;
		const done = new Promise<void>((resolve) => (open = resolve));
		let started = false;
		const start = () => {
			if (started) return;
			started = true;
			clearTimeout(giveUp);
			void work().finally(() => {
				this.barrier = null;
				open();
			});
		};
		// Should some write stay open, writes are not held back for long: step 2 waits for next time.
		const giveUp = setTimeout(() => {
			if (started) return;
			started = true;
			this.barrier = null;
			open();
		}, MAX_WAIT_MS);
		giveUp.unref();
		this.barrier = { done, open, start };
		if (this.writing === 0) start();
		return done;
	}

	private closeNow(): void {
		this.conn?.close();
		this.conn = null;
	}

	/** Stops; a checkpoint under way finishes first (its connection closes after it). */
	close(): void {
		clearTimeout(this.timer);
		this.commits = 0;
		if (this.running) this.closing = true;
		else this.closeNow();
	}
}
