"""The public message form under load keeps every acknowledged message, once, across a crash:
a real gunicorn over a temporary SQLite file, 200 messages from 8 threads, the whole server
killed with SIGKILL after 60 acknowledgements and started again; clients whose answer was lost
send the same form again (same token). The full run, 1,000 at concurrency 50, is
``python -m gongkai.bench messageload --json``."""

from __future__ import annotations

import secrets
import time

from gongkai.bench.foiload import Outcome, fire, prepare, verdict
from gongkai.bench.messageload import Citizen

SUBMISSIONS = 200
CLIENTS = 8
KILL_AFTER = 60


def test_it_keeps_every_acknowledged_message_once_across_a_sigkill(tmp_path):
    site = prepare(tmp_path)
    site.start(workers=2, threads=4)
    tokens = [secrets.token_hex(16) for _ in range(SUBMISSIONS)]
    outcome = Outcome()
    deadline = time.monotonic() + 45
    try:
        threads = fire(site, tokens, CLIENTS, outcome, deadline, client=Citizen)
        while len(outcome.acknowledged) < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.01)
        site.kill()
        time.sleep(0.3)
        site.start(workers=2, threads=4)
        for thread in threads:
            thread.join(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        site.stop()

    result = verdict(site, tokens, outcome, "interaction_message")
    assert result["acknowledged"] == SUBMISSIONS
    assert result["lost"] == 0 and result["duplicated"] == 0 and result["unique_codes"]
    assert result["stored"] == SUBMISSIONS and result["unknown_rows"] == 0
    assert outcome.server_errors == 0
