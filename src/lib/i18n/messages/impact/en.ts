import type { Translations } from '../../define';
import type vi from './vi';

const en: Translations<typeof vi> = {
	'nav.impact': 'Impact',
	'impact.title': 'Impact by community model',
	'impact.intro':
		'Kilograms of plastic avoided (actions, pledges) and collected (recycled playgrounds) so far, per model, through the model’s schools and through its neighbourhoods.',
	'impact.dualCredit':
		'The two columns are kept apart: a student’s action counts for their school and for their family’s neighbourhood, so adding the columns would count it twice.',
	'impact.model': 'Model',
	'impact.noModel': '(No model yet)',
	'impact.viaSchools': 'Through schools',
	'impact.viaNeighbourhoods': 'Through neighbourhoods',
	'impact.count.schools': { one: '{n} school', other: '{n} schools' },
	'impact.count.neighbourhoods': { one: '{n} neighbourhood', other: '{n} neighbourhoods' },
	'impact.avoided': 'Avoided',
	'impact.collected': 'Collected',
	'impact.points': 'Points',
	'impact.kg': '{kg} kg',
	'impact.chart.label': 'Chart of kilograms of plastic per model, through schools and through neighbourhoods',
	'impact.chart.axis': 'kg (avoided + collected)',
	'impact.empty': 'No model has recorded any impact yet.',
	'impact.csv': 'Download as CSV'
};

export default en;
