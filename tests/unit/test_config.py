"""Settings: defaults, and one clear line for each bad value."""

import pytest

from eventwire.config import ConfigError, load_settings


def test_defaults_are_the_embedded_stack(tmp_path):
    s = load_settings({"EVENTWIRE_DATA_DIR": str(tmp_path)})
    assert s.database_url.startswith("sqlite:///") and s.broker_url.startswith("sqla+sqlite:///")
    assert s.max_body_bytes == 2 * 1024 * 1024 and s.task_lease_seconds == 600
    assert s.api_tokens == () and s.stream_redis_url is None


def test_postgres_urls_use_psycopg3():
    s = load_settings(
        {"EVENTWIRE_DATABASE_URL": "postgres://u@h/db", "EVENTWIRE_BROKER_URL": "redis://h:6379/0"}
    )
    assert s.database_url == "postgresql+psycopg://u@h/db"
    assert s.stream_redis_url == "redis://h:6379/0"
    assert load_settings({"EVENTWIRE_API_TOKENS": " a, b ,"}).api_tokens == ("a", "b")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("EVENTWIRE_DATABASE_URL", "mysql://x"),
        ("EVENTWIRE_BROKER_URL", "kafka://x"),
        ("EVENTWIRE_MAX_BODY_BYTES", "lots"),
        ("EVENTWIRE_TASK_LEASE_SECONDS", "1"),
        ("EVENTWIRE_LOG_LEVEL", "LOUD"),
        ("EVENTWIRE_REDIS_URL", "http://x"),
    ],
)
def test_bad_values_fail_in_one_line_naming_the_variable(name, value):
    with pytest.raises(ConfigError) as err:
        load_settings({name: value})
    assert name in str(err.value) and "\n" not in str(err.value)


def test_cli_reports_bad_configuration_in_one_line(monkeypatch, capsys):
    from eventwire.cli import main

    monkeypatch.setenv("EVENTWIRE_MAX_BODY_BYTES", "lots")
    with pytest.raises(SystemExit) as exc:
        main(["migrate"])
    assert "EVENTWIRE_MAX_BODY_BYTES" in str(exc.value.code)
