import { expect, signIn, test } from './fixtures';

// A steward's counter on a phone: the confirmation names the match, a later refusal replaces it,
// the QR reader loads only when tapped and falls back to a photo or typing, and an announced
// drop-off is only confirmed with a weight.
test.use({ viewport: { width: 360, height: 740 } });

test('the steward scans a card from a photo, sees who was credited, and a later refusal clears it', async ({
	browser
}) => {
	// The household's card and its QR, as the family shows it at the counter.
	const family = await browser.newPage({ viewport: { width: 360, height: 740 } });
	await signIn(family, 'demo-family');
	await family.goto('/households/1/members');
	const cardNumber = (await family.getByTestId('household-card').textContent())!.trim();
	const qrPng = await family.getByRole('img', { name: 'Mã QR thẻ góp nhựa' }).screenshot();
	await family.close();

	const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
	const scannerFiles: string[] = [];
	page.on('request', (r) => {
		if (/zxing|barcode|\.wasm/i.test(r.url())) scannerFiles.push(r.url());
	});
	await signIn(page, 'demo-steward');
	await page.goto('/steward');
	const form = page.locator('form[action="?/record"]');
	await expect(form.getByRole('button', { name: 'Quét mã' })).toBeVisible();
	// Nothing of the reader is fetched until the button is tapped.
	expect(scannerFiles).toEqual([]);

	// This browser has no camera: the page says so and offers a photo, and typing still works.
	await form.getByRole('button', { name: 'Quét mã' }).click();
	await expect(
		form.getByText('Không mở được máy ảnh. Chụp ảnh mã QR hoặc gõ số thẻ vào ô trên.')
	).toBeVisible();
	await form
		.getByLabel('Chụp ảnh mã QR')
		.setInputFiles({ name: 'the.png', mimeType: 'image/png', buffer: qrPng });
	await expect(form.getByLabel('Ai mang đến?')).toHaveValue(cardNumber.replace(/\s/g, ''));
	expect(scannerFiles.some((u) => u.endsWith('.wasm'))).toBe(true);
	expect(scannerFiles.every((u) => u.startsWith(new URL(page.url()).origin))).toBe(true);

	await form.getByRole('radio', { name: 'Chai nhựa PET' }).check();
	await form.getByLabel('Khối lượng (kg)').fill('3,2');
	await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
	const done = page.getByTestId('done');
	await expect(done).toContainText('Đã ghi 3,2 kg chai nhựa PET cho Nhà Xanh Số 7 (+64 điểm).');
	await page.screenshot({ path: 'test-results/steward-confirmation-360.png', fullPage: false });

	// The next drop-off is refused: the old confirmation goes, and the refusal is said once.
	await form.getByLabel('Ai mang đến?').fill('Nhà Xanh Số 7');
	await form.getByRole('radio', { name: 'Gạch sinh thái (ecobrick)' }).check();
	await form.getByLabel('Khối lượng (kg)').fill('0,1');
	await form.getByLabel('Thể tích mỗi chai ecobrick (ml)').fill('600');
	await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
	await expect(form.getByText('Ecobrick quá lỏng (dưới 0,33 g/ml)', { exact: false })).toHaveCount(1);
	await expect(done).toHaveCount(0);
	await page.screenshot({ path: 'test-results/steward-refusal-360.png', fullPage: true });

	// Typing the card number by hand records too.
	await form.getByLabel('Ai mang đến?').fill(cardNumber);
	await form.getByRole('radio', { name: 'Nắp chai' }).check();
	await form.getByLabel('Khối lượng (kg)').fill('0,5');
	await form.getByLabel('Thể tích mỗi chai ecobrick (ml)').fill('');
	await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
	await expect(done).toContainText('Đã ghi 0,5 kg nắp chai cho Nhà Xanh Số 7');
	await page.close();
});

test('an announced drop-off is confirmed only with a weight', async ({ page }) => {
	await signIn(page, 'demo-steward');
	await page.goto('/steward');
	await page.getByLabel('Điểm thu gom', { exact: true }).selectOption({ label: 'Chùa Đình Quán' });
	await page.getByRole('button', { name: 'Đổi điểm' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chùa Đình Quán');
	const totals = await page.getByTestId('today-totals').textContent();
	const waiting = page.locator('article', { hasText: '60 cái' });
	await waiting.getByText('Xác nhận', { exact: true }).first().click();
	await expect(waiting.getByLabel('Khối lượng (kg)')).toHaveValue('');
	await waiting.getByRole('button', { name: 'Xác nhận', exact: true }).click();
	await expect(
		waiting.getByText('Đóng góp báo trước cần được cân: hãy nhập khối lượng (kg) trước khi xác nhận.')
	).toHaveCount(1);
	await expect(page.getByTestId('today-totals')).toHaveText(totals!);

	await waiting.getByLabel('Khối lượng (kg)').fill('0,65');
	await waiting.getByRole('button', { name: 'Xác nhận', exact: true }).click();
	await expect(page.getByTestId('done')).toContainText(
		'Đã xác nhận 0,65 kg · 60 cái chai nhựa PET cho Nhà Xanh Số 7 (+13 điểm).'
	);
});
