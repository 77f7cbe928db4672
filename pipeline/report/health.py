"""Is the unattended ingestion healthy? What an operator must hear about without reading logs:
the last nightly run failed, quarantined files, ingested nothing for a while, or is late.

`thidua status` exits 1 when `problems` names one (for a monitoring check) and, like the nightly
run, posts them to THIDUA_NOTIFY_URL when it is set. Plain functions over the archive's runs.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import socket
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.store.views import RunInfo

log = logging.getLogger(__name__)

LATE_AFTER_H = 26.0  # a nightly run a day plus two hours old: the next one should have started


def problems(nightly: Sequence[RunInfo], now: dt.datetime | None = None, *, late_after_h: float | None = LATE_AFTER_H,
             quiet_runs: int | None = None) -> list[str]:
    """What is wrong with the nightly ingestion, given its runs newest first (none: nothing to say,
    no schedule has run yet). `late_after_h`: the newest run started longer ago than this;
    `quiet_runs`: each of the newest `quiet_runs` runs stored no new file."""
    if not nightly:
        return []
    now = now or dt.datetime.now(dt.UTC)
    last, found = nightly[0], []
    when = f"{last.started_at.astimezone():%Y-%m-%d %H:%M}"
    if last.state == "failed":
        found.append(f"the last nightly run (started {when}) failed: {last.message or 'no message'}")
    if last.failed:
        found.append(f"the last nightly run (started {when}) quarantined {last.failed} file(s) that could not be "
                     "read: see the quarantine folder and each file's .reason.txt")
    hours = (now - last.started_at).total_seconds() / 3600
    if late_after_h is not None and last.state != "running" and hours > late_after_h:
        found.append(f"no nightly run for {hours:.1f} h (the last one started {when}; more than {late_after_h:g} h): "
                     "is `thidua schedule` running?")
    if quiet_runs and len(nightly) >= quiet_runs and not any(r.stored for r in nightly[:quiet_runs]):
        found.append(f"the last {quiet_runs} nightly run(s) ingested nothing new: do reports still reach the inbox?")
    return found


def notify(url: str | None, found: Sequence[str], source: str, timeout_s: float = 10.0) -> bool:
    """POST the problems to `url` as JSON ({"text": one message, "problems": [...], "host", "source"}:
    a Slack or Mattermost incoming webhook shows "text"); nothing without a URL or a problem.
    True when the hook accepted it; a hook that fails is logged, never a reason to fail."""
    import urllib.error
    import urllib.request

    if not url or not found:
        return False
    host = socket.gethostname()
    body = {"text": f"thidua on {host} ({source}): " + "; ".join(found), "problems": list(found), "host": host,
            "source": source}
    request = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(), method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as answer:  # noqa: S310 - the operator's own URL
            return 200 <= answer.status < 300
    except (urllib.error.URLError, OSError, ValueError) as exc:
        log.warning("could not notify %s (THIDUA_NOTIFY_URL): %s", url, exc)
        return False
