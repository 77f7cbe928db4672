"""Scoring reports from the archive's effective (corrected) records: ranking tables, heads over the
years, a unit's history, consistency checks; terminal, CSV, XLSX and PNG outputs. Every report is a
plain dataclass built from `load_facts(db)`, so the CLI and the web app show the same thing."""
from pipeline.report.checks import CHECKS, Issue, checks
from pipeline.report.facts import ClusterInfo, DocRef, Facts, UnitRef, load_facts, tie_reader
from pipeline.report.heads import DueNext, HeadsReport, UnitHistory, heads, unit_history
from pipeline.report.rankings import RankingRow, RankingTable, rank_series, rankings

__all__ = ["CHECKS", "ClusterInfo", "DocRef", "DueNext", "Facts", "HeadsReport", "Issue", "RankingRow",
           "RankingTable", "UnitHistory", "UnitRef", "checks", "heads", "load_facts", "rank_series", "rankings",
           "tie_reader", "unit_history"]
