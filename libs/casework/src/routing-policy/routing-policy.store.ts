import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PolicySettings, RoutingPolicy, RoutingRule } from '../domain/routing-policy';

export interface StoredPolicy extends RoutingPolicy {
  createdBy: string;
  createdAt: Date;
}

interface PolicyRow {
  version: number;
  rules: RoutingRule[];
  window_hours: number;
  duplicate_radius_meters: number;
  cluster_threshold: number;
  created_by: string;
  created_at: Date;
}

const COLUMNS = 'version, rules, window_hours, duplicate_radius_meters, cluster_threshold, created_by, created_at';

function toPolicy(row: PolicyRow): StoredPolicy {
  return {
    version: row.version,
    rules: row.rules,
    windowHours: row.window_hours,
    duplicateRadiusMeters: row.duplicate_radius_meters,
    clusterThreshold: row.cluster_threshold,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/**
 * The routing policy's versions. Read inside the caller's transaction, so a filing decides on the
 * version that was latest when it ran; a version is never changed once saved.
 */
@Injectable()
export class RoutingPolicyStore {
  async latest(manager: EntityManager): Promise<StoredPolicy> {
    const [row] = (await manager.query(`SELECT ${COLUMNS} FROM routing_policies ORDER BY version DESC LIMIT 1`)) as PolicyRow[];
    // The migration seeds version 1 and nothing deletes versions.
    if (!row) throw new Error('routing_policies is empty: migrations have not run');
    return toPolicy(row);
  }

  /** Saves the next version; the caller holds the policy lock (see lockForChange). */
  async append(manager: EntityManager, rules: readonly RoutingRule[], settings: PolicySettings, createdBy: string): Promise<StoredPolicy> {
    const [row] = (await manager.query(
      `INSERT INTO routing_policies (version, rules, window_hours, duplicate_radius_meters, cluster_threshold, created_by)
       SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5 FROM routing_policies
       RETURNING ${COLUMNS}`,
      [JSON.stringify(rules), settings.windowHours, settings.duplicateRadiusMeters, settings.clusterThreshold, createdBy],
    )) as PolicyRow[];
    return toPolicy(row);
  }

  /** Two admins saving at once get consecutive versions, each based on the one before. */
  async lockForChange(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['routing-policy']);
  }
}
