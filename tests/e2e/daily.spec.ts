import type { Browser, Page } from '@playwright/test';
import { expect, signedIn as signedInAs, test } from './fixtures';

// Issue 13: the daily path. Undo a slip on /today (also without JavaScript, once on a double tap,
// never someone else's entry), at 360 px.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const signedIn = (browser: Browser, username: string, javaScriptEnabled = true): Promise<Page> =>
	signedInAs(browser, username, { viewport: { width: 360, height: 740 }, javaScriptEnabled });

const dayPoints = async (page: Page) =>
	Number(
		(await page.getByText(/Điểm của ngày này: /).textContent())?.match(/: ([\d.]+)/)?.[1].replace('.', '')
	);

test('a student undoes a slip once, without JavaScript; someone else’s entry is not theirs to undo', async ({
	browser
}) => {
	// The family logs for their household: an entry that is not the student's.
	const family = await signedIn(browser, 'demo-family');
	await family.goto('/today?mode=household');
	await family.getByRole('button', { name: 'Ghi: Dùng cốc riêng khi mua đồ uống' }).click();
	await expect(family.getByRole('status')).toContainText('Đã ghi lại');
	const familyUndo = family.getByRole('button', { name: 'Hoàn tác: Dùng cốc riêng khi mua đồ uống' });
	await expect(familyUndo).toBeVisible();
	const familyEntry = await familyUndo.locator('xpath=ancestor::form').locator('[name=entryId]').inputValue();
	const familyPoints = await dayPoints(family);

	const student = await signedIn(browser, 'demo-student', false);
	await student.goto('/today');
	const before = await dayPoints(student);
	await student.getByRole('button', { name: 'Ghi: Không dùng ống hút nhựa' }).click();
	await expect(student.getByRole('status')).toContainText('Đã ghi lại');
	expect(await dayPoints(student)).toBe(before + 3);
	const justLogged = student.getByRole('region', { name: 'Vừa ghi' });
	await expect(justLogged).toContainText('Không dùng ống hút nhựa');
	await expect(justLogged).toContainText('Bạn tự hoàn tác được trong 10 phút');
	await student.screenshot({ path: 'test-results/daily-undo-360.png', fullPage: true });
	const undo = justLogged.getByRole('button', { name: 'Hoàn tác: Không dùng ống hút nhựa' });
	const entryId = await undo.locator('xpath=ancestor::form').locator('[name=entryId]').inputValue();

	await undo.click();
	await expect(student.getByRole('status')).toContainText('Đã hoàn tác');
	expect(await dayPoints(student)).toBe(before);
	await expect(student.getByRole('button', { name: 'Hoàn tác: Không dùng ống hút nhựa' })).toHaveCount(0);
	// The straw can be logged again: an undone slip frees its place in the day's cap.
	await expect(student.getByRole('button', { name: 'Ghi: Không dùng ống hút nhựa' })).toContainText(
		/Đã ghi 0\/5/
	);

	// A second tap (the same form again) undoes nothing more.
	const origin = new URL(student.url()).origin;
	const again = await student.request.post('/today?/undo', {
		form: { entryId },
		headers: { Origin: origin }
	});
	expect(await again.json()).toMatchObject({ type: 'redirect', status: 303 });
	await student.reload();
	expect(await dayPoints(student)).toBe(before);

	// The family's entry id in the student's form: not found, and the family's entry stands.
	const hostile = await student.request.post('/today?/undo', {
		form: { entryId: familyEntry },
		headers: { Origin: origin }
	});
	expect(await hostile.json()).toMatchObject({ type: 'failure', status: 404 });
	await family.reload();
	expect(await dayPoints(family)).toBe(familyPoints);
	await expect(familyUndo).toBeVisible();

	// The student's list says it was undone by them, not voided by a teacher.
	await student.goto('/me');
	await expect(student.getByText('Đã hoàn tác: Bông Sen Nhỏ tự huỷ vì bấm nhầm.')).toHaveCount(1);
});

test('a new student sees the next badge of each kind, earns their first with a short celebration, and locked ones say how', async ({
	browser
}) => {
	// A class of the demo teacher's, and a student who joins it with its code.
	const teacher = await signedIn(browser, 'demo-teacher');
	await teacher.goto('/classes');
	const name = `9D${Date.now().toString(36).slice(-3)}`;
	await teacher.getByLabel('Tên lớp (ví dụ 6A1)').fill(name);
	await teacher.getByLabel('Khối').selectOption('9');
	await teacher.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(teacher.getByRole('status')).toContainText('Đã tạo lớp');
	const code = (await teacher.getByTestId('join-code').textContent())!.trim();

	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		reducedMotion: 'reduce'
	});
	const kid = await context.newPage();
	await kid.goto(`/join?code=${code}`);
	await kid.getByLabel('Họ tên thật (chỉ thầy cô thấy)').fill('Lê Văn Tí');
	await kid.getByLabel('Tên hiển thị (mọi người thấy; đừng dùng họ tên thật)').fill('Hạt Mầm');
	await kid.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('hoc-sinh-123');
	await kid.getByLabel('Nhập lại mật khẩu').fill('hoc-sinh-123');
	await kid.getByRole('button', { name: 'Vào lớp' }).click();
	await expect(kid.getByRole('heading', { name: 'Chào mừng đến lớp!' })).toBeVisible();

	await kid.goto('/me');
	const next = kid.getByRole('list').filter({ has: kid.getByRole('progressbar') });
	await expect(next).toContainText('Bước đầu xanh — Ghi hành động đầu tiên');
	await expect(next).toContainText('100 điểm — còn 100 điểm');
	await expect(next).toContainText('7 ngày liên tiếp — còn 7 ngày liên tiếp');

	await kid.goto('/today');
	await kid.getByRole('button', { name: 'Ghi: Mang bình nước riêng' }).click();
	// Right after the log that earned it: named, with a way to see it.
	const cheer = kid.locator('.celebrate');
	await expect(cheer).toContainText('Chúc mừng! Bạn vừa nhận huy hiệu: Bước đầu xanh');
	// Asked for less motion: the burst does not move.
	expect(await cheer.locator('.burst').evaluate((e) => getComputedStyle(e).animationName)).toBe('none');
	await cheer.getByRole('link', { name: 'Xem huy hiệu' }).click();

	await expect(kid.getByRole('heading', { level: 1 })).toHaveText('Điểm và huy hiệu của tôi');
	await expect(next).toContainText('100 điểm — còn 90 điểm');
	await expect(next).not.toContainText('Bước đầu xanh');
	const first = kid.getByRole('listitem').filter({ hasText: 'Bước đầu xanh' }).last();
	await expect(first).toContainText(/Đã đạt\s+·\s+Mới!/);
	await expect(first).toContainText('Ghi hành động đầu tiên · Nhận ngày');
	const locked = kid.getByRole('listitem').filter({ hasText: 'Giữ trọn cam kết' }).last();
	await expect(locked).toContainText('Chưa đạt');
	await expect(locked).toContainText('Điểm danh đủ đến ngày cuối của một cam kết.');
	await kid.screenshot({ path: 'test-results/daily-me-new-360.png', fullPage: true });

	// The demo student, a little short of a points badge (the demo leaves them within 20).
	const student = await signedIn(browser, 'demo-student');
	await student.goto('/me');
	await student.screenshot({ path: 'test-results/daily-me-demo-360.png', fullPage: true });
	await context.close();
});
