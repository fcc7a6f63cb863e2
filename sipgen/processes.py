"""How sipgen starts worker processes: the one place that decides, for every pool it makes.

Batch builds, folder reports and the web server's workers all get their pool here, so that a
platform without ``fork`` (Windows has only ``spawn``) never meets a start method it lacks.
Whatever a pool runs must therefore be a module-level function with picklable arguments:
under ``spawn`` a worker is a fresh interpreter that imports it by name.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

# ProcessPoolExecutor refuses more workers than this on Windows (a limit of WaitForMultipleObjects);
# a school's 64-core server would otherwise fail with a ValueError instead of using 61 of them.
WINDOWS_MAX_WORKERS = 61


def start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``.

    Never plain ``fork``: the web server runs threads, and a forked copy could inherit a lock
    one of them held. The fork server is a single-threaded process started early, so forking
    from it is safe and still quicker than a fresh interpreter for every worker.
    """
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def context():
    """A multiprocessing context this platform has (see :func:`start_method`)."""
    return multiprocessing.get_context(start_method())


def executor(workers: int, initializer=None) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes started the platform's way; ``initializer`` must be module-level."""
    if sys.platform == "win32":
        workers = min(workers, WINDOWS_MAX_WORKERS)
    return ProcessPoolExecutor(max(1, workers), mp_context=context(), initializer=initializer)


def freeze_support() -> None:
    """Let a frozen Windows program (one .exe) act as its own worker when ``spawn`` starts it again."""
    multiprocessing.freeze_support()
