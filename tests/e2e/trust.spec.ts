import type { Browser, Page } from '@playwright/test';
import { expect, goToNav, navDestination, signedIn, test } from './fixtures';

// Who may see and do what, walked on a phone: parent letters, household requests, drop-off
// cards, and the hostile versions (another household's request, a used code, a student at /children).
test.use({ viewport: { width: 360, height: 740 } });

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

const phone = { viewport: { width: 360, height: 740 } };

async function newParent(browser: Browser): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
	await page.goto('/signup');
	await page.getByLabel('Họ tên').fill('Đặng Văn Tư');
	await page.getByLabel('Tên hiển thị công khai').fill('Bố Tư');
	await page.getByLabel('Email').fill(`bo.tu.${unique()}@example.vn`);
	await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('mat-khau-rat-dai');
	await page.getByLabel('Thành viên hộ').check();
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	// Sign-up never says whether the e-mail was new: it ends on the sign-in page, e-mail filled in.
	await expect(page).toHaveURL(/\/login\?username=/);
	await page.getByLabel('Mật khẩu').fill('mat-khau-rat-dai');
	await page.getByRole('button', { name: 'Đăng nhập' }).click();
	await expect(await navDestination(page, 'Đăng xuất', 'button')).toBeVisible();
	return page;
}

