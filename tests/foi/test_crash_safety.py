"""Every acknowledged request survives a crash of the server (SIGKILL in the middle of a load).

A real gunicorn on 127.0.0.1 over a temporary SQLite file (WAL), 300 submissions from 8 threads;
after 80 acknowledgements the whole server (master and workers) is killed with SIGKILL and then
started again on the same database. Clients whose answer was lost send the same form again (same
idempotency token), as a browser's retry would. Afterwards the database itself is read: every
acknowledged tracking code is there, with its own token, and nothing is stored twice.
"""

from __future__ import annotations

import secrets

from gongkai.bench.foiload import load_with_crash, prepare, verdict

SUBMISSIONS = 300
CLIENTS = 8
KILL_AFTER = 80


def test_it_keeps_every_acknowledged_request_across_a_sigkill(tmp_path):
    site = prepare(tmp_path)
    site.start(workers=2, threads=4)
    tokens = [secrets.token_hex(16) for _ in range(SUBMISSIONS)]
    outcome, acknowledged_before_restart = load_with_crash(site, tokens, CLIENTS, KILL_AFTER)

    result = verdict(site, tokens, outcome)
    assert KILL_AFTER <= acknowledged_before_restart < SUBMISSIONS  # the kill came mid-load
    assert outcome.retries > 0  # some clients lost their connection and sent again
    assert result["acknowledged"] == SUBMISSIONS  # after the restart every submission got its answer
    assert result["lost"] == 0  # every acknowledged code is stored, under its own token
    assert result["duplicated"] == 0 and result["unique_codes"]
    assert result["unknown_rows"] == 0
    assert result["stored"] == SUBMISSIONS
    assert outcome.server_errors == 0
