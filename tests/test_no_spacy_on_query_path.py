"""Query commands never import spaCy (it costs seconds at start-up)."""
from __future__ import annotations

import json
import subprocess
import sys

QUERY_COMMANDS = [
    ["ask", "who-discussed", "--format", "json"],
    ["ask", "who-discussed", "--with", "Biden", "--topic", "export"],
    ["ask", "who-said"],
    ["ask", "conflicts"],
    ["entities", "--type", "person"],
    ["stats"],
    ["query", "ASK { ?s ?p ?o }"],
    ["export", "--format", "nquads"],
]

PROBE = """
import json, sys
from click.testing import CliRunner
import kg.cli
store, commands = sys.argv[1], json.loads(sys.argv[2])
codes = [CliRunner().invoke(kg.cli.cli, ["--store", store, *args]).exit_code for args in commands]
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc") or m in ("kg.nlp", "kg.extract.pipeline"))
print(json.dumps({"codes": codes, "heavy": heavy}))
"""


def test_query_commands_do_not_import_spacy(store_dir):
    proc = subprocess.run([sys.executable, "-c", PROBE, str(store_dir), json.dumps(QUERY_COMMANDS)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0] * len(QUERY_COMMANDS)
    assert report["heavy"] == [], f"query path imported {report['heavy']}"


def test_python_dash_m_kg_answers(store_dir):
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "kg", "--store", str(store_dir),
                           "ask", "who-discussed", "--format", "json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(json.loads(proc.stdout)) == 4
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert not {m for m in imported if m.split(".")[0] == "spacy"}
