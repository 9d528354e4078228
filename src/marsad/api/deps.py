"""Request dependencies: one SQLite connection per worker thread, paging, the knowledge base."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request

from marsad.api.settings import ApiSettings
from marsad.kb import KnowledgeBase, load_kb
from marsad.store import Store


class StorePool:
    """Stores keyed by thread: SQLite connections may not cross threads, and FastAPI runs
    synchronous endpoints in a thread pool. Writes go through `write_lock` (one writer)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.write_lock = threading.Lock()
        self._local = threading.local()
        self._all: list[Store] = []
        self._guard = threading.Lock()
        Store(path).close()  # create the file and apply migrations once, before any request

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path)
            store.conn.execute("PRAGMA busy_timeout = 5000")
            self._local.store = store
            with self._guard:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._guard:
            for s in self._all:
                try:
                    s.close()
                except sqlite3.ProgrammingError:  # a connection made in another thread refuses
                    pass
            self._all.clear()


def get_settings(request: Request) -> ApiSettings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.stores.get()


def get_pool(request: Request) -> StorePool:
    return request.app.state.stores


def get_kb() -> KnowledgeBase:
    return load_kb()


@dataclass(frozen=True, slots=True)
class Page:
    limit: int
    offset: int


def paging(
    request: Request,
    limit: Annotated[int | None, Query(ge=1, description="Items per page (default 20, at most 200).")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
) -> Page:
    s: ApiSettings = request.app.state.settings
    return Page(min(limit or s.default_limit, s.max_limit), offset)


StoreDep = Annotated[Store, Depends(get_store)]
PageDep = Annotated[Page, Depends(paging)]
KbDep = Annotated[KnowledgeBase, Depends(get_kb)]
SettingsDep = Annotated[ApiSettings, Depends(get_settings)]
PoolDep = Annotated[StorePool, Depends(get_pool)]
