import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../accounts/passwords.js';
import { loadConfig } from '../config/config.js';
import { openStore } from '../storage/open.js';
import { command } from './users.js';

const dir = mkdtempSync(join(tmpdir(), 'lede-users-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = loadConfig({ LEDE_DATA_DIR: dir });

async function lede(argv: string[], input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  const code = await command.run({ config, argv, stdout, stderr, stdin: Readable.from([input]) });
  return { code, out, err };
}

describe('lede users', () => {
  it('creates an admin with a password from stdin, lists, changes roles, refuses duplicates, deletes', async () => {
    // a second account first, so that --admin (not "first account") makes the admin
    expect((await lede(['create', 'first@example.org'])).out).toMatch(
      /created first@example.org \(admin\)\npassword: \S{20}/,
    );
    const made = await lede(
      ['create', '--admin', '--password-stdin', '--name', 'Boss', 'boss@example.org'],
      'a long admin password\n',
    );
    expect(made).toMatchObject({ code: 0, out: 'created boss@example.org (admin)\n' });
    expect((await lede(['create', 'reader@example.org'])).out).toMatch(/\(reader\)/);
    expect((await lede(['create', 'BOSS@example.org'])).code).toBe(1);
    expect((await lede(['role', 'reader@example.org', 'moderator'])).code).toBe(0);
    expect((await lede(['list'])).out).toMatch(/reader@example.org {2}moderator/);
    const store = await openStore(config);
    try {
      const boss = await store.users.getByEmail('boss@example.org');
      expect(boss).toMatchObject({ name: 'Boss', role: 'admin' });
      expect(await verifyPassword((await store.users.passwordHash(boss!.id))!, 'a long admin password')).toBe(
        true,
      );
    } finally {
      await store.close();
    }
    expect((await lede(['delete', 'reader@example.org'])).out).toMatch(/deleted/);
    await expect(lede(['role', 'x@example.org', 'boss'])).rejects.toThrow(/role must be one of/);
  });
});
