"""Enumerations fixed by CONTRACT.md, shared by every schema."""

SCHEMA_VERSION = "1.0"

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "EVENT")

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

MODALITIES = ("asserted", "planned", "possible", "reported")

ARTICLE_STATUSES = ("queued", "processing", "done", "failed")
