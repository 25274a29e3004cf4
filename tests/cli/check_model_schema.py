#!/usr/bin/env python3
"""Checks the output of `nines schema` with python3-jsonschema (run by schema_command_test.cpp).

usage: check_model_schema.py SCHEMA.json SOURCE_DIR NINES_BINARY

1. The schema passes the draft 2020-12 meta-schema.
2. Every sample and every tests/data/valid file validates.
3. The keys of docs/model-format.md's key tables are the schema's keys, section by section.
4. Hand-made variants of a small model: the invalid ones (unknown keys, wrong types, values out
   of range, exclusive pairs) fail the schema, the valid ones pass, and `nines validate` agrees
   with the schema on every one of them.
5. Every tests/data/invalid file whose expected message is an unknown key of an object fails
   the schema.
Prints one line per problem and exits 1 if there is any.
"""

import copy
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

problems = []


def problem(text):
    problems.append(text)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def first_error(validator, document):
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is None:
        return None
    return "/" + "/".join(str(p) for p in error.absolute_path) + ": " + error.message[:300]


# ---- 3. docs/model-format.md against the schema ------------------------------------------------

# Which object kinds of the schema each section's key table documents. A section with a key
# table that is not here, or a kind of the schema that no section documents, is a problem.
SECTIONS = {
    "Top level": ["<model>"],
    "Components": ["component"],
    "Overload and load shedding": ["overload"],
    "Standby": ["standby"],
    "Deploys": ["deploys"],
    "Crews": ["crew"],
    "Dependencies": ["dependency"],
    "Circuit breakers": ["circuit_breaker"],
    "List targets with their own settings": ["dependency_target"],
    "Failover between alternatives": ["failover"],
    "Zones and regions": ["zone", "region"],
    "Fault injection": ["injection"],
    "Load": ["load"],
    "Spikes": ["spike"],
    "Journeys": ["journey"],
    "Load profiles": ["load_profile"],
    "Scenarios": ["scenario"],
}
DISTRIBUTIONS = "Distributions"


def markdown_tables(path):
    """Yields (section heading, header cells, rows of cells) for every table of the file."""
    section = None
    table = []
    in_code = False

    def flush():
        if len(table) >= 2:
            header = table[0]
            rows = [r for r in table[2:]]  # table[1] is the |---| line
            yield section, header, rows

    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines + [""]:
        if line.startswith("```"):
            in_code = not in_code
        if in_code:
            continue
        if line.startswith("|"):
            # Split on pipes outside backticks (a cell may show `a | b`).
            cells, cell, ticked = [], "", False
            for ch in line.strip()[1:]:
                if ch == "`":
                    ticked = not ticked
                if ch == "|" and not ticked:
                    cells.append(cell.strip())
                    cell = ""
                else:
                    cell += ch
            table.append(cells)
            continue
        if table:
            yield from flush()
            table = []
        heading = re.match(r"^#{2,4} (.+?)\s*$", line)
        if heading:
            section = heading.group(1)


def backticked(cell):
    return re.findall(r"`([^`]+)`", cell)


def object_kinds(schema):
    """{kind: set of keys} for the model and every object kind in $defs but the laws."""
    kinds = {"<model>": set(schema["properties"])}
    for name, definition in schema["$defs"].items():
        if "properties" in definition and not name.endswith("_law"):
            kinds[name] = set(definition["properties"])
    return kinds


def law_kinds(schema):
    return {name[: -len("_law")]: set(d["properties"])
            for name, d in schema["$defs"].items() if name.endswith("_law")}


