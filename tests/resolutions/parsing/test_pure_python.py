"""The parser runs without Django: importing and using it loads no part of Django."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_parsing_a_resolution_imports_nothing_from_django():
    program = (
        "import sys\n"
        "from solidarity.resolutions.parsing import parse_file\n"
        "parse_file('tests/resolutions/parsing/inputs/A-HRC-RES-56-4.md')\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(loaded))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert completed.stdout.strip() == ""


def test_no_module_of_the_parser_imports_django():
    imports = re.compile(r"^\s*(?:from|import)\s+django\b", re.MULTILINE)
    package = ROOT / "solidarity" / "resolutions" / "parsing"
    modules = list(package.glob("*.py"))
    assert len(modules) > 5
    for module in modules:
        assert not imports.search(module.read_text("utf-8")), module.name
