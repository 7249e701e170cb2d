import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** A teacher's new class (as demo-teacher) and its join code. */
async function newClass(page: Page, name: string): Promise<string> {
	await signIn(page, 'demo-teacher');
	await page.getByRole('link', { name: 'Lớp học' }).click();
	await page.getByLabel('Tên lớp (ví dụ 6A1)').fill(name);
	await page.getByLabel('Khối').selectOption('9');
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByRole('status')).toContainText('Đã tạo lớp');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Học sinh lớp ${name}`);
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	return code;
}

async function joinAsStudent(browser: Browser, code: string, nickname: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(`/join?code=${code}`);
	await expect(page.getByLabel('Mã', { exact: true })).toHaveValue(code);
	await page.getByLabel('Họ tên thật (chỉ thầy cô thấy)').fill('Ngô Thị Mai');
	await page.getByLabel('Tên hiển thị (mọi người thấy; đừng dùng họ tên thật)').fill(nickname);
	await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('hoc-sinh-123');
	await page.getByLabel('Nhập lại mật khẩu').fill('hoc-sinh-123');
	await page.getByRole('button', { name: 'Vào lớp' }).click();
	await expect(page.getByRole('heading', { name: 'Chào mừng đến lớp!' })).toBeVisible();
	const username = (await page.getByTestId('username').textContent())!.trim();
	expect(username).not.toContain('@');
	return { context, page, username };
}

test.describe('classes, students and households', () => {
	test('a teacher creates a class, imports a roster with progress and prints login cards', async ({
		page
	}) => {
		const name = `9C${unique().slice(-3).toUpperCase()}`;
		await newClass(page, name);
		await page.getByRole('link', { name: 'Dán danh sách lớp để tạo tài khoản' }).click();

		// A refused line blocks the import and says why, line by line.
		await page.getByLabel('Danh sách họ tên').fill('Nguyễn Văn An\n🌿🌿\nTrần Thị Bình');
		await page.getByRole('button', { name: 'Xem trước' }).click();
		await expect(page.getByText('Dòng 2 «🌿🌿»: Không có chữ cái')).toBeVisible();

		await page
			.getByLabel('Danh sách họ tên')
			.fill('Nguyễn Văn An\n\nTrần Thị Bình\nnguyễn văn an\n3. Lê Văn Chi');
		await page.getByRole('button', { name: 'Xem trước' }).click();
		await page.getByRole('button', { name: 'Tạo 4 tài khoản' }).click();
		await expect(page.getByRole('heading', { name: 'Đã tạo 4 tài khoản.' })).toBeVisible({ timeout: 30_000 });
		const cards = page.locator('.login-card');
		await expect(cards).toHaveCount(4);
		await expect(cards.first()).toContainText('Mật khẩu');
		// Each card carries a drop-off card (number and QR) for the steward's scanner, not the username.
		await expect(page.getByRole('img', { name: 'Mã QR thẻ góp nhựa' })).toHaveCount(4);
		await expect(page.getByRole('button', { name: 'In thẻ đăng nhập' })).toBeVisible();

		await page.emulateMedia({ media: 'print' });
		await expect(cards.nth(2)).toBeVisible();
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.getByRole('button', { name: 'In thẻ đăng nhập' })).toBeHidden();
		await page.emulateMedia({ media: 'screen' });

		await page.goto(page.url().replace(/\/import$/, ''));
		await expect(page.getByText('Trần Thị Bình', { exact: true })).toBeVisible();
		await page.getByRole('link', { name: 'In áp phích có mã QR' }).click();
		await expect(page.getByRole('img', { name: 'Mã QR dẫn đến trang vào lớp' })).toBeVisible();
	});

	test('the roster import and the join form work without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const code = await newClass(page, `9N${unique().slice(-3).toUpperCase()}`);
		await page.getByRole('link', { name: 'Dán danh sách lớp để tạo tài khoản' }).click();
		await page.getByLabel('Danh sách họ tên').fill('Đỗ Văn Em\nHồ Thị Gấm');
		await page.getByRole('button', { name: 'Xem trước' }).click();
		await page.getByRole('button', { name: 'Tạo 2 tài khoản' }).click();
		await expect(page.getByRole('heading', { name: 'Đã tạo 2 tài khoản.' })).toBeVisible({ timeout: 30_000 });
		await expect(page.locator('.login-card')).toHaveCount(2);
		const username = (await page.locator('.login-card code').first().textContent())!.trim();
		const password = (await page.locator('.login-card code').nth(1).textContent())!.trim();
		await context.close();

		// The printed card signs the child in.
		const kid = await browser.newContext({ javaScriptEnabled: false });
		const kidPage = await kid.newPage();
		await signIn(kidPage, username, password);
		await kidPage.goto(`/join?code=${code}`);
		await expect(kidPage.getByText('Bạn đang đăng nhập.')).toBeVisible();
		await kid.close();
	});

	test('a student joins by code; a rotated code stops working', async ({ page, browser }) => {
		const code = await newClass(page, `9J${unique().slice(-3).toUpperCase()}`);
		const student = await joinAsStudent(browser, code, `Lá Sen ${unique().slice(-3)}`);
		await student.page.getByRole('link', { name: 'Đến trang lớp' }).click();
		await expect(student.page.getByRole('heading', { level: 1 })).toContainText('Lớp 9J');
		await student.context.close();

		await page.reload();
		await expect(page.getByText('Ngô Thị Mai', { exact: true })).toBeVisible();
		await page.getByRole('button', { name: 'Đổi mã' }).click();
		await expect(page.getByRole('status')).toContainText('Mã cũ không còn dùng được');

		const other = await browser.newContext();
		const late = await other.newPage();
		await late.goto(`/join?code=${code}`);
		await late.getByLabel('Họ tên thật (chỉ thầy cô thấy)').fill('Ai Đó');
		await late.getByLabel('Tên hiển thị (mọi người thấy; đừng dùng họ tên thật)').fill('Người Đến Muộn');
		await late.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('hoc-sinh-123');
		await late.getByLabel('Nhập lại mật khẩu').fill('hoc-sinh-123');
		await late.getByRole('button', { name: 'Vào lớp' }).click();
		await expect(late.getByText('Mã này không dùng được')).toBeVisible();
		await other.close();
	});

	test('a parent creates a household, a student links to it and the parent approves', async ({
		page,
		browser
	}) => {
		const code = await newClass(page, `9H${unique().slice(-3).toUpperCase()}`);
		const nickname = `Chim Sẻ ${unique().slice(-3)}`;
		const student = await joinAsStudent(browser, code, nickname);

		const parentContext = await browser.newContext();
		const parent = await parentContext.newPage();
		await parent.goto('/signup');
		await parent.getByLabel('Họ tên').fill('Ngô Văn Ba');
		await parent.getByLabel('Tên hiển thị công khai').fill('Bố Ba');
		const parentEmail = `bo.ba.${unique()}@example.vn`;
		await parent.getByLabel('Email').fill(parentEmail);
		await parent.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('mat-khau-rat-dai');
		await parent.getByLabel('Thành viên hộ').check();
		await parent.getByRole('button', { name: 'Tạo tài khoản' }).click();
		await expect(parent.getByLabel('Email hoặc tên đăng nhập')).toHaveValue(parentEmail);
		await parent.getByLabel('Mật khẩu').fill('mat-khau-rat-dai');
		await parent.getByRole('button', { name: 'Đăng nhập' }).click();
		await parent.getByRole('link', { name: 'Hộ của tôi' }).click();
		await parent.getByLabel('Tên hộ (ví dụ Nhà Xanh Số 7)').fill('Nhà Ngô');
		// The neighbourhood starts unchosen: a household is never filed under the first one by accident.
		await parent.getByRole('button', { name: 'Tạo hộ mới' }).click();
		await expect(parent.getByRole('status')).toHaveCount(0);
		await parent.getByLabel('Khu dân cư').selectOption({ label: 'Tổ dân phố Liên Mạc 3 (Khu dân cư)' });
		await parent.getByRole('button', { name: 'Tạo hộ mới' }).click();
		await expect(parent.getByRole('status')).toContainText('Đã tạo hộ');
		const householdCode = (await parent.getByTestId('household-code').textContent())!.trim();

		await student.page.goto('/households');
		await student.page.getByLabel('Mã', { exact: true }).fill(householdCode.toLowerCase());
		await student.page.getByRole('button', { name: 'Vào hộ bằng mã' }).click();
		await expect(student.page.getByText('Đang chờ người lớn trong hộ Nhà Ngô duyệt.')).toBeVisible();

		await parent.reload();
		await parent.getByRole('button', { name: `Duyệt: ${nickname}` }).click();
		await expect(parent.getByRole('status')).toContainText('Đã duyệt');
		await expect(parent.getByRole('listitem').filter({ hasText: nickname })).toContainText('Học sinh');

		await student.page.reload();
		await expect(student.page.getByRole('link', { name: 'Mở trang hộ Nhà Ngô' })).toBeVisible();

		// Being in the household does not make the parent a guardian: the teacher's letter does.
		await page.goto(page.url().replace(/\/students$/, '/guardians'));
		await page.getByRole('button', { name: 'Tạo thư cho các em chưa có thư' }).click();
		await expect(page.getByRole('status')).toContainText('Đã tạo thư mới');
		const letter = (await page
			.getByTestId(/^guardians-of-/)
			.filter({ hasText: nickname })
			.textContent())!;
		const parentCode = letter.match(/mã ([2-9A-Z]{10})/)![1];
		await parent.getByRole('link', { name: 'Con em' }).click();
		await parent.getByLabel('Mã phụ huynh').fill(parentCode);
		await parent.getByRole('button', { name: 'Liên kết với con' }).click();
		await expect(parent.getByRole('status')).toContainText('Đã liên kết');
		await expect(parent.getByRole('heading', { level: 1 })).toContainText('Ngô Thị Mai');
		await parentContext.close();
		await student.context.close();
	});
});
