import type { Translations } from '../../define';
import type vi from './vi';

const en: Translations<typeof vi> = {
	'offline.banner':
		'No connection. Pages you opened before still work; what you record is sent when you are back online.',
	'offline.copyAt': 'This is the copy saved on this device at {time}; figures may be out of date.',
	'offline.noscript':
		'Recording without a connection needs JavaScript. Without it, this form still works as usual while online.',
	'offline.pending.title': 'Waiting to send ({n})',
	'offline.pending.intro':
		'These are saved on this device and are sent automatically, in the order made, when you are back online.',
	'offline.refused.title': 'Needs another look ({n})',
	'offline.refused.intro': 'The server did not accept these. Correct and send again, or discard them.',
	'offline.refused.reason': 'Reason:',
	'offline.madeAt': 'Recorded {time}',
	'offline.sendNow': 'Send now',
	'offline.sending': 'Sending…',
	'offline.edit': 'Edit',
	'offline.delete': 'Delete',
	'offline.discard': 'Discard',
	'offline.retry': 'Send again',
	'offline.save': 'Save and send',
	'offline.cancel': 'Cancel',
	'offline.editTitle': 'Edit a waiting entry',
	'offline.queued': 'Saved on this device. It will be sent when you are back online.',
	'offline.sent': 'Sent {n} waiting entries.',
	'offline.someRefused': '{n} entries were refused: see the reasons below.',
	'offline.unreachable': 'Not sent yet (no connection, or the server is busy). It will try again.',
	'offline.signedOut': 'Sign in again to send the waiting entries.',
	'offline.signOutPending': {
		one: 'This device still has {n} unsent entry. Signing out deletes it. Sign out anyway?',
		other: 'This device still has {n} unsent entries. Signing out deletes them. Sign out anyway?'
	},
	'offline.tooOld': 'This entry was made more than {hours} hours ago and can no longer be sent.',
	'offline.otherPerson': 'Someone else recorded this entry on this device; only they can send it.',
	'offline.serverError': 'The server failed several times to take this entry. Try sending it again later.',
	'offline.day.today': 'today',
	'offline.day.yesterday': 'yesterday',
	'offline.checkin': 'Pledge check-in: {item}',
	'offline.directory.status': 'Offline lookup: {n} households and students (updated {time}).',
	'offline.directory.pick': 'Choose who brought it'
};

export default en;
