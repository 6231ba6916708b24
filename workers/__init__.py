"""Celery workers: the app and its config, tasks (extract, deliver, sweep), beat schedule.

Tasks are thin: they decode arguments and call one function in ``workers.processing``
(or the delivery module), which uses ``storage`` and ``extraction``.
"""
