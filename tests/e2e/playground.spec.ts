import type { Page } from '@playwright/test';
import { expect, navDestination, signIn, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 } });

async function signOut(page: Page) {
	await (await navDestination(page, 'Đăng xuất', 'button')).click();
	await expect(page.getByRole('status')).toContainText('Bạn đã đăng xuất');
}

async function recordDropOff(
	page: Page,
	fields: { who: string; material: string; kg: string; count?: string; volume?: string; component?: string }
) {
	const form = page.locator('form[action="?/record"]');
	await form.getByLabel('Ai mang đến?').fill(fields.who);
	await form.getByRole('radio', { name: fields.material }).check();
	await form.getByLabel('Khối lượng (kg)').fill(fields.kg);
	if (fields.count) await form.getByLabel('Số lượng (cái)').fill(fields.count);
	if (fields.volume) await form.getByLabel('Thể tích mỗi chai ecobrick (ml)').fill(fields.volume);
	if (fields.component) await form.getByLabel('Dành cho hạng mục').selectOption({ label: fields.component });
	await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
}

test('a steward records three drop-offs on a phone and the public build tracker shows them', async ({
	page,
	browser
}) => {
	await signIn(page, 'demo-steward');
	await page.getByRole('link', { name: 'Điểm thu gom', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trường THCS Liên Mạc');
	await expect(page.getByTestId('today-totals')).toHaveText('0 lượt · 0 kg · 0 điểm');

	// A zero weight is refused with a message and nothing is written.
	await recordDropOff(page, { who: 'Nhà Xanh Số 7', material: 'Chai nhựa PET', kg: '0' });
	await expect(page.getByText('Khối lượng phải lớn hơn 0.')).toBeVisible();
	await expect(page.getByTestId('today-totals')).toHaveText('0 lượt · 0 kg · 0 điểm');

	await recordDropOff(page, { who: 'Nhà Xanh Số 7', material: 'Chai nhựa PET', kg: '2,5' });
	await expect(page.getByTestId('done')).toContainText(
		'Đã ghi 2,5 kg chai nhựa PET cho Nhà Xanh Số 7 (+50 điểm).'
	);
	await expect(page.getByTestId('today-totals')).toHaveText('1 lượt · 2,5 kg · 50 điểm');
	// The last material is remembered for the next person in the queue.
	await expect(
		page.locator('form[action="?/record"]').getByRole('radio', { name: 'Chai nhựa PET' })
	).toBeChecked();
	await expect(page.getByLabel('Ai mang đến?')).toHaveValue('');

	await recordDropOff(page, { who: 'Bông Sen Nhỏ', material: 'Nắp chai', kg: '0.8', component: 'Cầu trượt' });
	await expect(page.getByTestId('today-totals')).toHaveText('2 lượt · 3,3 kg · 74 điểm');

	await recordDropOff(page, {
		who: 'nhà cây bàng',
		material: 'Gạch sinh thái (ecobrick)',
		kg: '1,35',
		count: '2',
		volume: '1500'
	});
	await expect(page.getByTestId('today-totals')).toHaveText('3 lượt · 4,65 kg · 128 điểm');
	const today = page.getByTestId('today-list');
	await expect(today.getByText('Bông Sen Nhỏ · 6A1')).toBeVisible();

	// The build tracker is public: a visitor who is not signed in sees the new drop-offs.
	const visitor = await browser.newPage({ viewport: { width: 360, height: 740 } });
	await visitor.goto('/playgrounds');
	await visitor.getByRole('link', { name: 'Sân chơi tái chế Liên Mạc' }).click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Sân chơi tái chế Liên Mạc');
	const recent = visitor.locator('section', {
		has: visitor.getByRole('heading', { name: 'Hoạt động gần đây' })
	});
	await expect(recent.getByText('Nhà Xanh Số 7 mang 2,5 kg chai nhựa pet')).toBeVisible();
	// A child's drop-off shows their class, never the child.
	await expect(recent.getByText('6A1 mang 0,8 kg nắp chai')).toBeVisible();
	await expect(visitor.getByText('Bông Sen Nhỏ')).toHaveCount(0);
	await expect(recent.getByText('Nhà Cây Bàng mang 1,35 kg gạch sinh thái (ecobrick)')).toBeVisible();
	await expect(visitor.getByText('Được nhận đỡ đầu bởi Lớp 6A1')).toBeVisible();
	// No real names on the public page.
	await expect(visitor.getByText('Phạm Minh An')).toHaveCount(0);
	await visitor.close();
});

test('a household announces a drop-off, the steward confirms it and the household sees the decision', async ({
	page
}) => {
	await signIn(page, 'demo-family');
	await page.goto('/households/1');
	await page.getByRole('link', { name: 'Mang nhựa cho sân chơi tái chế' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Báo trước đóng góp nhựa');
	await page
		.getByLabel('Mang đến đâu')
		.selectOption({ label: 'Chùa Đình Quán (Chủ nhật, 8:00–11:00) → Sân chơi tái chế Liên Mạc' });
	await page.getByRole('radio', { name: 'Chai nhựa PET' }).check();
	await page.getByLabel('Số lượng (cái)').fill('30');
	await page.getByRole('button', { name: 'Báo trước' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'Đã báo trước. Hãy mang đến điểm thu gom trong giờ mở cửa.'
	);
	await expect(page.getByText('30 cái (≈ 0,3 kg (ước tính))').first()).toBeVisible();
	await signOut(page);

	await signIn(page, 'demo-steward');
	await page.goto('/steward');
	await page.getByLabel('Điểm thu gom', { exact: true }).selectOption({ label: 'Chùa Đình Quán' });
	await page.getByRole('button', { name: 'Đổi điểm' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chùa Đình Quán');
	const waiting = page.locator('article', { hasText: '30 cái' }).last();
	await waiting.getByText('Xác nhận', { exact: true }).first().click();
	await waiting.getByLabel('Khối lượng (kg)').fill('0,42');
	await waiting.getByRole('button', { name: 'Xác nhận', exact: true }).click();
	await expect(page.getByTestId('done')).toContainText(
		'Đã xác nhận 0,42 kg · 30 cái chai nhựa PET cho Nhà Xanh Số 7 (+8 điểm).'
	);
	await expect(page.getByTestId('today-list').getByText('Nhà Xanh Số 7')).toBeVisible();
	await signOut(page);

	await signIn(page, 'demo-family');
	await page.goto('/households/1/contribute');
	await expect(page.getByText('Đã xác nhận · 8 điểm').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the steward form works with plain posts, refuses a huge weight until confirmed, and other people get 403', async ({
		page
	}) => {
		await signIn(page, 'demo-steward');
		await page.goto('/steward');
		await recordDropOff(page, { who: 'Quán Chè', material: 'Nhựa cứng HDPE', kg: '600' });
		await expect(
			page.getByText('Trên 500 kg trong một lần: đánh dấu ô xác nhận nếu đúng là như vậy.')
		).toBeVisible();
		await page.getByLabel('Tôi xác nhận lần mang này thực sự trên 500 kg').check();
		await page
			.locator('form[action="?/record"]')
			.getByRole('button', { name: 'Ghi nhận', exact: true })
			.click();
		await expect(page.getByTestId('done')).toContainText('Đã ghi 600 kg nhựa cứng HDPE cho Quán Chè Cô Ba');
		await expect(page.getByTestId('today-list').getByText('Quán Chè Cô Ba')).toBeVisible();
		const csv = await page.request.get('/steward/export.csv');
		expect(csv.status()).toBe(200);
		const text = await csv.text();
		expect(text).toContain('Quán Chè Cô Ba');
		// The weight column by the file rule (utils/units.ts kgForFile): a plain number of kilograms.
		expect(text).toContain(',hdpe,600,no,');
		// A collection point that is not theirs, by URL: refused.
		expect((await page.goto('/steward?point=999'))?.status()).toBe(403);
		expect((await page.request.get('/steward/export.csv?point=999')).status()).toBe(403);
		await page.goto('/steward');
		await signOut(page);

		await signIn(page, 'demo-family');
		expect((await page.goto('/steward'))?.status()).toBe(403);
		expect((await page.request.get('/steward/export.csv')).status()).toBe(403);
	});
});
