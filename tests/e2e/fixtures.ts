import { expect, test as base, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

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
 * `test` with `as(role)`: a page signed in as that demo role, in a context of its own that is
 * closed after the test, so a test can hold a teacher and a student side by side.
 */
export const test = base.extend<{ as: (role: DemoRole, options?: BrowserContextOptions) => Promise<Page> }>({
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
