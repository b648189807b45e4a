"""The public message form under load keeps every acknowledged message, once, across a crash:
a real gunicorn over a temporary SQLite file, 200 messages from 8 threads, the whole server
killed with SIGKILL after 60 acknowledgements and started again; clients whose answer was lost
send the same form again (same token). The full run, 1,000 at concurrency 50, is
``python -m gongkai.bench messageload --json``."""

from __future__ import annotations

import secrets

from gongkai.bench.foiload import load_with_crash, prepare, verdict
from gongkai.bench.messageload import Citizen

SUBMISSIONS = 200
CLIENTS = 8
KILL_AFTER = 60


def test_it_keeps_every_acknowledged_message_once_across_a_sigkill(tmp_path):
    site = prepare(tmp_path)
    site.start(workers=2, threads=4)
    tokens = [secrets.token_hex(16) for _ in range(SUBMISSIONS)]
    outcome, before_restart = load_with_crash(site, tokens, CLIENTS, KILL_AFTER, client=Citizen)

    result = verdict(site, tokens, outcome, "interaction_message")
    assert KILL_AFTER <= before_restart < SUBMISSIONS  # the kill came mid-load
    assert result["acknowledged"] == SUBMISSIONS
    assert result["lost"] == 0 and result["duplicated"] == 0 and result["unique_codes"]
    assert result["stored"] == SUBMISSIONS and result["unknown_rows"] == 0
    assert outcome.server_errors == 0
