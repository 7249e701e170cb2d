import { expect, signedIn, test } from './fixtures';

test.describe('actions, challenges, goals and voids', () => {
	test('a teacher creates a challenge and a goal, a student logs, the teacher voids one and the student sees why', async ({
		browser
	}) => {
		const title = `Thử thách nhặt rác ${Date.now().toString(36)}`;
		const teacher = await signedIn(browser, 'demo-teacher');

		// The teacher creates a class challenge for 6A1 with every action ticked.
		await teacher
			.getByRole('navigation', { name: 'Điều hướng chính' })
			.getByRole('link', { name: 'Thử thách' })
			.click();
		await teacher.getByRole('link', { name: 'Tạo thử thách' }).click();
		await teacher.getByLabel('Tên thử thách').fill(title);
		await teacher.getByRole('radio', { name: 'Thử thách lớp' }).check();
		await teacher.getByRole('checkbox', { name: '6A1' }).check();
		await teacher.getByLabel('Điểm cho “Nhặt rác nhựa nơi công cộng”').fill('20');
		await teacher.getByRole('button', { name: 'Tạo thử thách' }).click();
		// 6A1 already races in two running challenges: she is shown which before anything is saved.
		await expect(teacher.getByRole('alert')).toContainText('chạy cùng lúc');
		await expect(teacher.getByRole('link', { name: 'Bữa trưa không hộp xốp' })).toBeVisible();
		await expect(teacher.getByRole('link', { name: 'Tuần lễ không túi nilon 6A1' })).toBeVisible();
		await teacher.getByRole('checkbox', { name: 'Tôi đã hiểu, vẫn tạo thử thách này' }).check();
		await teacher.getByRole('button', { name: 'Tạo thử thách' }).click();
		await expect(teacher.getByRole('status')).toContainText('Đã tạo thử thách');
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(teacher.getByText('Đang diễn ra')).toBeVisible();
		await expect(teacher.getByText('Nhặt rác nhựa nơi công cộng — 20 điểm')).toBeVisible();

		// …and a points goal for the class, shown with its chart.
		await teacher.goto('/classes');
		await teacher.getByRole('link', { name: '6A1' }).first().click();
		await expect(teacher).toHaveURL(/\/classes\/\d+$/);
		const classUrl = new URL(teacher.url()).pathname;
		await teacher.getByRole('link', { name: 'Mục tiêu của lớp' }).click();
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Mục tiêu của lớp 6A1');
		const cardsBefore = await teacher.getByRole('progressbar').count();
		await teacher.getByLabel('Đo bằng', { exact: true }).selectOption('points');
		await teacher.getByLabel('Mục tiêu', { exact: true }).fill('4321');
		await teacher.getByRole('button', { name: 'Đặt mục tiêu mới' }).click();
		await expect(teacher.getByRole('status')).toContainText('Đã đặt mục tiêu');
		await expect(teacher.getByRole('progressbar')).toHaveCount(cardsBefore + 1);
		await expect(teacher.getByText(/\/ 4\.321 điểm/)).toBeVisible();
		await expect(
			teacher.getByRole('img', { name: 'Tiến độ mục tiêu' }).first().locator('canvas')
		).toBeVisible();

		// The student logs litter picking twice (its cap): 15 points to her, and 20 in the new challenge.
		// A lunch box counts in all three running challenges that include it.
		const student = await signedIn(browser, 'demo-student');
		await student
			.getByRole('navigation', { name: 'Điều hướng chính' })
			.getByRole('link', { name: 'Hôm nay' })
			.click();
		await expect(student.getByRole('heading', { level: 1 })).toHaveText('Hành động hôm nay');
		const litter = student.getByRole('button', { name: 'Ghi: Nhặt rác nhựa nơi công cộng' });
		await expect(litter).toContainText(`Còn tính cho thử thách: ${title} (+20)`);
		await expect(litter).toContainText('+15 điểm');
		const lunch = student.getByRole('button', { name: 'Ghi: Mang hộp cơm' });
		await expect(lunch).toContainText('Bữa trưa không hộp xốp (+15)');
		await expect(lunch).toContainText('Tuần lễ không túi nilon 6A1 (+10)');
		await expect(lunch).toContainText(`${title} (+`);
		await litter.click();
		await expect(student.getByRole('status')).toContainText('Đã ghi lại');
		await expect(litter).toContainText('Đã ghi 1/2');
		await litter.click();
		await expect(litter).toContainText('Đủ 2 lần hôm nay');
		await expect(litter).toBeDisabled();

		// The teacher reviews the class and voids the latest one with a reason.
		await teacher.goto(`${classUrl}/review`);
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Duyệt và huỷ mục ghi · lớp 6A1');
		const entry = teacher
			.locator('ul.entries > li')
			.filter({ hasText: 'Nhặt rác nhựa nơi công cộng' })
			.filter({ hasText: 'Bông Sen Nhỏ' })
			.first();
		await entry.locator('summary').click();
		await entry.getByLabel('Lý do huỷ').fill('Em ghi hai lần cho cùng một lần nhặt rác.');
		await entry.getByRole('button', { name: 'Huỷ mục này' }).click();
		await expect(teacher.getByRole('status')).toContainText('Đã huỷ mục này');

		// The student sees the entry voided, by whom and why; the challenge standings count one log.
		await student
			.getByRole('navigation', { name: 'Điều hướng chính' })
			.getByRole('link', { name: 'Của tôi', exact: true })
			.click();
		await expect(
			student.getByText('Đã bị huỷ bởi Thầy Hùng: Em ghi hai lần cho cùng một lần nhặt rác.')
		).toBeVisible();
		await teacher.goto('/challenges');
		await teacher.getByRole('link', { name: title }).click();
		await expect(teacher.getByRole('row', { name: /6A1/ })).toContainText('20');
	});

	test('bad input is refused with a message and nothing is written', async ({ browser }) => {
		const student = await signedIn(browser, 'demo-student');
		await student.goto('/today');
		const button = student.getByRole('button', { name: 'Ghi: Không dùng ống hút nhựa' });
		// A tampered form: a negative count and a day outside the backfill window.
		await button.evaluate((b) => {
			const form = b.closest('form')!;
			(form.querySelector('[name=count]') as HTMLInputElement).value = '-3';
		});
		await button.click();
		await expect(student.getByRole('alert')).toHaveText('Số lần phải là số nguyên từ 1 đến 20.');
		await button.evaluate((b) => {
			const form = b.closest('form')!;
			(form.querySelector('[name=count]') as HTMLInputElement).value = '1';
			(form.querySelector('[name=day]') as HTMLInputElement).value = '2020-01-01';
		});
		await button.click();
		await expect(student.getByRole('alert')).toHaveText('Chỉ ghi được cho hôm nay hoặc hôm qua.');
		await expect(button).toContainText('Đã ghi 0/5');

		// A class's review page, and its void action, are for its teachers only: nothing is voided.
		const origin = new URL(student.url()).origin;
		const forged = await student.request.post('/classes/1/review?/void', {
			form: { entryId: '1', reason: 'không hợp lệ' },
			headers: { Origin: origin }
		});
		expect(forged.status()).toBe(403);
		const res = await student.goto('/classes/1/review');
		expect(res?.status()).toBe(403);
	});

	test('a household member logs for the household and the steward voids it from the household feed', async ({
		browser
	}) => {
		const family = await signedIn(browser, 'demo-family');
		await family.goto('/today');
		await expect(family.getByText('Cả hộ Nhà Xanh Số 7')).toBeVisible();
		// Another household's id slipped into the form is refused.
		const bag = family.getByRole('button', { name: 'Ghi: Từ chối túi nilon' });
		const bagBefore = await bag.textContent();
		await bag.evaluate((b) => {
			(b.closest('form')!.querySelector('[name=householdId]') as HTMLInputElement).value = '2';
		});
		await bag.click();
		await expect(family.getByRole('alert')).toHaveText('Bạn không thuộc lớp hoặc hộ này.');
		expect(await bag.textContent()).toBe(bagBefore);

		const sort = family.getByRole('button', { name: 'Ghi: Phân loại rác tại nguồn' });
		await sort.click();
		await expect(family.getByRole('status')).toContainText('Đã ghi lại');
		await expect(sort).toBeDisabled();

		await family
			.getByRole('navigation', { name: 'Điều hướng chính' })
			.getByRole('link', { name: 'Hộ của tôi' })
			.click();
		await family
			.locator('main')
			.getByRole('link', { name: /Nhà Xanh Số 7/ })
			.first()
			.click();
		await family.getByRole('link', { name: 'Hoạt động của hộ' }).click();
		await expect(family).toHaveURL(/\/households\/\d+\/activity$/);
		const activityUrl = new URL(family.url()).pathname;
		await expect(family.locator('main summary')).toHaveCount(0); // members cannot void

		const steward = await signedIn(browser, 'demo-steward');
		await steward.goto(activityUrl);
		const entry = steward
			.locator('ul.entries > li')
			.filter({ hasText: 'Phân loại rác tại nguồn' })
			.filter({ hasText: 'Bố Đức' })
			.first();
		await entry.locator('summary').click();
		// The browser would stop a too-short reason; the server must too.
		await entry.getByLabel('Lý do huỷ').evaluate((el) => el.removeAttribute('minlength'));
		await entry.getByLabel('Lý do huỷ').fill('ab');
		await entry.getByRole('button', { name: 'Huỷ mục này' }).click();
		await expect(entry.getByRole('alert')).toContainText('tối thiểu 3 ký tự');
		await entry.getByLabel('Lý do huỷ').fill('Sáng nay rác chưa được phân loại.');
		await entry.getByRole('button', { name: 'Huỷ mục này' }).click();
		await expect(steward.getByRole('status')).toContainText('Đã huỷ mục này');

		await family.goto('/me');
		await expect(family.getByText('Đã bị huỷ bởi Cô Mai: Sáng nay rác chưa được phân loại.')).toBeVisible();
	});

	test('logging for yesterday works without JavaScript, and resending the same form counts once', async ({
		browser
	}) => {
		const student = await signedIn(browser, 'demo-student', { javaScriptEnabled: false });
		await student.goto('/today');
		await student.getByRole('link', { name: /Hôm qua/ }).click();
		const refill = student.getByRole('button', { name: 'Ghi: Rót đầy lại thay vì mua chai mới' });
		const before = Number((await refill.textContent())?.match(/Đã ghi (\d+)\//)?.[1]);
		const form = refill.locator('xpath=ancestor::form');
		const fields = Object.fromEntries(
			await form
				.locator('input[type=hidden]')
				.evaluateAll((inputs) =>
					inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])
				)
		) as Record<string, string>;
		await refill.click();
		await expect(student.getByRole('status')).toContainText('Đã ghi lại');
		await expect(student).toHaveURL(/day=yesterday/);
		await expect(refill).toContainText(`Đã ghi ${before + 1}/3`);
		// The same form sent again (a retry, a double tap) carries the same hidden key: a no-op.
		const again = await student.request.post('/today?/log', {
			form: fields,
			headers: { Origin: new URL(student.url()).origin }
		});
		expect(await again.json()).toMatchObject({ type: 'redirect', status: 303 });
		await student.reload();
		await expect(refill).toContainText(`Đã ghi ${before + 1}/3`);
	});
});
