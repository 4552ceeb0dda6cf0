import type { Migration } from './index';

/**
 * Metrics for the dashboard (issue 8): what the store does not keep over time by itself.
 *
 * - metric_samples: per connection, the queue depth by state and the CRM API usage last seen,
 *   sampled every few minutes while the app runs and around every sync run. Records synced per
 *   day come from sync_runs; these rows give the series the runs cannot (how deep the queue was,
 *   how close the API limit came). Pruned by age with the rest of the history (retention.days).
 *   api_observed_at is when the CRM reported the usage: a sample repeats the last report until
 *   a newer one arrives, so the usage series is read by observation, not by sample.
 */
export const migration007: Migration = {
  version: 7,
  name: 'metrics',
  up(db) {
    db.exec(`
      CREATE TABLE metric_samples (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        trigger TEXT NOT NULL,
        queue_pending INTEGER NOT NULL,
        queue_running INTEGER NOT NULL,
        queue_failed INTEGER NOT NULL,
        queue_dead INTEGER NOT NULL,
        api_used REAL,
        api_max REAL,
        api_period TEXT,
        api_observed_at TEXT
      );
      CREATE INDEX metric_samples_connection_at ON metric_samples(connection_id, at);
      CREATE INDEX metric_samples_at ON metric_samples(at);
    `);
  },
};
