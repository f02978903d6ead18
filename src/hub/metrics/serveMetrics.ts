import { AggregatorRegistry, type Registry } from 'prom-client';
import type { MetricsConfig } from '../config.js';
import { startMetricsServer, type MetricsServer } from './startMetricsServer.js';

/**
 * Makes `registry` scrapeable as configured: served on its own listener, or, in a `HUB_WORKERS` worker,
 * handed to the cluster's primary, which serves every worker's metrics summed (`serveClusterMetrics`);
 * resolves null then.
 */
export async function serveMetrics(registry: Registry, config: MetricsConfig): Promise<MetricsServer | null> {
  if (config.viaClusterPrimary) {
    AggregatorRegistry.setRegistries([registry]);
    // Constructing one makes this worker answer the primary's requests for its metrics.
    new AggregatorRegistry();
    return null;
  }
  return startMetricsServer({ contentType: registry.contentType, render: () => registry.metrics() }, config.host, config.port);
}

/**
 * In the primary of a `HUB_WORKERS` cluster: serves the metrics of every worker, summed per series
 * (gauges such as the pool's too; the ledger head is the highest), on the configured listener.
 */
export function serveClusterMetrics(config: MetricsConfig): Promise<MetricsServer> {
  const aggregator = new AggregatorRegistry();
  return startMetricsServer({ contentType: aggregator.contentType, render: () => aggregator.clusterMetrics() }, config.host, config.port);
}
