import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MIGRATIONS_DIR = resolve(ROOT, 'drizzle');

/** What the dataset generator made, for the benchmark to sign in and pick its boards. */
export interface BenchInfo {
	db: string;
	students: number;
	households: number;
	entries: number;
	username: string;
	password: string;
	userId: number;
	schoolId: number;
	classId: number;
	householdId: number;
	neighbourhoodId: number;
	provinceId: number;
	/** A community model many schools and neighbourhoods belong to (for the impact dashboard). */
	modelId?: number;
	counts: {
		entries: number;
		rollups: number;
		areaRollups: number;
		impactRows?: number;
		impactMembers?: number;
	};
	seconds: number;
}

export const sidecarPath = (dbUrl: string) => `${dbUrl.replace(/^file:/, '')}.json`;

/** `--name value` and `--flag` pairs. */
export function parseArgs(argv: string[]): Record<string, string | true> {
	const out: Record<string, string | true> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (!a.startsWith('--')) continue;
		const [name, inline] = a.slice(2).split('=', 2);
		if (inline !== undefined) out[name] = inline;
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[name] = argv[++i];
		else out[name] = true;
	}
	return out;
}

/** A one-line progress bar on stderr (plain lines when stderr is not a terminal). */
export class Progress {
	private done_ = 0;
	private readonly started = Date.now();
	constructor(
		private readonly total: number,
		private readonly quiet = false
	) {}
	step(label: string): void {
		this.done_++;
		if (this.quiet) return;
		const width = 30;
		const filled = Math.round((Math.min(this.done_, this.total) / this.total) * width);
		const pct = Math.round((Math.min(this.done_, this.total) / this.total) * 100);
		const secs = ((Date.now() - this.started) / 1000).toFixed(0);
		const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${secs}s ${label}`;
		if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
		else process.stderr.write(`${line}\n`);
	}
	done(): void {
		if (!this.quiet && process.stderr.isTTY) process.stderr.write('\n');
	}
}
