"""Entry point of the standalone bundle: the same command line as the installed app."""

import multiprocessing
import sys

from app.main import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the letter renderer runs in a spawned child process
    sys.exit(main())
