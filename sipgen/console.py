"""The terminal sipgen prints to: text that never crashes on a character, colour only where it shows.

A Windows console piped to a file is cp1252 by default, which has no Ł, ≥ or emoji: printing
a plan's own text there used to end in a UnicodeEncodeError and an empty file. :func:`setup`
runs once as the CLI starts; :func:`colour` is the one decision whether to paint text.
"""

from __future__ import annotations

import os
import sys

RED, GREEN, YELLOW, CYAN = "\033[31m", "\033[32m", "\033[33m", "\033[36m"
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"

# SetConsoleMode's flag that makes a Windows 10+ console read ANSI colour codes instead of
# printing them as ←[31m.
ENABLE_VIRTUAL_TERMINAL_PROCESSING = 0x0004


def setup() -> None:
    """Make stdout and stderr safe for any text: UTF-8 to files and pipes, replacement on a console."""
    for stream in (sys.stdout, sys.stderr):
        _reconfigure(stream)


def _reconfigure(stream) -> None:
    if stream is None or not hasattr(stream, "reconfigure"):
        return  # a windowed or frozen program has no console; a test's StringIO takes any text
    try:
        if _is_terminal(stream):
            # The console shows what its code page can; the rest becomes ?, never a crash.
            stream.reconfigure(errors="replace")
        else:
            # A file or pipe is read by programs and editors, which expect UTF-8 whatever the
            # console's code page (JSON must be UTF-8). Keep surrogateescape where Python chose
            # it, so a Linux file name's undecodable bytes come out as they went in.
            errors = "surrogateescape" if stream.errors == "surrogateescape" else "replace"
            stream.reconfigure(encoding="utf-8", errors=errors)
    except (OSError, ValueError):  # a stream that cannot change: print as before rather than stop
        pass


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, OSError, ValueError):  # no isatty, or closed
        return False


def colour(stream=None) -> bool:
    """Whether to paint text for ``stream`` (default stdout): only a terminal that shows colour.

    Never when piped or redirected, never with NO_COLOR set (https://no-color.org) or TERM=dumb.
    On Windows only once the console has agreed to read colour codes.
    """
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if not _is_terminal(stream):
        return False
    if sys.platform == "win32":
        return _virtual_terminal(stream)
    return True


def _virtual_terminal(stream) -> bool:
    """Ask the Windows console behind ``stream`` to read ANSI codes; False if it cannot (before Windows 10)."""
    api = _windows_api()
    if api is None:
        return False
    kernel32, handle_of, DWORD = api
    try:
        handle = handle_of(stream.fileno())
        mode = DWORD()
        if not kernel32.GetConsoleMode(handle, mode):
            return False  # not a console after all (e.g. NUL, which claims to be a terminal)
        if mode.value & ENABLE_VIRTUAL_TERMINAL_PROCESSING:
            return True
        return bool(kernel32.SetConsoleMode(handle, mode.value | ENABLE_VIRTUAL_TERMINAL_PROCESSING))
    except (AttributeError, OSError, ValueError):
        return False


def _windows_api():
    """kernel32's console calls, the file-descriptor-to-handle call and DWORD; None where there are none."""
    try:
        import ctypes
        import msvcrt
        from ctypes import wintypes

        # Its own WinDLL, so that setting argtypes cannot disturb colorama's or click's use of kernel32.
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.GetConsoleMode.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
        kernel32.SetConsoleMode.argtypes = (wintypes.HANDLE, wintypes.DWORD)
        return kernel32, msvcrt.get_osfhandle, wintypes.DWORD
    except (ImportError, AttributeError, OSError, ValueError):  # not Windows, or a stripped-down Python
        return None
