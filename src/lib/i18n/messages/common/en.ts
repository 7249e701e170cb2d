import type { Translations } from '../../define';
import type vi from './vi';

const en: Translations<typeof vi> = {
	'app.name': 'Sống Xanh',
	'app.tagline': 'Plastic-free challenges for schools and neighbourhoods',
	'nav.label': 'Main navigation',
	'nav.home': 'Home',
	'nav.menu': 'Menu',
	'nav.account': 'Account',
	'nav.login': 'Sign in',
	'nav.signup': 'Sign up',
	'nav.logout': 'Sign out',
	'nav.skip': 'Skip to main content',
	'lang.label': 'Language',
	'lang.vi': 'Tiếng Việt',
	'lang.en': 'English',
	'lang.switch': 'Change language',
	'lang.changed': 'Switched to English.',
	'role.organiser': 'Organiser',
	'role.teacher': 'Teacher',
	'role.student': 'Student',
	'role.household': 'Household member',
	'role.steward': 'Steward',
	'home.title': 'Live green together, with less plastic',
	'home.intro':
		'Sống Xanh helps schools, neighbourhoods, markets and clubs run plastic-free challenges: log green actions, keep daily reusable-item pledges, and bring sorted plastic to build a recycled playground.',
	'home.origin':
		'It grows out of the 12 community models of LSPP (Local Solutions to Plastic Pollution) in Hà Nội, Đà Nẵng and Hội An: green schools, plastic-reduced markets, a green food street, the Liên Mạc recycled playground, a pagoda that sorts waste…',
	'home.how': 'How to take part',
	'home.step.actions':
		'Log plastic-free actions every day: bring your bottle, refuse a plastic bag, bring a lunch box…',
	'home.step.pledges': 'Pledge to use a reusable item for 7, 21 or 30 days and check in daily.',
	'home.step.playground': 'Bring sorted plastic to a collection point to help build a recycled playground.',
	'home.step.boards': 'Whole classes and households score together on fair leaderboards.',
	'home.places': 'My shortcuts',
	'home.shortcut.today': 'Log today’s actions',
	'home.shortcut.steward': 'Record drop-offs',
	'home.shortcut.manage': 'Manage the programme',
	'home.shortcut.boards': 'Leaderboards',
	'home.start': 'Get started',
	'home.welcome': 'Hello, {name}!',
	'home.demo':
		'Try it: sign in as demo-student, demo-teacher, demo-family, demo-steward or demo-organiser, password songxanh-demo.',
	'error.title': 'Something went wrong',
	'error.404': 'This page was not found.',
	'error.403': 'You are not allowed to see this page.',
	'error.400': 'The request was not valid.',
	'error.413': 'What you sent is too large.',
	'error.429': 'Too many requests. Please try again in a few minutes.',
	'error.500': 'The server had a problem. Please try again.',
	'error.back': 'Back to the home page',
	'form.choose': '— Choose —',
	'form.required': 'Please fill this in.',
	'form.invalid': 'This value is not valid.',
	'form.malformed':
		'This form arrived damaged (a field sent twice or in the wrong shape), so nothing was saved. Reload the page and try again.',
	'form.usedAlready':
		'This form was already sent and saved. Sign in with the account it made, or reload the page to start again.',
	'form.tooLong': 'Too long (at most {max} characters).',
	'form.tooShort': 'Too short (at least {min} characters).',
	'form.hasErrors': 'Please correct the marked fields.',
	'form.save': 'Save',
	'common.loading': 'Loading…',
	'common.none': 'Nothing here yet.',
	'common.points': { one: '{n} point', other: '{n} points' },
	'common.print': 'Print',
	'chart.failed': 'The chart could not be loaded; the numbers are in the table below.',
	'chart.asTable': 'Show the numbers as a table'
};

export default en;
