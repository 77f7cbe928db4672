"""Deployments of thidua's flows to a Prefect work pool (`thidua deploy`), for production:
`prefect worker start --pool POOL` on each machine that has thidua installed runs them.

The deployments name the flows by module (`flows.backfill.backfill`), not by file or image: a
worker imports them from the installed `thidua` package, so there is no code to upload.
"""
from pathlib import Path

from prefect.deployments.runner import RunnerDeployment
from prefect.types.entrypoint import EntrypointType

from flows.backfill import backfill
from flows.nightly import deployment_parameters, destinations, nightly
from flows.reextract import reextract


def deployments(inbox: Path | None = None, cron: str = "0 2 * * *", *, archive_to: Path | None = None,
                quarantine: Path | None = None) -> list[RunnerDeployment]:
    """thidua-backfill/backfill and thidua-reextract/reextract (run on demand), and with an
    `inbox`, thidua-nightly/nightly on `cron` (one run at a time)."""
    module = EntrypointType.MODULE_PATH
    made = [
        backfill.to_deployment(name="backfill", entrypoint_type=module,
                               description="Archive, extract and store the reports under `paths`."),
        reextract.to_deployment(name="reextract", entrypoint_type=module,
                                description="Extract archived documents again (all, or `doc_ids`)."),
    ]
    if inbox is not None:
        where, archive, quarantined = destinations(inbox, archive_to, quarantine)
        made.append(nightly.to_deployment(name="nightly", entrypoint_type=module, cron=cron, concurrency_limit=1,
                                          parameters=deployment_parameters(where, archive, quarantined),
                                          description=f"Ingest new reports from {where} ({cron})."))
    return made


def deploy_to_pool(pool: str, made: list[RunnerDeployment]) -> list:
    """Create or update the deployments on the Prefect server, for the workers of `pool`."""
    from prefect import deploy

    return deploy(*made, work_pool_name=pool, build=False, push=False, print_next_steps_message=False,
                  ignore_warnings=True)
