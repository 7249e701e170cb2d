import { join } from 'node:path';
import {
	expect,
	test as base,
	type Browser,
	type BrowserContextOptions,
	type Locator,
	type Page
} from '@playwright/test';
import { dataDir, serveDemoCopy, type Server } from './servers';

/** The demo data's password for every demo account (src/lib/server/db/seed/demo). */
const DEMO_PASSWORD = 'songxanh-demo';
export type DemoRole = 'student' | 'teacher' | 'family' | 'steward' | 'organiser';

/** Signs `page` in through the login form (in Vietnamese) and waits for the nav's sign-out form. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('Email hoặc tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	// On a phone sign-out sits behind the menu button, so it is there but not necessarily visible.
	await expect(page.locator('#site-nav form[action="/logout"]').first()).toBeAttached();
}

/** The main navigation landmark (Vietnamese pages). */
export function mainNav(page: Page): Locator {
	return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

/**
 * One way to reach any destination of the main navigation at any width: on screen already, or
 * one tap away behind the menu button on a phone. Returns the link or button, now visible.
 */
export async function navDestination(page: Page, name: string, role: 'link' | 'button' = 'link') {
	const nav = mainNav(page);
	const target = nav.getByRole(role, { name, exact: true });
	const menu = nav.locator('details.nav-more');
	// Wait for the page that offers it (a click may still be navigating), then open the menu if needed.
	await expect(nav.getByRole(role, { name, exact: true, includeHidden: true }).first()).toBeAttached();
	const closed = (await menu.getAttribute('open')) === null;
	if (!(await target.isVisible()) && closed && (await menu.isVisible()))
		await menu.locator('summary').click();
	await expect(target).toBeVisible();
	return target;
}

/** Follows a main-navigation link, opening the phone's menu first if it lives there. */
export async function goToNav(page: Page, name: string) {
	await (await navDestination(page, name)).click();
}

/** Signs out through the main navigation, at any width. */
export async function signOut(page: Page) {
	await (await navDestination(page, 'Đăng xuất', 'button')).click();
	await expect(mainNav(page).getByRole('link', { name: 'Đăng nhập', exact: true })).toBeVisible();
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
