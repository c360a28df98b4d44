"""The durability benchmark's own fault rounds and hostile corpora (bench/bench_durability.py).

The test suite keeps its own rounds with its assertions (tests/durability); nothing here is
imported from there, and the tests import nothing from here.
"""
