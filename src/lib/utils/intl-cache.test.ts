import { describe, expect, it } from 'vitest';
import { dateTimeFormatter, dayFormatter, numberFormatter } from './intl-cache';

describe('memoised Intl formatters', () => {
	it('hand out one formatter per locale and options, which formats as a new one would', () => {
		const opts = { maximumFractionDigits: 1 };
		expect(numberFormatter('vi-VN', opts)).toBe(numberFormatter('vi-VN', { maximumFractionDigits: 1 }));
		expect(numberFormatter('vi-VN', opts)).not.toBe(numberFormatter('en-GB', opts));
		expect(numberFormatter('vi-VN', opts).format(1234.56)).toBe(
			new Intl.NumberFormat('vi-VN', opts).format(1234.56)
		);
		const at = { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' } as const;
		expect(dateTimeFormatter('en-GB', at)).toBe(dateTimeFormatter('en-GB', { ...at }));
		expect(dateTimeFormatter('en-GB', at).format(Date.UTC(2026, 10, 30, 17, 30))).toBe('01/12/2026, 00:30');
		expect(dayFormatter('en-GB', { dateStyle: 'medium' })('2026-11-30')).toBe('30 Nov 2026');
	});
});