def check_docs(schema, docs_path):
    documented = {}  # kind -> keys
    laws = {}  # type -> keys
    for section, header, rows in markdown_tables(docs_path):
        first = header[0] if header else ""
        if first == "key":
            if section not in SECTIONS:
                problem(f"docs: a key table under '{section}', which the check does not map "
                        "to a kind of the schema (add it to SECTIONS)")
                continue
            keys = set()
            for row in rows:
                found = backticked(row[0]) if row else []
                if not found:
                    problem(f"docs: '{section}': a key table row without a `key`: {row}")
                keys.update(found)
            for kind in SECTIONS[section]:
                documented.setdefault(kind, set()).update(keys)
        elif first == "`type`" and section == DISTRIBUTIONS:
            for row in rows:
                types = backticked(row[0])
                if len(types) != 1:
                    problem(f"docs: distributions: a row without one `type`: {row}")
                    continue
                laws[types[0]] = {"type"} | set(backticked(row[1]))

    kinds = object_kinds(schema)
    for kind, keys in kinds.items():
        if kind not in documented:
            problem(f"docs: the schema's '{kind}' has no key table in docs/model-format.md")
            continue
        if kind in ("zone", "region"):
            # One table documents both: each kind's keys must be in it, and it must hold no key
            # that neither has.
            missing = keys - documented[kind]
            extra = documented[kind] - kinds["zone"] - kinds["region"]
        else:
            missing = keys - documented[kind]
            extra = documented[kind] - keys
        for key in sorted(missing):
            problem(f"docs: key '{key}' of '{kind}' is in the schema but not in the docs' table")
        for key in sorted(extra):
            problem(f"docs: key '{key}' of '{kind}' is in the docs' table but not in the schema")
    for kind in documented:
        if kind not in kinds:
            problem(f"docs: '{kind}' is documented but is no kind of the schema")

    schema_laws = law_kinds(schema)
    if set(laws) != set(schema_laws):
        problem(f"docs: distribution types {sorted(laws)} differ from the schema's "
                f"{sorted(schema_laws)}")
    for law in sorted(set(laws) & set(schema_laws)):
        if laws[law] != schema_laws[law]:
            problem(f"docs: the keys of a {law} law differ: docs {sorted(laws[law])}, schema "
                    f"{sorted(schema_laws[law])}")
    checked = sum(len(k) for k in documented.values()) + sum(len(k) for k in laws.values())
    if checked < 80:
        problem(f"docs: only {checked} keys found in the docs' tables; is the parsing broken?")


# ---- 4. hand-made variants ------------------------------------------------------------------

BASE = {
    "$schema": "./nines-model.schema.json",
    "name": "variants",
    "horizon": "1y",
    "replications": 100,
    "target": "99.9%",
    "currency": "EUR",
    "crews": [{"id": "oncall", "size": 1, "cost": 100}],
    "regions": [{"id": "eu", "mtbf": "5y", "mttr": "12h"}],
    "zones": [{"id": "eu-a", "region": "eu", "mtbf": "1y", "mttr": "4h"},
              {"id": "eu-b", "region": "eu", "failure": {"type": "fixed", "value": "1y"},
               "repair": "4h"}],
    "components": [
        {"id": "web", "instances": 3, "min_up": 2, "mtbf": "1000h", "mttr": "1h",
         "zones": ["eu-a", "eu-b"], "cost": 10},
        {"id": "db", "placement": {"eu-a": 1, "eu-b": 1}, "min_up": 1,
         "failure": {"type": "weibull", "shape": 1.3, "scale": "1500h"},
         "repair": {"type": "lognormal", "median": "45m", "sigma": 0.8},
         "detection": {"type": "exponential", "mean": "5m"}, "crew": "oncall",
         "standby": {"mode": "warm", "switchover": "2m", "switch_success": 0.98,
                     "dormant_failure": "8000h"}, "idle_cost": 1},
        {"id": "db2", "mtbf": "4000h", "mttr": "6h",
         "deploys": {"period": "1w", "first_at": "2d", "bad_probability": 0.05,
                     "strategy": "canary", "batch": 2, "batch_interval": "5m",
                     "canary_fraction": 0.1, "bake": "30m", "detection": "10m",
                     "rollback": "15m", "restart": {"type": "fixed", "value": "1m"}}},
        {"id": "users", "failure": "never",
         "deploys": {"period": "4w", "bad_probability": 0, "strategy": "rolling",
                     "batch_interval": "30m", "restart": {"type": "fixed", "value": "20m"}}},
    ],
    "dependencies": [
        {"from": "users", "to": "web"},
        {"from": "web", "to": ["db", "db2"], "min_up": 1,
         "failover": {"time": "5m", "success": 0.99, "failback": "manual"}},
    ],
    "inject": [{"at": "30d", "component": "web", "instances": 1, "for": "1h"},
               {"at": "60d", "zone": "eu-a"}],
    "load": {"rps": 1200, "profile": {"type": "diurnal", "peak_to_mean": 1.8, "peak_at": "13:00"},
             "limit_rps": 5000, "outage_below": 0.5, "degraded_below": 0.99,
             "slo_basis": "requests", "metastable_after": "1h"},
    "scenarios": [{"name": "more web", "set": {"web.instances": 4}}],
}


