import { describe, expect, it } from 'vitest';
import { refuse } from './refuse';

describe('refuse', () => {
	it('gives every refused form the same shape, with empty defaults', () => {
		const r = refuse(400, {});
		expect(r.status).toBe(400);
		expect(r.data).toEqual({ form: null, values: {}, errors: {}, message: null, params: {} });
	});

	it('makes an error filed under "_" the form message, and keeps field errors on their fields', () => {
		const r = refuse(400, { errors: { _: 'form.invalid', code: 'form.required' } });
		expect(r.data.message).toBe('form.invalid');
		expect(r.data.errors).toEqual({ code: 'form.required' });
		// An explicit message wins over the one under "_".
		expect(refuse(400, { errors: { _: 'form.invalid' }, message: 'form.hasErrors' }).data.message).toBe(
			'form.hasErrors'
		);
	});

	it('refills only strings, cut to 2000 characters, and keeps extra data beside the shape', () => {
		const r = refuse(
			429,
			{ form: 'join', values: { code: 'x'.repeat(5000), ids: ['1', '2'], n: 3 } },
			{ candidates: [{ pick: 'u:1', label: 'A' }] }
		);
		expect(r.data.values).toEqual({ code: 'x'.repeat(2000) });
		expect(r.data.form).toBe('join');
		expect(r.data.candidates).toEqual([{ pick: 'u:1', label: 'A' }]);
	});

	it('does not let extra data overwrite the shape', () => {
		const r = refuse(400, { message: 'form.invalid' }, { message: 'sneaky', errors: 'no' });
		expect(r.data.message).toBe('form.invalid');
		expect(r.data.errors).toEqual({});
	});
});
