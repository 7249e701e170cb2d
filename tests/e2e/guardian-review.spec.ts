import { expect, signIn, test } from './fixtures';

// A guardian reads every entry of their child, in words and page by page; a teacher reviews one
// student's entries page by page and stays there after a void.
test.use({ viewport: { width: 360, height: 740 } });

test('the guardian pages through every entry of their child, named in words, and the export holds them all', async ({
	page
}) => {
	await signIn(page, 'demo-family');
	await page.goto('/children');
	await page.getByRole('link', { name: 'Xem dữ liệu' }).first().click();
	const heading = page.getByRole('heading', { name: /^Điểm đã ghi \(\d+ mục\)$/ });
	const total = Number((await heading.textContent())!.match(/\d+/)![0]);
	expect(total).toBeGreaterThan(50);
	await expect(page.getByTestId('entries-range')).toHaveText(`Mục 1–50 trong ${total}, mới nhất trước`);
	const rows = page.locator('table tbody tr');
	await expect(rows).toHaveCount(50);
	// Words, not codes: no row says "action", "checkin", "reversal" or "contribution".
	for (const raw of ['action', 'checkin', 'reversal', 'contribution'])
		await expect(rows.locator('td:nth-child(4)', { hasText: new RegExp(`^${raw}$`) })).toHaveCount(0);
	// A void names what it undid, and why.
	await expect(rows.locator('td:nth-child(4)', { hasText: /^Huỷ «.+» — lý do: / }).first()).toBeVisible();
	await page.screenshot({ path: 'test-results/guardian-child-360.png', fullPage: false });

	const pages = Math.ceil(total / 50);
	for (let p = 2; p <= pages; p++) {
		await page.getByRole('link', { name: 'Cũ hơn →' }).click();
		await expect(page.getByText(`Trang ${p}/${pages}`)).toBeVisible();
	}
	await expect(rows).toHaveCount(total - (pages - 1) * 50);
	await expect(page.getByRole('link', { name: 'Cũ hơn →' })).toHaveCount(0);
	await page.goto(page.url().replace(/\?.*$/, ''));

	const csv = await page.request.get(`${page.url().replace(/\/$/, '')}/export.csv`);
	const lines = (await csv.text()).split('\n').filter((l) => /^\d+,\d{4}-\d{2}-\d{2},/.test(l));
	expect(lines).toHaveLength(total);
	expect(lines.some((l) => l.includes('Điểm danh cam kết: '))).toBe(true);
	// The demo's voided entry: the void names what it undid, and why.
	expect(lines.some((l) => /,reversal,"?Huỷ «.+» — lý do: /.test(l))).toBe(true);

	// Someone else's child, by URL: refused.
	expect((await page.goto('/children/2'))?.status()).toBe(403);
});

test('a teacher reviews one student page by page and stays there after a void', async ({ page }) => {
	await signIn(page, 'demo-teacher');
	await page.goto('/classes');
	await page.getByRole('link', { name: '6A1', exact: true }).click();
	await page.getByRole('link', { name: /Duyệt và huỷ mục ghi/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Duyệt và huỷ mục ghi · lớp 6A1');
	await expect(page.getByRole('heading', { name: 'Tham gia 7 ngày qua' })).toBeVisible();
	await page.getByRole('link', { name: 'Bông Sen Nhỏ', exact: true }).click();
	await expect(page.getByText('Chỉ hiện các mục của Bông Sen Nhỏ.')).toBeVisible();
	const range = page.getByTestId('review-range');
	await expect(range).toHaveText(/^Mục 1–20 trong \d+$/);
	await page.getByRole('link', { name: 'Trang sau →' }).click();
	await expect(page).toHaveURL(/student=\d+&page=2/);
	await expect(range).toHaveText(/^Mục 21–/);

	const entry = page
		.locator('ul.entries > li')
		.filter({ hasText: 'Bông Sen Nhỏ' })
		.filter({ hasNotText: 'Đã huỷ' })
		.first();
	await entry.locator('summary').click();
	await entry.getByLabel('Lý do huỷ').fill('Ghi trùng với mục hôm trước.');
	await entry.getByRole('button', { name: 'Huỷ mục này' }).click();
	await expect(page.getByRole('status')).toContainText('Đã huỷ mục này');
	await expect(page).toHaveURL(/student=\d+&page=2/);
	await expect(page.getByText('Chỉ hiện các mục của Bông Sen Nhỏ.')).toBeVisible();
	await expect(range).toHaveText(/^Mục 21–/);
	await page.screenshot({ path: 'test-results/review-after-void-360.png', fullPage: false });
});