/** Posts a form action the way `use:enhance` does, to try what a page would never offer. */
async function postAction(page: Page, path: string, form: Record<string, string>) {
	return page.request.post(path, {
		form,
		headers: { origin: new URL(page.url()).origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
	});
}

test('the demo: demo-family became demo-student’s guardian through a parent letter; 6A1 has letters waiting', async ({
	browser
}) => {
	const family = await signedIn(browser, 'demo-family', phone);
	await goToNav(family, 'Con em');
	await expect(family.getByText('Phạm Minh An')).toBeVisible();
	await family.screenshot({ path: 'test-results/trust-children-360.png', fullPage: true });

	const teacher = await signedIn(browser, 'demo-teacher', phone);
	await teacher.goto('/classes/1/students');
	await teacher.getByRole('link', { name: 'Phụ huynh: liên kết và thư gửi về nhà' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Phụ huynh của lớp 6A1');
	const an = teacher.getByTestId(/^guardians-of-/).filter({ hasText: 'Phạm Minh An' });
	await expect(an).toContainText('Phạm Văn Đức (Bố Đức) · qua thư phụ huynh');
	await teacher.screenshot({ path: 'test-results/trust-guardians-360.png', fullPage: true });
	await teacher.getByRole('link', { name: 'In thư gửi phụ huynh' }).click();
	const letters = teacher.getByTestId('parent-letter');
	await expect(letters).toHaveCount(8);
	await expect(letters.first()).toContainText('Kính gửi phụ huynh em Học sinh');
	await expect(teacher.getByRole('img', { name: 'Mã QR mở trang liên kết với con' })).toHaveCount(8);
	await teacher.screenshot({ path: 'test-results/trust-letters-360.png' });
	await teacher.emulateMedia({ media: 'print' });
	await expect(teacher.locator('.site-header')).toBeHidden();
	await expect(letters.nth(7)).toBeVisible();
	await family.close();
	await teacher.close();
});

test('a parent links with the letter’s code once; a used, replaced or made-up code links nobody', async ({
	browser
}) => {
	const teacher = await signedIn(browser, 'demo-teacher', phone);
	await teacher.goto('/classes/1/guardians');
	const chi = teacher.getByTestId(/^guardians-of-/).filter({ hasText: 'Học sinh Chi' });
	const code = (await chi.textContent())!.match(/mã ([2-9A-Z]{10})/)![1];

	const parent = await newParent(browser);
	// Adults see a child's nickname only until a link exists: the children page lists no one yet.
	await parent.goto('/children');
	await expect(parent.getByText('Bạn chưa liên kết với học sinh nào.')).toBeVisible();
	await parent.getByLabel('Mã phụ huynh').fill('ABCDEFGHJK');
	await parent.getByRole('button', { name: 'Liên kết với con' }).click();
	await expect(parent.getByText('Mã này không đúng. Hãy xem lại thư của thầy cô.')).toBeVisible();
	// The letter's QR opens the page with the code filled in; linking still takes a tap.
	await parent.goto(`/children?code=${code}`);
	await expect(parent.getByLabel('Mã phụ huynh')).toHaveValue(code);
	await parent.getByRole('button', { name: 'Liên kết với con' }).click();
	await expect(parent.getByRole('status')).toContainText('Đã liên kết');
	await expect(parent.getByRole('heading', { level: 1 })).toContainText('Học sinh Chi');

	// The same code a second time, by someone else: used.
	const stranger = await newParent(browser);
	await stranger.goto(`/children?code=${code}`);
	await stranger.getByRole('button', { name: 'Liên kết với con' }).click();
	await expect(stranger.getByText('Mã này đã được dùng.', { exact: false })).toBeVisible();
	await stranger.goto('/children');
	await expect(stranger.getByText('Bạn chưa liên kết với học sinh nào.')).toBeVisible();

	// The teacher sees the link, reissues the next child's letter (the old code stops working)
	// and removes the link.
	await teacher.reload();
	await expect(chi).toContainText('Đặng Văn Tư (Bố Tư) · qua thư phụ huynh');
	const dung = teacher.getByTestId(/^guardians-of-/).filter({ hasText: 'Học sinh Dũng' });
	const oldCode = (await dung.textContent())!.match(/mã ([2-9A-Z]{10})/)![1];
	await dung.getByRole('button', { name: 'Tạo mã mới' }).click();
	await expect(teacher.getByRole('status')).toContainText('Mã cũ không còn dùng được');
	await stranger.getByLabel('Mã phụ huynh').fill(oldCode);
	await stranger.getByRole('button', { name: 'Liên kết với con' }).click();
	await expect(stranger.getByText('Mã này đã được thay bằng mã mới.', { exact: false })).toBeVisible();
	await chi.getByRole('button', { name: 'Gỡ liên kết' }).click();
	await expect(teacher.getByRole('status')).toContainText('Đã gỡ liên kết');
	await parent.goto('/children');
	await expect(parent.getByText('Bạn chưa liên kết với học sinh nào.')).toBeVisible();
	for (const p of [teacher, parent, stranger]) await p.close();
});

test('a join code only asks: the demo family approves a waiting adult; another household cannot', async ({
	browser
}) => {
	const neighbour = await signedIn(browser, 'demo-neighbour', phone);
	await neighbour.goto('/households');
	await expect(neighbour.getByTestId('household-pending')).toContainText(
		'Đang chờ người lớn trong hộ Nhà Xanh Số 7 duyệt.'
	);
	// Pending is no way in yet.
	expect((await neighbour.goto('/households/1'))?.status()).toBe(403);

	const family = await signedIn(browser, 'demo-family', phone);
	await family.goto('/households/1/members');
	await expect(family.getByTestId('household-card')).toHaveText(/^\d{4} \d{4} \d{2}$/);
	await family.screenshot({ path: 'test-results/trust-members-360.png', fullPage: true });
	// Another household's adult (the teacher's household) cannot decide it, by URL or by form.
	const other = await signedIn(browser, 'demo-teacher', phone);
	const refused = await postAction(other, '/households/1/members?/approve', { userId: '1' });
	expect(refused.status()).toBe(403);
	const neighbourId = await family
		.locator('form[action="?/approve"] input[name=userId]')
		.first()
		.getAttribute('value');
	const crafted = await postAction(other, '/households/2/members?/approve', { userId: neighbourId! });
	expect(crafted.status()).toBe(403);
	await family.reload();
	await family.getByRole('button', { name: 'Duyệt: Cô Hạnh' }).click();
	await expect(family.getByRole('status')).toContainText('Đã duyệt');
	await neighbour.goto('/households');
	await expect(neighbour.getByRole('link', { name: 'Mở trang hộ Nhà Xanh Số 7' })).toBeVisible();
	for (const p of [neighbour, family, other]) await p.close();
});

test('outsiders see no child: the steward finds no join code, a student has no children page', async ({
	browser
}) => {
	const steward = await signedIn(browser, 'demo-steward', phone);
	await steward.goto('/steward');
	const form = steward.locator('form[action="?/record"]');
	await form.getByLabel('Ai mang đến?').fill('Nhà');
	await form.getByRole('radio', { name: 'Chai nhựa PET' }).check();
	await form.getByLabel('Khối lượng (kg)').fill('1');
	await form.getByRole('button', { name: 'Ghi nhận', exact: true }).click();
	await expect(steward.getByText('Có nhiều người trùng tên. Chọn đúng người:')).toBeVisible();
	await expect(steward.locator('main')).not.toContainText('NHAX2M');
	await expect(steward.locator('main')).not.toContainText('(NHA');
	// The steward of the neighbourhood sees the household's pledges but not which child made them.
	await steward.goto('/households/1/members');
	await expect(steward.locator('main')).not.toContainText('Bông Sen Nhỏ');
	await expect(steward.getByText(/học sinh \(chỉ người trong hộ thấy tên các em\)/)).toBeVisible();

	const student = await signedIn(browser, 'demo-student', phone);
	expect((await student.goto('/children'))?.status()).toBe(403);
	await student.goto('/me');
	await expect(student.getByTestId('my-card')).toHaveText(/^\d{4} \d{4} \d{2}$/);
	await student.close();
	await steward.close();
});

test('an organiser widens which neighbourhoods a collection point’s steward may search by name', async ({
	browser
}) => {
	const organiser = await signedIn(browser, 'demo-organiser', phone);
	const name = `Tổ Mới ${unique().slice(-4)}`;
	await organiser.goto('/organiser/neighbourhoods');
	await organiser.getByLabel('Tên', { exact: true }).fill(name);
	await organiser.getByLabel('Địa bàn').selectOption({ index: 1 });
	await organiser.getByRole('button', { name: 'Thêm', exact: true }).click();
	await expect(organiser.getByRole('status')).toContainText('Đã thêm khu dân cư');
	await organiser.goto('/organiser/playgrounds/1');
	const point = organiser.locator('article.point').filter({ hasText: 'Chùa Đình Quán' });
	await point.getByLabel('Khu dân cư').selectOption({ label: name });
	await point.getByRole('button', { name: 'Thêm khu dân cư' }).click();
	await expect(organiser.getByRole('status')).toContainText('Đã thêm khu dân cư cho điểm thu gom');
	await expect(organiser.locator('article.point').filter({ hasText: 'Chùa Đình Quán' })).toContainText(name);
	await organiser.screenshot({ path: 'test-results/trust-organiser-serve-360.png', fullPage: true });
	await organiser.close();
});
