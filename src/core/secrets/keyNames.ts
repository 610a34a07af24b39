/** Splits `GITHUB_PERSONAL_ACCESS_TOKEN`, `apiKey`, `x-api-key`, `--auth-token` into lowercase words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const SECRET_WORDS = new Set([
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'apikey',
  'credential',
  'credentials',
  'creds',
  'auth',
  'authorization',
  'bearer',
  'cookie',
  'pat',
  'signature',
  'sig',
  'privatekey',
  'accesskey',
  'secretkey',
  'clientsecret',
  'apitoken',
  'authtoken',
  'accesstoken',
  'refreshtoken',
  'sessiontoken',
  'jwt',
]);

/** Word stems that make any word secret-like (`PGPASSWORD`, `GHTOKEN`, `XAPIKEY`). */
const SECRET_STEMS = /password|passwd|secret|token|apikey|credential/;

/** A last word that names something about the secret rather than the secret itself. */
const NON_SECRET_LAST = new Set([
  'url',
  'uri',
  'urls',
  'endpoint',
  'host',
  'hostname',
  'domain',
  'port',
  'path',
  'paths',
  'file',
  'filename',
  'dir',
  'directory',
  'folder',
  'type',
  'mode',
  'method',
  'name',
  'names',
  'id',
  'ids',
  'region',
  'zone',
  'version',
  'limit',
  'limits',
  'count',
  'max',
  'min',
  'size',
  'length',
  'timeout',
  'ttl',
  'expiry',
  'expires',
  'expiration',
  'enabled',
  'enable',
  'disabled',
  'required',
  'header',
  'env',
  'var',
  'variable',
  'scope',
  'scopes',
  'user',
  'username',
  'login',
  'email',
  'format',
  'prefix',
  'suffix',
  'provider',
  'kind',
  'strategy',
  'location',
  'algorithm',
  'alg',
  'hash',
  'digest',
  'checksum',
  'fingerprint',
  'integrity',
  'store',
  'storage',
  'field',
  'param',
  'policy',
  'duration',
  'interval',
  'lifetime',
  'rotation',
  'encoding',
  'audience',
  'issuer',
  'template',
  'label',
  'description',
  'hint',
  'help',
  'docs',
  'command',
  'cmd',
  'helper',
  'source',
  'manager',
  'vault',
  'arn',
  'sock',
  'socket',
  'realm',
  'scheme',
  'level',
  'base64',
]);

const NON_SECRET_FIRST = new Set(['max', 'min', 'num', 'use', 'enable', 'disable', 'skip', 'show', 'allow', 'require', 'no']);

/** Words that make the whole name about something public or not a credential. */
const NON_SECRET_WORDS = new Set([
  'public',
  'publishable',
  'anon',
  'tokens',
  'tokenizer',
  'tokenizers',
  'author',
  'partition',
  'sort',
  'primary',
  'foreign',
  'cache',
  'idempotency',
  'tracking',
]);

/** Names repeat across entries and values: remember the answers (a small, bounded cache). */
function remembered(compute: (name: string) => boolean): (name: string) => boolean {
  const cache = new Map<string, boolean>();
  return (name) => {
    let answer = cache.get(name);
    if (answer === undefined) {
      if (cache.size > 4096) cache.clear();
      answer = compute(name);
      cache.set(name, answer);
    }
    return answer;
  };
}

/** Does the name (env variable, header, flag, field, query parameter) say its value is a credential? */
export const isSecretKeyName = remembered(secretKeyName);

function secretKeyName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1]!;
  if (NON_SECRET_LAST.has(last) || NON_SECRET_FIRST.has(words[0]!)) return false;
  if (words.some((w) => NON_SECRET_WORDS.has(w))) return false;
  return words.some((w, i) => {
    if (SECRET_WORDS.has(w) || SECRET_STEMS.test(w)) return true;
    return w === 'key' && (i === words.length - 1 || words[i + 1] === 'value');
  });
}

/** Passwords are chosen by people: shorter and less random than generated tokens. */
export const isPasswordName = remembered((name) => nameWords(name).some((w) => /^(password|passwd|pwd|pass|passphrase)$/.test(w) || /password|passwd/.test(w)));

/** Names of HTTP headers that carry credentials whatever their value looks like. */
export function isAuthorizationHeader(name: string): boolean {
  return /^(proxy-)?authorization$/i.test(name.trim());
}
