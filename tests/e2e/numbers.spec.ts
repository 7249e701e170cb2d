import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// Issue 11: numbers people can trust. Journeys at 360 px, with the hostile versions.

/** Lifts the browser's own min/max on a field, as a hand-made request would. */
const unbound = (page: Page, name: string, value: string) =>
	page.locator(`[name=${name}]`).evaluate((el, v) => {
		const input = el as HTMLInputElement;
		input.removeAttribute('min');
		input.removeAttribute('max');
		input.value = v;
	}, value);

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test.describe('numbers people can trust', () => {
	test('the demo student is on her class board with the same week points as on her own page', async ({
		page
	}) => {
		await signIn(page, 'demo-student');
		await page.goto('/me');
		const week = (await page.locator('dl.totals dd').first().innerText()).trim();
		await page.goto('/boards');
		await page.getByRole('link', { name: /Học sinh lớp 6A1/ }).click();
		await expect(page.getByText('Bảng theo danh sách lớp hôm nay')).toBeVisible();
		const own = page.getByTestId('own-row');
		await expect(own).toContainText('Bông Sen Nhỏ');
		await expect(own.locator('td.num').first()).toHaveText(week);
	});

	test('the household board states its per-person rule and ranks small households by it', async ({
		page
	}) => {
		await signIn(page, 'demo-family');
		await page.goto('/boards');
		await page
			.getByRole('link', { name: /Tổ dân phố Liên Mạc 3/ })
			.first()
			.click();
		await page.getByRole('link', { name: 'Từ trước đến nay' }).click();
		await expect(page).toHaveURL(/window=all/);
		await page.getByRole('link', { name: 'Điểm mỗi thành viên tích cực' }).click();
		await expect(page).toHaveURL(/window=all.*sort=member/);
		await expect(page.getByTestId('per-member-rule')).toContainText(
			'khi có ít nhất 2 người ghi điểm, hoặc đã ghi điểm trong ít nhất 2 ngày khác nhau'
		);
		// Households are ranked per person: the top row has a score, not a dash.
		await expect(page.locator('tbody tr').first().locator('td.num').nth(1)).not.toHaveText('—');
		await page.screenshot({ path: 'test-results/numbers-household-board.png', fullPage: true });
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
			true
		);
	});

	test('a goal a year and a day away, or with a target of 0 or 10^12, is refused naming the bound', async ({
		page
	}) => {
		await signIn(page, 'demo-teacher');
		await page.goto('/classes');
		await page.getByRole('link', { name: '6A1' }).first().click();
		await page.getByRole('link', { name: 'Mục tiêu của lớp' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mục tiêu của lớp 6A1');
		const cards = await page.getByRole('progressbar').count();
		expect(cards).toBeGreaterThan(0);
		await page.getByLabel('Mục tiêu', { exact: true }).fill('300');
		await unbound(page, 'deadline', '9999-12-31');
		await page.getByRole('button', { name: 'Đặt mục tiêu mới' }).click();
		await expect(page.getByText(/Hạn chót xa nhất là 365 ngày kể từ hôm nay, tức/)).toBeVisible();
		for (const target of ['0', '1000000000000']) {
			await unbound(page, 'target', target);
			await page.getByLabel('Hạn chót').fill('');
			await unbound(page, 'deadline', new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
			await page.getByRole('button', { name: 'Đặt mục tiêu mới' }).click();
			await expect(page.getByText('Mục tiêu phải từ 1 đến 1.000.000.')).toBeVisible();
		}
		await page.screenshot({ path: 'test-results/numbers-goal-refused.png', fullPage: true });
		await page.reload();
		await expect(page.getByRole('progressbar')).toHaveCount(cards);
	});

	test('a challenge starting two months ago is refused naming the bound, and nothing is created', async ({
		page
	}) => {
		await signIn(page, 'demo-teacher');
		await page.goto('/challenges');
		const before = await page.locator('main a[href^="/challenges/"]').count();
		await page.goto('/challenges/new');
		await expect(page.getByText(/kéo dài tối đa 365 ngày/)).toBeVisible();
		await page.getByLabel('Tên thử thách').fill('Thử thách quá khứ');
		await page.getByRole('radio', { name: 'Thử thách lớp' }).check();
		await page.getByRole('checkbox', { name: '7A2' }).check();
		await unbound(page, 'startDay', new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10));
		await page.getByRole('button', { name: 'Tạo thử thách' }).click();
		await expect(page.getByText(/sớm nhất 30 ngày trước hôm nay, tức từ/)).toBeVisible();
		await page.goto('/challenges');
		await expect(page.locator('main a[href^="/challenges/"]')).toHaveCount(before);
	});

	test('moving an area moves its classes onto the boards of their new city, and back', async ({ page }) => {
		await signIn(page, 'demo-organiser');
		await page.goto('/organiser/areas');
		const ward = page
			.locator('li')
			.filter({ has: page.locator('summary', { hasText: 'Liên Mạc' }) })
			.first();
		await ward.locator('summary').click();
		const parent = ward.getByLabel('Thuộc địa bàn');
		const option = async (label: string) =>
			parent
				.locator('option')
				.filter({ hasText: new RegExp(`^(— )*${label}$`) })
				.getAttribute('value');
		const [daNang, haNoi, bacTuLiem] = [
			await option('Đà Nẵng'),
			await option('Hà Nội'),
			await option('Bắc Từ Liêm')
		];
		const classesIn = async (areaId: string | null) => {
			await page.goto(`/boards/class-in-area/${areaId}?window=all`);
			return page.locator('main').innerText();
		};
		expect(await classesIn(haNoi)).toContain('6A1');
		await page.goto('/organiser/areas');
		await ward.locator('summary').click();
		await parent.selectOption(daNang!);
		await ward.getByRole('button', { name: 'Lưu' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		expect(await classesIn(daNang)).toContain('6A1');
		expect(await classesIn(haNoi)).not.toContain('6A1');
		// Back where it was, so the other journeys find the demo as it is.
		await page.goto('/organiser/areas');
		await ward.locator('summary').click();
		await parent.selectOption(bacTuLiem!);
		await ward.getByRole('button', { name: 'Lưu' }).click();
		await expect(page.getByRole('status')).toBeVisible();
		expect(await classesIn(haNoi)).toContain('6A1');
		expect(await classesIn(daNang)).not.toContain('6A1');
	});
});