def pointer_set(document, pointer, value):
    """Sets (or, with value DELETE, removes) the member at a JSON pointer."""
    parts = [int(p) if p.isdigit() else p for p in pointer.strip("/").split("/")]
    target = document
    for part in parts[:-1]:
        target = target[part]
    if value is DELETE:
        del target[parts[-1]]
    else:
        target[parts[-1]] = value


DELETE = object()

# (what, [(pointer, value), ...]): each must fail the schema and the loader.
INVALID = [
    ("unknown top-level key", [("/horizn", "1y")]),
    ("unknown component key", [("/components/0/mtbff", "1h")]),
    ("unknown standby key", [("/components/1/standby/dormant", "1h")]),
    ("unknown crew key", [("/crews/0/members", 2)]),
    ("unknown zone key", [("/zones/0/crew", "oncall")]),
    ("unknown region key", [("/regions/0/zones", [])]),
    ("unknown dependency key", [("/dependencies/0/min", 1)]),
    ("unknown failover key", [("/dependencies/1/failover/retries", 2)]),
    ("unknown inject key", [("/inject/0/until", "2h")]),
    ("unknown scenario key", [("/scenarios/0/sett", {})]),
    ("unknown law key", [("/components/1/failure/scal", "1h")]),
    ("unknown law type", [("/components/1/failure", {"type": "weibul", "shape": 1, "scale": 1})]),
    ("instances a string", [("/components/0/instances", "3")]),
    ("instances not an integer", [("/components/0/instances", 2.5)]),
    ("instances 0", [("/components/0/instances", 0)]),
    ("instances too many", [("/components/0/instances", 1000001)]),
    ("min_up 0", [("/components/0/min_up", 0)]),
    ("mtbf a boolean", [("/components/0/mtbf", True)]),
    ("mtbf negative", [("/components/0/mtbf", "-2h")]),
    ("mtbf zero", [("/components/0/mtbf", 0)]),
    ("mttr without a unit", [("/components/0/mttr", "2")]),
    ("mttr with an upper-case unit", [("/components/0/mttr", "2H")]),
    ("mttr in months", [("/components/0/mttr", "2mo")]),
    ("detection negative", [("/components/1/detection", "-1m")]),
    ("repair fixed 0", [("/components/2/mttr", DELETE),
                        ("/components/2/repair", {"type": "fixed", "value": 0})]),
    ("failure all-zero samples", [("/components/2/mtbf", DELETE),
                                  ("/components/2/failure", {"type": "empirical",
                                                             "samples": [0, "0h"]})]),
    ("weibull shape 0", [("/components/1/failure/shape", 0)]),
    ("weibull scale and mean", [("/components/1/failure/mean", "1000h")]),
    ("lognormal without a location", [("/components/1/repair/median", DELETE)]),
    ("lognormal median and mu", [("/components/1/repair/mu", 1.0)]),
    ("uniform without max", [("/components/2/mttr", DELETE),
                             ("/components/2/repair", {"type": "uniform", "min": "1h"})]),
    ("both mtbf and failure", [("/components/0/failure", "1000h")]),
    ("neither repair nor mttr", [("/components/0/mttr", DELETE)]),
    ("never beside mttr", [("/components/3/mttr", "1h")]),
    ("never beside standby", [("/components/3/standby", {"mode": "hot"})]),
    ("never of a repair", [("/components/2/mttr", "never")]),
    ("never of a zone", [("/zones/0/mtbf", DELETE), ("/zones/0/failure", "never")]),
    ("zones and placement", [("/components/0/placement", {"eu-a": 3})]),
    ("zones empty", [("/components/0/zones", [])]),
    ("zones twice the same", [("/components/0/zones", ["eu-a", "eu-a"])]),
    ("bad zone id", [("/components/0/zones", ["eu a"])]),
    ("placement count negative", [("/components/1/placement/eu-a", -1)]),
    ("placement empty", [("/components/1/placement", {})]),
    ("standby mode unknown", [("/components/1/standby/mode", "lukewarm")]),
    ("switch_success above 1", [("/components/1/standby/switch_success", 1.5)]),
    ("warm without dormant_failure", [("/components/1/standby/dormant_failure", DELETE)]),
    ("cold with dormant_failure", [("/components/1/standby/mode", "cold")]),
    ("hot with switchover", [("/components/2/standby", {"switchover": "1m"})]),
    ("cost negative", [("/components/0/cost", -1)]),
    ("cost a string", [("/components/0/cost", "12 EUR")]),
    ("crew size 0", [("/crews/0/size", 0)]),
    ("crew id missing", [("/crews/0/id", DELETE)]),
    ("replications 0", [("/replications", 0)]),
    ("replications 2.5", [("/replications", 2.5)]),
    ("seed negative", [("/seed", -1)]),
    ("target above 1", [("/target", 1.5)]),
    ("target a word", [("/target", "high")]),
    ("horizon above 1000 years", [("/horizon", 1e7)]),
    ("currency empty", [("/currency", "")]),
    ("currency a number", [("/currency", 978)]),
    ("$schema a number", [("/$schema", 3)]),
    ("components empty", [("/components", [])]),
    ("components an object", [("/components", {"id": "web"})]),
    ("dependency list without min_up", [("/dependencies/1/min_up", DELETE),
                                        ("/dependencies/1/failover", DELETE)]),
    ("dependency single target with min_up", [("/dependencies/0/min_up", 1)]),
    ("dependency empty list", [("/dependencies/0/to", [])]),
    ("failover with min_up 2", [("/dependencies/1/min_up", 2)]),
    ("failover success above 1", [("/dependencies/1/failover/success", 2)]),
    ("failover failback unknown", [("/dependencies/1/failover/failback", "auto")]),
    ("failover without time", [("/dependencies/1/failover/time", DELETE)]),
    ("inject at negative", [("/inject/0/at", "-1h")]),
    ("inject at a law", [("/inject/0/at", {"type": "fixed", "value": "1h"})]),
    ("inject for 0", [("/inject/0/for", 0)]),
    ("inject two targets", [("/inject/1/region", "eu")]),
    ("inject no target", [("/inject/1/zone", DELETE)]),
    ("inject instances of a zone", [("/inject/1/instances", 1)]),
    ("scenario without set", [("/scenarios/0/set", DELETE)]),
    ("unknown deploys key", [("/components/2/deploys/every", "1w")]),
    ("deploys without period", [("/components/2/deploys/period", DELETE)]),
    ("deploys period 0", [("/components/2/deploys/period", 0)]),
    ("deploys period a law", [("/components/2/deploys/period", {"type": "fixed", "value": "1w"})]),
    ("deploys first_at negative", [("/components/2/deploys/first_at", "-1h")]),
    ("deploys without bad_probability", [("/components/2/deploys/bad_probability", DELETE)]),
    ("deploys bad_probability above 1", [("/components/2/deploys/bad_probability", 1.5)]),
    ("deploys strategy unknown", [("/components/2/deploys/strategy", "blue-green")]),
    ("deploys batch 0", [("/components/2/deploys/batch", 0)]),
    ("deploys batch 1.5", [("/components/2/deploys/batch", 1.5)]),
    ("deploys batch_interval 0", [("/components/2/deploys/batch_interval", 0)]),
    ("canary without batch_interval", [("/components/2/deploys/batch_interval", DELETE)]),
    ("rolling without batch_interval", [("/components/3/deploys/batch_interval", DELETE)]),
    ("canary_fraction above 1", [("/components/2/deploys/canary_fraction", 1.5)]),
    ("canary_fraction 0", [("/components/2/deploys/canary_fraction", 0)]),
    ("canary without canary_fraction", [("/components/2/deploys/canary_fraction", DELETE)]),
    ("canary without bake", [("/components/2/deploys/bake", DELETE)]),
    ("deploys bake negative", [("/components/2/deploys/bake", "-5m")]),
    ("bad deploys without detection", [("/components/2/deploys/detection", DELETE)]),
    ("bad deploys without rollback", [("/components/2/deploys/rollback", DELETE)]),
    ("deploys restart negative", [("/components/2/deploys/restart", "-1m")]),
    ("deploys rollback negative", [("/components/2/deploys/rollback",
                                    {"type": "fixed", "value": "-1m"})]),
    ("deploys a string", [("/components/2/deploys", "1w")]),
    ("scenario name empty", [("/scenarios/0/name", "")]),
    ("unknown load key", [("/load/capacity_rps", 100)]),
    ("load without rps", [("/load/rps", DELETE)]),
    ("load rps 0", [("/load/rps", 0)]),
    ("load rps a string", [("/load/rps", "1200")]),
    ("load limit_rps 0", [("/load/limit_rps", 0)]),
    ("load outage_below 0", [("/load/outage_below", 0)]),
    ("load outage_below above 1", [("/load/outage_below", 1.5)]),
    ("load degraded_below above 1", [("/load/degraded_below", 1.01)]),
    ("load slo_basis unknown", [("/load/slo_basis", "calls")]),
    ("load metastable_after negative", [("/load/metastable_after", "-1h")]),
    ("load metastable_after a law", [("/load/metastable_after", {"type": "fixed", "value": "1h"})]),
    ("unknown spike key", [("/load/spikes", [{"gap": "30d", "duration": "1h", "multiplier": 2,
                                              "every": "1d"}])]),
    ("spike with gap and at", [("/load/spikes", [{"gap": "30d", "at": ["1d"], "duration": "1h",
                                                  "multiplier": 2}])]),
    ("spike without gap or at", [("/load/spikes", [{"duration": "1h", "multiplier": 2}])]),
    ("spike without duration", [("/load/spikes", [{"gap": "30d", "multiplier": 2}])]),
    ("spike multiplier 0", [("/load/spikes", [{"gap": "30d", "duration": "1h",
                                               "multiplier": 0}])]),
    ("spike at negative", [("/load/spikes", [{"at": ["-1h"], "duration": "1h",
                                              "multiplier": 2}])]),
    ("spike at empty", [("/load/spikes", [{"at": [], "duration": "1h", "multiplier": 2}])]),
    ("journeys empty", [("/load/journeys", [])]),
    ("journey share 0", [("/load/journeys", [{"entry": "users", "share": 0}])]),
    ("journey without entry", [("/load/journeys", [{"share": 1}])]),
    ("entry beside journeys", [("/entry", "users"),
                               ("/load/journeys", [{"entry": "users", "share": 1}])]),
    ("unknown overload key", [("/components/0/overload", {"crash_after": "1m", "restart": "1m",
                                                          "x": 1})]),
    ("overload without restart", [("/components/0/overload", {"crash_after": "1m"})]),
    ("overload crash_after 0", [("/components/0/overload", {"crash_after": 0, "restart": "1m"})]),
    ("load_shedding a string", [("/components/0/load_shedding", "yes")]),
    ("mode unknown", [("/dependencies/0/mode", "lazy")]),
    ("soft without impact", [("/dependencies/0/mode", "soft")]),
    ("impact on a hard row", [("/dependencies/0/impact", 0.5)]),
    ("impact above 1", [("/dependencies/0/mode", "soft"), ("/dependencies/0/impact", 1.5)]),
    ("cache without hit_ratio", [("/dependencies/0/mode", "cache"),
                                 ("/dependencies/0/stale_if_error", "5m")]),
    ("cache without stale_if_error", [("/dependencies/0/mode", "cache"),
                                      ("/dependencies/0/hit_ratio", 0.5)]),
    ("cache hit_ratio 1", [("/dependencies/0/mode", "cache"), ("/dependencies/0/hit_ratio", 1),
                           ("/dependencies/0/stale_if_error", "5m")]),
    ("cache keys on a soft row", [("/dependencies/0/mode", "soft"), ("/dependencies/0/impact", 0.5),
                                  ("/dependencies/0/warmup", "1m")]),
    ("stale_if_error a law", [("/dependencies/0/mode", "cache"), ("/dependencies/0/hit_ratio", 0.5),
                              ("/dependencies/0/stale_if_error",
                               {"type": "fixed", "value": "5m"})]),
    ("breaker threshold 0", [("/dependencies/0/circuit_breaker", {"threshold": 0,
                                                                  "open_for": "30s"})]),
    ("breaker open_for 0", [("/dependencies/0/circuit_breaker", {"threshold": 0.5,
                                                                 "open_for": 0})]),
    ("breaker without open_for", [("/dependencies/0/circuit_breaker", {"threshold": 0.5})]),
    ("mode on a target", [("/dependencies/1/to/1", {"id": "db2", "mode": "soft"})]),
    ("capacity_rps 0", [("/components/0/capacity_rps", 0)]),
    ("calls 0", [("/dependencies/0/calls", 0)]),
    ("retries 101", [("/dependencies/0/retries", 101)]),
    ("retries 1.5", [("/dependencies/0/retries", 1.5)]),
    ("routing on a single target", [("/dependencies/0/routing", "all")]),
    ("routing unknown", [("/dependencies/1/routing", "random")]),
    ("routing failover with min_up 2", [("/dependencies/1/routing", "failover"),
                                        ("/dependencies/1/min_up", 2),
                                        ("/dependencies/1/failover", DELETE)]),
    ("a target object without id", [("/dependencies/1/to/1", {"retries": 2})]),
    ("a row key on a target", [("/dependencies/1/to/1", {"id": "db2", "min_up": 1})]),
    ("a target's retries -1", [("/dependencies/1/to/1", {"id": "db2", "retries": -1})]),
    ("routing all beside a timed failover", [("/dependencies/1/routing", "all")]),
    ("unknown profile key", [("/load/profile/peak", 2)]),
    ("profile type unknown", [("/load/profile/type", "monthly")]),
    ("profile without type", [("/load/profile/type", DELETE)]),
    ("diurnal without peak_to_mean", [("/load/profile/peak_to_mean", DELETE)]),
    ("diurnal peak_to_mean above 2", [("/load/profile/peak_to_mean", 2.5)]),
    ("diurnal peak_to_mean below 1", [("/load/profile/peak_to_mean", 0.5)]),
    ("diurnal peak_at not a whole hour", [("/load/profile/peak_at", "14:30")]),
    ("diurnal peak_at 24:00", [("/load/profile/peak_at", "24:00")]),
    ("diurnal with values", [("/load/profile/values", [1] * 24)]),
    ("constant with peak_to_mean", [("/load/profile", {"type": "constant", "peak_to_mean": 1.5})]),
    ("hourly with 23 values", [("/load/profile", {"type": "hourly", "values": [1] * 23})]),
    ("hourly without values", [("/load/profile", {"type": "hourly"})]),
    ("hourly all zero", [("/load/profile", {"type": "hourly", "values": [0] * 24})]),
    ("hourly a negative value", [("/load/profile", {"type": "hourly",
                                                     "values": [1] * 23 + [-1]})]),
    ("weekly with 24 values", [("/load/profile", {"type": "weekly", "values": [1] * 24})]),
    ("hourly with peak_at", [("/load/profile", {"type": "hourly", "values": [1] * 24,
                                                "peak_at": "14:00"})]),
]

