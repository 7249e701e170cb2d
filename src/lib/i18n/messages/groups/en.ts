import type { Translations } from '../../define';
import type vi from './vi';

const en: Translations<typeof vi> = {
	'group.pointsWeek': 'Points this week',
	'group.pointsAll': 'Total points',
	'group.kgAvoided': 'Plastic avoided',
	'group.kgCollected': 'Plastic collected',
	'group.activeWeek': 'Active members this week',
	'group.class.title': 'Class {name}',
	'group.class.school': '{school} · grade {grade} · school year {year}',
	'group.class.archived': 'This class is archived; its history stays readable.',
	'group.household.title': 'Household {name}',
	'group.household.neighbourhood': 'In {neighbourhood}',
	'group.sections': 'Activities'
};

export default en;
