/*
 * The learned action choice: each attempt keeps its alert's name, so
 * verified outcomes can be counted per alert, workload kind and action even
 * after the alert itself is pruned, and the choice it was made by (JSON).
 * Existing attempts get the name from their alert row, or else from the
 * alert they recorded.
 */

const CHUNK = 200;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('healing_attempts', table => {
    table
      .string('alert_name', 255)
      .nullable()
      .comment('Name of the alert the attempt is about');
    table.text('action_choice').nullable().comment('JSON: HealingActionChoice');
    table.index(
      ['alert_name', 'target_kind', 'action', 'status'],
      'healing_attempts_outcomes_idx',
    );
  });
  await knex('healing_attempts')
    .whereNotNull('alert_id')
    .update({
      alert_name: knex('healing_alerts')
        .select('alertname')
        .where('healing_alerts.id', knex.ref('healing_attempts.alert_id')),
    });
  for (;;) {
    const rows = await knex('healing_attempts')
      .whereNull('alert_name')
      .whereNotNull('alert')
      .where('kind', 'remediation')
      .whereNot('alert', '')
      .select('id', 'alert')
      .limit(CHUNK);
    let named = 0;
    for (const row of rows) {
      let name;
      try {
        name = JSON.parse(row.alert).name;
      } catch {
        name = undefined;
      }
      // An unreadable alert gets '' so the loop does not see it again.
      const value =
        typeof name === 'string' && name !== '' ? name.slice(0, 255) : '';
      await knex('healing_attempts')
        .where('id', row.id)
        .update({ alert_name: value });
      named++;
    }
    if (named < CHUNK) break;
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('healing_attempts', table => {
    table.dropIndex(
      ['alert_name', 'target_kind', 'action', 'status'],
      'healing_attempts_outcomes_idx',
    );
  });
  await knex.schema.alterTable('healing_attempts', table => {
    table.dropColumn('action_choice');
    table.dropColumn('alert_name');
  });
};
