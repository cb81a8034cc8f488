// `lede users create [--admin|--moderator] [--name NAME] EMAIL | list | role EMAIL ROLE | delete EMAIL`
import { createAccount } from '../accounts/commands.js';
import { randomToken } from '../accounts/tokens.js';
import { ROLES, type Role } from '../domain/types.js';
import { openStore } from '../storage/open.js';
import { parseCommandArgs } from './args.js';
import { type CliContext, type Command, UsageError } from './command.js';

const usage = `Usage: lede users create [--admin|--moderator] [--name NAME] [--password-stdin] EMAIL
       lede users list [--json]
       lede users role EMAIL reader|moderator|admin
       lede users delete EMAIL
  create prints a random password unless --password-stdin reads one from standard input.`;

async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += chunk.toString();
  return text.split(/\r?\n/)[0] ?? '';
}

async function run(ctx: CliContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    ctx.argv,
    {
      admin: { type: 'boolean' },
      moderator: { type: 'boolean' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    usage,
  );
  const [action, email, extra] = positionals;
  if (!action) throw new UsageError(`missing action: ${usage.split('\n')[0].replace('Usage: ', '')}`);
  if (action !== 'list' && !email) throw new UsageError(`lede users ${action} needs an EMAIL`);
  const store = await openStore(ctx.config);
  try {
    switch (action) {
      case 'create': {
        const generated = !values['password-stdin'];
        const password = generated ? randomToken().slice(0, 20) : await readStdin(ctx.stdin);
        const role: Role = values.admin ? 'admin' : values.moderator ? 'moderator' : 'reader';
        const result = await createAccount(store, { email, name: values.name ?? '', password, role });
        if (!result.ok) {
          ctx.stderr.write(`lede users: ${result.message}\n`);
          return 1;
        }
        ctx.stdout.write(`created ${result.value.email} (${result.value.role})\n`);
        if (generated) ctx.stdout.write(`password: ${password}\n(change it after signing in: /reset)\n`);
        return 0;
      }
      case 'list': {
        const users = await store.users.list({ limit: 1000 });
        if (values.json) ctx.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
        else for (const u of users) ctx.stdout.write(`${u.id}  ${u.email}  ${u.role}  ${u.createdAt}\n`);
        return 0;
      }
      case 'role': {
        if (!ROLES.includes(extra as Role)) throw new UsageError(`role must be one of ${ROLES.join(', ')}`);
        const user = await store.users.getByEmail(email);
        if (!user) throw new UsageError(`no account for ${email}`);
        await store.users.update(user.id, { role: extra as Role });
        ctx.stdout.write(`${user.email} is now ${extra}\n`);
        return 0;
      }
      case 'delete': {
        const user = await store.users.getByEmail(email);
        if (!user) throw new UsageError(`no account for ${email}`);
        await store.transaction((tx) => tx.users.remove(user.id));
        ctx.stdout.write(`deleted ${user.email} and their data\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown action "${action}" (usage: ${usage.split('\n')[0]})`);
    }
  } finally {
    await store.close();
  }
}

export const command: Command = {
  name: 'users',
  summary: 'create and manage accounts (admins, moderators)',
  usage,
  run,
};
