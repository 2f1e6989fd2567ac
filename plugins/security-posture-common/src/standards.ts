import { CheckReferences } from './types';

/**
 * The public standards a check maps to, one label each, in a fixed order:
 * Pod Security Standards level, NSA/CISA Kubernetes Hardening Guide, CIS
 * Kubernetes Benchmark, Kubescape control, MITRE ATT&CK, and the Polaris
 * checks it carries. What findings, the SARIF rules and the pages show.
 *
 * @public
 */
export function standardsOf(references: CheckReferences | undefined): string[] {
  if (!references) return [];
  const { pss, nsa, cis, kubescape, mitre, polaris } = references;
  return [
    pss && `PSS ${pss}`,
    nsa && `NSA/CISA: ${nsa}`,
    cis && `CIS ${cis}`,
    kubescape && `Kubescape ${kubescape}`,
    mitre && `MITRE ATT&CK ${mitre}`,
    ...(polaris ?? []).map(name => `Polaris ${name}`),
  ].filter((label): label is string => Boolean(label));
}