# Each must pass the schema and the loader.
VALID = [
    ("the base model", []),
    ("traffic keys", [("/components/0/capacity_rps", 400), ("/dependencies/0/calls", 2.5),
                      ("/dependencies/0/retries", 3), ("/dependencies/1/routing", "failover"),
                      ("/dependencies/1/to/1", {"id": "db2", "retries": 2, "calls": 3})]),
    ("traffic mechanisms", [("/components/0/capacity_rps", 400),
                            ("/components/0/overload", {"crash_after": "10m",
                                                        "restart": {"type": "fixed",
                                                                    "value": "5m"}}),
                            ("/components/0/load_shedding", True),
                            ("/dependencies/0/mode", "soft"), ("/dependencies/0/impact", 0),
                            ("/dependencies/0/circuit_breaker", {"threshold": 1,
                                                                 "open_for": "30s"}),
                            ("/dependencies/1/mode", "cache"), ("/dependencies/1/hit_ratio", 0),
                            ("/dependencies/1/stale_if_error", 0),
                            ("/dependencies/1/warmup", "1m"), ("/dependencies/1/stale_below", 1),
                            ("/dependencies/1/to/1", {"id": "db2", "circuit_breaker":
                                                      {"threshold": 0.5, "open_for": "1m"}}),
                            ("/load/spikes", [{"id": "ddos", "gap": "30d", "duration": "2h",
                                               "multiplier": 6},
                                              {"at": ["200d", 0, "200d"], "duration": "1h",
                                               "multiplier": 0.5}])]),
    ("journeys instead of an entry", [("/load/journeys", [{"entry": "users", "share": 0.75},
                                                          {"entry": "web", "share": 0.25}])]),
    ("a hard mode", [("/dependencies/0/mode", "hard")]),
    ("routing all with min_up 1", [("/dependencies/1/routing", "all"),
                                   ("/dependencies/1/failover", DELETE)]),
    ("durations in every spelling", [("/components/0/mtbf", " 1e3 h"), ("/components/0/mttr", 1.5),
                                     ("/components/2/mttr", "+90m")]),
    ("a detection of minus zero", [("/components/1/detection", "-0h")]),
    ("a detection of 0", [("/components/1/detection", 0)]),
    ("integers as integral floats", [("/replications", 1e4), ("/components/0/instances", 3.0)]),
    ("a target as a fraction", [("/target", 0.9995)]),
    ("no $schema", [("/$schema", DELETE)]),
    ("placement with instances", [("/components/1/instances", 2)]),
    ("lognormal with mu", [("/components/1/repair/median", DELETE), ("/components/1/repair/mu", 0.5)]),
    ("weibull with mean", [("/components/1/failure/scale", DELETE),
                           ("/components/1/failure/mean", "1000h")]),
    ("an empirical law with a zero sample", [("/components/2/mtbf", DELETE),
                                            ("/components/2/failure",
                                             {"type": "empirical", "samples": [0, "10h"]})]),
    ("a cold pool", [("/components/1/standby", {"mode": "cold", "switchover": 0})]),
    ("a hot standby object", [("/components/2/standby", {"mode": "hot"})]),
    ("a seed of 2^64 - 1", [("/seed", 18446744073709551615)]),
    ("deploys switched to all-at-once keep the canary's keys",
     [("/components/2/deploys/strategy", "all-at-once")]),
    ("deploys switched to rolling", [("/components/2/deploys/strategy", "rolling")]),
    ("good deploys without detection or rollback",
     [("/components/2/deploys/bad_probability", 0), ("/components/2/deploys/detection", DELETE),
      ("/components/2/deploys/rollback", DELETE)]),
    ("deploys with zero laws", [("/components/2/deploys/detection", 0),
                                ("/components/2/deploys/rollback", "0m"),
                                ("/components/2/deploys/restart", 0),
                                ("/components/2/deploys/bake", 0),
                                ("/components/2/deploys/first_at", 0)]),
    ("deploys with defaults", [("/components/2/deploys", {"period": "1d",
                                                          "bad_probability": 0})]),
    ("a load with only rps", [("/load", {"rps": 0.5})]),
    ("a constant profile", [("/load/profile", {"type": "constant"})]),
    ("an hourly profile with zeros", [("/load/profile", {"type": "hourly",
                                                         "values": [0] * 23 + [2.5]})]),
    ("a weekly profile", [("/load/profile", {"type": "weekly", "values": [1] * 168})]),
    ("diurnal at its bounds", [("/load/profile/peak_to_mean", 1), ("/load/profile/peak_at",
                                                                   "00:00")]),
    ("outage_below 1", [("/load/outage_below", 1), ("/load/degraded_below", 1)]),
    ("metastable_after 0", [("/load/metastable_after", 0)]),
]


