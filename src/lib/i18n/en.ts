// The English messages: each domain's messages/<domain>/en.ts, found by folder, so a new domain
// is registered once (in vi.ts). Each file is typed against its Vietnamese twin, and i18n.test.ts
// checks that this table has exactly the Vietnamese keys.
import type { Message } from './define';
import type { MessageKey } from './vi';

const domains = import.meta.glob<Record<string, Message>>('./messages/*/en.ts', {
	eager: true,
	import: 'default'
});

const en = Object.assign({}, ...Object.values(domains)) as Record<MessageKey, Message>;
export default en;
