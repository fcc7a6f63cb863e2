"""`sipgen serve`: the whole of sipgen in a web page, for staff who never open a terminal.

Starlette and uvicorn (the optional extra ``sipgen[web]``) are imported only here, so
`check` and `build` start as fast as before.
"""

from __future__ import annotations

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class WebMissing(Exception):
    """The web extra is not installed; ``str()`` says how to install it."""


def web_available() -> None:
    """Raise :class:`WebMissing` unless Starlette, uvicorn and python-multipart can be imported."""
    import importlib.util

    # Every missing package is named, not only the first one an import would trip on.
    missing = [name for name in WEB_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        said = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
        raise WebMissing(
            f"sipgen serve needs the web extra ({said} {'is' if len(missing) == 1 else 'are'} missing): "
            'pip install "sipgen[web]"'
        )


# The modules the web extra installs (python-multipart installs python_multipart).
WEB_PACKAGES = ("starlette", "uvicorn", "python_multipart")


def needs_token(host: str) -> bool:
    """A server other computers can reach asks for a token; one on this computer alone does not."""
    return host not in LOCAL_HOSTS


def _port_free(host: str, port: int) -> None:
    """Raise OSError, before anything is printed, when another program already listens on ``port``."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def serve(host: str, port: int, token: str | None = None, open_browser: bool = True, say=print) -> None:
    """Run the web app until stopped (Ctrl-C). ``token`` is required of every visitor when given."""
    import threading
    import webbrowser

    import uvicorn

    from .app import create_app

    web_available()
    _port_free(host, port)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else shown}:{port}/"
    link = f"{url}?token={token}" if token else url
    say(f"sipgen is at {link}  (press Ctrl-C to stop)")
    if host in ("0.0.0.0", "::"):
        import socket

        say(f"From other computers: http://{socket.gethostname()}:{port}/?token={token}")
    if token:
        say("Anyone with this link can use it; share it only with your colleagues.")
    if open_browser:
        # The browser asks straight away; a moment's wait lets the server be listening by then.
        threading.Timer(1.0, webbrowser.open, args=(link,)).start()
    uvicorn.run(create_app(token), host=host, port=port, log_level="warning", server_header=False)
