import { describe, expect, it } from 'vitest';
import { cleanRoster } from './roster-paste';

const names = (raw: string, existing: string[] = []) => cleanRoster(raw, existing).names.map((n) => n.name);

describe('cleanRoster: real class lists', () => {
	it('an Excel paste with a header row, an STT column and a date of birth makes only the students', () => {
		const r = cleanRoster(
			[
				'STT\tHọ và tên\tNgày sinh\tGiới tính',
				'1\tNguyễn Văn An\t12/03/2013\tNam',
				'2\tTrần Thị Bình\t05/11/2013\tNữ'
			].join('\n')
		);
		expect(r.names.map((n) => n.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
		expect(r.header).toEqual({ line: 1, columns: ['Họ và tên'] });
		expect(r.cleaned[0]).toMatchObject({ line: 1, reason: 'structure.roster.header' });
		expect(r.refused).toEqual([]);
	});

	it('a header pasted without tabs is still a header, and "1 Nguyễn Văn An" loses its number', () => {
		expect(names('STT Họ và tên\n1 Nguyễn Văn An\n2. Trần Thị Bình\n3) Lê Chi')).toEqual([
			'Nguyễn Văn An',
			'Trần Thị Bình',
			'Lê Chi'
		]);
	});

	it('separate "Họ và tên đệm" and "Tên" columns are joined; a title row above the header is skipped', () => {
		const r = cleanRoster(
			[
				'DANH SÁCH HỌC SINH LỚP 6A1',
				'TT\tHọ và tên đệm\tTên\tNgày sinh',
				'1\tNguyễn Văn\tAn\t2013-03-12',
				'2\tĐỗ Thị\tHoa\t2013-01-02'
			].join('\n')
		);
		expect(r.names.map((n) => n.name)).toEqual(['Nguyễn Văn An', 'Đỗ Thị Hoa']);
		expect(r.cleaned.slice(0, 2)).toEqual([
			expect.objectContaining({ line: 1, reason: 'structure.roster.titleRow' }),
			expect.objectContaining({ line: 2, reason: 'structure.roster.header' })
		]);
	});

	it('comma and semicolon lists (CSV) without a header take the first cell with letters', () => {
		expect(names('1,Nguyễn Văn An,12/03/2013\n2;Trần Thị Bình;05.11.2013')).toEqual([
			'Nguyễn Văn An',
			'Trần Thị Bình'
		]);
		expect(names('Nguyễn Văn An 12/03/2013')).toEqual(['Nguyễn Văn An']);
	});

	it('namesakes are all made, each with the line it repeats; a name already in the class is its student', () => {
		const r = cleanRoster('Nguyễn Văn An\nLê Chi\nnguyễn  văn an\nLê Chi', ['Lê Chi']);
		expect(r.names).toEqual([
			{ line: 1, name: 'Nguyễn Văn An' },
			{ line: 3, name: 'nguyễn văn an', namesakeOf: 1 },
			{ line: 4, name: 'Lê Chi', namesakeOf: 0 }
		]);
		expect(r.cleaned).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ line: 2, reason: 'structure.roster.alreadyInClass' })
			])
		);
		// Pasting the same list again makes nobody twice.
		expect(names('Nguyễn Văn An\nnguyễn văn an', ['Nguyễn Văn An', 'Nguyễn Văn An'])).toEqual([]);
	});

	it('skips blank lines and strips emoji and invisible characters, each with a note', () => {
		const r = cleanRoster(['Nguyễn Văn An', '', '   ', 'Lê Chi 🌿', '\u200bPhạm Dũng'].join('\n'));
		expect(r.names.map((n) => n.name)).toEqual(['Nguyễn Văn An', 'Lê Chi', 'Phạm Dũng']);
		expect(r.cleaned).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ line: 3, reason: 'structure.roster.blank' }),
				expect.objectContaining({ line: 4, reason: 'structure.roster.stripped', params: { name: 'Lê Chi' } })
			])
		);
	});

	it('refuses over-long and letterless lines with the line number, and counts more than 60 names', () => {
		const r = cleanRoster(['An', 'x'.repeat(61), '🌿🌿', '12345', 'Bình'].join('\n'));
		expect(r.names.map((n) => n.name)).toEqual(['An', 'Bình']);
		expect(r.refused).toEqual([
			expect.objectContaining({ line: 2, reason: 'structure.roster.tooLong' }),
			expect.objectContaining({ line: 3, reason: 'structure.roster.noLetters' }),
			expect.objectContaining({ line: 4, reason: 'structure.roster.noLetters' })
		]);
		const sixty = Array.from({ length: 60 }, (_, i) => `Học sinh ${i}`).join('\n');
		expect(cleanRoster(sixty).tooMany).toBeNull();
		expect(cleanRoster(`${sixty}\nMột người nữa`).tooMany).toBe(61);
	});

	it('a name that is only a first line of data is not mistaken for a header', () => {
		expect(cleanRoster('Tên Nguyễn\nLê Chi').header).toBeNull();
		expect(names('Hoàng Tên\nLê Chi')).toEqual(['Hoàng Tên', 'Lê Chi']);
	});
});
