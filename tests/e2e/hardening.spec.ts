import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, navDestination, signIn, signOut, test } from './fixtures';

// Issue 12: sign-in that strangers cannot lock, code throttles per device, same-origin redirects,
// and forms that are safe to repeat and to tamper with. Journeys at phone width.
test.use({ viewport: { width: 360, height: 780 } });

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const key = () => crypto.randomUUID();

/** A form post as a browser sends it, from a page's own cookies (or a context's). */
function post(api: APIRequestContext, baseURL: string, path: string, body: string) {
	return api.post(path, {
		data: body,
		headers: {
			origin: new URL(baseURL).origin,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		maxRedirects: 0
	});
}
const form = (fields: Record<string, string | string[]>) => {
	const p = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) p.append(k, one);
	return p.toString();
};

async function newAdult(browser: Browser, baseURL: string) {
	const email = `chu.ho.${unique()}@example.vn`;
	const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
	const page = await context.newPage();
	await page.goto('/signup');
	await page.getByLabel('Họ tên').fill('Đỗ Thị Thu');
	await page.getByLabel('Tên hiển thị công khai').fill('Cô Thu');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('mat-khau-cua-thu');
	await page.getByLabel('Giáo viên').check();
	await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
	await expect(page).toHaveURL(new URL(`/login?username=${encodeURIComponent(email)}`, baseURL).href);
	return { email, context, page };
}

async function newClass(page: Page): Promise<{ code: string; url: string }> {
	await signIn(page, 'demo-teacher');
	await page.goto('/classes');
	await page.getByLabel('Tên lớp (ví dụ 6A1)').fill(`9K${unique().slice(-3).toUpperCase()}`);
	await page.getByLabel('Khối').selectOption('9');
	await page.getByRole('button', { name: 'Tạo lớp' }).click();
	await expect(page.getByRole('status')).toContainText('Đã tạo lớp');
	return { code: (await page.getByTestId('join-code').textContent())!.trim(), url: page.url() };
}

/** Fills and sends the join form as a child would. */
async function joinClass(page: Page, code: string, realName: string, nickname: string, password: string) {
	await page.goto(`/join?code=${code}`);
	await page.getByLabel('Họ tên thật (chỉ thầy cô thấy)').fill(realName);
	await page.getByLabel('Tên hiển thị (mọi người thấy; đừng dùng họ tên thật)').fill(nickname);
	await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill(password);
	await page.getByLabel('Nhập lại mật khẩu').fill(password);
	await page.getByRole('button', { name: 'Vào lớp' }).click();
}

const joinFields = (code: string, nickname: string) => ({
	code,
	displayName: 'Vũ Minh Khoa',
	nickname,
	password: 'hoc-sinh-456',
	confirm: 'hoc-sinh-456'
});

test.describe('redirects stay on this site', () => {
	test('hostile redirectTo values on /login and /language land on the home page', async ({
		page,
		baseURL
	}) => {
		await page.goto('/login');
		for (const target of [
			'%2F%09%2Fevil.example%2Fphish',
			'%2F%5Cevil.example',
			'%2F%2Fevil.example',
			'https%3A%2F%2Fevil.example'
		]) {
			const res = await post(
				page.request,
				baseURL!,
				`/login?redirectTo=${target}`,
				form({ username: 'demo-family', password: 'songxanh-demo' })
			);
			expect(res.status(), target).toBe(303);
			expect(res.headers().location, target).toBe('/');
		}
		const own = await post(
			page.request,
			baseURL!,
			'/login?redirectTo=%2Fboards',
			form({ username: 'demo-family', password: 'songxanh-demo' })
		);
		expect(own.headers().location).toBe('/boards');
		const lang = await post(
			page.request,
			baseURL!,
			'/language',
			form({ lang: 'vi', redirectTo: '/\t/evil.example' })
		);
		expect(lang.headers().location).toBe('/');

		// In the browser too: after signing in, the page is ours.
		await page.context().clearCookies();
		await page.goto('/login?redirectTo=%2F%09%2Fevil.example%2Fphish');
		await page.getByLabel('Email hoặc tên đăng nhập').fill('demo-family');
		await page.getByLabel('Mật khẩu').fill('songxanh-demo');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(await navDestination(page, 'Đăng xuất', 'button')).toBeVisible();
		expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
	});
});

