-- pgbench baseline for `npm run bench`: one one-row INSERT per transaction (pgbench -n runs each
-- script execution as its own autocommit transaction). The bench creates the table first.
INSERT INTO bench_insert (payload) VALUES ('grid governance bench baseline row');
