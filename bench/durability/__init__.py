"""The durability harness: fault rounds, hostile corpora and a file-access audit.

bench/bench_durability.py measures its figures with it, and the durability tests
(tests/durability) run the same routines with rounds and assertions of their own. Nothing here
imports from tests/: the tests use bench, never the other way round.
"""
