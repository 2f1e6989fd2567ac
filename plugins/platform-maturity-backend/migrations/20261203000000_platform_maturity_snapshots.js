/*
 * The maturity store: scores of the fleet, every team, system and component,
 * taken by the snapshot task, for the trend on the maturity page; and which
 * earlier stores of those scores have been imported into it.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('maturity_snapshots', table => {
    table.comment('Maturity scores of every scope taken by the snapshot task');
    table.bigIncrements('id').primary();
    table.timestamp('taken_at', { useTz: true }).notNullable();
    table
      .string('scope_type', 16)
      .notNullable()
      .comment('fleet, team, system or entity');
    table
      .string('scope_key', 512)
      .notNullable()
      .comment("'' for the fleet, else an entity reference");
    table.float('score').notNullable().comment('0–100, one decimal');
    table
      .integer('entities')
      .notNullable()
      .comment('components the score is the mean of');
    table
      .integer('dr_ready')
      .notNullable()
      .comment('of those, components ready for failover');
    table.index(
      ['scope_type', 'scope_key', 'taken_at'],
      'maturity_snapshots_scope_idx',
    );
    table.index(['taken_at'], 'maturity_snapshots_taken_at_idx');
  });
  await knex.schema.createTable('maturity_history_imports', table => {
    table.comment(
      'Earlier stores of maturity snapshots copied into maturity_snapshots, once each',
    );
    table
      .string('source', 64)
      .primary()
      .comment('where the snapshots came from, e.g. cluster-topology');
    table.timestamp('imported_at', { useTz: true }).notNullable();
    table
      .integer('snapshots')
      .notNullable()
      .comment('rows copied from that source');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('maturity_history_imports');
  await knex.schema.dropTable('maturity_snapshots');
};
