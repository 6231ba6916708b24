"""Delivery settings: defaults, overrides, one-line errors naming the variable."""

from __future__ import annotations

import pytest

from eventwire.config import ConfigError, load_settings


def test_defaults() -> None:
    s = load_settings({})
    assert s.webhook_retry_schedule == (0, 5, 300, 1800, 7200, 18000, 36000, 36000)
    assert s.webhook_timeout_seconds == 30 and s.webhook_rotation_overlap_seconds == 86400
    assert s.webhook_disable_after_seconds == 5 * 86400 and s.stream_maxlen == 100_000
    assert s.stream_redis_url is None and s.delivery_crash_file is None


def test_overrides_and_the_stream_url() -> None:
    s = load_settings({"EVENTWIRE_WEBHOOK_RETRY_SCHEDULE": "0, 1,1.5", "EVENTWIRE_STREAM_MAXLEN": "10",
                       "EVENTWIRE_BROKER_URL": "redis://127.0.0.1:6379/3"})  # fmt: skip
    assert s.webhook_retry_schedule == (0, 1, 1.5) and s.stream_maxlen == 10
    assert s.stream_redis_url == "redis://127.0.0.1:6379/3"


@pytest.mark.parametrize(
    ("name", "value"),
    [("EVENTWIRE_WEBHOOK_RETRY_SCHEDULE", "0,soon"), ("EVENTWIRE_WEBHOOK_RETRY_SCHEDULE", "0,-5"),
     ("EVENTWIRE_WEBHOOK_TIMEOUT", "0"), ("EVENTWIRE_STREAM_MAXLEN", "many")],
)  # fmt: skip
def test_bad_values_fail_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value})
