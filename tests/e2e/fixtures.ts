import { join } from 'node:path';
import { expect, test as base, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { dataDir, serveDemoCopy, type Server } from './servers';

/** The demo data's password for every demo account (src/lib/server/db/seed/demo). */
const DEMO_PASSWORD = 'songxanh-demo';
export type DemoRole = 'student' | 'teacher' | 'family' | 'steward' | 'organiser';

/** Signs `page` in through the login form (in Vietnamese) and waits for the header's sign-out button. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email hoặc tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page.getByRole('button', { name: 'Đăng xuất' })).toBeVisible();
}

/** A page in a browser context of its own (its own cookies), signed in as `username`. */
export async function signedIn(
	browser: Browser,
	username: string,
	{ password, ...options }: BrowserContextOptions & { password?: string } = {}
): Promise<Page> {
	const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...options });
	const page = await context.newPage();
	await signIn(page, username, password);
	return page;
}

/**
 * The servers of the spec a worker is running: one per (spec file, `database` option), each on its
 * own copy of the seeded demo. Moving on to the next spec file stops them and deletes their files.
 */
class SpecServers {
	private file = '';
	private servers = new Map<string, Promise<Server>>();
	private made = 0;

	constructor(private readonly worker: number) {}

	async url(file: string, database: string): Promise<string> {
		if (file !== this.file) {
			await this.stop();
			this.file = file;
		}
		let server = this.servers.get(database);
		if (!server) {
			server = serveDemoCopy(join(dataDir, `worker${this.worker}-${++this.made}.db`));
			this.servers.set(database, server);
		}
		return (await server).url;
	}

	async stop(): Promise<void> {
		const servers = [...this.servers.values()];
		this.servers.clear();
		await Promise.all(servers.map(async (server) => (await server.catch(() => undefined))?.stop()));
	}
}

/**
 * Every journey imports `test` from here:
 * - `baseURL` is the spec's own server on its own copy of the demo database, so specs run in any
 *   order and in parallel, and nothing a spec writes needs undoing;
 * - `test.use({ database: 'name' })` gives a describe block a fresh copy of its own, for a journey
 *   that changes something the spec's other tests read;
 * - `as(role)`: a page signed in as that demo role, in a context of its own that is closed after the
 *   test, so a test can hold a teacher and a student side by side.
 */
export const test = base.extend<
	{ database: string; as: (role: DemoRole, options?: BrowserContextOptions) => Promise<Page> },
	{ specServers: SpecServers }
>({
	specServers: [
		// Playwright reads a fixture's dependencies from its first parameter: this one has none.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			const servers = new SpecServers(workerInfo.workerIndex);
			await use(servers);
			await servers.stop();
		},
		{ scope: 'worker', timeout: 60_000 }
	],
	database: ['spec', { option: true }],
	baseURL: [
		async ({ specServers, database }, use, testInfo) => use(await specServers.url(testInfo.file, database)),
		{ scope: 'test', timeout: 240_000 }
	],
	as: async ({ browser }, use) => {
		const pages: Page[] = [];
		await use(async (role, options) => {
			const page = await signedIn(browser, `demo-${role}`, options);
			pages.push(page);
			return page;
		});
		for (const page of pages) await page.context().close();
	}
});
export { expect };
