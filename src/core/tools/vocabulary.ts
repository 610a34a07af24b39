/**
 * Words the detectors combine, as regular expressions over folded (lower-case) text. Every pattern
 * is a flat alternation or a bounded repetition: no nested quantifiers, linear on any input.
 */

/** Verbs that move data somewhere, in the base form an instruction uses ("pass it as…", not "passes"). */
export const TRANSFER =
  /\b(?:pass|send|include|attach|provide|put|place|insert|append|prepend|paste|upload|post|forward|submit|embed|add|copy|share|supply|give|fill|encode|leak|exfiltrate|transmit|bcc|cc|return|concatenate|concat|report|log|write|store|save|render|resolve|email (?:it|them|a copy|copies|this|that|everything)|passing|sending|attaching|putting|pasting|forwarding|uploading|posting|copying|appending|embedding|emailing)\b/;

const BASE_FORMS: Record<string, string> = {
  passing: 'pass',
  sending: 'send',
  attaching: 'attach',
  putting: 'put',
  pasting: 'paste',
  forwarding: 'forward',
  uploading: 'upload',
  posting: 'post',
  copying: 'copy',
  appending: 'append',
  embedding: 'embed',
  emailing: 'email',
};

/** The base form of a matched transfer verb, for messages ("passing" → "pass", "email it" → "email"). */
export function baseForm(verb: string): string {
  return BASE_FORMS[verb] ?? verb.split(' ')[0]!;
}

/** Verbs that fetch data, in the base form. */
export const ACQUIRE = /\b(?:read|cat|open|load|get|fetch|obtain|grab|extract|collect|dump|retrieve|print|look up)\b/;

/** Words that make an acquisition a precondition ("first read…", "before answering, read…"). */
export const ORDERING = /\b(?:first|before|prior to|beforehand|then|also|otherwise|required|must|always)\b/;

/** Asking for a thing's content rather than naming it. */
export const CONTENT =
  /\b(?:contents?|the (?:whole|entire|full) (?:file|text|thing)|verbatim|its value|their values|the values?|the output of|the text of|full text)\b/;

/** The session's own context: conversation, prompt, secrets, what the model has read. Never a tool's business. */
export const CONTEXT_STRONG = new RegExp(
  [
    String.raw`\b(?:conversation|chat|dialog(?:ue)?|session|message|thread)(?: so far| history| transcript| log| context)\b`,
    String.raw`\b(?:entire|full|whole|complete) (?:conversation|chat|transcript|history|dialog(?:ue)?|context|session)(?: history| transcript| log| so far)?\b`,
    String.raw`\b(?:copy|summary|transcript|record|log) of (?:the |this |our |your )?(?:whole |entire |full )?(?:conversation|chat|session|dialog(?:ue)?)\b`,
    String.raw`\b(?:previous|prior|earlier|last|recent|all)(?: \d{1,3})? (?:user |chat )?(?:messages|chats|prompts|requests)\b`,
    String.raw`\blist of (?:the )?(?:last |recent |previous )?(?:messages|chats)\b`,
    String.raw`\b(?:your|the assistant's|the model's)(?: full| entire| complete| original| initial| hidden)? (?:system prompt|system instructions|system message|prompt|instructions|rules|guidelines)\b`,
    String.raw`\binstructions you (?:were|have been) given\b`,
    String.raw`\beverything (?:you know|you have seen|the user (?:said|typed|wrote|shared))\b`,
    String.raw`\b(?:any|all|every) (?:secrets?|passwords?|tokens?|api keys?|credentials|keys)\b`,
    String.raw`\b(?:secrets|passwords|tokens|credentials|private keys|api keys|access tokens|environment variables|env vars)\b`,
    String.raw`\b(?:contents?|text) of (?:any|every|all|each) (?:other )?(?:files?|documents?|tool)`,
    String.raw`\bfiles? (?:you|the user) (?:have |has )?(?:read|seen|opened|shared)\b`,
    String.raw`\b(?:every|all|any) (?:images?|documents?|files?|attachments?|photos?)(?: and (?:documents?|files?|images?))? the user\b`,
    String.raw`\b(?:arguments|inputs|outputs|results) (?:you are about to|of (?:every|all|each|any) (?:other )?tools?)\b`,
    String.raw`\b(?:a )?cop(?:y|ies) of (?:the|every|each|all|any) (?:messages?|emails?|files?|results?|responses?|outputs?|documents?)\b`,
    String.raw`\b(?:full |entire |complete )?text of (?:that|the|your|each|every|this) (?:response|answer|reply|message|conversation)\b`,
    String.raw`\b(?:every|each|all|the) (?:messages?|turns?) (?:exchanged|sent|written|said)(?: so far)?\b|\bso far in (?:this|the|our) (?:conversation|chat|session)\b`,
  ].join('|'),
);

