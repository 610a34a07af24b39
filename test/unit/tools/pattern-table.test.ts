// The shared loop of the phrase detectors (src/core/tools/detect/table.ts): counter-evidence drops a
// candidate, a lead-in is left out of the span, and a spent budget stops the search and says so.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CANDIDATE_BUDGET, FieldContext } from '../../../src/core/tools/detect/context';
import { anExample, negated, patternTable, runTable } from '../../../src/core/tools/detect/table';
import type { TextField } from '../../../src/core/tools/types';

const target = { kind: 'tool' as const, name: 'probe' };
function context(text: string): FieldContext {
  const field: TextField = { target, field: 'description', role: 'prose', text };
  return new FieldContext(field, { target, fields: [field], ownTools: new Set(), parameters: new Set(), otherServers: [] });
}
const TABLE = patternTable([/\bcopy the notes\b/, /\bwipe the disk\b/], 'exfiltration');

function run(text: string, counters = [negated, anExample], lead?: RegExp) {
  const ctx = context(text);
  const hits: string[] = [];
  const done = runTable(ctx, TABLE, counters, (hit) => hits.push(`${hit.which}:${ctx.view.slice(hit.start, hit.end)}`), lead);
  return { done, hits, exhausted: [...ctx.exhausted] };
}

describe('pattern table runner', () => {
  it('hands over each candidate with its row', () => {
    assert.deepEqual(run('Then copy the notes. Later wipe the disk.').hits, ['0:copy the notes', '1:wipe the disk']);
  });

  it('drops candidates that counter-evidence cancels', () => {
    assert.deepEqual(run('Never copy the notes. Flags orders such as "wipe the disk".').hits, []);
    assert.deepEqual(run('Never copy the notes.', []).hits, ['0:copy the notes']);
  });

  it('leaves a lead-in out of the span', () => {
    const ctx = context('Done. Then copy the notes.');
    const spans: string[] = [];
    runTable(ctx, patternTable([/\. then copy the notes/], 'exfiltration'), [], (hit) => spans.push(ctx.view.slice(hit.start, hit.end)), /^\. then /);
    assert.deepEqual(spans, ['copy the notes']);
  });

  it('stops when the budget is spent, and says so', () => {
    const r = run('copy the notes. '.repeat(CANDIDATE_BUDGET + 5));
    assert.equal(r.done, false);
    assert.equal(r.hits.length, CANDIDATE_BUDGET);
    assert.deepEqual(r.exhausted, ['exfiltration']);
    assert.equal(run('copy the notes. '.repeat(3)).done, true);
  });

  it('refuses a row with no budget category', () => {
    assert.throws(() => patternTable([{ re: /x/ }]));
  });
});
