// The English table for the browser: only this language's files are imported, so the other
// language's strings stay out of the chunk. Keep the list in step with index.ts.
import common from './messages/common/en';
import auth from './messages/auth/en';
import groups from './messages/groups/en';
import structure from './messages/structure/en';
import playground from './messages/playground/en';
import pledges from './messages/pledges/en';
import boards from './messages/boards/en';
import actions from './messages/actions/en';
import challenges from './messages/challenges/en';
import impact from './messages/impact/en';
import offline from './messages/offline/en';
import trust from './messages/trust/en';

const table: Record<string, string> = {
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
export default table;
