"""The contract in code: generated JSON Schema is committed and current."""

from schemas import constants
from schemas.export import OUT_DIR, render


def test_committed_json_schema_is_generated_from_marshmallow():
    committed = (OUT_DIR / "article_result.schema.json").read_text()
    assert committed == render("article_result"), "run `make schemas` and commit schemas/json"


def test_extraction_and_schema_enumerations_agree():
    from extraction import types

    assert types.EVENT_TYPES == constants.EVENT_TYPES
    assert types.ENTITY_TYPES == constants.ENTITY_TYPES
    assert types.MODALITIES == constants.MODALITIES