def variant(changes):
    document = copy.deepcopy(BASE)
    for pointer, value in changes:
        pointer_set(document, pointer, value)
    return document


def nines_accepts(nines, document, directory):
    path = os.path.join(directory, "m.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f)
    run = subprocess.run([nines, "validate", path], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 2):
        problem(f"nines validate exited {run.returncode}: {run.stderr.strip()}")
    return run.returncode == 0, run.stderr.strip()


def check_variants(validator, nines):
    with tempfile.TemporaryDirectory() as directory:
        for what, changes in INVALID:
            document = variant(changes)
            if validator.is_valid(document):
                problem(f"invalid variant '{what}' passes the schema")
            accepted, _ = nines_accepts(nines, document, directory)
            if accepted:
                problem(f"invalid variant '{what}' is accepted by nines validate (a bad test)")
        for what, changes in VALID:
            document = variant(changes)
            error = first_error(validator, document)
            if error:
                problem(f"valid variant '{what}' fails the schema: {error}")
            accepted, message = nines_accepts(nines, document, directory)
            if not accepted:
                problem(f"valid variant '{what}' is refused by nines validate: {message}")


def main():
    schema_path, source, nines = sys.argv[1:4]
    schema = load(schema_path)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        print(f"the schema fails the 2020-12 meta-schema: {error.message}")
        return 1
    validator = jsonschema.Draft202012Validator(schema)

    files = sorted(glob.glob(os.path.join(source, "samples", "*.json")) +
                   glob.glob(os.path.join(source, "tests", "data", "valid", "*.json")))
    if len(files) < 10:
        problem(f"only {len(files)} samples and valid files found under {source}")
    for path in files:
        error = first_error(validator, load(path))
        if error:
            problem(f"{os.path.relpath(path, source)} fails the schema: {error}")

    check_docs(schema, os.path.join(source, "docs", "model-format.md"))
    check_variants(validator, nines)

    unknown_keys = 0
    for expected in sorted(glob.glob(os.path.join(source, "tests", "data", "invalid",
                                                  "*.expected"))):
        with open(expected, encoding="utf-8") as f:
            if "; known keys of a " not in f.read():
                continue
        path = expected[: -len(".expected")] + ".json"
        unknown_keys += 1
        if validator.is_valid(load(path)):
            problem(f"{os.path.relpath(path, source)} (an unknown key) passes the schema")
    if unknown_keys < 2:
        problem(f"only {unknown_keys} invalid files with unknown keys found")

    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
