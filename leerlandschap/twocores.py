"""Work on a list split over two cores: a forked copy of this process does every other element.

A fork has everything it needs without loading again (the checked content, the schemas, the templates). The child
sends its results back through a pipe; the result is the same list, in the same order, as doing all the work here.
When this process runs other threads (a preview's web server, a test runner's), forking is not safe and everything
is done here; so it is when the child fails in any way, so an error is reported exactly as without the second core.

Used by a full build to check the content files (filecheck.py) and to render the item pages (parallel.py), and by
the search index's process to encode the index chunks (searchindex.py).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    """A second core, fork, and no other thread in this process."""
    return (os.cpu_count() or 1) >= 2 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()


def on_two_cores(work: Callable[[Sequence[T]], list[R]], elements: Sequence[T], minimum: int) -> list[R]:
    """`work(elements)`, with a forked child doing every other element when there are at least `minimum` of them
    (below that a second process costs more than it saves). `work` returns one result per element, in order."""
    if len(elements) < minimum or not can_fork():
        return work(elements)
    theirs_elements, mine_elements = elements[1::2], elements[0::2]
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(work, theirs_elements, send), name="tweede-kern", daemon=True)
    child.start()
    send.close()
    try:
        mine = work(mine_elements)
        try:
            theirs = receive.recv()
        except (EOFError, OSError):
            theirs = None
    finally:
        receive.close()
        child.join()
    if not isinstance(theirs, list) or len(theirs) != len(theirs_elements):  # the child failed: the long way, here
        theirs = work(theirs_elements)
    merged: list[R] = []
    for n, result in enumerate(mine):
        merged.append(result)
        if n < len(theirs):
            merged.append(theirs[n])
    return merged


def _child(work: Callable[[Sequence[T]], list[R]], elements: Sequence[T], send: Connection) -> None:
    try:
        results: object = work(elements)
    except BaseException:  # reported by the parent, which does this work again
        results = None
    send.send(results)
    send.close()
