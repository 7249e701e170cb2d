/** A browser without JavaScript: a cookie jar, form posts with the Origin header, no redirects followed. */
export class Client {
	private jar = new Map<string, string>();
	constructor(readonly origin: string) {}

	private remember(res: Response) {
		for (const c of res.headers.getSetCookie()) {
			const [pair, ...attrs] = c.split(';');
			const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
			const expired = attrs.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
			if (expired || value === '') this.jar.delete(name.trim());
			else this.jar.set(name.trim(), value);
		}
	}

	private headers(extra: Record<string, string> = {}) {
		return {
			cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '),
			accept: 'text/html',
			...extra
		};
	}

	async get(path: string): Promise<Response> {
		const res = await fetch(this.origin + path, { headers: this.headers(), redirect: 'manual' });
		this.remember(res);
		await res.arrayBuffer();
		return res;
	}

	/** A page's status and, when it is HTML, its markup. */
	async getText(path: string): Promise<{ status: number; html: string | null }> {
		const res = await fetch(this.origin + path, { headers: this.headers(), redirect: 'manual' });
		this.remember(res);
		const body = await res.text();
		return {
			status: res.status,
			html: (res.headers.get('content-type') ?? '').includes('text/html') ? body : null
		};
	}

	/** Posts an already encoded form body (repeated fields and all). */
	async postRaw(path: string, body: string): Promise<{ status: number; body: string }> {
		const res = await fetch(this.origin + path, {
			method: 'POST',
			headers: this.headers({ origin: this.origin, 'content-type': 'application/x-www-form-urlencoded' }),
			body,
			redirect: 'manual'
		});
		this.remember(res);
		return { status: res.status, body: await res.text() };
	}

	/** Posts a form; returns the status and the Location header (the body is read and dropped). */
	async post(
		path: string,
		fields: Record<string, string>
	): Promise<{ status: number; location: string | null; body: string }> {
		const res = await fetch(this.origin + path, {
			method: 'POST',
			headers: this.headers({ origin: this.origin, 'content-type': 'application/x-www-form-urlencoded' }),
			body: new URLSearchParams(fields).toString(),
			redirect: 'manual'
		});
		this.remember(res);
		return { status: res.status, location: res.headers.get('location'), body: await res.text() };
	}

	async signIn(username: string, password = 'songxanh-demo'): Promise<void> {
		await this.get('/login');
		const r = await this.post('/login', { username, password });
		if (r.status !== 303) throw new Error(`sign-in of ${username} answered ${r.status}`);
	}
}

export const newKey = () => crypto.randomUUID();
