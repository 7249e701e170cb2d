import type { PageServerLoad } from './$types';
import { requireClassTeacher } from '$lib/server/access/routes';
import { idSchema } from '$lib/schemas/common';
import { parentLetters } from '$lib/server/people/parent-codes';
import { qrPath } from '$lib/server/playground/qr';
import { appTimeZone } from '$lib/server/config';
import { localDay } from '$lib/utils/dates';

// Printable letters for the class's parents: every open code, or one student's (?student=<id>).
export const load: PageServerLoad = async (event) => {
	const { db, classId, cls } = await requireClassTeacher(event);
	const one = idSchema.safeParse(event.url.searchParams.get('student'));
	const letters = await parentLetters(db, classId, new Date(), one.success ? one.data : undefined);
	const linkUrl = `${event.url.origin}/children`;
	const tz = appTimeZone();
	return {
		cls,
		signUpUrl: `${event.url.origin}/signup`,
		letters: letters.map(({ expiresAt, ...l }) => ({
			...l,
			expiresOn: localDay(expiresAt, tz),
			qr: qrPath(`${linkUrl}?code=${l.code}`)
		}))
	};
};
