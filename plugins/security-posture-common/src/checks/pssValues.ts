/*
 * The values the Pod Security Standards allow, as listed in the Kubernetes
 * documentation (v1.31). Kept apart so that a new Kubernetes release means
 * editing lists here, not the checks.
 */

// The capabilities the baseline profile lets a container add: the default
// set of container runtimes, which grants nothing beyond what an unprivileged
// container already has.
export const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

// Sysctls namespaced per pod, so setting them cannot affect the node or
// other pods (the baseline profile's list).
export const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export const SELINUX_TYPES = new Set([
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);

export const APPARMOR_ANNOTATION =
  'container.apparmor.security.beta.kubernetes.io/';

/** Normalises capability names: the API accepts them with or without `CAP_`. */
export function capabilityName(value: unknown): string {
  return String(value).toUpperCase().replace(/^CAP_/, '');
}
