/**
 * A small internet in network namespaces, built with `ip`, `iptables` and `nft`:
 *
 *        pub (11.0.0.1: the relay, a bridge joining the routers' WAN sides)
 *        /                                   \
 *   rp  11.0.0.2  MASQUERADE            rw  11.0.0.3  MASQUERADE + miniupnpd (UPnP/NAT-PMP)
 *        |  192.168.2.1                      |  192.168.1.1
 *   hp  192.168.2.10 (poster)           hw  192.168.1.10 (worker)
 *
 * Both routers drop unsolicited inbound packets (conntrack), as home routers do; rw forwards
 * what miniupnpd maps. The "public" side uses 11.0.0.0/24, which libp2p counts as a public range
 * (it refuses to map a port behind a router whose WAN address is private, i.e. a double NAT);
 * nothing leaves the namespaces.
 *
 * Namespace and link names carry a per-run tag so two runs never collide; `teardown` removes
 * everything and is safe to call twice, or after a half-finished setup.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NatNet {
  tag: string;
  ns: { pub: string; rp: string; rw: string; hp: string; hw: string };
  ip: { relay: string; rpWan: string; rwWan: string; poster: string; worker: string };
  /** The TCP port the relay listens on (its byte counters in pub count this port). */
  relayPort: number;
  upnp: boolean;
  /** Runs a command inside a namespace and returns its stdout. */
  exec(ns: string, cmd: string[]): string;
  /** Bytes in and out of the relay's port since setup (iptables counters in pub). */
  relayBytes(): { in: number; out: number };
  teardown(): void;
}

const run = (cmd: string[]): string => execFileSync(cmd[0] as string, cmd.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Why namespaces cannot be built here, or undefined when they can. */
export function netnsUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'not root: building network namespaces needs root';
  const probe = `cairnprobe${process.pid}`;
  try {
    run(['ip', 'netns', 'add', probe]);
  } catch (err) {
    return `the kernel refuses network namespaces here (ip netns add: ${String((err as { stderr?: string }).stderr ?? err).trim()})`;
  }
  try {
    run(['ip', 'netns', 'del', probe]);
  } catch {
    // nothing to clean
  }
  for (const tool of ['iptables', 'nft', 'miniupnpd'])
    try {
      run(['sh', '-c', `command -v ${tool}`]);
    } catch {
      return `${tool} is missing (scripts/test.sh installs it with apt-get when run as root)`;
    }
  return undefined;
}

