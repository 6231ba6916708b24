"""Benchmarks: ``python -m bench`` (``make bench``) prints every figure of one run.

- ``bench.corpus``: N distinct articles built from the seed articles (reusable).
- ``bench.stack``: the real processes (gunicorn API, Celery workers) on a temporary store.
- ``bench.e2e``: articles through the API and workers vs bare ``nlp.pipe``, latency.
- ``bench.api_load``: POST latency and requests/s under a fixed-rate load.
- ``bench.memory``: worker RSS, and time and memory against article size.
- ``bench.engine`` (the ENGINE helper's): the engine vs bare ``nlp.pipe``, in-process.
"""
