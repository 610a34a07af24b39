/** The parts of an http(s) URL a rule needs, or undefined when it is not one (or its host is a variable). */
export function parseHttpUrl(text: string): URL | undefined {
  if (!/^https?:\/\//i.test(text) || /\$\{|%[A-Z_]+%/.test(text.split(/[/?#]/)[2] ?? '')) return undefined;
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** Hosts that never leave the machine: localhost, *.localhost, 127.0.0.0/8, ::1, and 0.0.0.0 as a destination. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1' || h === '0.0.0.0';
}

/** Addresses that mean "every interface" when a server binds to them. */
export function isAllInterfaces(host: string): boolean {
  const h = host.trim().replace(/^\[|\]$/g, '');
  return h === '0.0.0.0' || h === '::' || h === '*' || h === '0:0:0:0:0:0:0:0';
}

/** Masks a secret for messages: its first 4 characters and an ellipsis. */
export function mask(secret: string): string {
  return secret.length <= 4 ? '…' : `${secret.slice(0, 4)}…`;
}
