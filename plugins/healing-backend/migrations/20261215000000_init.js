/*
 * The healing store: alerts as Alertmanager sent them (deduplicated), the
 * attempts made on them and on the platform's own healing, and the engine
 * settings that the UI changes (the kill switch).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('healing_alerts', table => {
    table.comment('Alerts received on POST /api/healing/alerts');
    table.bigIncrements('id').primary();
    table.string('fingerprint', 255).notNullable();
    table.timestamp('starts_at', { useTz: true }).notNullable();
    // Alertmanager repeats and retries: one row per alert occurrence.
    table.unique(['fingerprint', 'starts_at'], {
      indexName: 'healing_alerts_key_idx',
    });
    table.string('alertname', 255).notNullable();
    table.string('status', 16).notNullable().comment('firing or resolved');
    table.timestamp('ends_at', { useTz: true }).nullable();
    table.timestamp('received_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.text('payload').notNullable().comment('JSON: the alert as sent');
    table.string('claimed_by', 255).nullable();
    table.timestamp('claimed_at', { useTz: true }).nullable();
    table.timestamp('processed_at', { useTz: true }).nullable();
    table.index(['processed_at', 'id'], 'healing_alerts_pending_idx');
    table.index(['received_at'], 'healing_alerts_received_idx');
  });

  await knex.schema.createTable('healing_attempts', table => {
    table.comment('Remediation attempts on alerts and platform self-healing');
    table.string('id', 255).primary();
    table.string('kind', 16).notNullable().comment('remediation or platform');
    // At most one attempt per alert, whatever instance processed it.
    table
      .bigInteger('alert_id')
      .nullable()
      .unique({ indexName: 'healing_attempts_alert_idx' });
    table.string('cluster', 255).notNullable();
    table.string('namespace', 255).nullable();
    table.string('target_kind', 255).notNullable();
    table.string('target_name', 255).notNullable();
    table.string('entity_ref', 512).nullable();
    table.string('action', 32).nullable();
    table.string('mode', 16).notNullable();
    table.string('status', 32).notNullable();
    table.string('policy', 255).nullable();
    table.float('confidence').nullable();
    table.text('reason').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('applied_at', { useTz: true }).nullable();
    table.timestamp('resolved_at', { useTz: true }).nullable();
    table.integer('mttr_seconds').nullable();
    table.integer('verify_window_seconds').nullable();
    table.text('alert').nullable().comment('JSON: HealingAlert');
    table.text('steps').notNullable().comment('JSON: HealingStep[]');
    table.text('root_cause').nullable().comment('JSON: RootCauseRank[]');
    table.text('change').nullable().comment('JSON: HealingChange');
    table
      .text('health')
      .nullable()
      .comment('JSON: health samples of verification');
    table.string('pod', 255).nullable();
    table.string('decided_by', 512).nullable();
    table.string('claimed_by', 255).nullable();
    table.timestamp('claimed_at', { useTz: true }).nullable();
    table.index(['created_at'], 'healing_attempts_created_idx');
    table.index(
      ['cluster', 'namespace', 'created_at'],
      'healing_attempts_scope_idx',
    );
    table.index(['entity_ref', 'created_at'], 'healing_attempts_entity_idx');
    table.index(['status', 'updated_at'], 'healing_attempts_status_idx');
  });

  await knex.schema.createTable('healing_settings', table => {
    table.comment('Engine settings changed at run time, e.g. the kill switch');
    table.string('key', 64).primary();
    table.text('value').notNullable().comment('JSON');
    table.string('updated_by', 512).nullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('healing_settings');
  await knex.schema.dropTable('healing_attempts');
  await knex.schema.dropTable('healing_alerts');
};
