import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectAll } from '../../../src/live/inspect';
import { labEntry, TEST_LIMITS } from './lab';

const many = (env: Record<string, string>, name: string) => labEntry('hostile-many-tools.mjs', env, name);

test('pagination: every page is followed; caps on items and pages and a repeating cursor end the loop', async () => {
  const [all, capped, pageCap, unpaginated, loop] = await inspectAll(
    [
      many({ LAB_TOOL_COUNT: '2500', LAB_PAGE_SIZE: '1000' }, 'all'),
      many({}, 'capped'),
      many({ LAB_TOOL_COUNT: '2500', LAB_PAGE_SIZE: '100' }, 'page-cap'),
      many({ LAB_PAGE_SIZE: '0' }, 'unpaginated'),
      many({ LAB_CURSOR_LOOP: '1' }, 'loop'),
    ],
    { ...TEST_LIMITS, concurrency: 5, maxItemsPerList: 3_000, maxPagesPerList: 5 },
  );
  assert.equal(all!.snapshot?.tools.length, 2500);
  assert.equal(all!.snapshot?.tools[2499]?.name, 'tool_002499');
  assert.deepEqual(all!.snapshot?.truncated.lists, {});

  assert.equal(capped!.snapshot?.tools.length, 2500, '100,000 tools, 500 a page, stopped by the page cap');
  assert.deepEqual(capped!.snapshot?.truncated.lists, { tools: { kept: 2500, reason: 'page-cap' } });

  assert.deepEqual(pageCap!.snapshot?.truncated.lists, { tools: { kept: 500, reason: 'page-cap' } });

  assert.equal(unpaginated!.snapshot?.tools.length, 3000, 'one 100,000-tool page is cut to the item cap');
  assert.deepEqual(unpaginated!.snapshot?.truncated.lists, { tools: { kept: 3000, reason: 'item-cap' } });

  assert.deepEqual(loop!.snapshot?.truncated.lists, { tools: { kept: 2, reason: 'repeated-cursor' } });
});

test('the default item cap (1,000) applies to the 100,000-tool server', async () => {
  const [result] = await inspectAll([many({ LAB_PAGE_SIZE: '1000' }, 'default')], TEST_LIMITS);
  assert.equal(result!.snapshot?.tools.length, 1000);
  assert.deepEqual(result!.snapshot?.truncated.lists, { tools: { kept: 1000, reason: 'item-cap' } });
});
