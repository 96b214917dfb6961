"""The compiled Open Referral HSDS 3.0 JSON Schemas, from ../shared/hsds beside the repository
(CI has a copy there). Tests that need them are skipped, with that reason, where it is absent."""

import functools
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

COMPILED = Path(__file__).resolve().parents[3] / "shared" / "hsds" / "schema" / "compiled"

needs_schemas = pytest.mark.skipif(
    not COMPILED.is_dir(), reason=f"the HSDS compiled schemas are not at {COMPILED}"
)


@functools.cache
def schema(name):
    """A compiled schema by file name; "taxonomy_term" and "taxonomy", which HSDS compiles only
    inside others, are taken from where service.json embeds them."""
    if name in ("taxonomy_term", "taxonomy"):
        term = schema("service")["properties"]["attributes"]["items"]["properties"]
        term = term["taxonomy_term"]
        return term if name == "taxonomy_term" else term["properties"]["taxonomy_detail"]
    return json.loads((COMPILED / f"{name}.json").read_text(encoding="utf-8"))


def assert_valid(data, name):
    validator = Draft202012Validator(
        schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)
    ]
    assert not errors, f"not a valid HSDS {name}:\n" + "\n".join(errors)
