"""The entry point of the standalone program that scripts/build-standalone makes with PyInstaller."""

from multiprocessing import freeze_support

from sipgen.cli import run

if __name__ == "__main__":
    freeze_support()  # a frozen program's worker processes start here too (Windows' spawn)
    run()
