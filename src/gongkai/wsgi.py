"""WSGI entry point for gunicorn: ``gunicorn gongkai.wsgi``.

What an app process loads to serve (Django, the URL patterns, the compiled templates, some 190,000
objects) lives as long as the process, yet Python's cyclic garbage collector walked all of it on
every full collection: 90-125 ms each, during which the process answered nothing (the p99 of the
portal benchmark's uncached pages was 60-75 ms against a p50 of 7). The process freezes those
objects (``gc.freeze``: kept out of the collector's walks, still freed by reference counting) once
Django is loaded, and again when the first ``FREEZE_AFTER`` requests have loaded what requests load
lazily; a full collection then takes a few milliseconds.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

FREEZE_AFTER = 200

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def freeze_loaded() -> None:
    """Collect what is garbage now, then keep every object left out of later collections."""
    gc.collect()
    gc.freeze()


class FrozenWhenWarm:
    """``app``, which freezes the process's objects once, after its first ``after`` requests."""

    def __init__(self, app: WSGIApp, after: int = FREEZE_AFTER) -> None:
        self.app, self.left = app, after
        self.lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if self.left > 0:
            with self.lock:
                self.left -= 1
                if self.left == 0:
                    freeze_loaded()
        return self.app(environ, start_response)


application = FrozenWhenWarm(get_wsgi_application())
freeze_loaded()
