"""The WSGI entry point freezes what the process has loaded once it is warm (gongkai.wsgi), so that
a full garbage collection no longer walks Django's and the templates' objects on a request."""

from __future__ import annotations

import gc

import pytest

from gongkai.wsgi import FrozenWhenWarm, application


@pytest.fixture(autouse=True)
def _thawed():
    """Importing gongkai.wsgi froze this test process; the tests leave it as they found a process."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_entry_point_freezes_once_after_its_first_requests_and_answers_throughout(monkeypatch):
    calls: list[str] = []
    freezes: list[int] = []
    freeze = gc.freeze
    monkeypatch.setattr(gc, "freeze", lambda: (freezes.append(1), freeze()))

    def app(environ, start_response):
        calls.append(environ["PATH_INFO"])
        start_response("200 OK", [])
        return [b"ok"]

    wrapped = FrozenWhenWarm(app, after=3)
    answers = []
    for n in range(5):
        answers.append(b"".join(wrapped({"PATH_INFO": f"/{n}"}, lambda status, headers: None)))
        if n == 1:
            assert not freezes and gc.get_freeze_count() == 0  # not warm yet
        if n == 2:
            assert len(freezes) == 1
            # everything loaded so far: this test process's modules (frozen objects are still
            # freed by reference counting, so the count itself may drop later: the calls are counted)
            assert gc.get_freeze_count() > 1000
    assert len(freezes) == 1  # once, not on every request after
    assert answers == [b"ok"] * 5 and calls == [f"/{n}" for n in range(5)]


def test_gunicorn_s_application_is_django_s_behind_the_freeze():
    from django.core.handlers.wsgi import WSGIHandler

    assert isinstance(application, FrozenWhenWarm) and isinstance(application.app, WSGIHandler)
