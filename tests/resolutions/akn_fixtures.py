"""Resolutions as the parser hands them over, written out by hand for the Akoma Ntoso tests.

``council_56_4()`` is the seed, Human Rights Council resolution 56/4, paragraph for paragraph.
``assembly_without_a_vote()`` is a General Assembly resolution in the same shape, adopted
without a vote, with sub-paragraphs (a), (b) and nested (i), (ii), citations and two
footnotes; its wording is illustrative.
"""

from __future__ import annotations


def _pp(index: int, lead: str, rest: str) -> dict:
    return {"index": index, "lead": lead, "text": f"{lead}{rest}"}


def _op(number: int, lead: str, rest: str, addressees=(), subparagraphs=()) -> dict:
    return {
        "number": number,
        "lead": lead,
        "text": f"{lead}{rest}",
        "subparagraphs": list(subparagraphs),
        "addressees": list(addressees),
    }


def _sub(label: str, text: str, subparagraphs=()) -> dict:
    return {"label": label, "text": text, "subparagraphs": list(subparagraphs)}


def _voters(*pairs: str) -> list[dict]:
    return [
        {"name": name, "iso3": iso3} for name, iso3 in zip(pairs[::2], pairs[1::2], strict=True)
    ]


IN_FAVOUR_56_4 = _voters(
    "Algeria", "DZA", "Bangladesh", "BGD", "Benin", "BEN", "Brazil", "BRA",
    "Burundi", "BDI", "Cameroon", "CMR", "China", "CHN", "Côte d'Ivoire", "CIV",
    "Cuba", "CUB", "Dominican Republic", "DOM", "Eritrea", "ERI", "Gambia", "GMB",
    "Ghana", "GHA", "Honduras", "HND", "India", "IND", "Indonesia", "IDN",
    "Kazakhstan", "KAZ", "Kuwait", "KWT", "Kyrgyzstan", "KGZ", "Malawi", "MWI",
    "Malaysia", "MYS", "Maldives", "MDV", "Paraguay", "PRY", "Qatar", "QAT",
    "Somalia", "SOM", "South Africa", "ZAF", "Sudan", "SDN",
    "United Arab Emirates", "ARE", "Viet Nam", "VNM",
)  # fmt: skip

AGAINST_56_4 = _voters(
    "Albania", "ALB", "Belgium", "BEL", "Bulgaria", "BGR", "Finland", "FIN",
    "France", "FRA", "Georgia", "GEO", "Germany", "DEU", "Japan", "JPN",
    "Lithuania", "LTU", "Luxembourg", "LUX", "Montenegro", "MNE",
    "Netherlands (Kingdom of the)", "NLD", "Romania", "ROU",
    "United States of America", "USA",
)  # fmt: skip

ABSTAINING_56_4 = _voters(
    "Argentina", "ARG", "Chile", "CHL", "Costa Rica", "CRI", "Morocco", "MAR",
)  # fmt: skip