test.describe('guessing cannot lock the owner out', () => {
	test('the owner signs in on their phone while a stranger at the same address guesses', async ({
		browser,
		playwright,
		baseURL
	}) => {
		const { email, context, page } = await newAdult(browser, baseURL!);
		await page.getByLabel('Mật khẩu').fill('mat-khau-cua-thu');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByText('Xin chào, Cô Thu!')).toBeVisible();
		await signOut(page);

		// A stranger (another device, the same address) guesses 20 times; the account locks for strangers.
		const stranger = await playwright.request.newContext({ baseURL });
		await stranger.get('/login');
		const answers: number[] = [];
		for (let i = 0; i < 20; i++)
			answers.push(
				(
					await post(stranger, baseURL!, '/login', form({ username: email, password: `doan-${i}-sai` }))
				).status()
			);
		expect(answers.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
		expect(answers.slice(5).every((s) => s === 429)).toBe(true);
		// Even the right password is refused on a device that never signed in to this account…
		const right = await post(
			stranger,
			baseURL!,
			'/login',
			form({ username: email, password: 'mat-khau-cua-thu' })
		);
		expect(right.status()).toBe(429);
		expect(await right.text()).toContain('Đăng nhập sai quá nhiều lần');
		await stranger.dispose();

		// …while the owner, on the phone they signed in with before, gets in.
		await signIn(page, email, 'mat-khau-cua-thu');
		await expect(page.getByText('Xin chào, Cô Thu!')).toBeVisible();
		await page.screenshot({ path: 'test-results/hardening-owner-signed-in-360.png' });
		await context.close();
	});
});

test.describe('wrong codes are throttled per device first', () => {
	test('the 31st wrong class code from one device is refused while a classmate’s device still joins', async ({
		page,
		browser,
		baseURL
	}) => {
		const { code } = await newClass(page);
		const wrong = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';

		const child = await browser.newContext({ viewport: { width: 360, height: 780 } });
		const childPage = await child.newPage();
		await childPage.goto('/join');
		for (let i = 0; i < 30; i++) {
			const res = await post(
				child.request,
				baseURL!,
				'/join',
				form({ ...joinFields(wrong, `Bạn ${i}`), idempotencyKey: key() })
			);
			expect(res.status()).toBe(400);
		}
		// The 31st, even with the right code, is refused on this device.
		await joinClass(childPage, code, 'Vũ Minh Khoa', 'Sóc Nâu', 'hoc-sinh-456');
		await expect(childPage.getByText('Đã thử quá nhiều mã sai')).toBeVisible();
		await childPage.screenshot({ path: 'test-results/hardening-code-throttled-360.png' });

		// A classmate at the same school address, on their own device, joins.
		const classmate = await browser.newContext({ viewport: { width: 360, height: 780 } });
		const mate = await classmate.newPage();
		await joinClass(mate, code, 'Lý Thu Hà', 'Mèo Mun', 'hoc-sinh-789');
		await expect(mate.getByRole('heading', { name: 'Chào mừng đến lớp!' })).toBeVisible();
		await child.close();
		await classmate.close();
	});
});

