/*
 * Intents: before an action is sent to a cluster, one row is committed per
 * attempt and per (target, policy, cooldown window). A second instance, a
 * retried claim or a run after a crash finds the row and does not send the
 * action again.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('healing_action_intents', table => {
    table.comment('Actions about to be sent to a cluster, one per attempt');
    table.bigIncrements('id').primary();
    table
      .string('attempt_id', 255)
      .notNullable()
      .unique({ indexName: 'healing_action_intents_attempt_idx' });
    table.string('cluster', 255).notNullable();
    // '' rather than NULL: NULLs never collide in a unique index.
    table.string('namespace', 255).notNullable().defaultTo('');
    table.string('target_kind', 255).notNullable();
    table.string('target_name', 255).notNullable();
    table.string('policy', 255).notNullable();
    table.string('action', 32).notNullable();
    table
      .timestamp('window_start', { useTz: true })
      .notNullable()
      .comment("Start of the policy's cooldown window the action falls in");
    table.unique(
      [
        'cluster',
        'namespace',
        'target_kind',
        'target_name',
        'policy',
        'window_start',
      ],
      { indexName: 'healing_action_intents_window_idx' },
    );
    table.string('owner', 255).notNullable().comment('Backend instance');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['created_at'], 'healing_action_intents_created_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('healing_action_intents');
};
