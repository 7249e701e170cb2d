import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// Every page in every demo user's navigation loads, fits a 360 px phone without sideways
// scrolling, and has exactly one main heading.
const USERS = ['demo-student', 'demo-family', 'demo-teacher', 'demo-steward', 'demo-organiser'];

test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

/** Signs in and checks that the login lands on the home page. */
async function signInHome(page: Page, username: string) {
	await signIn(page, username);
	await expect(page).toHaveURL(/\/$/);
}

async function expectFits(page: Page, where: string) {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `${where} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
	await expect(page.locator('main h1'), `${where} has one h1`).toHaveCount(1);
}

test('public pages fit a phone', async ({ page }) => {
	for (const path of ['/', '/login', '/signup']) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(200);
		await expectFits(page, path);
	}
});

for (const username of USERS) {
	test(`${username}: every navigation page loads and fits a phone`, async ({ page }) => {
		await signInHome(page, username);
		const hrefs = await page
			.locator('#site-nav a[href^="/"]')
			.evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
		expect(hrefs.length).toBeGreaterThan(1);
		for (const href of hrefs) {
			const res = await page.goto(href);
			expect(res?.status(), href).toBeLessThan(400);
			await expectFits(page, `${username} ${href}`);
		}
	});
}

test('the home page offers a signed-in person their own places', async ({ page }) => {
	await signInHome(page, 'demo-teacher');
	const shortcuts = page.getByRole('navigation', { name: 'Hoạt động' });
	await expect(shortcuts.getByRole('link', { name: 'Lớp 6A1' })).toBeVisible();
	await expect(shortcuts.getByRole('link', { name: 'Lớp 7A2' })).toBeVisible();
	await shortcuts.getByRole('link', { name: 'Lớp 6A1' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lớp 6A1');
});

test('an organiser reads the impact dashboard on a phone and downloads the ledger; others may not', async ({
	page,
	request,
	baseURL
}) => {
	await signInHome(page, 'demo-organiser');
	await page
		.getByRole('navigation', { name: 'Điều hướng chính' })
		.getByRole('link', { name: 'Tác động' })
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tác động theo thời gian');
	const row = page
		.getByTestId('models-table')
		.getByRole('row', { name: /Trường học xanh nói không với rác nhựa/ });
	await expect(row).toBeVisible();
	await expect(
		page.getByRole('img', { name: 'Biểu đồ cột: kg nhựa tránh được và thu gom của từng mô hình' })
	).toBeVisible();
	await expectFits(page, '/organiser/impact');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Sổ điểm (từng lượt)' }).click();
	expect((await download).suggestedFilename()).toMatch(
		/^songxanh-ledger-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/
	);

	// A student gets a 403 for both the page and the file.
	const student = await request.post('/login', {
		form: { username: 'demo-student', password: 'songxanh-demo' },
		headers: { origin: new URL(baseURL!).origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(student.status()).toBe(303);
	expect((await request.get('/organiser/impact')).status()).toBe(403);
	expect((await request.get('/exports/ledger.csv')).status()).toBe(403);
});
