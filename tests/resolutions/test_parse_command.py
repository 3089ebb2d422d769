"""``solidarity parse FILE``: the document on stdout, warnings on stderr, errors exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.resolutions.parsing.variants import GOLDEN, INPUTS, seed_markdown

SOLIDARITY = Path(sys.executable).with_name("solidarity")


def _run(*arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "SOLIDARITY_ENV": "test"}
    return subprocess.run(
        [str(SOLIDARITY), "parse", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )


def test_parse_prints_the_seed_as_its_golden_json_and_exits_0():
    completed = _run(str(INPUTS / "A-HRC-RES-56-4.md"))
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    golden = json.loads((GOLDEN / "A-HRC-RES-56-4.json").read_text("utf-8"))
    assert json.loads(completed.stdout) == golden
    assert "Côte d'Ivoire" in completed.stdout
    assert '\n  "symbol": "A/HRC/RES/56/4",\n' in completed.stdout


def test_a_parse_error_is_one_line_on_stderr_with_file_and_line_and_exit_status_2(tmp_path):
    truncated = tmp_path / "truncated.md"
    text = seed_markdown()
    truncated.write_text(text[: text.index("with a view to promoting")], encoding="utf-8")
    completed = _run(str(truncated))
    assert completed.returncode == 2
    assert completed.stdout == ""
    line = text[: text.index("14. *Requests*")].count("\n") + 1
    assert completed.stderr == (
        f"error: {truncated}:{line}: the text ends inside operative paragraph 14, with no "
        "closing meeting line or adoption formula: the document looks truncated\n"
    )


def test_warnings_go_to_stderr_and_the_document_still_to_stdout():
    path = INPUTS / "synthetic-hrc-57-999.txt"
    completed = _run(str(path))
    assert completed.returncode == 0
    assert json.loads(completed.stdout)["symbol"] == "A/HRC/RES/57/999"
    lines = completed.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:76: warning: heading 'Cooperation with the mandate'")


def test_the_text_format_names_each_annex_and_counts_its_paragraphs():
    completed = _run(str(INPUTS.parents[1] / "corpus" / "A_RES_80_3.txt"), "--format", "text")
    assert completed.returncode == 0
    assert "Annex: Awaza Political Declaration (25 numbered paragraphs)" in completed.stdout


def test_the_text_format_is_a_short_summary_of_who_is_asked_to_act():
    completed = _run(str(INPUTS / "A-HRC-RES-56-4.md"), "--format", "text")
    assert completed.returncode == 0
    assert completed.stdout.splitlines()[:5] == [
        "A/HRC/RES/56/4: Human rights and international solidarity",
        "Human Rights Council, session 56, agenda item 3",
        "Adopted 2024-07-10 at the 34th meeting; distributed 2024-07-11",
        "15 preambular and 20 operative paragraphs, 1 footnote, 1 reference",
        "Vote: 29 in favour, 14 against, 4 abstaining",
    ]
    assert "  Independent Expert (op. 13, 14, 15, 16, 18, 19)" not in completed.stdout
    assert "  Independent Expert (op. 14, 15, 16, 18, 19)" in completed.stdout
    assert "  Secretary-General (op. 17)" in completed.stdout


def test_called_from_python_an_unreadable_file_exits_2_with_the_error_on_stderr(tmp_path, capsys):
    missing = tmp_path / "missing.md"
    with pytest.raises(SystemExit) as exit_:
        call_command("parse", str(missing))
    assert exit_.value.code == 2
    assert (
        capsys.readouterr().err
        == f"error: {missing}: cannot read the file: No such file or directory\n"
    )


def test_a_general_assembly_resolution_without_a_vote_in_the_summary(capsys):
    call_command("parse", str(INPUTS / "synthetic-ga-78-999.md"), "--format", "text")
    output = capsys.readouterr().out
    assert "Vote: none recorded (adopted without a vote)" in output
    assert "General Assembly, session 78, agenda item 71 (b)" in output


CORPUS = Path(__file__).parent / "corpus"


def _corpus_copy(folder: Path, stem: str, **changed_facts) -> None:
    """One real document of the corpus with its facts, some facts changed on purpose."""
    (folder / f"{stem}.txt").write_bytes((CORPUS / f"{stem}.txt").read_bytes())
    facts = json.loads((CORPUS / f"{stem}.facts.json").read_text(encoding="utf-8"))
    facts.update(changed_facts)
    (folder / f"{stem}.facts.json").write_text(json.dumps(facts), encoding="utf-8")


def test_check_says_exact_for_a_document_read_as_its_reader_did(tmp_path):
    _corpus_copy(tmp_path, "A_RES_80_1")
    run = _run("--check", str(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines() == ["A/RES/80/1: exact", "1 of 1 documents exact"]


def test_check_names_what_was_read_differently_and_exits_1(tmp_path):
    # A/RES/80/1 has three operative paragraphs; these facts claim a fourth and one footnote more.
    _corpus_copy(
        tmp_path,
        "A_RES_80_1",
        operative_count=4,
        operative_leads=["Decides", "Also decides", "Further decides", "Requests"],
        footnote_count=2,
    )
    run = _run("--check", str(tmp_path))
    assert run.returncode == 1
    line, total = run.stdout.splitlines()
    assert line.startswith("A/RES/80/1: ")
    assert "operative paragraphs: 3 read, 4 printed" in line
    assert "footnotes: 1 read, 2 printed" in line
    assert total == "0 of 1 documents exact"


def test_check_refuses_facts_without_their_document(tmp_path):
    (tmp_path / "A_RES_80_1.facts.json").write_bytes(
        (CORPUS / "A_RES_80_1.facts.json").read_bytes()
    )
    run = _run("--check", str(tmp_path))
    assert run.returncode != 0
    assert "A_RES_80_1.facts.json: no document A_RES_80_1.txt" in run.stderr
