// The Vietnamese messages: the source every other language follows, and the one place a message
// domain is registered (en.ts finds each domain's English file by its folder). The server uses
// both tables; the browser loads neither, only each page's own keys (route-keys-plugin.ts).
import common from './messages/common/vi';
import auth from './messages/auth/vi';
import groups from './messages/groups/vi';
import structure from './messages/structure/vi';
import playground from './messages/playground/vi';
import pledges from './messages/pledges/vi';
import boards from './messages/boards/vi';
import actions from './messages/actions/vi';
import challenges from './messages/challenges/vi';
import impact from './messages/impact/vi';
import offline from './messages/offline/vi';
import trust from './messages/trust/vi';
import type { ParamsOf } from './define';

const vi = {
	...common,
	...auth,
	...groups,
	...structure,
	...playground,
	...pledges,
	...boards,
	...actions,
	...challenges,
	...impact,
	...offline,
	...trust
};
export default vi;

export type Catalogue = typeof vi;
/** Every message key; `t('common.pionts')` fails `npm run check`. */
export type MessageKey = keyof Catalogue & string;

/**
 * The parameters after a key: none, or exactly its placeholders. A key known only at run time (an
 * error code from the server, typed as any `MessageKey`) takes its parameters unchecked.
 */
export type MessageArgs<K extends MessageKey> = [MessageKey] extends [K]
	? [params?: Readonly<Record<string, string | number>>]
	: keyof ParamsOf<Catalogue[K]> extends never
		? []
		: [params: ParamsOf<Catalogue[K]>];
