"""A synthetic catalogue of good practices with realistic text and field distributions.

Each record is written from sentences about its own themes (droughts and seed
banks for food insecurity, vaccines and clinics for pandemics, and so on) and
shared sentences about cooperation, so that a theme's words cluster in its
records as they do in real catalogues, and words like "cooperation" or
"communities" are common to most of them. Countries follow a long tail (a few
States appear in many records), as do actors' types, themes and years, which
lean to recent ones. Records are reproducible from their number.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random

THEME_WORDS = {
    "extreme_poverty": (
        [
            "cash transfers",
            "microcredit",
            "social protection",
            "poor households",
            "livelihoods",
            "savings groups",
            "informal workers",
            "basic income",
        ],
        ["reached", "lifted", "supported", "enrolled", "registered", "protected"],
    ),
    "food_insecurity": (
        [
            "seed banks",
            "smallholder farmers",
            "school meals",
            "irrigation",
            "drought",
            "harvests",
            "food reserves",
            "farming cooperatives",
            "nutrition",
        ],
        ["stored", "planted", "distributed", "harvested", "irrigated", "fed"],
    ),
    "climate_change": (
        [
            "solar power",
            "flood defences",
            "mangroves",
            "reforestation",
            "climate insurance",
            "early warning",
            "adaptation plans",
            "clean cookstoves",
            "rising seas",
        ],
        ["installed", "restored", "insured", "warned", "adapted", "planted"],
    ),
    "pandemics_recovery": (
        [
            "vaccines",
            "mobile clinics",
            "health workers",
            "oxygen supplies",
            "vaccination campaigns",
            "laboratories",
            "medical brigades",
            "testing",
        ],
        ["vaccinated", "treated", "trained", "tested", "equipped", "deployed"],
    ),
    "inequality": (
        [
            "women's cooperatives",
            "persons with disabilities",
            "indigenous communities",
            "migrant workers",
            "land rights",
            "fair wages",
            "legal aid",
            "girls' education",
        ],
        ["included", "represented", "defended", "empowered", "paid", "recognized"],
    ),
    "water_sanitation": (
        [
            "wells",
            "water pumps",
            "sanitation",
            "rainwater harvesting",
            "latrines",
            "water committees",
            "clean water",
            "river basins",
        ],
        ["drilled", "repaired", "connected", "cleaned", "managed", "shared"],
    ),
    "education": (
        [
            "schools",
            "teachers",
            "scholarships",
            "literacy classes",
            "textbooks",
            "university exchanges",
            "vocational training",
            "distance learning",
        ],
        ["taught", "graduated", "trained", "enrolled", "built", "exchanged"],
    ),
    "disaster_response": (
        [
            "earthquake relief",
            "emergency shelters",
            "search and rescue",
            "reconstruction",
            "cyclone response",
            "field hospitals",
            "relief supplies",
            "evacuation",
        ],
        ["rebuilt", "sheltered", "rescued", "evacuated", "delivered", "restored"],
    ),
}
THEMES = list(THEME_WORDS)
THEME_WEIGHTS = [14, 18, 16, 12, 10, 12, 10, 8]
MODALITIES = [
    "south_south",
    "triangular",
    "north_south",
    "humanitarian",
    "technical_cooperation",
    "capacity_building",
    "technology_transfer",
    "civil_society_networks",
]
MODALITY_WEIGHTS = [20, 10, 12, 10, 16, 18, 7, 7]
ACTOR_TYPES = ["state", "un_entity", "igo", "ngo", "nhri", "academic", "other"]
ACTOR_WEIGHTS = [25, 15, 10, 32, 3, 10, 5]
LEVELS = ["international", "regional", "national"]
LEVEL_WEIGHTS = [40, 35, 25]
ROLES = ["provider", "partner", "beneficiary"]
THEME_GOALS = {
    "extreme_poverty": [1, 10, 8],
    "food_insecurity": [2, 1, 12],
    "climate_change": [13, 7, 11],
    "pandemics_recovery": [3, 17],
    "inequality": [10, 5, 16],
    "water_sanitation": [6, 3],
    "education": [4, 5],
    "disaster_response": [11, 13, 1],
}
LANGUAGES = ["en"] * 16 + ["fr", "es", "fr", "es"]
SHARED = [
    "Partners shared knowledge and equipment across borders",
    "The cooperation was planned with local communities from the start",
    "Communities chose their own priorities and monitored the results",
    "A joint committee met every quarter to review progress",
    "The programme built on earlier solidarity between the partner countries",
    "Costs were shared according to each partner's means",
    "Local authorities took over the work once the first phase ended",
    "Civil society organizations followed the work and reported on it",
    "Lessons were written down so that other regions could adapt them",
    "Volunteers from several countries joined the national teams",
    "Funding came from the partners themselves and from a regional fund",
    "The practice respected the human rights of the people it served",
]
TEMPLATES = [
    "{subject} {verb} {object} in {place}",
    "In {place}, {object} were {verb} with the help of {actor}",
    "{actor} {verb} {object} for {people}",
    "The work on {object} {verb} {people} across {place}",
    "Teams {verb} {object} together with {people}",
    "{detail} and {detail2} were part of the plan for {people} in {place}",
    "{actor} {verb} {object}, with {detail} for {people}",
    "Reports on {detail} and {object} were shared with {actor}",
]
# The long tail of a real catalogue: crops, diseases, hazards, trades, tools,
# places; each record names a few, most of them rarely.
DETAILS = [
    "maize",
    "sorghum",
    "cassava",
    "millet",
    "rice",
    "beans",
    "coffee",
    "cocoa",
    "bananas",
    "yams",
    "teff",
    "quinoa",
    "potatoes",
    "wheat",
    "cotton",
    "sesame",
    "groundnuts",
    "cashews",
    "vanilla",
    "tea",
    "livestock",
    "goats",
    "camels",
    "cattle",
    "poultry",
    "fisheries",
    "aquaculture",
    "beekeeping",
    "honey",
    "malaria",
    "measles",
    "cholera",
    "tuberculosis",
    "dengue",
    "polio",
    "hepatitis",
    "diabetes",
    "malnutrition",
    "anaemia",
    "maternal-health",
    "midwifery",
    "vaccinology",
    "oxygen-plants",
    "cold-chains",
    "floods",
    "cyclones",
    "hurricanes",
    "landslides",
    "heatwaves",
    "wildfires",
    "locusts",
    "droughts",
    "earthquakes",
    "tsunamis",
    "volcanoes",
    "erosion",
    "salinity",
    "desertification",
    "boreholes",
    "cisterns",
    "pipelines",
    "dams",
    "terraces",
    "greenhouses",
    "silos",
    "mills",
    "kilns",
    "tractors",
    "drones",
    "radios",
    "smartphones",
    "satellites",
    "microgrids",
    "batteries",
    "turbines",
    "biogas",
    "cookstoves",
    "nurses",
    "engineers",
    "agronomists",
    "paralegals",
    "teachers",
    "surveyors",
    "veterinarians",
    "pharmacists",
    "cooperatives",
    "unions",
    "municipalities",
    "parliaments",
    "ombudspersons",
    "courts",
    "registries",
    "census",
    "land-titles",
    "pensions",
    "remittances",
    "microinsurance",
    "mobile-money",
    "payrolls",
    "tariffs",
    "procurement",
    "patents",
    "licences",
    "generics",
    "diagnostics",
    "ventilators",
    "laboratories",
    "curricula",
    "braille",
    "sign-language",
    "scholarships",
    "apprenticeships",
    "literacy",
    "numeracy",
    "broadband",
    "libraries",
    "archives",
    "museums",
    "festivals",
    "radio-drama",
    "mangroves",
    "coral",
    "wetlands",
    "forests",
    "pastures",
    "watersheds",
    "aquifers",
    "glaciers",
]
_detail_rng = random.Random(9)
_detail_rng.shuffle(DETAILS)
DETAIL_WEIGHTS = [1 / (rank + 1) ** 0.9 for rank in range(len(DETAILS))]
SUBJECTS = ["The programme", "The partners", "Local teams", "The network", "The project"]
PEOPLE = [
    "rural families",
    "young people",
    "older persons",
    "displaced families",
    "small farmers",
    "urban neighbourhoods",
    "coastal villages",
    "women and girls",
]
PLACES = [
    "rural districts",
    "border areas",
    "small islands",
    "river valleys",
    "informal settlements",
    "mountain villages",
    "coastal towns",
    "dry lands",
]


def _sentence(rng: random.Random, theme: str, focus: str) -> str:
    _objects, verbs = THEME_WORDS[theme]
    detail, detail2 = rng.choices(DETAILS, DETAIL_WEIGHTS, k=2)
    return (
        rng.choice(TEMPLATES).format(
            detail=detail.replace("-", " ").capitalize(),
            detail2=detail2.replace("-", " "),
            subject=rng.choice(SUBJECTS),
            verb=rng.choice(verbs),
            object=focus,
            place=rng.choice(PLACES),
            actor=rng.choice(ACTORS),
            people=rng.choice(PEOPLE),
        )
        + "."
    )


ACTORS = [
    "the ministry",
    "a regional body",
    "a university",
    "a farmers' union",
    "a women's network",
    "the national institution",
    "a United Nations agency",
]
# A record is about one or two things of each of its themes (seed banks,
# irrigation), and its sentences come from a pool about each of them: its
# words cluster as a real record's do, and a million records are cheap to write.
POOL_SIZE = 400
_pool_rng = random.Random(4)
SENTENCES = {
    (theme, focus): [_sentence(_pool_rng, theme, focus) for _ in range(POOL_SIZE)]
    for theme in THEMES
    for focus in THEME_WORDS[theme][0]
}


def _paragraph(rng: random.Random, pools: list[list[str]], sentences: int) -> str:
    parts = []
    for _ in range(sentences):
        if rng.random() < 0.3:
            parts.append(SHARED[rng.randrange(len(SHARED))] + ".")
        else:
            pool = pools[rng.randrange(len(pools))]
            parts.append(pool[rng.randrange(POOL_SIZE)])
    return " ".join(parts)


def record(n: int, countries: list[str], country_cum_weights: list[float]) -> dict:
    """Practice number n in the published JSON shape."""
    rng = random.Random(n)
    themes = list(dict.fromkeys(rng.choices(THEMES, THEME_WEIGHTS, k=rng.choice([1, 1, 2, 2, 3]))))
    actor_types = rng.choices(ACTOR_TYPES, ACTOR_WEIGHTS, k=rng.choice([1, 1, 2, 3]))
    actors = [{"name": f"Actor {rng.randrange(50_000)}", "type": kind} for kind in actor_types]
    chosen = list(
        dict.fromkeys(
            rng.choices(
                countries, cum_weights=country_cum_weights, k=rng.choice([1, 2, 2, 3, 4, 6])
            )
        )
    )
    year = min(2025, 1990 + int(rng.triangular(0, 36, 33)))
    focus = [(t, f) for t in themes for f in rng.sample(THEME_WORDS[t][0], rng.choice([1, 1, 2]))]
    pools = [SENTENCES[key] for key in focus]
    goals = sorted({g for t in themes for g in THEME_GOALS[t][: rng.randint(1, 2)]})
    return {
        "title": (f"{focus[0][1].capitalize()} for {rng.choice(PEOPLE)} in {rng.choice(PLACES)}"),
        "summary": _paragraph(rng, pools, 2),
        "description": "<p>"
        + _paragraph(rng, pools, 4)
        + "</p><p>"
        + _paragraph(rng, pools, 2)
        + "</p>",
        "challenge": _paragraph(rng, pools, 1),
        "actions": _paragraph(rng, pools, 2),
        "results": _paragraph(rng, pools, 1),
        "enabling_factors": rng.choice(SHARED) + ".",
        "sustainability": rng.choice(SHARED) + ".",
        "resources": "",
        "period": {"start": f"{year}-{rng.randint(1, 12):02d}-01", "end": None, "ongoing": True},
        "level": rng.choices(LEVELS, LEVEL_WEIGHTS)[0],
        "actors": actors,
        "countries": [{"country": c, "role": rng.choice(ROLES)} for c in chosen],
        "themes": themes,
        "modalities": list(
            dict.fromkeys(rng.choices(MODALITIES, MODALITY_WEIGHTS, k=rng.choice([1, 2, 2, 3])))
        ),
        "sdg_goals": goals,
        "sdg_targets": [],
        "human_rights": [],
        "sources": [],
        "language": rng.choice(LANGUAGES),
        "attachments": [],
    }


def country_weights(codes: list[str]) -> list[float]:
    """A long tail: the n-th State (in a fixed shuffled order) weighs 1/n^0.8 (cumulated)."""
    order = list(codes)
    random.Random(56).shuffle(order)
    rank = {code: i + 1 for i, code in enumerate(order)}
    return list(itertools.accumulate(1 / rank[code] ** 0.8 for code in codes))


def published_at(n: int, count: int) -> dt.datetime:
    """Publication dates spread over ten years, in record order."""
    start = dt.datetime(2016, 1, 1, tzinfo=dt.UTC)
    return start + dt.timedelta(seconds=int(n * (10 * 365 * 86400) / max(1, count)))
