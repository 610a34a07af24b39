import { readImageRef } from './imageRef';
import { untilOperator, type RunnerParse } from './nodeRunners';
import { scanOptions } from './options';
import { toPackageRef } from './specReading';
import type { Token } from './types';

/** Options of `docker run` / `podman run` / `nerdctl run` that take a value (so the image is found right). */
const RUN_VALUES = new Set([
  '-a', '--attach', '--add-host', '--annotation', '--blkio-weight', '--blkio-weight-device', '--cap-add', '--cap-drop', '--cgroup-parent',
  '--cgroupns', '--cidfile', '--cpu-count', '--cpu-percent', '--cpu-period', '--cpu-quota', '--cpu-rt-period', '--cpu-rt-runtime',
  '-c', '--cpu-shares', '--cpus', '--cpuset-cpus', '--cpuset-mems', '--device', '--device-cgroup-rule', '--device-read-bps',
  '--device-read-iops', '--device-write-bps', '--device-write-iops', '--dns', '--dns-option', '--dns-opt', '--dns-search', '--domainname',
  '-e', '--env', '--env-file', '--entrypoint', '--expose', '--gpus', '--group-add', '--health-cmd', '--health-interval', '--health-retries',
  '--health-start-interval', '--health-start-period', '--health-timeout', '-h', '--hostname', '--ip', '--ip6', '--ipc', '--isolation',
  '--kernel-memory', '-l', '--label', '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt', '--mac-address', '-m',
  '--memory', '--memory-reservation', '--memory-swap', '--memory-swappiness', '--mount', '--name', '--network', '--net', '--network-alias',
  '--net-alias', '--oom-score-adj', '--pid', '--pids-limit', '--platform', '-p', '--publish', '--pull', '--restart', '--runtime',
  '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout', '--storage-opt', '--sysctl', '--tmpfs', '--ulimit', '-u', '--user',
  '--userns', '--uts', '-v', '--volume', '--volume-driver', '--volumes-from', '-w', '--workdir', '--detach-keys',
  // podman
  '--arch', '--os', '--variant', '--authfile', '--cert-dir', '--cgroup-conf', '--cgroups', '--chrootdirs', '--conmon-pidfile', '--creds',
  '--decryption-key', '--env-merge', '--gidmap', '--group-entry', '--health-on-failure', '--hostuser', '--hosts-file', '--image-volume',
  '--init-path', '--passwd-entry', '--personality', '--pod', '--pod-id-file', '--preserve-fd', '--rdt-class', '--requires', '--retry',
  '--retry-delay', '--sdnotify', '--seccomp-policy', '--secret', '--subgidname', '--subuidname', '--timeout', '--tz', '--uidmap',
  '--umask', '--unsetenv', '--pidfile', '--shm-size-systemd', '--systemd', '--log-level',
]);
/** Options before the subcommand (`docker --context x run …`). */
const GLOBAL_VALUES = new Set([
  '--context', '-c', '--config', '-H', '--host', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--connection', '--url',
  '--identity', '--root', '--runroot', '--storage-driver', '--storage-opt', '--cgroup-manager', '--events-backend', '--runtime', '--tmpdir',
  '--module', '--ssh', '--hooks-dir', '--volumepath', '--imagestore', '--network-cmd-path', '--conmon', '--network-config-dir', '--namespace', '-n',
  '--address', '-a', '--snapshotter',
]);

/** `docker|podman|nerdctl [global options] [container] run [options] image [args]`; undefined for other subcommands. */
export function parseContainerRun(words: readonly Token[], start: number): RunnerParse | undefined {
  const global = scanOptions(words, start, GLOBAL_VALUES);
  let i = global.next;
  if (words[i]?.text === 'container') i++;
  if (words[i]?.text !== 'run') return undefined;
  const scan = scanOptions(words, i + 1, RUN_VALUES);
  const out: RunnerParse = { options: scan.options, packages: [], programArgs: [] };
  const rest = untilOperator(words, scan.next);
  const image = rest[0];
  if (image) {
    const reading = readImageRef(image.text);
    if (reading) out.packages.push(toPackageRef(image, 0, reading));
  }
  out.programArgs = rest.slice(1);
  return out;
}
