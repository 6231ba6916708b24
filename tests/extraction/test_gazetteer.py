"""Gazetteer lookups: canonical countries, cities ranked by population, capitals."""

from __future__ import annotations

import pytest

from extraction.gazetteer import country_of, get_gazetteer, is_capital, lookup
from extraction.types import Entity


@pytest.mark.parametrize(
    "form", ["US", "U.S.", "America", "the United States", "United States of America", "USA"]
)
def test_us_forms_are_one_country(form: str) -> None:
    place = lookup(form)
    assert place is not None
    assert (place.name, place.kind, place.country_code) == ("United States", "country", "US")


@pytest.mark.parametrize("form", ["UK", "Britain", "United Kingdom", "Great Britain"])
def test_uk_forms(form: str) -> None:
    place = lookup(form)
    assert place is not None and place.name == "United Kingdom" and place.country_code == "GB"


def test_official_names_from_pycountry() -> None:
    assert lookup("Russian Federation").name == "Russia"  # type: ignore[union-attr]
    assert lookup("Islamic Republic of Iran").country_code == "IR"  # type: ignore[union-attr]


def test_short_forms_need_exact_case() -> None:
    assert lookup("us") is None
    assert lookup("Us") is None


def test_city_alternate_name_and_coordinates() -> None:
    kyiv = lookup("Kiev")
    assert kyiv is not None and kyiv.name == "Kyiv" and kyiv.kind == "city"
    assert kyiv.country_code == "UA" and kyiv.capital_of == "UA"
    assert kyiv.lat == pytest.approx(50.45, abs=0.1) and kyiv.lon == pytest.approx(30.52, abs=0.1)


def test_capital_outranks_state_of_same_name() -> None:
    washington = lookup("Washington")
    assert washington is not None and washington.kind == "city" and washington.country_code == "US"
    assert lookup("D.C.").name == "Washington, D.C."  # type: ignore[union-attr]
    assert lookup("Alaska").kind == "state"  # type: ignore[union-attr]


def test_biggest_city_wins_a_shared_name() -> None:
    moscow = lookup("Moscow")
    assert moscow is not None and moscow.country_code == "RU"  # not Moscow, Idaho


def test_continents_and_seas_are_loc() -> None:
    assert lookup("Europe").entity_type == "LOC"  # type: ignore[union-attr]
    assert lookup("Atlantic").entity_type == "LOC"  # type: ignore[union-attr]
    assert lookup("Moscow").entity_type == "GPE"  # type: ignore[union-attr]


def test_translated_alternates_do_not_collide_with_english_phrases() -> None:
    assert lookup("White House") is None


def test_country_of_maps_capital_to_its_state() -> None:
    assert country_of("Moscow").name == "Russia"  # type: ignore[union-attr]
    assert country_of("Kiev").name == "Ukraine"  # type: ignore[union-attr]
    assert country_of("Nowhere-on-Earth") is None
    ent = Entity(id="e1", name="Kyiv", type="GPE", country_code="UA")
    assert country_of(ent).name == "Ukraine"  # type: ignore[union-attr]
    assert is_capital("Moscow") and not is_capital("Istanbul")


def test_loaded_once_per_process() -> None:
    assert get_gazetteer() is get_gazetteer()


def test_small_towns_are_known_but_not_small_english_named_ones() -> None:
    horadiz = lookup("Horadiz")
    assert horadiz is not None and horadiz.kind == "city" and horadiz.country_code == "AZ"
    assert lookup("Notre Dame") is None  # Notre Dame, Indiana (about 6,000): a phrase too


def test_first_level_subdivisions_are_places_of_their_country() -> None:
    for name, code in [("Helmand", "AF"), ("Sarawak", "MY"), ("Sistan va Baluchestan", "IR")]:
        place = lookup(name)
        assert place is not None and place.country_code == code, (name, place)
        assert place.entity_type == "GPE"
    # shared by two countries, generic, or a common word: no one place
    assert lookup("Punjab") is None
    assert lookup("Gulf") is None
    assert getattr(lookup("Meta"), "kind", None) != "state"  # Meta, Colombia: a company too


@pytest.mark.parametrize(
    ("name", "code"),
    [("Democratic Republic of Congo", "CD"), ("Republic of Congo", "CG")],
)
def test_official_names_without_their_article_after_of(name: str, code: str) -> None:
    place = lookup(name)
    assert place is not None and place.kind == "country" and place.country_code == code