def council_56_4() -> dict:
    """A/HRC/RES/56/4, Human rights and international solidarity (seed document)."""
    return {
        "symbol": "A/HRC/RES/56/4",
        "body": "HRC",
        "session": 56,
        "agenda_item": "3",
        "title": "Human rights and international solidarity",
        "adopted_on": "2024-07-10",
        "distributed_on": "2024-07-11",
        "meeting": "34th meeting",
        "preambular_paragraphs": [
            _pp(1, "Reaffirming", " all previous resolutions and decisions adopted by the "
                "Commission on Human Rights and the Human Rights Council on the issue of human "
                "rights and international solidarity,"),
            _pp(2, "Underlining", " the fact that the processes of promoting and protecting "
                "human rights should be conducted in conformity with the purposes and principles "
                "of the Charter of the United Nations and international law,"),
            _pp(3, "Recalling", " that, at the World Conference on Human Rights, held in June "
                "1993, States pledged to cooperate with each other in ensuring development and "
                "eliminating obstacles to development and stressed that the international "
                "community should promote effective international cooperation for the "
                "realization of the right to development and the elimination of obstacles to "
                "development,"),
            _pp(4, "Reaffirming", " the fact that article 4 of the Declaration on the Right to "
                "Development states that sustained action is required to promote more rapid "
                "development of developing countries and, as a complement to the efforts of "
                "developing countries, effective international cooperation is essential in order "
                "to provide these countries with the appropriate means and facilities to foster "
                "their comprehensive development,"),
            _pp(5, "Recognizing", " that the attention paid to the importance of international "
                "solidarity as a vital component of the efforts of developing countries to "
                "realize the right to development of their peoples and to promote the full "
                "enjoyment of economic, social and cultural rights by everyone has been "
                "insufficient, and in this context reaffirming the critical relevance of "
                "international solidarity to the implementation of the 2030 Agenda for "
                "Sustainable Development,"),
            _pp(6, "Reaffirming", " the fact that the widening gap between economically "
                "developed and developing countries is unsustainable and that it impedes the "
                "realization of human rights in the international community and makes it all the "
                "more imperative for every nation, according to its capacities, to make the "
                "maximum possible effort to close this gap,"),
            _pp(7, "Mindful", " of the fact that, while globalization opens up new opportunities "
                "for growth and development, it also presents challenges, including growing "
                "inequality, widespread poverty, unemployment, social disintegration and "
                "environmental risks, that demand increased coordination and collective "
                "decision-making at the global level,"),
            _pp(8, "Reaffirming", " the crucial importance of increasing the resources allocated "
                "to official development assistance, recalling the pledge of industrialized "
                "countries to allocate 0.7 per cent of their gross national income to official "
                "development assistance, and recognizing the need for new and additional "
                "resources to finance the development programmes of developing countries,"),
            _pp(9, "Emphasizing", " the commitment of States in the 2030 Agenda to a revitalized "
                "Global Partnership for Sustainable Development, based on a spirit of global "
                "solidarity, in particular with the poorest and most vulnerable,"),
            _pp(10, "Affirming", " the fact that the achievement of the Sustainable Development "
                "Goals and the realization of the right to development call for a more "
                "enlightened approach, mindset and action based on a sense of community and "
                "international solidarity,"),
            _pp(11, "Determined", " to take new steps forward in the commitment of the "
                "international community with a view to achieving substantial progress in human "
                "rights endeavours through an increased and sustained effort of international "
                "cooperation and solidarity,"),
            _pp(12, "Recognizing", " that the promotion and protection of human rights should be "
                "based on the principles of cooperation and genuine dialogue and aimed at "
                "strengthening the capacity of Member States to comply with their human rights "
                "obligations for the benefit of all human beings,"),
            _pp(13, "Emphasizing", ", in the light of the experience of the coronavirus disease "
                "(COVID-19) pandemic, that responses to contain, mitigate and overcome future "
                "pandemics and their consequences should be people-centred and "
                "gender-responsive, with full respect for human rights, multidimensional, "
                "coordinated, inclusive, innovative, swift and decisive at all levels, through "
                "international cooperation, unity, solidarity and collective action, based on a "
                "multilateral approach and strong international institutions,"),
            _pp(14, "Asserting", " the necessity of compiling and disseminating good practices "
                "and good experiences of international solidarity, from States and non-State "
                "actors at all levels, in post-pandemic recovery efforts,"),
            _pp(15, "Resolved", " to strive to ensure that present generations are fully aware "
                "of their responsibilities towards future ones, and that a better world is "
                "possible in which future generations can enjoy an environment that assures "
                "their health and well-being,"),
        ],
        "operative_paragraphs": [
            _op(1, "Reaffirms", " the recognition set forth in the United Nations Millennium "
                "Declaration of the fundamental value of solidarity to international relations "
                "in the twenty-first century in stating that global challenges must be managed "
                "in a way that distributes costs and burdens fairly, in accordance with the "
                "basic principles of equity and social justice, and that those who suffer or "
                "who benefit least deserve help from those who benefit most;"),
            _op(2, "Also reaffirms", " that international solidarity is not limited to "
                "international assistance and cooperation, aid, charity or humanitarian "
                "assistance; it is a broader concept and principle that includes sustainability "
                "in international relations, especially international economic relations, the "
                "peaceful coexistence of all members of the international community, equal "
                "partnerships and the equitable sharing of benefits and burdens;"),
            _op(3, "Reiterates", " its determination to contribute to the solution of current "
                "world problems through increased international cooperation, to create "
                "conditions that will ensure that the needs and interests of future generations "
                "are not jeopardized by the burden of the past, and to hand over a better world "
                "to future generations;"),
            _op(4, "Reaffirms", " the fact that the promotion of international cooperation is a "
                "duty for States, and that it should be implemented without any conditionality "
                "and on the basis of mutual respect, in full compliance with the principles and "
                "purposes of the Charter of the United Nations, in particular respect for the "
                "sovereignty of States, and taking into account nationally defined priorities "
                "and development and human rights plans;"),
            _op(5, "Recognizes", " that international solidarity is a foundational principle "
                "underpinning contemporary international law and international human rights "
                "law;"),
            _op(6, "Also recognizes", " that there is an overwhelming manifestation of "
                "international solidarity by States, individually and collectively, by civil "
                "society, by global social movements and by countless people of goodwill "
                "reaching out to others, and that this solidarity is commonly practised at the "
                "national, regional and international levels;"),
            _op(7, "Acknowledges", " the increased need for States and other actors to come "
                "together and take collective action in solidarity;"),
            _op(8, "Recognizes", " that international solidarity is a powerful tool for "
                "addressing the structural causes of extreme poverty, food insecurity, climate "
                "change, pandemics, inequality and other global challenges;"),
            _op(9, "Also recognizes", " that international solidarity and cooperation, "
                "capacity-building and technical assistance are fundamental tools in the "
                "promotion and protection of all human rights for all, including the right to "
                "development, and in addressing national human rights challenges;"),
            _op(10, "Emphasizes", " that humanitarian and technical cooperation, including in "
                "the context of South-South and triangular cooperation, is an important aspect "
                "of international solidarity;"),
            _op(11, "Also emphasizes", " the need for enhanced voluntary contributions to the "
                "relevant United Nations agencies, funds and programmes to support technical "
                "assistance, the exchange of information and experiences, technology transfer "
                "and capacity-building, including in the field of human rights, and encourages "
                "States to continue to make contributions to that end;",
                addressees=["States"]),
            _op(12, "Takes note", " of the report of the Independent Expert on human rights and "
                "international solidarity on the participation of civil society organizations "
                "seeking to express international solidarity through transnational, "
                "international and regional networks;[^1]"),
            _op(13, "Requests", " all States, United Nations agencies, other relevant "
                "international organizations and non-governmental organizations to mainstream "
                "the right of peoples and individuals to international solidarity into their "
                "activities, to cooperate with the Independent Expert in her mandate and to "
                "supply all necessary information requested by her, and requests States to give "
                "serious consideration to responding favourably to the requests of the "
                "Independent Expert to visit their countries to enable her to fulfil her "
                "mandate effectively;",
                addressees=["States", "United Nations agencies", "international organizations",
                            "non-governmental organizations"]),
            _op(14, "Requests", " the Independent Expert to continue to participate in relevant "
                "international forums and major events with a view to promoting the importance "
                "of international solidarity in the realization of all human rights, including "
                "the right to development and the achievement of the 2030 Agenda for "
                "Sustainable Development, especially those goals relating to economic, social "
                "and climate issues, and invites Member States, international organizations, "
                "United Nations agencies and other relevant organizations to facilitate the "
                "meaningful participation of the Independent Expert in those international "
                "forums and major events;",
                addressees=["Independent Expert", "Member States", "international organizations",
                            "United Nations agencies"]),
            _op(15, "Also requests", " the Independent Expert to continue to examine in her "
                "reports ways and means of overcoming existing and emerging obstacles to the "
                "realization of the right of peoples and individuals to international "
                "solidarity, including the challenges of international cooperation, and to seek "
                "the views and contributions of Governments, United Nations agencies and other "
                "relevant international organizations in this regard;",
                addressees=["Independent Expert"]),
            _op(16, "Further requests", " the Independent Expert to continue efforts with regard "
                "to the development of and consultations on the draft declaration on the right "
                "to international solidarity;",
                addressees=["Independent Expert"]),
            _op(17, "Requests", " the Secretary-General and the United Nations High Commissioner "
                "for Human Rights to provide all the human and financial resources necessary for "
                "the effective fulfilment of the mandate of the Independent Expert;",
                addressees=["Secretary-General", "High Commissioner"]),
            _op(18, "Reiterates", " its request to the Independent Expert to take into account "
                "the outcomes of all major United Nations and other global summits and "
                "ministerial meetings in the economic, social and climate fields and to continue "
                "to seek views and contributions from Governments, United Nations agencies, "
                "other relevant international organizations and non-governmental organizations "
                "in the discharge of her mandate;",
                addressees=["Independent Expert"]),
            _op(19, "Requests", " the Independent Expert to report regularly to the Human Rights "
                "Council and to the General Assembly in accordance with their respective "
                "programmes of work;",
                addressees=["Independent Expert"]),
            _op(20, "Decides", " to continue its consideration of this matter under the same "
                "agenda item."),
        ],
        "footnotes": [{"marker": "1", "text": "A/HRC/56/57.", "paragraph": "op-12"}],
        "references": [{"kind": "document", "cited": "A/HRC/56/57", "paragraphs": ["fn-1"]}],
        "vote": {
            "yes": 29,
            "no": 14,
            "abstain": 4,
            "in_favour": IN_FAVOUR_56_4,
            "against": AGAINST_56_4,
            "abstaining": ABSTAINING_56_4,
        },
    }  # fmt: skip


