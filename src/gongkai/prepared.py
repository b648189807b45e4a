"""Querysets compiled to SQL once per process, run with new arguments on every request.

Building the SQL of a queryset (Django's compiler: joins, ordering, deferred fields) costs 0.3 to
1 ms of Python per query, ten times what SQLite then takes to answer a portal page's query; a
public record page ran five such queries, a column page four. A ``PreparedQuery`` builds its
queryset once with marker arguments, keeps the SQL, where each marker sits among its parameters and
what Django needs to turn rows into instances (the selected columns, the ``select_related``
populators, the database's converters), and on each call only puts the arguments in place, executes
and builds the instances as iterating the queryset would.

An argument is a scalar (one SQL parameter: ``pk=…``, ``unit_id=…``, ``name=…``) or a list of scalars
(``column_id__in=…``); the query is compiled once for each list length and each slice (``window``),
so that a list or a page number that changes the SQL's shape gets its own. Everything else in the
query is fixed when it is first compiled: never prepare one whose other values change while the
process runs (today's date, a setting read at request time).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

M = TypeVar("M", bound=Model)
Shape = tuple[str, tuple[int | None, ...], tuple[int, int | None] | None]
# compiled forms kept per query: list lengths and pages beyond these are rare, and compile again
MAX_SHAPES = 64


def _flat(arguments: Sequence[Any]) -> list[Any]:
    """The arguments' values in order, a list argument's one by one: the order of the markers too."""
    return [value for argument in arguments for value in (argument if isinstance(argument, list | tuple) else [argument])]


def _beyond_integers(value: Any) -> bool:
    """A number outside the smallest integer column's range (32 bits, PostgreSQL's integer)."""
    return isinstance(value, int) and not -(2**31) <= value < 2**31


class _Marker:
    """What stands for an argument (or one element of a list argument) while the query is compiled."""

    def __init__(self, n: int, i: int = 0) -> None:
        self.n, self.i = n, i

    # a lookup casts its value for the field (int() or str()): either way it still says which argument
    def __int__(self) -> int:
        return -(10**12) - self.n * 10**6 - self.i

    def __str__(self) -> str:
        return f"\x00prepared-argument-{self.n}-{self.i}\x00"


class _Compiled:
    def __init__(self, queryset: QuerySet[Any], markers: list[_Marker]) -> None:
        """``markers``: in the order of ``_flat``; each parameter's slot is its marker's place there."""
        compiler = queryset.query.get_compiler(using=queryset.db)
        self.sql, params = compiler.as_sql()
        found: dict[Any, int] = {form(marker): place for place, marker in enumerate(markers) for form in (int, str)}
        self.slots: list[int | None] = [
            markers.index(value) if isinstance(value, _Marker)
            else found.get(value) if isinstance(value, int | str) and not isinstance(value, bool) else None
            for value in params
        ]
        if {slot for slot in self.slots if slot is not None} != set(range(len(markers))):
            raise ValueError("PreparedQuery：每个参数都必须是查询中的一个（或一组）SQL 参数")
        self.params, self.db, self.compiler = list(params), queryset.db, compiler
        klass_info = compiler.klass_info
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in compiler.select[self.start:self.end]]
        self.populators = get_related_populators(klass_info, compiler.select, self.db)
        self.converters = compiler.get_converters([column[0] for column in compiler.select])

    def run(self, values: Sequence[Any]) -> list[Any]:
        """``values``: the arguments as ``_flat`` gives them."""
        params = [value if slot is None else values[slot] for value, slot in zip(self.params, self.slots, strict=True)]
        with connections[self.db].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        objects = []
        for row in rows:
            instance = self.model.from_db(self.db, self.init_list, row[self.start:self.end])
            for populator in self.populators:
                populator.populate(row, instance)
            objects.append(instance)
        return objects


class PreparedQuery(Generic[M]):
    """``build(*arguments)`` compiled once per database, list length and window; calling the
    prepared query answers the list of instances ``list(build(*arguments)[low:high])`` would."""

    def __init__(self, build: Callable[..., QuerySet[M]], arity: int = 1) -> None:
        self.build, self.arity = build, arity
        self._compiled: dict[Shape, _Compiled] = {}
        self._lock = threading.Lock()

    def _for(self, shape: Shape) -> _Compiled:
        compiled = self._compiled.get(shape)
        if compiled is None:
            alias, lengths, window = shape
            markers = [
                [_Marker(n, i) for i in range(length)] if length is not None else _Marker(n)
                for n, length in enumerate(lengths)
            ]
            queryset = self.build(*markers)
            if alias != queryset.db:
                queryset = queryset.using(alias)
            if window is not None:
                queryset = queryset[window[0]:window[1]]
            compiled = _Compiled(queryset, _flat(markers))
            with self._lock:
                if len(self._compiled) >= MAX_SHAPES:
                    self._compiled.clear()
                self._compiled[shape] = compiled
        return compiled

    def __call__(self, *arguments: Any, window: tuple[int, int | None] | None = None, using: str = "default") -> list[M]:
        if len(arguments) != self.arity:
            raise TypeError(f"PreparedQuery 需要 {self.arity} 个参数，得到 {len(arguments)} 个")
        if window is not None and window[1] is not None and window[1] <= window[0]:
            return []  # an empty page (of an empty list): Django's slice compiles to no SQL at all
        lengths = tuple(len(value) if isinstance(value, list | tuple) else None for value in arguments)
        values = _flat(arguments)
        if any(length == 0 for length in lengths) or any(_beyond_integers(value) for value in values):
            # an empty list compiles to no SQL; a number no integer column holds ("/xxgk/content/
            # 99999999999999999999/") overflows the driver: the queryset knows both answer nothing
            queryset = self.build(*arguments).using(using)
            return list(queryset[window[0]:window[1]] if window else queryset)
        return self._for((using, lengths, window)).run(values)

    def rows(self, *arguments: Any, using: str = "default") -> PreparedRows[M]:
        """The query's rows as ``Paginator`` takes them: each page it slices runs the prepared query
        with that window (the paginator's count is for the caller to give)."""
        return PreparedRows(self, arguments, using)


class PreparedRows(Generic[M]):
    def __init__(self, query: PreparedQuery[M], arguments: tuple[Any, ...], using: str) -> None:
        self.query, self.arguments, self.using = query, arguments, using

    def __getitem__(self, index: slice) -> list[M]:
        if not isinstance(index, slice) or index.step is not None:
            raise TypeError("PreparedRows: only a slice of rows")
        return self.query(*self.arguments, window=(index.start or 0, index.stop), using=self.using)
