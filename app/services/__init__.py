"""Use cases, one function per user action; Qt-free, one unit of work per call."""
