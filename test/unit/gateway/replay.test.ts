// `npm run lab:replay` end to end: the scripted obedient model against the lab servers through the real gateway CLI.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { REPO, tempDir } from '../live/lab';
import { CLI } from './helpers';

interface Finding {
  type: string;
  severity: string;
  tool?: string;
  method?: string;
  action?: string;
}
interface Outcome {
  logged: number;
  alerts: number;
  findings: Finding[];
  blocked: { method: string; tool?: string; action: string }[];
  withheld: string[];
  refusal?: { code: number; message: string };
  listedAfter?: string[];
  annotated?: boolean;
}

test(
  'lab replay: the canary exfiltration is blocked and logged, the rug pull withheld, the injected page flagged, the clean session quiet',
  { timeout: 420_000 },
  async () => {
    const log = join(tempDir('mcp-warden-replay-test-'), 'gateway.jsonl');
    const { stdout } = await promisify(execFile)(process.execPath, [join(REPO, 'scripts', 'lab-replay.mjs'), '--json', '--cli', CLI, '--log', log], {
      cwd: REPO,
      timeout: 400_000,
    });
    const { steps } = JSON.parse(stdout) as { steps: Record<string, Outcome> };

    const clean = steps.clean!;
    assert.ok(clean.logged >= 6, 'the clean session is logged');
    assert.deepEqual([clean.alerts, clean.findings, clean.blocked], [0, [], []], 'with no alert and no finding');

    const canary = steps.canary!;
    assert.equal(canary.refusal?.code, -32001);
    assert.match(canary.refusal!.message, /blocked the call to "add": its arguments carry a canary/);
    assert.deepEqual(canary.blocked, [{ method: 'tools/call', tool: 'add', action: 'blocked' }]);
    assert.deepEqual(
      canary.findings.map((f) => [f.type, f.severity, f.tool]),
      [['canary', 'alert', 'add']],
    );

    const rug = steps['rug-pull']!;
    assert.deepEqual(rug.listedAfter, [], 'after the rug pull the changed and new tools are withheld');
    assert.deepEqual(rug.withheld.sort(), ['delete_everything', 'get_fact']);
    assert.match(rug.refusal!.message, /refused the call: the tool "delete_everything" is not approved/);

    const injection = steps.injection!;
    assert.equal(injection.annotated, true);
    assert.ok(injection.findings.some((f) => f.type === 'injection' && f.tool === 'fetch_url'));

    const text = readFileSync(log, 'utf8');
    for (const canaryValue of readFileSync(join(REPO, 'test', 'lab', 'workspace', 'canaries', 'canaries.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('MCPW-'))) {
      assert.ok(!text.includes(canaryValue), 'no canary value in the audit log');
    }
  },
);
