// Who may see and do what: guardians and parent letters, household requests, drop-off cards,
// and the grant rules' refusals.
import type { Translations } from '../../define';
import type vi from './vi';

const en: Translations<typeof vi> = {
	'trust.member': 'A member',
	'trust.grant.studentAccount': 'A student account cannot be given this role.',
	'trust.grant.self': 'You cannot be your own guardian.',
	'trust.grant.notStudent': 'Only a student account has guardians.',

	'trust.parentCode.bad': 'This code is not right. Check the teacher’s letter again.',
	'trust.parentCode.replaced': 'This code has been replaced by a new one. Ask the teacher for a new letter.',
	'trust.parentCode.used': 'This code has been used. Each code works once: ask the teacher for a new letter.',
	'trust.parentCode.expired': 'This code has expired. Ask the teacher for a new letter.',
	'trust.parentCode.linked': 'Linked: you are now this child’s guardian.',
	'trust.parentCode.already': 'You are already this child’s guardian.',
	'trust.children.redeemTitle': 'Got a letter from the teacher?',
	'trust.children.redeemHelp':
		'Type the code on the letter to parents (or scan the QR code on it). Each code works once.',
	'trust.children.code': 'Parent code',
	'trust.children.redeem': 'Link to my child',

	'trust.guardians.link': 'Parents: links and letters home',
	'trust.guardians.title': 'Parents of class {name}',
	'trust.guardians.intro':
		'A parent links to their child only with a one-use code on a letter you print, or when you link a parent you know. A linked guardian sees the child’s real name and data, can export it and ask to erase it.',
	'trust.guardians.issueAll': 'Make letters for students without one',
	'trust.guardians.issued': 'New letters made.',
	'trust.guardians.print': 'Print letters to parents',
	'trust.guardians.reissue': 'New code',
	'trust.guardians.reissueFor': 'New code for {name}',
	'trust.guardians.reissued': 'New code made. The old one no longer works.',
	'trust.guardians.printOne': 'Print letter',
	'trust.guardians.letter': 'Letter waiting: code {code}, expires {date}',
	'trust.guardians.noLetter': 'No letter waiting',
	'trust.guardians.none': 'No guardian yet',
	'trust.guardians.via.code': 'by parent letter',
	'trust.guardians.via.teacher': 'linked by a teacher',
	'trust.guardians.via.legacy': 'linked the old way by the household: please check',
	'trust.guardians.remove': 'Remove link',
	'trust.guardians.removeFor': 'Remove the link between {guardian} and {name}',
	'trust.guardians.removed': 'Link removed.',
	'trust.guardians.notLinked': 'There is no such link.',
	'trust.guardians.adult': 'The parent’s e-mail or username',
	'trust.guardians.linkFor': 'Link a parent you know to {name}',
	'trust.guardians.linkButton': 'Link',
	'trust.guardians.linked': 'Parent linked.',
	'trust.guardians.unknownAdult': 'No adult account with that e-mail or username.',
	'trust.guardians.notYourStudent': 'This student is not in your class.',
	'trust.guardians.notInClass': 'This student is not in the class.',

	'trust.letters.title': 'Letters to the parents of class {name}',
	'trust.letters.none': 'No letter is waiting. Make letters on the class’s Parents page.',
	'trust.letters.printButton': 'Print letters',
	'trust.letters.greeting': 'Dear parent of {name},',
	'trust.letters.body':
		'Class {class} ({school}) takes part in Sống Xanh: the children log plastic-free actions, keep pledges to use reusable items and bring plastic for a recycled playground.',
	'trust.letters.how':
		'To see, download or erase your child’s data, create an account at {url}, then type the code below on the “My children” page (or scan the QR code). The code works once, until the end of {date}.',
	'trust.letters.code': 'Parent code',
	'trust.letters.keep': 'Do not share this code: whoever types it becomes the child’s guardian on Sống Xanh.',
	'trust.letters.qr': 'QR code that opens the page to link to your child',
	'trust.letters.teacher': 'The class’s teacher',

	'trust.household.notYours': 'You cannot decide requests for this household.',
	'trust.household.adultFirst':
		'The household has no adult: approve an adult first, and they will approve the children.',
	'trust.household.unknownAdult': 'No adult account with that e-mail or username.',
	'trust.household.recovered': 'The household has an adult in charge again.',
	'trust.household.recoverTitle': 'No adult left in this household',
	'trust.household.recoverHelp':
		'As the neighbourhood’s steward (or an organiser) you may approve an adult’s request below, or hand the household to an adult you have met in person.',
	'trust.household.recoverLabel': 'The adult’s e-mail or username',
	'trust.household.recover': 'Hand the household to this adult',
	'trust.household.left': 'You left the household (or withdrew your request).',
	'trust.household.nothingToLeave': 'You are not in a household.',
	'trust.household.withdraw': 'Withdraw my request',
	'trust.household.leave': 'Leave the household',
	'trust.household.hiddenStudents': 'And {n} students (only the household sees their names).',
	'trust.household.kind.adult': 'adult',
	'trust.household.kind.student': 'student',

	'trust.card.title': 'Drop-off card',
	'trust.card.householdHelp':
		'Show this card (or read out its number) at a collection point to credit the household. It only credits: it signs nobody in and lets nobody join.',
	'trust.card.studentHelp':
		'Show this card (or read out its number) at a collection point to credit you, your class and your household. It only credits: it signs nobody in.',
	'trust.card.qr': 'Drop-off card QR code',
	'trust.card.number': 'Card number',
	'trust.card.reissue': 'Make a new card',
	'trust.card.confirm': 'I understand the old card stops working',
	'trust.card.reissued': 'New card made. The old one stopped working.',
	'trust.card.loginCut': 'Cut this part off: the drop-off card goes to the steward, with no password on it.',

	'trust.serve.title': 'Neighbourhoods this point serves',
	'trust.serve.help':
		'The point’s stewards can find the households and students of these neighbourhoods by name. Drop-off cards work at every point.',
	'trust.serve.none': 'Serves no neighbourhood yet: drop-off cards only.',
	'trust.serve.add': 'Add a neighbourhood',
	'trust.serve.neighbourhood': 'Neighbourhood',
	'trust.serve.added': 'Neighbourhood added to the collection point.',
	'trust.serve.unknown': 'No such collection point or neighbourhood.'
};

export default en;
