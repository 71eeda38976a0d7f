"""Benchmarks and checks of Copydesk, run from the checkout's root as modules:
`python -m bench.perf`, `python -m bench.clean_prose DIR`... They import `service`
and each other as packages (no sys.path edits); the shared development benchmark
is read from its own folder at run time, never copied here."""
