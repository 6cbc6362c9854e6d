// Provenance follows the figure: which figures a save stamps, how an edit is said, and that every
// place that shows a figure (widget, badge, JSON-LD, API) says an edited one is Roleboard's, with
// the editor's note as plain text, while untouched figures keep their source.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { badgeOf, renderBadge } from '@/lib/api/badge';
import { roleInState } from '@/lib/api/card-role';
import { defaultEmbedOptions } from '@/lib/api/embed-options';
import { renderWidget } from '@/lib/api/widget';
import { buildOccupationJsonLd } from '@/lib/server/json-ld';
import { changedFigures, describeEdit, provenanceOf, stampEditedFigures } from '@/lib/provenance';
import { roleStatsSchema } from '@/lib/role-schemas';
import { findUsState } from '@/lib/us-states';
import { roleDetailWithFigures } from '../support/role-detail';

const stats = roleStatsSchema.parse({
  jobOpenings: 1234,
  averageSalary: 110_000,
  percentiles: { p10: 70_000, p25: 90_000, median: 108_000, p75: 130_000, p90: 160_000 },
  asOf: '2024-05-01',
  source: 'BLS OEWS May 2024',
  sourceUrl: 'https://www.bls.gov/oes/',
});
const hostileNote = 'Union pay scale <script>alert(1)</script> & "more"';
const edit = { editedAt: '2026-12-06T21:50:00.000Z', note: hostileNote };
const edited = { ...stats, averageSalary: 70_000, editedFigures: { averageSalary: edit } };

const role = roleDetailWithFigures({
  slug: 'electricians',
  socCode: '47-2111',
  title: 'Electricians',
  category: { slug: 'construction-and-extraction', name: 'Construction and Extraction' },
  summary: 'Install and maintain wiring.',
  version: 2,
  updatedAt: '2026-12-06T21:50:00.000Z',
  stats: edited,
});

describe('which figures a save stamps', () => {
  test('only the figures that changed, each with the save time and note; earlier stamps stay', () => {
    assert.deepEqual(changedFigures(stats, { ...stats, source: 'Another source', asOf: '2024-06-01' }), [], 'the source and date are not figures');
    assert.deepEqual(changedFigures(stats, { ...stats, currency: 'EUR' }), ['averageSalary', 'percentiles'], 'a new currency changes what the salaries mean');
    assert.deepEqual(changedFigures(stats, { ...stats, jobOpeningsBasis: 'projected-per-year' }), ['jobOpenings']);
    const earlier = { editedAt: '2026-01-01T00:00:00.000Z', note: 'Earlier' };
    const stamped = stampEditedFigures({
      before: { ...stats, editedFigures: { employment: earlier } },
      after: { ...stats, averageSalary: 70_000 },
      note: 'Union pay scale 2026',
      editedAt: edit.editedAt,
    });
    assert.deepEqual(stamped, { employment: earlier, averageSalary: { editedAt: edit.editedAt, note: 'Union pay scale 2026' } });
  });

  test('an edit is said with its date and note; an untouched figure keeps its source', () => {
    assert.equal(describeEdit({ editedAt: edit.editedAt, note: 'Union pay scale 2026' }), 'Edited by Roleboard on December 6, 2026: Union pay scale 2026');
    assert.equal(describeEdit(edit, { figure: 'averageSalary' }).startsWith('Average salary edited by Roleboard on December 6, 2026: '), true);
    assert.deepEqual(provenanceOf(edited, 'averageSalary'), { source: 'Roleboard editors', url: null, asOf: '2026-12-06', editedAt: edit.editedAt, note: hostileNote });
    assert.deepEqual(provenanceOf(edited, 'percentiles'), { source: 'BLS OEWS May 2024', url: 'https://www.bls.gov/oes/', asOf: '2024-05-01', editedAt: null, note: null });
  });
});

describe('every place that shows an edited figure says so, escaped', () => {
  test('the widget marks the edited salary, reads out the note, and leaves the median as it was', () => {
    const html = renderWidget(role, { pageUrl: 'https://roleboard.example/roles/electricians', options: defaultEmbedOptions });
    assert.ok(!html.includes('<script>alert'), 'the note is escaped');
    assert.ok(html.includes('<dt>Average salary<span class="edited"> · edited</span></dt><dd class="salary">$70,000<span class="vh" lang="en">. Edited by Roleboard on December 6, 2026: Union pay scale &lt;script&gt;'));
    assert.ok(html.includes('<div><dt>Median</dt><dd>$108,000</dd></div>'), 'the untouched median has no mark');
  });

  test("the badge's title names the edit; in a state, the state's BLS salary does not", () => {
    const svg = renderBadge(badgeOf(role, 'salary'));
    assert.ok(svg.includes('<title>avg salary: $70,000 (Edited by Roleboard on December 6, 2026: Union pay scale &lt;script&gt;'));
    assert.ok(!renderBadge(badgeOf(role, 'openings')).includes('Edited'));
    const inState = roleInState(role, findUsState('CA')!, null);
    assert.ok(!renderBadge(badgeOf(inState, 'salary')).includes('Edited'));
  });

  test('JSON-LD describes the edited average, not the untouched distribution', () => {
    const jsonLd = buildOccupationJsonLd(role, 'https://roleboard.example/roles/electricians');
    const [distribution, average] = jsonLd.estimatedSalary as Record<string, unknown>[];
    assert.equal(average!.description, `Edited by Roleboard on December 6, 2026: ${hostileNote}`);
    assert.equal(distribution!.description, undefined);
  });
});
