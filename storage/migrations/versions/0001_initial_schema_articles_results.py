"""initial schema: articles, results

Revision ID: 0001
Revises:
Create Date: 2026-11-23 16:38:26.720160
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=26), nullable=False),
        sa.Column("dedup_key", sa.String(length=600), nullable=False),
        sa.Column("external_id", sa.String(length=512), nullable=True),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("idempotency_key", sa.String(length=255), nullable=True),
        sa.Column("request_fingerprint", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("enqueued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("html", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("title", sa.String(length=1024), nullable=True),
        sa.Column("source", sa.String(length=256), nullable=True),
        sa.Column("published_at", sa.String(length=32), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column(
            "metadata",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "result",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_articles_dedup_key")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_articles_idempotency_key")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(
            "ix_articles_status_enqueued", ["status", "enqueued_at"], unique=False
        )
        batch_op.create_index(
            "ix_articles_status_lease", ["status", "lease_expires_at"], unique=False
        )
        batch_op.create_index(
            "ix_articles_status_submitted", ["status", "submitted_at"], unique=False
        )
        batch_op.create_index("ix_articles_submitted_at", ["submitted_at"], unique=False)

    op.create_table(
        "article_entities",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=26), nullable=False),
        sa.Column("local_id", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("name_norm", sa.String(length=512), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("salience", sa.Float(), nullable=False),
        sa.Column("country_code", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_entities_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_entities")),
        sa.UniqueConstraint("article_id", "local_id", name="uq_article_entities_local"),
    )
    with op.batch_alter_table("article_entities", schema=None) as batch_op:
        batch_op.create_index("ix_article_entities_name_type", ["name_norm", "type"], unique=False)
        batch_op.create_index("ix_article_entities_type", ["type"], unique=False)

    op.create_table(
        "entity_aliases",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=26), nullable=False),
        sa.Column("entity_local_id", sa.String(length=16), nullable=False),
        sa.Column("alias_norm", sa.String(length=512), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_entity_aliases_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_aliases")),
    )
    with op.batch_alter_table("entity_aliases", schema=None) as batch_op:
        batch_op.create_index("ix_entity_aliases_alias", ["alias_norm"], unique=False)
        batch_op.create_index(
            "ix_entity_aliases_article", ["article_id", "entity_local_id"], unique=False
        )

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=26), nullable=False),
        sa.Column("local_id", sa.String(length=16), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=32), nullable=True),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("negated", sa.Boolean(), nullable=False),
        sa.Column("date_value", sa.String(length=10), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("location_name", sa.String(length=512), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column(
            "data",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_events_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("article_id", "local_id", name="uq_events_article_local"),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_article", ["article_id"], unique=False)
        batch_op.create_index("ix_events_dates", ["date_start", "date_end"], unique=False)
        batch_op.create_index("ix_events_type", ["type"], unique=False)

    op.create_table(
        "event_participants",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.String(length=26), nullable=False),
        sa.Column("entity_local_id", sa.String(length=16), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_participants_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participants")),
    )
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_participants_entity", ["article_id", "entity_local_id"], unique=False
        )
        batch_op.create_index("ix_event_participants_event", ["event_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.drop_index("ix_event_participants_event")
        batch_op.drop_index("ix_event_participants_entity")

    op.drop_table("event_participants")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_type")
        batch_op.drop_index("ix_events_dates")
        batch_op.drop_index("ix_events_article")

    op.drop_table("events")
    with op.batch_alter_table("entity_aliases", schema=None) as batch_op:
        batch_op.drop_index("ix_entity_aliases_article")
        batch_op.drop_index("ix_entity_aliases_alias")

    op.drop_table("entity_aliases")
    with op.batch_alter_table("article_entities", schema=None) as batch_op:
        batch_op.drop_index("ix_article_entities_type")
        batch_op.drop_index("ix_article_entities_name_type")

    op.drop_table("article_entities")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index("ix_articles_submitted_at")
        batch_op.drop_index("ix_articles_status_submitted")
        batch_op.drop_index("ix_articles_status_lease")
        batch_op.drop_index("ix_articles_status_enqueued")

    op.drop_table("articles")
