import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';

describe('ecosphere CLI usage', { timeout: 60_000 }, () => {
  it('--help lists the commands and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed']) expect(r.stdout).toContain(cmd);
  });

  it('no command prints the help and exits 2', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Usage: ecosphere <command>');
  });

  it.each(['serve', 'migrate', 'seed'])('%s --help explains the command and exits 0', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: ecosphere ${cmd}`);
    expect(r.stderr).toBe('');
  });

  it.each([
    [['bogus'], /unknown command "bogus"/],
    [['seed'], /pass --demo/],
    [['migrate', '--nope'], /Unknown option '--nope'/],
    [['migrate', 'extra'], /unexpected argument "extra"/],
  ])('%j is a usage error on stderr with exit code 2', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses to serve in production without a session secret, naming it, exit 1', async () => {
    const r = await runCli(['serve'], { NODE_ENV: 'production', PORT: '0' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SESSION_SECRET');
    expect(r.stdout).not.toContain('listening');
  });
});
