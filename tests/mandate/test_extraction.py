"""Reading tasks from the operative paragraphs of the real resolution 56/4 (plain Python).

The expected facts were written by reading A/HRC/RES/56/4: op. 13 requests all
States, UN agencies, organizations and NGOs to mainstream the right and to
cooperate, and requests States to consider favourably the Expert's requests to
visit; op. 14-16, 18 and 19 ask the Independent Expert; op. 14 also invites
Member States and organizations to facilitate her participation; op. 11
encourages States to contribute; op. 17 asks the Secretary-General and the High
Commissioner for resources. The other paragraphs ask nothing of anyone.
"""

from solidarity.mandate import extraction


def _tasks(seed_document):
    return {t.paragraph: t for t in extraction.extract_tasks(seed_document["operative_paragraphs"])}


def test_storing_56_4_asks_the_expert_in_op_14_15_16_18_and_19(seed_document):
    tasks = extraction.asks_of(
        extraction.extract_tasks(seed_document["operative_paragraphs"]), "Independent Expert"
    )
    assert [t.paragraph for t in tasks] == [14, 15, 16, 18, 19]


def test_op_13_asks_states_to_cooperate_and_to_answer_visit_requests(seed_document):
    task = _tasks(seed_document)[13]
    assert task.addressees[0] == "States"
    first, second = task.requests
    assert first.action.startswith("mainstream the right of peoples and individuals")
    assert "to supply all necessary information requested by her" in first.action
    # "the requests of the Independent Expert" is a noun: not a third request.
    assert second.addressees == ["States"]
    assert second.action.startswith("give serious consideration to responding favourably")
    assert len(task.requests) == 2


def test_only_paragraphs_that_ask_someone_become_tasks(seed_document):
    assert sorted(_tasks(seed_document)) == [11, 13, 14, 15, 16, 17, 18, 19]


def test_op_14_is_the_experts_task_and_the_states_invitation_to_facilitate(seed_document):
    expert, states = _tasks(seed_document)[14].requests
    assert expert.addressees == ["Independent Expert"]
    assert expert.action.startswith("continue to participate in relevant international forums")
    assert "Member States" in states.addressees
    assert states.action == (
        "facilitate the meaningful participation of the Independent Expert in those "
        "international forums and major events"
    )


def test_reporting_regularly_is_a_regular_task(seed_document):
    task = _tasks(seed_document)[19]
    assert task.frequency == extraction.REGULARLY
    assert task.action == (
        "report regularly to the Human Rights Council and to the General Assembly "
        "in accordance with their respective programmes of work"
    )
    assert task.target_session is None and task.target_date == ""


def test_a_request_for_one_session_is_read_with_its_session_and_done_once():
    paragraphs = [
        {
            "number": 7,
            "text": "Requests the Independent Expert to submit a report to the Human Rights "
            "Council at its fifty-ninth session;",
            "subparagraphs": [],
            "addressees": ["Independent Expert"],
        },
        {
            "number": 8,
            "text": "Also requests the Independent Expert to present an annual report to the "
            "General Assembly by 31 October 2026;",
            "subparagraphs": [],
            "addressees": ["Independent Expert"],
        },
    ]
    first, second = extraction.extract_tasks(paragraphs)
    assert (first.target_session, first.frequency) == (59, extraction.ONCE)
    assert (second.target_date, second.frequency) == ("2026-10-31", extraction.ANNUALLY)