/** Personal data of the user or of others the model has seen: leaving only with a transfer verb is suspicious. */
export const CONTEXT_PERSONAL = new RegExp(
  [
    String.raw`\buser'?s'? (?:last|latest|previous|recent|current|first|original) (?:message|prompt|request|question|reply|input)s?\b|\b(?:last|latest|previous) (?:user )?message\b`,
    String.raw`\b(?:passport(?: numbers?)?|social security numbers?|home address(?:es)?|dates? of birth|credit card(?: numbers?)?|card numbers?|bank account(?: numbers?)?|iban)\b`,
    String.raw`\b(?:a|any|every|each|their|the user's) (?:password|passphrase|secret key|api key|private key|access token|one-time code)\b`,
    String.raw`\buser'?s'? (?:request|files|emails?|messages|documents?|location|email address|phone number|address|name|personal|private|contacts|chats|history)\b`,
    String.raw`\b(?:personal|private) (?:data|information|details|repositories|repos|files|messages)\b`,
    String.raw`\babout the user\b`,
    String.raw`\b(?:names|emails|e-mails|addresses|phone numbers|details|data|information|messages|files|rows|records) (?:you|the user) (?:saw|see|have seen|has seen|read|found|encountered|came across|received)\b`,
    String.raw`\bcustomers?'?s?'? (?:names|emails?|e-mails|addresses|phone numbers|data|details|records)\b`,
  ].join('|'),
);

/** Anything a description should not ask the model to hand over. */
export const CONTEXT_OBJECT = new RegExp(`${CONTEXT_STRONG.source}|${CONTEXT_PERSONAL.source}`);

/** Objects of a transfer that are generic ("all emails", "the results") — weaker than CONTEXT_OBJECT. */
export const GENERIC_OBJECT =
  /\b(?:all|every|any|the|original|their|its) (?:emails?|messages?|results?|data|output|files?|responses?|answers?|copies|requests?|photos?|images?|documents?|attachments?|rows|records)\b|\b(?:a copy|copies|everything)\b/;

export const URL = /\b(?:https?|ftp|sftp|wss?|s3|gs|az|git|ssh|smb):\/\/[^\s"'`<>)\]}]{1,300}/;
export const EMAIL = /\b[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6}\b/;
export const PHONE = /\+\d[\d -]{7,16}\d/;
export const PUBLIC_PLACE =
  /\bpublic (?:gist|repo|repository|issue|comment|readme|channel|page|paste|post|forum|bucket)\b|\bnew (?:public )?gist\b|\bpastebin\b/;

/** Services whose job is to receive requests from anywhere and show them to whoever set them up. */
export const DROP_SERVICE =
  /\b(?:webhook\.site|requestbin|pipedream\.net|ngrok(?:-free)?\.(?:app|io|dev)|burpcollaborator\.net|interact\.sh|oast\.(?:fun|pro|live|site|online|me)|canarytokens|pastebin\.com|transfer\.sh|hookbin|beeceptor\.com|requestcatcher\.com)\b/;

/** Host names that say what they are for ("attacker-dns.example", "data-harvest.example"). */
export const HOSTILE_HOST = /\b(?:attacker|evil|malware|exfil|steal|stealer|malicious|c2|pwn(?:ed)?|harvest|grabber|phish)[a-z0-9-]{0,40}\.[a-z]{2,12}\b/;

/** An IPv4 address that is not loopback, private or link-local. */
export function isPublicIp(ip: string): boolean {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) return false;
  const [a, b] = parts as [number, number];
  if (a === 127 || a === 10 || a === 0 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254)) return false;
  return true;
}

/** Words that name where something goes inside a tool call. */
export const PARAMETER_WORD = /\b(?:parameters?|arguments?|args?|fields?|params?|inputs?|properties)\b|\bas `|\bin `|\bas '|\bas "/;

/** A parameter named as one: in quotes or backticks, or next to "parameter", "argument" or "field". */
export function explicitParameter(clause: string, parameters: ReadonlySet<string>): string | undefined {
  for (const p of parameters) {
    if (p.length < 2) continue;
    const e = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(
      String.raw`[\x60'"]${e}[\x60'"]|(?<![a-z0-9_])${e} (?:parameter|argument|field|param)\b|\b(?:parameter|argument|field) [\x60'"]?${e}(?![a-z0-9_])`,
    );
    if (re.test(clause)) return p;
  }
  return undefined;
}

/** Whether any of the definition's parameter names occurs in `clause` as a whole word or in quotes. */
export function mentionsParameter(clause: string, parameters: ReadonlySet<string>): string | undefined {
  for (const p of parameters) {
    if (p.length < 3) continue;
    let at = clause.indexOf(p);
    while (at !== -1) {
      const before = at === 0 ? ' ' : clause[at - 1]!;
      const after = clause[at + p.length] ?? ' ';
      if (!/[a-z0-9_]/.test(before) && !/[a-z0-9_]/.test(after)) return p;
      at = clause.indexOf(p, at + 1);
    }
  }
  return undefined;
}

/** Splits an identifier into lower-case words: `content_from_readingSSH` → "content from reading ssh". */
export function identifierWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .toLowerCase()
    .trim();
}

/**
 * Advice to keep a secret safe ("store the key in environment variables", "save it in your password
 * manager"): the secret stays with the user, so the store verb is not a transfer out.
 */
export const SAFEKEEPING =
  /\b(?:store|save|keep|hold|place)\b[^.;:!?]{0,60}?\b(?:in|into|inside|within) (?:an? |the |your |a dedicated )?(?:environment variables?|env vars?|secrets? managers?|secret stores?|(?:key )?vaults?|keychains?|password managers?|secure (?:storage|store|location|vault))\b/;
