import { expect, test, type Browser, type Page } from '@playwright/test';

// Issue 13: the daily path. Undo a slip on /today (also without JavaScript, once on a double tap,
// never someone else's entry), at 360 px.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

async function signedIn(browser: Browser, username: string, javaScriptEnabled = true): Promise<Page> {
	const context = await browser.newContext({
		locale: 'vi-VN',
		timezoneId: 'Asia/Ho_Chi_Minh',
		viewport: { width: 360, height: 740 },
		javaScriptEnabled
	});
	const page = await context.newPage();
	await page.goto('/login');
	await page.getByLabel('Email hoặc tên đăng nhập').fill(username);
	await page.getByLabel('Mật khẩu').fill('songxanh-demo');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(page).not.toHaveURL(/\/login/);
	return page;
}

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
