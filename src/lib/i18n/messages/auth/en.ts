import type { Translations } from '../../define';
import type vi from './vi';

const en: Translations<typeof vi> = {
	'auth.login.title': 'Sign in',
	'auth.login.username': 'Email or username',
	'auth.login.password': 'Password',
	'auth.login.submit': 'Sign in',
	'auth.login.invalid': 'Wrong username or password.',
	'auth.login.locked': 'Too many failed sign-ins. Please try again in {minutes} minutes.',
	'auth.login.noAccount': 'No account yet?',
	'auth.login.studentHint':
		'Students: use the username on your login card, or the class code from your teacher.',
	'auth.signup.title': 'Create an adult account',
	'auth.signup.intro':
		'For teachers, household members, stewards and organisers. Students need no email: join your class with its code.',
	'auth.signup.name': 'Full name',
	'auth.signup.nickname': 'Public display name',
	'auth.signup.email': 'Email',
	'auth.signup.password': 'Password (at least 8 characters)',
	'auth.signup.role': 'I am a',
	'auth.signup.submit': 'Create account',
	'auth.signup.next':
		'Now sign in with this e-mail and the password you chose. (If the e-mail already had an account here, use that account’s password.)',
	'auth.signup.haveAccount': 'Already have an account?',
	'auth.logout.done': 'You have signed out.',
	'auth.password.title': 'Change password',
	'auth.password.current': 'Current password',
	'auth.password.new': 'New password',
	'auth.password.confirm': 'Repeat the new password',
	'auth.password.mismatch': 'The two passwords do not match.',
	'auth.password.wrong': 'The current password is wrong.',
	'auth.password.changed': 'Password changed. Your other sessions have been signed out.',
	'auth.password.tooShort': 'The password needs at least 8 characters.',
	'auth.password.tooLong': 'The password can have at most 128 characters.',
	'auth.email.invalid': 'This email is not valid.',
	'auth.account.title': 'My account',
	'auth.account.roles': 'Roles',
	'auth.account.username': 'Username',
	'auth.account.language': 'Preferred language'
};

export default en;
