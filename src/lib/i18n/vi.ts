// The Vietnamese table for the browser: only this language's files are imported, so the other
// language's strings stay out of the chunk. Keep the list in step with index.ts.
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
