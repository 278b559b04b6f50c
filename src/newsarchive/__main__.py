"""``python -m newsarchive``: the command line, as the ``newsarchive`` script runs it."""

from .cli import app

if __name__ == "__main__":
    app(prog_name="newsarchive")
