/*
 * The security posture store: score snapshots for the trends, and the Falco
 * alerts received from falcosidekick.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('posture_snapshots', table => {
    table.comment('Scores of every scope taken by the snapshot task');
    table.bigIncrements('id').primary();
    table.timestamp('taken_at', { useTz: true }).notNullable();
    table
      .string('scope_type', 16)
      .notNullable()
      .comment('fleet, cluster, namespace, entity or team');
    table
      .string('scope_key', 512)
      .notNullable()
      .comment("'' for the fleet, cluster, cluster/namespace or an entity ref");
    table.integer('score').notNullable();
    table
      .text('counts')
      .notNullable()
      .comment('JSON: counted findings by severity');
    table.index(
      ['scope_type', 'scope_key', 'taken_at'],
      'posture_snapshots_scope_idx',
    );
    table.index(['taken_at'], 'posture_snapshots_taken_at_idx');
  });

  await knex.schema.createTable('falco_alerts', table => {
    table.comment('Falco alerts posted by falcosidekick');
    table.bigIncrements('id').primary();
    // Several NULLs are allowed by a unique index in both PostgreSQL and SQLite.
    table.string('uuid', 255).nullable().unique('falco_alerts_uuid_idx');
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.timestamp('event_time', { useTz: true }).notNullable();
    table.string('cluster', 255).nullable();
    table.string('namespace', 255).nullable();
    table.string('pod', 255).nullable();
    table.string('container', 255).nullable();
    table.string('workload_kind', 255).nullable();
    table.string('workload_name', 255).nullable();
    table.string('rule', 1024).notNullable();
    table.string('priority', 32).notNullable();
    table.text('output').notNullable();
    table.text('payload').notNullable().comment('JSON: the payload as posted');
    table.index(['cluster', 'received_at'], 'falco_alerts_cluster_idx');
    table.index(['received_at'], 'falco_alerts_received_at_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('falco_alerts');
  await knex.schema.dropTable('posture_snapshots');
};