export function buildNatNet(opts: { upnp: boolean; relayPort?: number }): NatNet {
  const tag = `c${(process.pid % 100000).toString(36)}${Math.floor(Math.random() * 36 ** 2).toString(36)}`;
  const ns = { pub: `${tag}-pub`, rp: `${tag}-rp`, rw: `${tag}-rw`, hp: `${tag}-hp`, hw: `${tag}-hw` };
  const ip = { relay: '11.0.0.1', rpWan: '11.0.0.2', rwWan: '11.0.0.3', poster: '192.168.2.10', worker: '192.168.1.10' };
  const relayPort = opts.relayPort ?? 4001;
  const dir = mkdtempSync(join(tmpdir(), 'cairn-natnet-'));
  const children: ChildProcess[] = [];
  const exec = (n: string, cmd: string[]): string => run(['ip', 'netns', 'exec', n, ...cmd]);
  const sh = (n: string, script: string): string => exec(n, ['sh', '-ec', script]);

  const teardown = (): void => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const n of Object.values(ns))
      try {
        run(['ip', 'netns', 'del', n]);
      } catch {
        // already gone, or never made
      }
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (const n of Object.values(ns)) run(['ip', 'netns', 'add', n]);
    for (const n of Object.values(ns)) exec(n, ['ip', 'link', 'set', 'lo', 'up']);
    // veth pairs: each created in pub/router and its peer moved across.
    const veth = (a: string, aNs: string, b: string, bNs: string): void => {
      exec(aNs, ['ip', 'link', 'add', a, 'type', 'veth', 'peer', 'name', b]);
      exec(aNs, ['ip', 'link', 'set', b, 'netns', bNs]);
    };
    sh(ns.pub, `ip link add br0 type bridge; ip addr add ${ip.relay}/24 dev br0; ip link set br0 up`);
    veth('to-rp', ns.pub, 'wan', ns.rp);
    veth('to-rw', ns.pub, 'wan', ns.rw);
    sh(ns.pub, 'for i in to-rp to-rw; do ip link set $i master br0; ip link set $i up; done');
    veth('lan', ns.rp, 'eth0', ns.hp);
    veth('lan', ns.rw, 'eth0', ns.hw);
    const router = (n: string, wan: string, lan: string): void => {
      sh(
        n,
        [
          `ip addr add ${wan}/24 dev wan; ip link set wan up`,
          `ip addr add ${lan}/24 dev lan; ip link set lan up`,
          'sysctl -qw net.ipv4.ip_forward=1',
          'iptables -t nat -A POSTROUTING -o wan -j MASQUERADE',
          // A home router: replies and mapped ports in, nothing unsolicited.
          'iptables -A FORWARD -i wan -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT',
          'iptables -A FORWARD -i wan -m conntrack --ctstate DNAT -j ACCEPT',
          'iptables -A FORWARD -i wan -j DROP',
        ].join('\n'),
      );
    };
    router(ns.rp, ip.rpWan, '192.168.2.1');
    router(ns.rw, ip.rwWan, '192.168.1.1');
    const host = (n: string, addr: string, gw: string): void => {
      sh(n, `ip addr add ${addr}/24 dev eth0; ip link set eth0 up; ip route add default via ${gw}`);
    };
    host(ns.hp, ip.poster, '192.168.2.1');
    host(ns.hw, ip.worker, '192.168.1.1');
    // Byte counters on the relay's port (only packets to or from the relay's own address pass
    // INPUT/OUTPUT; router-to-router traffic is bridged and never does).
    sh(
      ns.pub,
      `iptables -A INPUT -p tcp --dport ${relayPort}; iptables -A OUTPUT -p tcp --sport ${relayPort}`,
    );
    if (opts.upnp) children.push(startMiniupnpd(ns.rw, dir, exec));
  } catch (err) {
    teardown();
    throw err;
  }

  const relayBytes = (): { in: number; out: number } => {
    const count = (chain: string): number => {
      const out = exec(ns.pub, ['iptables', '-L', chain, '-v', '-x', '-n']);
      const row = out.split('\n').find((l) => l.includes(`pt:${relayPort}`));
      return row ? Number(row.trim().split(/\s+/)[1]) : 0;
    };
    return { in: count('INPUT'), out: count('OUTPUT') };
  };

  return { tag, ns, ip, relayPort, upnp: opts.upnp, exec, relayBytes, teardown };
}

/**
 * miniupnpd in the router namespace, in its own nft table (miniupnpd-nftables writes its
 * forwards and DNATs into chains it is told the names of; the base chains hooking them in are
 * made here, as Debian's nft_init.sh would).
 */
function startMiniupnpd(ns: string, dir: string, exec: (n: string, cmd: string[]) => string): ChildProcess {
  const nft = join(dir, 'upnp.nft');
  writeFileSync(
    nft,
    `table inet upnp {
  chain forward { type filter hook forward priority -10; policy accept; jump miniupnpd; }
  chain miniupnpd { }
  chain prerouting { type nat hook prerouting priority -110; policy accept; jump prerouting_miniupnpd; }
  chain postrouting { type nat hook postrouting priority 90; policy accept; jump postrouting_miniupnpd; }
  chain prerouting_miniupnpd { }
  chain postrouting_miniupnpd { }
}
`,
  );
  exec(ns, ['nft', '-f', nft]);
  const conf = join(dir, 'miniupnpd.conf');
  writeFileSync(
    conf,
    [
      'ext_ifname=wan',
      'listening_ip=lan',
      'http_port=5000',
      'enable_natpmp=yes',
      'enable_upnp=yes',
      'secure_mode=yes',
      'system_uptime=yes',
      'notify_interval=60',
      'uuid=3d3cec3a-8cf0-11e0-98ee-001a6bd2d07b',
      'upnp_table_name=upnp',
      'upnp_nat_table_name=upnp',
      'upnp_forward_chain=miniupnpd',
      'upnp_nat_chain=prerouting_miniupnpd',
      'upnp_nat_postrouting_chain=postrouting_miniupnpd',
      'allow 1024-65535 192.168.1.0/24 1024-65535',
      'deny 0-65535 0.0.0.0/0 0-65535',
      '',
    ].join('\n'),
  );
  const child = spawn('ip', ['netns', 'exec', ns, 'miniupnpd', '-d', '-f', conf, '-P', join(dir, 'miniupnpd.pid')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', () => undefined);
  return child;
}
