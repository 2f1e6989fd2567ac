export * from './prometheusDuration';
export * from './sloAnnotation';
