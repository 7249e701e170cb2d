import { expect, test } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe('accounts', () => {
	test('sign up, sign out, sign in, wrong password', async ({ page }) => {
		const email = `co.giao.${unique()}@example.vn`;
		await page.goto('/signup');
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
		await page.getByLabel('Họ tên').fill('Nguyễn Thị Hoa');
		await page.getByLabel('Tên hiển thị công khai').fill('Cô Hoa');
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('mat-khau-rat-dai');
		await page.getByLabel('Giáo viên').check();
		await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
		// Sign-up never says whether the e-mail was new: it ends on the sign-in page, e-mail filled in.
		await expect(page).toHaveURL(/\/login\?username=/);
		await expect(page.getByRole('status')).toContainText('đăng nhập');
		await expect(page.getByLabel('Email hoặc tên đăng nhập')).toHaveValue(email);
		await page.getByLabel('Mật khẩu').fill('mat-khau-rat-dai');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByText('Xin chào, Cô Hoa!')).toBeVisible();

		await page.getByRole('button', { name: 'Đăng xuất' }).click();
		await expect(page.getByRole('status')).toContainText('Bạn đã đăng xuất');

		await page.goto('/login');
		await page.getByLabel('Email hoặc tên đăng nhập').fill(email);
		await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByRole('alert')).toHaveText('Tên đăng nhập hoặc mật khẩu không đúng.');
		await expect(page.getByLabel('Email hoặc tên đăng nhập')).toHaveValue(email);

		await page.getByLabel('Mật khẩu').fill('mat-khau-rat-dai');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByText('Xin chào, Cô Hoa!')).toBeVisible();
	});

	test('a duplicate email and a bad email are refused with messages', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Họ tên').fill('X');
		await page.getByLabel('Tên hiển thị công khai').fill('X');
		await page.getByLabel('Email').fill('demo-teacher'); // not an email: the browser would block it
		await page.locator('form:not(.lang-switch)').evaluate((f) => f.setAttribute('novalidate', ''));
		await page.getByLabel('Mật khẩu (ít nhất 8 ký tự)').fill('short');
		await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
		await expect(page.getByText('Email không hợp lệ.')).toBeVisible();
		await expect(page.getByText('Mật khẩu cần ít nhất 8 ký tự.')).toBeVisible();
	});

	test('switching language changes the page and persists', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cùng nhau sống xanh, bớt rác nhựa');
		await page.getByRole('button', { name: 'EN', exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Live green together, with less plastic'
		);
		await page.goto('/login');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	});

	test('the signed-in area requires a session and the health check answers', async ({ page, request }) => {
		await page.goto('/account');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
		const health = await request.get('/healthz');
		expect(health.status()).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok' });
	});

	test('a 1 MB password gets a clear 400 and no session', async ({ request, baseURL }) => {
		const res = await request.post('/login', {
			form: { username: 'demo-student', password: 'x'.repeat(1024 * 1024) },
			headers: { origin: new URL(baseURL!).origin, accept: 'text/html' }
		});
		expect(res.status()).toBe(400);
		expect(await res.text()).toContain('Mật khẩu tối đa 128 ký tự.');
		expect(res.headers()['set-cookie'] ?? '').not.toContain('sx_session=');
	});

	test('security headers are set', async ({ request }) => {
		const res = await request.get('/login');
		const headers = res.headers();
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBeTruthy();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		// WebAssembly may compile (the steward's QR reader); JavaScript eval stays off.
		expect(headers['content-security-policy']).toMatch(
			/script-src 'self' 'wasm-unsafe-eval' '(sha256|nonce)-/
		);
		expect(headers['content-security-policy']).not.toContain("'unsafe-eval'");
		expect(headers['content-security-policy']).not.toContain("unsafe-inline' ;");
	});

	test('a malformed session cookie is treated as signed out', async ({ page, context, baseURL }) => {
		await context.addCookies([{ name: 'sx_session', value: '%%%not-a-token', url: baseURL! }]);
		const res = await page.goto('/');
		expect(res?.status()).toBe(200);
		await expect(page.getByRole('link', { name: 'Đăng nhập' }).first()).toBeAttached();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('sign in as the demo student and change language with plain forms', async ({ page }) => {
		await page.goto('/login');
		await page.getByLabel('Email hoặc tên đăng nhập').fill('demo-student');
		await page.getByLabel('Mật khẩu').fill('songxanh-demo');
		await page.getByRole('button', { name: 'Đăng nhập' }).click();
		await expect(page.getByText('Xin chào, Bông Sen Nhỏ!')).toBeVisible();
		await page.getByRole('button', { name: 'EN', exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByText('Hello, Bông Sen Nhỏ!')).toBeVisible();
		// The choice is saved on the account: switch back, so later journeys meet her in Vietnamese.
		await page.getByRole('button', { name: 'VI', exact: true }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
	});
});
