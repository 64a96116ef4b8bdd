import { BlockList, isIP } from 'node:net';

/** One entry of `CASEWORK_HTTP_ALLOW`: a host name, an address or a CIDR range, with or without a port. */
type AllowEntry =
  { kind: 'host'; host: string; port: number | null } | { kind: 'net'; net: BlockList; port: number | null };

/**
 * What `http.request` may reach although the address guard refuses it (http/address-guard.ts). A host-name entry
 * allows whatever that name resolves to; an address or range allows those addresses under any name.
 */
export interface HttpAllowlist {
  readonly size: number;
  /** As written in `CASEWORK_HTTP_ALLOW` (what a process started with the same configuration is given). */
  toString(): string;
  allows(target: { host: string; address: string; port: number }): boolean;
}

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

function parseEntry(text: string): AllowEntry | string {
  let rest = text;
  let port: number | null = null;
  // `[v6]:port`, `[v6/prefix]:port`, `host:port`, `v4:port`, `v4/prefix:port`; a bare IPv6 address has no port.
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  if (bracketed) {
    rest = bracketed[1] ?? '';
    port = bracketed[2] === undefined ? null : Number(bracketed[2]);
  } else if ((rest.match(/:/g) ?? []).length === 1) {
    const [host = '', digits = ''] = rest.split(':');
    if (!/^\d+$/.test(digits)) return `"${text}": the port must be a number`;
    rest = host;
    port = Number(digits);
  }
  if (port !== null && (port < 1 || port > 65_535)) return `"${text}": the port must be 1–65535`;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const address = rest.slice(0, slash);
    const prefix = Number(rest.slice(slash + 1));
    const version = isIP(address);
    const max = version === 6 ? 128 : 32;
    if (version === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > max || rest.slice(slash + 1) === '') {
      return `"${text}" is not a CIDR range`;
    }
    const net = new BlockList();
    net.addSubnet(address, prefix, family(address));
    return { kind: 'net', net, port };
  }
  if (isIP(rest)) {
    const net = new BlockList();
    net.addAddress(rest, family(rest));
    return { kind: 'net', net, port };
  }
  if (/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(rest)) {
    return { kind: 'host', host: rest.toLowerCase(), port };
  }
  return `"${text}" is not a host name, an IP address or a CIDR range`;
}

/** Parses `CASEWORK_HTTP_ALLOW`: comma-separated entries such as `127.0.0.1`, `localhost:8080`, `10.0.0.0/8`, `[::1]`. */
export function parseHttpAllowlist(
  text: string,
): { ok: true; allowlist: HttpAllowlist } | { ok: false; message: string } {
  const entries: AllowEntry[] = [];
  for (const part of text.split(',')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const entry = parseEntry(trimmed);
    if (typeof entry === 'string') return { ok: false, message: entry };
    entries.push(entry);
  }
  const allowlist: HttpAllowlist = {
    size: entries.length,
    toString: () => text,
    allows: ({ host, address, port }) =>
      entries.some(
        (entry) =>
          (entry.port === null || entry.port === port) &&
          (entry.kind === 'host'
            ? entry.host === host.toLowerCase()
            : isIP(address) !== 0 && entry.net.check(address, family(address))),
      ),
  };
  return { ok: true, allowlist };
}

export const emptyAllowlist: HttpAllowlist = { size: 0, toString: () => '', allows: () => false };
