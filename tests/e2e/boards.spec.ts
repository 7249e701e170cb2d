import { expect, signIn, test } from './fixtures';

test.describe('leaderboards on a phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

	test('the demo student sees their class rank and their own row, without sideways scrolling', async ({
		page
	}) => {
		await signIn(page, 'demo-student');
		await page.getByRole('link', { name: 'Bảng xếp hạng' }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bảng xếp hạng');
		await page.getByRole('link', { name: /Các lớp của Trường THCS Liên Mạc/ }).click();
		await page.getByRole('link', { name: 'Từ trước đến nay' }).click();
		await expect(page).toHaveURL(/window=all/);
		await expect(page.getByRole('link', { name: 'Từ trước đến nay' })).toHaveAttribute(
			'aria-current',
			'page'
		);

		await expect(page.getByTestId('own-standing')).toContainText(/Hạng \d+\/2/);
		const own = page.getByTestId('own-row');
		await expect(own).toBeVisible();
		await expect(own).toContainText('6A1');
		await expect(own).toContainText('Của bạn');
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
			true
		);
	});

	test('the student board shows nicknames only, and the chart has a text alternative', async ({ page }) => {
		await signIn(page, 'demo-student');
		await page.goto('/boards');
		await page.getByRole('link', { name: /Học sinh lớp 6A1/ }).click();
		await page.getByRole('link', { name: 'Từ trước đến nay' }).click();
		await expect(page.getByTestId('own-row')).toContainText('Bông Sen Nhỏ');
		await expect(page.locator('main')).not.toContainText('Phạm Minh');
		await expect(page.locator('main')).not.toContainText('Học sinh Bình');
		await expect(page.getByText('Xem số liệu dạng bảng')).toBeAttached();
	});
});

test.describe('a chart whose code cannot load', () => {
	// Playwright's routes do not see what a service worker fetches: without one, every chunk
	// request passes the route below.
	test.use({ serviceWorkers: 'block' });

	test('when the chart code cannot load, the board says so and shows the numbers as a table', async ({
		page
	}) => {
		// Refuse only chart.js's chunk (recognised by its contents): the rest of the page still works.
		// A fetch still pending when the page navigates is disposed: let that request go on unrouted.
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			const response = await route.fetch().catch(() => null);
			const text = response && (await response.text().catch(() => null));
			if (!response || text === null) return route.continue().catch(() => undefined);
			if (text.includes('Canvas is already in use')) return route.abort();
			return route.fulfill({ response, body: text });
		});
		await signIn(page, 'demo-student');
		await page.goto('/boards');
		await page.getByRole('link', { name: /Các lớp của Trường THCS Liên Mạc/ }).click();
		await page.getByRole('link', { name: 'Từ trước đến nay' }).click();
		await expect(page.getByText('Không tải được biểu đồ')).toBeVisible();
		await expect(page.getByText('Đang tải…')).toHaveCount(0);
		await expect(page.locator('figure.chart table')).toBeVisible();
	});
});

test.describe('bad board addresses', () => {
	// The student board is turned off here and not turned back on: a copy of the demo of its own.
	test.use({ database: 'student-board-off' });

	test('unknown window, kind, board or challenge: 404 with a message; a class board of another class: 403', async ({
		page
	}) => {
		await signIn(page, 'demo-family');
		const res = await page.goto('/boards/class-in-school/999999');
		expect(res?.status()).toBe(404);
		const bad = await page.goto('/boards/household-in-neighbourhood/1?window=year');
		expect(bad?.status()).toBe(404);
		await expect(page.getByText('Khoảng thời gian không hợp lệ.')).toBeVisible();
		expect((await page.goto('/boards/everyone/1'))?.status()).toBe(404);
		expect((await page.goto('/boards/school-in-area/1?window=challenge&challenge=999999'))?.status()).toBe(
			404
		);
		// demo-family is no student or teacher of the demo school.
		const forbidden = await page.goto('/boards/class-in-school/1');
		expect(forbidden?.status()).toBe(403);
		await expect(page.getByText('Bảng xếp hạng này chỉ dành cho thành viên')).toBeVisible();
	});

	test('the teacher turns the student board off and a student is then refused', async ({ as }) => {
		const page = await as('teacher');
		await page.goto('/boards');
		await page.getByRole('link', { name: /Học sinh lớp 6A1/ }).click();
		await page.getByRole('button', { name: 'Tắt bảng học sinh' }).click();
		await expect(page.getByRole('status')).toContainText('Đã tắt bảng xếp hạng học sinh.');
		const url = page.url();

		const other = await as('student');
		const res = await other.goto(url);
		expect(res?.status()).toBe(403);
		await expect(other.getByText('Giáo viên chưa bật bảng xếp hạng học sinh')).toBeVisible();
	});
});
