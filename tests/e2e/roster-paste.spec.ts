import { expect, signIn, test } from './fixtures';

// A teacher pastes a real class list (header row, STT column, dates of birth, namesakes), checks
// the preview, makes the accounts, and prints any student's card again; a new student keeps
// their username on a printable card.
test.use({ viewport: { width: 360, height: 740 } });

test('an Excel list with a header row and namesakes: preview, then accounts, then a reprinted card', async ({
	page
}) => {
	await signIn(page, 'demo-teacher');
	await page.goto('/classes');
	await page.getByRole('link', { name: '7A2', exact: true }).click();
	await expect(page).toHaveURL(/\/classes\/\d+$/);
	const classUrl = page.url();
	await page.goto(`${classUrl}/students`);
	// The demo's namesakes are marked, each with their own username.
	const vys = page.locator('.roster li', { hasText: 'Học sinh Vy' });
	await expect(vys).toHaveCount(2);
	await expect(vys.first().getByText('Trùng tên')).toBeVisible();

	await page.getByRole('link', { name: 'Dán danh sách lớp để tạo tài khoản' }).click();
	await page
		.getByLabel('Danh sách họ tên')
		.fill(
			[
				'STT\tHọ và tên\tNgày sinh',
				'1\tĐinh Văn Toàn\t12/03/2012',
				'2\tLý Thị Mơ\t05/11/2012',
				'3\tĐinh Văn Toàn\t30/01/2012',
				'4\tHọc sinh Nam\t02/02/2012'
			].join('\n')
		);
	await page.getByRole('button', { name: 'Xem trước' }).click();
	const preview = page.getByTestId('roster-preview');
	await expect(page.getByRole('heading', { name: 'Xem trước: sẽ tạo 3 tài khoản' })).toBeVisible();
	await expect(preview.locator('tbody tr')).toHaveCount(3);
	await expect(preview.locator('tbody tr').nth(0)).toContainText('Đinh Văn Toàn');
	await expect(preview.locator('tbody tr').nth(2)).toContainText('Trùng tên với dòng 2');
	await expect(page.getByText('Dòng tiêu đề: bỏ qua (họ tên lấy ở cột Họ và tên).')).toBeVisible();
	// "Học sinh Nam" is already in 7A2: that line is them, not a new account.
	await expect(page.getByText('Đã có trong lớp: bỏ qua.')).toBeVisible();
	await expect(page.getByText('STT', { exact: true })).toHaveCount(0);
	await page.screenshot({ path: 'test-results/roster-preview-360.png', fullPage: true });

	await page.getByRole('button', { name: 'Tạo 3 tài khoản' }).click();
	await expect(page.getByRole('heading', { name: 'Đã tạo 3 tài khoản.' })).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.login-card .name')).toHaveText(['Đinh Văn Toàn', 'Lý Thị Mơ', 'Đinh Văn Toàn']);

	await page.goto(`${classUrl}/students`);
	const toans = page.locator('.roster li', { hasText: 'Đinh Văn Toàn' });
	await expect(toans).toHaveCount(2);
	await expect(toans.nth(1).getByText('Trùng tên')).toBeVisible();
	const username = (await toans.nth(1).locator('code').textContent())!.trim();
	await page.getByRole('link', { name: 'In thẻ: Đinh Văn Toàn' }).nth(1).click();
	const card = page.locator('.login-card');
	await expect(card).toHaveCount(1);
	await expect(card).toContainText(username);
	// A reprint never shows a password.
	await expect(card).toContainText('không in trên thẻ; quên thì nhờ thầy cô đặt lại');

	// Another class's student, by URL: no card.
	const sixA1 = await page.request.get(`${classUrl}/students/cards?student=1`);
	expect([403, 404]).toContain(sixA1.status());
});

test('a new student keeps their username on a card they can print', async ({ page }) => {
	await page.goto('/join?code=XANH7B');
	await page.getByLabel('Họ tên thật (chỉ thầy cô thấy)').fill('Tạ Minh Khôi');
	await page
		.getByLabel('Tên hiển thị (mọi người thấy; đừng dùng họ tên thật)')
		.fill(`Khôi ${Date.now() % 10000}`);
	await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('mat-khau-cua-khoi');
	await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cua-khoi');
	await page.getByRole('button', { name: 'Vào lớp' }).click();
	await expect(page.getByRole('heading', { name: 'Chào mừng đến lớp!' })).toBeVisible();
	const username = (await page.getByTestId('username').textContent())!.trim();
	const card = page.locator('.login-card');
	await expect(card).toContainText(username);
	await expect(card).toContainText('Lớp 7A2');
	await expect(card).not.toContainText('mat-khau-cua-khoi');
	await expect(page.getByRole('button', { name: 'In thẻ của em' })).toBeVisible();
	await expect(page.getByText('đưa thầy cô xem', { exact: false })).toBeVisible();
	await page.screenshot({ path: 'test-results/welcome-card-360.png', fullPage: true });
	await page.emulateMedia({ media: 'print' });
	await expect(card).toBeVisible();
	await expect(page.getByRole('button', { name: 'In thẻ của em' })).toBeHidden();
});
