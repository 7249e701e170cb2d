import { readFileSync } from 'node:fs';
import { expect, signIn, test } from './fixtures';

test('an organiser opens the dashboard, changes the period, filters a model and downloads a CSV', async ({
	page
}) => {
	await signIn(page, 'demo-organiser');
	await page.goto('/organiser/impact');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tác động theo thời gian');
	await expect(page.getByLabel('Khoảng thời gian')).toHaveValue('12w');
	const households = page.getByTestId('fig-households').locator('dd').first();
	await expect(households).not.toHaveText('0');
	// The weekly trend draws lazily, with its table one tap away.
	await expect(page.getByRole('img', { name: /kg nhựa tránh được và thu gom mỗi tuần/ })).toBeVisible();
	await page.getByText('Xem số liệu dạng bảng').first().click();
	await expect(page.getByRole('columnheader', { name: 'Tuần bắt đầu' }).first()).toBeVisible();

	// Change the period: this month.
	await page.getByLabel('Khoảng thời gian').selectOption('month');
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page).toHaveURL(/period=month/);
	const period = await page.getByTestId('period').textContent();
	expect(period).toMatch(/^Từ 1\//);

	// A reversed period is refused with a message, and nothing is shown.
	await page.getByLabel('Khoảng thời gian').selectOption('custom');
	await page.getByLabel('Từ ngày').fill('2026-03-10');
	await page.getByLabel('Đến ngày').fill('2026-03-01');
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page.getByRole('alert')).toHaveText('Ngày bắt đầu phải trước ngày kết thúc.');
	await page.getByRole('link', { name: 'Xem lại với bộ lọc mặc định' }).click();

	// One model: Chợ Hàn's stalls refusing plastic bags.
	await page.getByLabel('Mô hình', { exact: true }).selectOption({ label: 'giảm nhựa tại chợ Hàn' });
	await page.getByRole('button', { name: 'Xem' }).click();
	await expect(page.getByRole('heading', { level: 2, name: /giảm nhựa tại chợ Hàn/ })).toBeVisible();
	await expect(page.getByTestId('fig-households').locator('dd').first()).toHaveText('6');
	await expect(page.getByTestId('models-table').locator('tr.chosen')).toContainText('chợ Hàn');

	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Sổ điểm (từng lượt)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/^songxanh-ledger-.*\.csv$/);
	const text = readFileSync((await file.path())!, 'utf8');
	expect(text.startsWith('\uFEFFentry_id,created_at_utc,local_day,source')).toBe(true);
	const lines = text.trim().split('\r\n');
	expect(lines.length).toBeGreaterThan(10);
	expect(lines.slice(1).every((l) => l.includes('Chợ Hàn'))).toBe(true);
	expect(text).not.toContain('student_nickname');
});

test('a teacher prints the class report on A4, nicknames only; another class is refused', async ({
	page
}) => {
	await signIn(page, 'demo-teacher');
	await page.goto('/classes');
	await page.getByRole('link', { name: /6A1/ }).first().click();
	await page.getByRole('link', { name: 'Báo cáo lớp' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo cáo lớp 6A1');
	await expect(page.getByTestId('taking-part')).toContainText('/9 bạn đã tham gia');
	await expect(page.getByTestId('impact-words')).toContainText('chai nhựa 500 ml');
	await expect(page.getByText('Bông Sen Nhỏ').first()).toBeVisible();
	await expect(page.getByText('Phạm Minh An')).toHaveCount(0);

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: /In báo cáo/ })).toBeHidden();
	await expect(page.getByLabel('Khoảng thời gian')).toBeHidden();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Mục tiêu của lớp' })).toBeVisible();
	const pdf = await page.pdf({ preferCSSPageSize: true });
	const mediaBoxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)];
	expect(mediaBoxes.length).toBeGreaterThan(0);
	for (const [, w, h] of mediaBoxes) {
		// A4 is 595 × 842 points (Chromium rounds to whole pixels).
		expect(Math.abs(Number(w) - 595)).toBeLessThan(2);
		expect(Math.abs(Number(h) - 842)).toBeLessThan(2);
	}
	expect(mediaBoxes.length).toBeLessThanOrEqual(4);
	await page.emulateMedia({ media: 'screen' });

	// Another school's class (the zero-waste school's, made after 6A1 and 7A2) is not the teacher's.
	const other = await page.request.get('/classes/3/report');
	expect(other.status()).toBe(403);
	const export_ = await page.request.get('/exports/ledger.csv?class=3');
	expect(export_.status()).toBe(403);
	const own = await page.request.get('/exports/participation.csv?class=1&period=month');
	expect(own.status()).toBe(200);
	expect(await own.text()).toContain('Bông Sen Nhỏ');
});

test("a family reads and prints its month; another household's month is refused", async ({ page }) => {
	await signIn(page, 'demo-family');
	await page.goto('/households');
	await page.getByRole('link', { name: 'Nhà Xanh Số 7' }).first().click();
	await page.getByRole('link', { name: 'Tháng này của nhà mình' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Nhà Xanh Số 7');
	await expect(page.getByTestId('impact-words')).toContainText('chai nhựa');
	await expect(page.getByRole('heading', { name: 'Cam kết và chuỗi ngày' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Vị trí trong khu dân cư' })).toBeVisible();
	await page.getByRole('link', { name: /^← tháng/ }).click();
	await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
	expect((await page.request.get('/households/2/month')).status()).toBe(403);
	const future = await page.request.get('/households/1/month?month=2099-01');
	expect(future.status()).toBe(400);
});

test('anyone reads a model page that shares what worked, and finds models like it; an organiser edits it', async ({
	page,
	browser
}) => {
	const visitor = await browser.newPage({ viewport: { width: 360, height: 740 } });
	await visitor.goto('/models');
	await visitor.getByRole('link', { name: /Giảm thiểu rác thải nhựa tại các chợ truyền thống/ }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Cẩm Lệ');
	await expect(visitor.getByTestId('fig-households').locator('dd').first()).toHaveText('9');
	await expect(visitor.getByRole('heading', { name: 'Điều đã làm tốt' })).toBeVisible();
	await expect(visitor.getByText('Ba chợ Cẩm Lệ thi đua giảm túi nilon')).toBeVisible();
	const alike = visitor.locator('section', {
		has: visitor.getByRole('heading', { name: 'Mô hình tương tự ở nơi khác' })
	});
	await alike.getByRole('link').first().click();
	await expect(visitor.getByRole('heading', { level: 1 })).toContainText('chợ Hàn');
	// No individual on a public page: no student nickname, no name of a person.
	await expect(visitor.locator('main')).not.toContainText('Bông Sen Nhỏ');
	await expect(visitor.getByRole('link', { name: 'Sửa phần chia sẻ' })).toHaveCount(0);
	const overflow = await visitor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(1);

	await signIn(page, 'demo-organiser');
	await page.goto(visitor.url());
	await page.getByRole('link', { name: 'Sửa phần chia sẻ' }).click();
	const worked = page.getByRole('group', { name: 'Điều đã làm tốt' }).getByLabel('Tiếng Việt');
	await worked.fill('Sạp nào dùng giỏ tre được treo cờ xanh.\n\nKhách quen nhận túi vải.');
	await page.getByRole('button', { name: 'Lưu' }).click();
	await expect(page.getByRole('status')).toHaveText('Đã lưu phần chia sẻ của mô hình.');
	await visitor.reload();
	await expect(visitor.getByText('Sạp nào dùng giỏ tre được treo cờ xanh.')).toBeVisible();
	await visitor.close();
});
