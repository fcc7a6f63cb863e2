"""`python -m sipgen`, and the start of a frozen Windows program (one .exe)."""

from .cli import run
from .processes import freeze_support

if __name__ == "__main__":  # a spawned worker imports this module too: it must not run the CLI
    # Before anything else: in a frozen program a spawned worker starts this same .exe, and
    # freeze_support makes it run the worker instead of the CLI. Elsewhere it does nothing.
    freeze_support()
    run()
