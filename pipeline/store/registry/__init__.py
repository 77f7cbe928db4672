"""The unit and cluster registry: one canonical unit behind every spelling of its name, one cluster
across years and documents, keyed by scope. `Registry(db).sync()` brings it up to date."""
from pipeline.store.registry.store import PendingName, Registry, SyncSummary, UnitInfo, cluster_label

__all__ = ["PendingName", "Registry", "SyncSummary", "UnitInfo", "cluster_label"]
