/** Forms the person typed into and has not submitted yet. */
const typedIn = new Set<HTMLFormElement>();

/** Watches typing, so a refresh after sending never wipes a form the person is filling in. */
export function watchTyping() {
	document.addEventListener('input', (e) => {
		// Only the person's own typing: a form clearing itself for the next entry does not count.
		const form = (e.target as HTMLInputElement | null)?.form;
		if (e.isTrusted && form) typedIn.add(form);
	});
	document.addEventListener('submit', (e) => typedIn.delete(e.target as HTMLFormElement), true);
}

/** Whether the person is in the middle of filling in a form on the page. */
export function isTyping(): boolean {
	for (const form of typedIn) if (!form.isConnected) typedIn.delete(form);
	return typedIn.size > 0;
}
