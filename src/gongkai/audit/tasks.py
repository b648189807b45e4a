"""The daily verification of the audit chain (see ``gongkai.audit.chain.verify_and_report``)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from gongkai.audit.chain import verify_and_report


# 01:50 local time: before the nightly backup (03:10), which records the chain's head it saw.
@db_periodic_task(crontab(hour="1", minute="50"), retries=1, retry_delay=600)
def verify_chain_daily() -> bool:
    return verify_and_report().ok
