/**
 * Backend of the SLO plugins: `GET /api/slo/objectives` and
 * `GET /api/slo/trend`, with SLOs read from the clusters' Sloth, Pyrra and
 * generated PrometheusRule objects and from the `cloud-native-platform.io/slo`
 * catalog annotation, evaluated against each cluster's Prometheus. Install
 * it with `backend.add(import('@cloud-native-platform/plugin-slo-backend'))`;
 * the answers' types and the `slo.read` permission are in
 * `@cloud-native-platform/plugin-slo-common`.
 *
 * @packageDocumentation
 */

export { sloPlugin as default } from './plugin';
