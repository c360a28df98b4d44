"""Appeal Desk: write, print, send and track appeal letters for Urgent Actions."""

__version__ = "0.16.0"