def assembly_without_a_vote() -> dict:
    """A General Assembly resolution adopted without a vote, with nested sub-paragraphs."""
    return {
        "symbol": "A/RES/78/123",
        "body": "GA",
        "session": 78,
        "agenda_item": "71 (b)",
        "title": "Promotion of international solidarity in responding to global crises",
        "adopted_on": "2023-12-19",
        "distributed_on": "2024-01-03",
        "meeting": "50th plenary meeting",
        "preambular_paragraphs": [
            _pp(1, "Recalling", " its resolution 70/1 of 25 September 2015, entitled "
                "“Transforming our world: the 2030 Agenda for Sustainable Development”,"),
            _pp(2, "Taking note", " of Human Rights Council resolution 56/4 of 10 July 2024 and "
                "of the report of the Independent Expert on human rights and international "
                "solidarity,[^1]"),
            _pp(3, "Deeply concerned", " that the burden of global crises falls most heavily on "
                "people in vulnerable situations,"),
        ],
        "operative_paragraphs": [
            _op(1, "Reaffirms", " that international solidarity is a foundational principle of "
                "contemporary international law;"),
            _op(2, "Recognizes", " the contribution of civil society to the expression of "
                "international solidarity;"),
            _op(3, "Welcomes", " the work of the Independent Expert on human rights and "
                "international solidarity;"),
            _op(4, "Encourages", " States to share good practices of international solidarity;",
                addressees=["States"]),
            _op(5, "Invites", " international organizations to take international solidarity "
                "into account in their activities;",
                addressees=["international organizations"]),
            _op(6, "Stresses", " that responses to global crises should be people-centred and "
                "respect human rights;"),
            _op(7, "Emphasizes", " the importance of international cooperation in the recovery "
                "from global crises;"),
            _op(8, "Calls upon", " all States and the United Nations system:",
                addressees=["States", "United Nations agencies"],
                subparagraphs=[
                    _sub("a", "To mainstream international solidarity in their policies, "
                         "as recalled in resolution 70/1;"),
                    _sub("b", "To cooperate in responding to crises, in particular:", [
                        _sub("i", "By sharing good practices and experiences;"),
                        _sub("ii", "By supporting the participation of civil society "
                             "organizations, including as set out in document A/78/250;[^2]"),
                    ]),
                ]),
            _op(9, "Requests", " the Secretary-General to submit a report on the implementation "
                "of the present resolution to the General Assembly at its eightieth session;",
                addressees=["Secretary-General"]),
        ],
        "footnotes": [
            {"marker": "1", "text": "A/HRC/56/57.", "paragraph": "pp-2"},
            {"marker": "2", "text": "See also Human Rights Council resolution 56/4.",
             "paragraph": "op-8"},
        ],
        "references": [
            {"kind": "resolution", "cited": "70/1", "paragraphs": ["pp-1", "op-8"]},
            {"kind": "resolution", "cited": "HRC 56/4", "paragraphs": ["pp-2", "fn-2"]},
            {"kind": "document", "cited": "A/HRC/56/57", "paragraphs": ["fn-1"]},
            {"kind": "document", "cited": "A/78/250", "paragraphs": ["op-8"]},
        ],
        "vote": None,
    }  # fmt: skip
