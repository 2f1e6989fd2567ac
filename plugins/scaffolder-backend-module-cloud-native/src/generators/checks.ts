import { parseDuration } from '@cloud-native-platform/plugin-cloud-native-common';
import { OptionsError } from './OptionsError';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Whether a value is a DNS-1123 label: what Kubernetes accepts as a name. */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_1123_LABEL.test(value);
}

/** Throws an OptionsError naming `field` unless the value is a DNS-1123 label. */
export function checkDnsLabel(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isDnsLabel(value)) {
    throw new OptionsError(
      field,
      `'${String(
        value,
      )}' is not a DNS-1123 label (at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit)`,
    );
  }
  return value;
}

const DNS_1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Throws an OptionsError naming `field` unless the value is a DNS-1123 subdomain. */
export function checkDnsSubdomain(value: unknown, field: string): string {
  if (
    typeof value !== 'string' ||
    value.length > 253 ||
    !DNS_1123_SUBDOMAIN.test(value)
  ) {
    throw new OptionsError(
      field,
      `'${String(
        value,
      )}' is not a DNS-1123 subdomain (at most 253 lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)`,
    );
  }
  return value;
}

/**
 * Checks a Kubernetes object name that also becomes a Service name, which
 * must start with a letter (DNS-1035).
 */
export function checkServiceName(value: unknown, field: string): string {
  checkDnsLabel(value, field);
  if (!/^[a-z]/.test(value as string)) {
    throw new OptionsError(field, `'${value}' must start with a letter`);
  }
  return value as string;
}

/** Checks an integer within bounds. */
export function checkInteger(
  value: number,
  field: string,
  min: number,
  max: number,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OptionsError(
      field,
      `${value} is not an integer between ${min} and ${max}`,
    );
  }
  return value;
}

/** Checks a percentage strictly between 0 and 100, such as an SLO target. */
export function checkPercent(value: number, field: string): number {
  if (!Number.isFinite(value) || value <= 0 || value >= 100) {
    throw new OptionsError(
      field,
      `${value} is not a percentage between 0 and 100 (exclusive), for example 99.9`,
    );
  }
  return value;
}

/** Checks a duration as Istio and Prometheus write it (`5s`, `250ms`, `1m`). */
export function checkDuration(value: string, field: string): string {
  if (!/^\d+(ms|s|m|h)$/.test(value) || !parseDuration(value)) {
    throw new OptionsError(
      field,
      `'${value}' is not a positive duration such as 250ms, 5s, 1m or 1h`,
    );
  }
  return value;
}

/** Seconds in a duration accepted by {@link checkDuration}. */
export function durationSeconds(value: string): number {
  return (parseDuration(value) ?? 0) / 1000;
}