test.describe('forms are safe to repeat and to tamper with', () => {
	test('a double tap on "join class" makes one account and signs the child in', async ({
		page,
		playwright,
		baseURL
	}) => {
		const { code, url } = await newClass(page);
		const device = await playwright.request.newContext({ baseURL });
		await device.get('/join');
		const fields = form({ ...joinFields(code, 'Thỏ Trắng'), idempotencyKey: key() });
		const [a, b] = await Promise.all([
			post(device, baseURL!, '/join', fields),
			post(device, baseURL!, '/join', fields)
		]);
		expect([a.status(), b.status()]).toEqual([303, 303]);
		expect(a.headers().location).toBe('/join/welcome');
		const welcome = await device.get('/join/welcome');
		expect(await welcome.text()).toContain('Chào mừng đến lớp!');
		await device.dispose();
		await page.goto(url);
		await expect(page.getByText('Thỏ Trắng')).toHaveCount(1);
	});

	test('a replayed password reset resets once: the password shown first still works', async ({
		page,
		browser,
		baseURL
	}) => {
		const { code, url } = await newClass(page);
		const kid = await browser.newContext();
		const kidPage = await kid.newPage();
		await joinClass(kidPage, code, 'Trịnh Gia Bảo', 'Cá Heo', 'hoc-sinh-111');
		const username = (await kidPage.getByTestId('username').textContent())!.trim();
		await kid.close();

		await page.goto(url);
		const resetForm = page
			.locator('form[action="?/reset"]')
			.filter({ has: page.locator('button[aria-label$="Trịnh Gia Bảo"]') });
		const fields = form({
			idempotencyKey: await resetForm.locator('input[name=idempotencyKey]').inputValue(),
			studentId: await resetForm.locator('input[name=studentId]').inputValue()
		});
		const first = await post(page.request, baseURL!, `${new URL(url).pathname}?/reset`, fields);
		const again = await post(page.request, baseURL!, `${new URL(url).pathname}?/reset`, fields);
		const shown = (html: string) =>
			html.match(/data-testid="new-password"[^>]*>([^<]*)</)?.[1].match(/[a-z2-9]{4}-[a-z2-9]{4}/)?.[0];
		const password = shown(await first.text());
		expect(password).toBeTruthy();
		expect(shown(await again.text())).toBe(password);

		const fresh = await browser.newContext();
		await signIn(await fresh.newPage(), username, password);
		await fresh.close();
	});

	test('a replayed "add a collection point" adds one point', async ({ page, baseURL }) => {
		await signIn(page, 'demo-organiser');
		await page.goto('/organiser/playgrounds');
		await page.locator('main a[href^="/organiser/playgrounds/"]').first().click();
		await page.waitForURL(/\/organiser\/playgrounds\/\d+$/);
		const path = new URL(page.url()).pathname;
		const name = `Điểm thu ${unique()}`;
		const fields = form({
			idempotencyKey: await page.locator('form[action="?/point"] input[name=idempotencyKey]').inputValue(),
			name,
			kind: 'pagoda',
			openingHours: 'Chủ nhật 7–9 giờ',
			address: 'Chùa Liên Mạc'
		});
		const answers = await Promise.all(
			[1, 2, 3].map(() => post(page.request, baseURL!, `${path}?/point`, fields))
		);
		expect(answers.map((r) => r.status())).toEqual([303, 303, 303]);
		await page.reload();
		await expect(page.getByText(name)).toHaveCount(1);
	});

	test('a field sent twice is a clear 400 and writes nothing (announce with two targets was a 500)', async ({
		page,
		baseURL
	}) => {
		await signIn(page, 'demo-family');
		await page.goto('/households');
		const mine = await page.locator('main a[href^="/households/"]').first().getAttribute('href');
		const path = `/households/${mine!.match(/\/households\/(\d+)/)![1]}/contribute`;
		await page.goto(path);
		const target = await page.locator('select[name=target] option').first().getAttribute('value');
		const history = await page.locator('main li').count();
		const res = await post(
			page.request,
			baseURL!,
			`${path}?/announce`,
			form({ idempotencyKey: key(), target: [target!, target!], material: 'pet', weightKg: '1.5' })
		);
		expect(res.status()).toBe(400);
		expect(await res.text()).toContain('Biểu mẫu gửi lên bị hỏng');
		// The same for a form on a sign-in page and an organiser's form.
		expect((await post(page.request, baseURL!, '/login', 'username=a&username=b&password=x')).status()).toBe(
			400
		);
		await page.reload();
		await expect(page.locator('main li')).toHaveCount(history);
		await page.setContent(await res.text());
		await page.screenshot({ path: 'test-results/hardening-malformed-360.png' });
	});
});

test.describe('a refused file says why', () => {
	test('in the reader’s language, with a way home, never as a message key', async ({ page }) => {
		await signIn(page, 'demo-student');
		const res = await page.goto('/exports/ledger.csv');
		expect(res?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('403');
		await expect(page.getByText('Bạn không có quyền xem dữ liệu này.')).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
		expect(await page.locator('body').innerText()).not.toContain('impact.error.outsideRights');
		await page.getByRole('link', { name: /trang chủ/ }).click();
		await expect(page).toHaveURL(/\/$/);
		// A child's file the person has no right to: no key either.
		const other = await page.goto('/children/999999/export.csv');
		expect(other?.status()).toBeGreaterThanOrEqual(400);
		const text = `${await page.title()} ${await page.locator('body').innerText()}`;
		expect(text).not.toMatch(/\b(structure|error|trust|impact)\.[a-zA-Z.]+/);
		await expect(page.getByRole('link', { name: /trang chủ/ })).toBeVisible();
		// In English for someone who reads English.
		const lang = (value: string) =>
			page.request.post('/language', {
				form: { lang: value, redirectTo: '/' },
				headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
				maxRedirects: 0
			});
		expect((await lang('en')).status()).toBe(303);
		try {
			await page.goto('/exports/ledger.csv');
			await expect(page.getByText('You do not have access to this data.')).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expect(page.getByRole('link', { name: /home/i })).toBeVisible();
		} finally {
			await lang('vi');
		}
	});
});
