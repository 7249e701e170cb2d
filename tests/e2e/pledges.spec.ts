import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/** Checks in today with `count` items and waits for the confirmation. */
async function checkInToday(page: Page, count: string) {
	await page.getByRole('radio', { name: 'Hôm nay' }).check();
	await page.getByLabel(/Số đồ nhựa dùng một lần đã tránh được/).fill(count);
	await page.getByRole('button', { name: 'Điểm danh', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Đã điểm danh');
}

async function expectChart(page: Page) {
	const chart = page.getByRole('img', { name: 'Biểu đồ: số đồ nhựa tránh được mỗi ngày và tổng số gam' });
	await expect(chart).toBeVisible();
	await expect(chart.getByText('Đang tải…')).toHaveCount(0); // chart.js loaded and drew
	await expect(chart.locator('canvas')).toBeVisible();
}

test.describe('pledges', () => {
	test('a student is reminded, pledges, checks in, and sees the streak and the impact chart', async ({
		page
	}) => {
		await signIn(page, 'demo-student');
		await page.goto('/');
		// The demo bottle pledge was last checked in yesterday: the home page reminds.
		const reminder = page.getByRole('complementary', { name: /Còn cần điểm danh/ });
		await expect(reminder.getByRole('link', { name: 'Bình nước' })).toBeVisible();

		await page
			.getByRole('navigation', { name: 'Điều hướng chính' })
			.getByRole('link', { name: 'Cam kết' })
			.first()
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cam kết dùng đồ tái sử dụng');
		await expect(page.getByTestId('my-streak')).toContainText('Chuỗi');

		await page.getByRole('radio', { name: /Ống hút, thìa dĩa riêng/ }).check();
		await page.getByRole('radio', { name: '7 ngày' }).check();
		await page.getByLabel('Số lần dùng mỗi ngày').fill('2');
		await page.getByRole('button', { name: 'Bắt đầu cam kết' }).click();
		await expect(page.getByRole('status')).toContainText('Đã bắt đầu cam kết');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ống hút, thìa dĩa riêng');
		await expect(page.getByTestId('pledge-streak')).toHaveText('🔥 Chuỗi 0 ngày');
		// The count starts from the pledge's uses per day.
		await expect(page.getByLabel(/Số đồ nhựa dùng một lần đã tránh được/)).toHaveValue('2');

		await checkInToday(page, '3');
		await expect(page.getByTestId('pledge-streak')).toHaveText('🔥 Chuỗi 1 ngày');
		await expect(page.getByTestId('pledge-impact')).toContainText(
			'Đã tránh được 3 ống hút, thìa dĩa nhựa, tức là 9 g nhựa.'
		);
		await expect(page.getByText('Hôm nay đã điểm danh ✓')).toBeVisible();
		await expect(page.getByRole('button', { name: 'Điểm danh', exact: true })).toHaveCount(0);
		await expectChart(page);

		// The confirmation belongs to the page it was for: the next page (reached in the app) is quiet.
		await page
			.getByRole('navigation', { name: 'Điều hướng chính' })
			.getByRole('link', { name: 'Xếp hạng' })
			.first()
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bảng xếp hạng');
		await expect(page.getByRole('status').filter({ hasText: 'Đã điểm danh' })).toHaveCount(0);

		// The demo history: a bottle pledge with a long streak on the list and its own chart.
		await page.goto('/pledges');
		await page.getByRole('link', { name: 'Bình nước' }).first().click();
		await expect(page.getByTestId('pledge-streak')).toContainText(/Chuỗi (19|20) ngày/);
		await expectChart(page);
	});

	test('a bad check-in is refused with a message and changes nothing', async ({ page, browser }) => {
		await signIn(page, 'demo-student');
		await page.goto('/pledges');
		const pledgeLink = page.getByRole('link', { name: 'Cốc cá nhân' }).first();
		const href = (await pledgeLink.getAttribute('href'))!;
		await pledgeLink.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cốc cá nhân');
		// Count out of range, sent past the browser's own checks.
		await page.locator('form.checkin').evaluate((f) => f.setAttribute('novalidate', ''));
		await page.getByLabel(/Số đồ nhựa dùng một lần đã tránh được/).fill('1000');
		await page.getByRole('button', { name: 'Điểm danh', exact: true }).click();
		await expect(page.getByText('Số đồ nhựa đã tránh phải từ 1 đến 100.')).toBeVisible();
		await page.goto(href);
		await expect(page.getByRole('button', { name: 'Điểm danh', exact: true })).toBeVisible();

		// Someone else's pledge: a 403, not a page.
		const other = await browser.newPage();
		await signIn(other, 'demo-steward');
		const res = await other.goto(href);
		expect(res?.status()).toBe(403);
		// ...and checking in on it through a hand-made form post is refused too.
		const pledgeId = href.split('/').pop()!;
		const post = await other.request.post('/pledges?/checkin', {
			form: { pledgeId, day: 'today', count: '5', idempotencyKey: 'hand-made-key-1' },
			headers: {
				origin: new URL(other.url()).origin,
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			}
		});
		expect(await post.text()).toContain('pledge.error.notYours');
		// Another class's wall is not theirs to see.
		expect((await other.goto('/classes/1/pledges'))?.status()).toBe(403);
		await other.close();
		// The class teacher may look, but not check in.
		const teacher = await browser.newPage();
		await signIn(teacher, 'demo-teacher');
		expect((await teacher.goto(href))?.status()).toBe(200);
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Cốc cá nhân');
		await expect(teacher.getByRole('button', { name: 'Điểm danh', exact: true })).toHaveCount(0);
		await teacher.close();
		expect((await page.goto('/classes/2/pledges'))?.status()).toBe(403);
		await page.goto(href);
		await expect(page.getByRole('button', { name: 'Điểm danh', exact: true })).toBeVisible();
	});

	test('a parent pledges for the household, checks in, and sees it on the household wall', async ({
		page
	}) => {
		await signIn(page, 'demo-family');
		await page.goto('/pledges');
		await page.getByRole('radio', { name: 'Của cả nhà' }).check();
		await page.getByRole('radio', { name: /Cốc cá nhân/ }).check();
		await page.getByRole('radio', { name: '21 ngày' }).check();
		await page.getByRole('button', { name: 'Bắt đầu cam kết' }).click();
		await expect(page.getByRole('status')).toContainText('Đã bắt đầu cam kết');
		await expect(page.getByText(/Cam kết của cả nhà \(do Bố Đức tạo\)/)).toBeVisible();

		await checkInToday(page, '2');
		await expect(page.getByTestId('pledge-streak')).toHaveText('🔥 Chuỗi 1 ngày');
		await expect(page.getByTestId('pledge-impact')).toContainText(
			'Đã tránh được 2 cốc nhựa, tức là 24 g nhựa.'
		);
		await expectChart(page);

		await page.goto('/pledges');
		await page.getByRole('link', { name: 'Bảng cam kết' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bảng cam kết hộ Nhà Xanh Số 7');
		await expect(
			page.getByRole('listitem').filter({ hasText: 'Cả nhà' }).filter({ hasText: 'Cốc cá nhân' })
		).toContainText('Chuỗi 1 ngày');
		await expect(page.getByRole('listitem').filter({ hasText: 'Túi vải đi chợ' }).first()).toContainText(
			/Chuỗi \d+ ngày/
		);
	});
});

test.describe('pledges without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the create and check-in forms work as plain forms', async ({ page }) => {
		await signIn(page, 'demo-student');
		await page.goto('/pledges');
		await page.getByRole('radio', { name: /Món khác/ }).check();
		await page.getByLabel('Tên món đồ của bạn').fill('Khăn tay');
		await page.getByLabel(/nặng bao nhiêu gam/).fill('2');
		await page.getByRole('radio', { name: '30 ngày' }).check();
		await page.getByRole('button', { name: 'Bắt đầu cam kết' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Khăn tay');
		await checkInToday(page, '4');
		await expect(page.getByTestId('pledge-impact')).toContainText(
			'Đã tránh được 4 đồ nhựa dùng một lần, tức là 8 g nhựa.'
		);
	});
});
