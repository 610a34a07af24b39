// Every command reads its arguments one way (src/cli/options.ts): an unknown option or a missing value
// is a plain message naming the command's help, exit code 2, nothing on standard output; --help is 0.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { Sandbox } from '../core/cliHarness';

const box = new Sandbox();
after(() => box.dispose());

/** Each command, an option of its that takes a value, and text only its own help has. */
const COMMANDS: [command: string, valued: string, help: RegExp][] = [
  ['scan', '--format', /Scan options:[\s\S]*--trust-project-npmrc/],
  ['rules', '--format', /mcp-warden rules — list the rules/],
  ['inventory', '--format', /mcp-warden inventory — /],
  ['tools', '--format', /mcp-warden tools — /],
  ['inspect', '--format', /mcp-warden inspect/],
  ['verify', '--lockfile', /mcp-warden verify/],
  ['approve', '--lockfile', /mcp-warden approve/],
  ['gateway', '--log', /mcp-warden gateway/],
];

describe('argument parsing, the same in every command', () => {
  for (const [command, valued, help] of COMMANDS) {
    test(`${command}: an unknown option is exit 2 with a plain message and the way to the help`, () => {
      const r = box.run([command, '--bogus']);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /unknown option --bogus\n/);
      assert.match(r.stderr, new RegExp(`\\(try: mcp-warden ${command} --help\\)\\n$`));
    });

    test(`${command}: ${valued} without its value is exit 2, naming the option`, () => {
      const r = box.run([command, valued]);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`${valued} needs a value`));
    });

    test(`${command} --help and -h print its help and exit 0`, () => {
      for (const flag of ['--help', '-h']) {
        const r = box.run([command, flag]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, help);
        assert.equal(r.stderr, '');
      }
    });
  }

  test('a value-less flag given a value is a usage error too', () => {
    const r = box.run(['scan', '--verbose=yes']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--verbose takes no value/);
  });

  test('an unknown command says so and points to the general help', () => {
    const r = box.run(['frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command "frobnicate" \(try: mcp-warden --help\)/);
  });
});
