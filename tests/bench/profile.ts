/**
 * CPU profiles of the built server, one phase at a time on one server:
 * `npx tsx --tsconfig tests/bench/tsconfig.json tests/bench/profile.ts --port 4307 [--seconds 15]`
 * (after a build into tests/.tmp/bench/build, e.g. one `npm run bench` or `buildInto`).
 * Starts the benchmark server on the 2M dataset with `--cpu-prof`, then loads in turn the bare
 * page, the class board on a memo hit and action-log POSTs, noting when each phase ran (the
 * monotonic clock the profile's timestamps use), and prints each phase's self time grouped by
 * where it goes (profile-groups.ts), per answer.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { makeFixtures } from './fixtures';
import { actionLogs, page, type Target } from './measure';
import { summarise, type Profile } from './profile-groups';
import { startBenchServer, signIn } from './server';
import { parseArgs, ROOT, sidecarPath, type BenchInfo } from './util';
import { WriteMaker } from './writer';

const args = parseArgs(process.argv.slice(2));
const BIG = String(args.db ?? 'file:tests/.tmp/bench/bench-2m.db');
const PORT = Number(args.port ?? 4291);
const SECONDS = Number(args.seconds ?? 15);
const DIR = join(ROOT, 'tests', '.tmp', 'prof');
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });
process.env.BENCH_NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${DIR}`;

const big = JSON.parse(readFileSync(sidecarPath(BIG), 'utf8')) as BenchInfo;
const fixtures = await makeFixtures(BIG);
const maker = new WriteMaker(fixtures, `http://localhost:${PORT}`);
const server = await startBenchServer(PORT, BIG, 'on');
const now = () => Number(process.hrtime.bigint() / 1000n);
const phases: { name: string; from: number; to: number; answers: number }[] = [];
try {
	const cookie = await signIn(server.origin, big.username, big.password);
	const targets: Target[] = [
		await page(server.origin, 'bare page (/account)', '/account', cookie),
		await page(
			server.origin,
			'class board, this week (memo hit)',
			`/boards/class-in-school/${big.schoolId}?window=week`,
			cookie
		),
		actionLogs(maker, 20)
	];
	for (const t of targets) {
		await autocannon({ url: server.origin, connections: t.connections ?? 25, ...t.opts, duration: 3 });
		const from = now();
		const r = await autocannon({
			url: server.origin,
			connections: t.connections ?? 25,
			...t.opts,
			duration: SECONDS
		});
		phases.push({ name: t.name, from, to: now(), answers: r.requests.total });
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
} finally {
	await server.stop();
}
const file = readdirSync(DIR).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Profile;
for (const p of phases) summarise(profile, p);
console.info(`profile: ${join(DIR, file)}`);
