import { describe, expect, it } from 'vitest';
import { formKey, readForm } from './form-values';

const post = (body: BodyInit, headers: Record<string, string> = {}) => ({
	request: new Request('http://localhost/x', { method: 'POST', body, headers })
});
const form = (pairs: [string, string | Blob][]) => {
	const data = new FormData();
	for (const [k, v] of pairs) data.append(k, v);
	return post(data);
};

describe('readForm: the one place forms are read', () => {
	it('gives one string per field, and arrays only for declared lists', async () => {
		expect(
			await readForm(
				form([
					['name', 'Sân chơi'],
					['kind', 'school']
				])
			)
		).toEqual({
			name: 'Sân chơi',
			kind: 'school'
		});
		expect(
			await readForm(
				form([
					['materials', 'pet'],
					['materials', 'caps'],
					['name', 'x']
				]),
				{ arrays: ['materials'] }
			)
		).toEqual({ materials: ['pet', 'caps'], name: 'x' });
		expect(await readForm(form([['name', 'x']]), { arrays: ['materials'] })).toEqual({
			name: 'x',
			materials: []
		});
	});

	it.each([
		[
			'a field sent twice (issue 12: announce with target twice was a 500)',
			form([
				['target', '1:2'],
				['target', '3:4']
			])
		],
		['a file where a value belongs', form([['name', new Blob(['x'])]])],
		['too many fields', form(Array.from({ length: 201 }, (_, i) => [`f${i}`, 'x'] as [string, string]))],
		['a body that is not a form', post('{"a":1}', { 'content-type': 'multipart/form-data; boundary=nope' })]
	])('refuses %s with a 400 that names the problem', async (_, event) => {
		await expect(readForm(event)).rejects.toMatchObject({ status: 400, body: { message: 'form.malformed' } });
	});

	it('wants a well-formed idempotency key on create and reset forms', () => {
		expect(formKey({ idempotencyKey: '3f1c0a9e-1111-4222-8333-444455556666' })).toBe(
			'3f1c0a9e-1111-4222-8333-444455556666'
		);
		for (const bad of [undefined, '', 'short', 'has spaces in it', ['a', 'b'], 'x'.repeat(65)])
			expect(() => formKey({ idempotencyKey: bad as string })).toThrow(
				expect.objectContaining({ status: 400 }) as Error
			);
	});
});
