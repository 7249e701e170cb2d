import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireRole } from '$lib/server/auth/guards';
import { listAreaTree, listModels } from '$lib/server/community/areas';
import { impactDashboard } from '$lib/server/impact/dashboard';
import { requireReport } from '$lib/server/impact/request';
import { reportSearch } from '$lib/schemas/impact';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'organiser');
	const db = await getDb();
	const { query } = await requireReport(event, db, ['area', 'model', 'period', 'from', 'to'], '12w');
	const [dashboard, areas, models] = await Promise.all([
		impactDashboard(db, { areaId: query.areaId, modelId: query.modelId }, query.period),
		listAreaTree(db),
		listModels(db)
	]);
	return {
		query,
		dashboard,
		exportSearch: reportSearch(query),
		areas: areas.map((a) => ({ id: a.id, depth: a.depth, nameVi: a.nameVi, nameEn: a.nameEn })),
		models: models.map((m) => ({ id: m.id, nameVi: m.nameVi, nameEn: m.nameEn }))
	};
};
