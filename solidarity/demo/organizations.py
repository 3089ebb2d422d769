"""Organizations of the demonstration data: real bodies, named as facts only."""

DEMO_ORGANIZATIONS = [
    # (name, type, countries, website)
    (
        "Office of the United Nations High Commissioner for Human Rights",
        "un_entity",
        ["CHE"],
        "https://www.ohchr.org",
    ),
    ("United Nations Development Programme", "un_entity", ["USA"], "https://www.undp.org"),
    (
        "United Nations Office for South-South Cooperation",
        "un_entity",
        ["USA"],
        "https://unsouthsouth.org",
    ),
    ("South Centre", "igo", ["CHE"], "https://www.southcentre.int"),
    ("African Union", "igo", ["ETH"], "https://au.int"),
    (
        "CIVICUS: World Alliance for Citizen Participation",
        "ngo",
        ["ZAF"],
        "https://www.civicus.org",
    ),
    ("Oxfam International", "ngo", ["KEN"], "https://www.oxfam.org"),
    (
        "Commission on Human Rights of the Philippines",
        "nhri",
        ["PHL"],
        "https://chr.gov.ph",
    ),
    (
        "Geneva Academy of International Humanitarian Law and Human Rights",
        "academic",
        ["CHE"],
        "https://www.geneva-academy.ch",
    ),
    (
        "Permanent Mission of Cuba to the United Nations Office at Geneva",
        "state",
        ["CUB"],
        "",
    ),
]

# (e-mail, full name, role, country ISO3, organization name)
DEMO_PEOPLE = [
    ("secretariat@demo.solidarity.invalid", "Amina Diallo", "secretariat", None, None),
    ("reviewer@demo.solidarity.invalid", "Lucas Pereira", "reviewer", None, None),
    ("focal.point@demo.solidarity.invalid", "Elena Martínez", "focal_point", "CUB", None),
    (
        "contributor@demo.solidarity.invalid",
        "Thabo Nkosi",
        "contributor",
        None,
        "CIVICUS: World Alliance for Citizen Participation",
    ),
    ("reader@demo.solidarity.invalid", "Mei Chen", "public", None, None),
]

# Themes the secretariat added to the five named by op. 8 of resolution 56/4.
DEMO_THEMES = {
    "water_sanitation": {
        "en": "Water and sanitation",
        "fr": "Eau et assainissement",
        "es": "Agua y saneamiento",
        "ru": "Водоснабжение и санитария",
        "zh-hans": "水和环境卫生",
        "ar": "المياه والصرف الصحي",
    },
    "education": {
        "en": "Education",
        "fr": "Éducation",
        "es": "Educación",
        "ru": "Образование",
        "zh-hans": "教育",
        "ar": "التعليم",
    },
    "disaster_response": {
        "en": "Disaster response",
        "fr": "Réponse aux catastrophes",
        "es": "Respuesta a los desastres",
        "ru": "Реагирование на бедствия",
        "zh-hans": "救灾",
        "ar": "الاستجابة للكوارث",
    },
}
