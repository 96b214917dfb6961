"""Which package may import which. partners is the base; aanbod and netwerk are built on it and
not on each other; referrals is built on aanbod (and so on partners); analyse (the analysis of
the offer and the network) reads partners, aanbod, netwerk and referrals (its anonymous
counts); opendata (the open data API) reads partners and aanbod; nothing but the root URLs and
analyse imports referrals, and nothing but the root URLs analyse or opendata;
common (the site-wide helpers) imports no app. huisvanhetkind (settings,
root URLs, site pages) may import every app, and no app imports it: settings are read through
django.conf.settings.

The imports are read from the source with ast, so one inside a function counts too.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = {"partners", "aanbod", "netwerk", "referrals", "analyse", "opendata"}
FORBIDDEN = {
    "common": APPS | {"huisvanhetkind"},
    "partners": {"aanbod", "netwerk", "referrals", "analyse", "opendata", "huisvanhetkind"},
    "aanbod": {"netwerk", "referrals", "analyse", "opendata", "huisvanhetkind"},
    "netwerk": {"aanbod", "referrals", "analyse", "opendata", "huisvanhetkind"},
    "referrals": {"netwerk", "analyse", "opendata", "huisvanhetkind"},
    "analyse": {"opendata", "huisvanhetkind"},
    "opendata": {"netwerk", "referrals", "analyse", "huisvanhetkind"},
}


def imported_packages(path):
    """(line, top-level package) of every absolute import in a module. Relative imports are
    left out: they stay inside the module's own package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.partition(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.lineno, node.module.partition(".")[0]


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_nothing_built_on_it_or_beside_it(package):
    modules = sorted((ROOT / package).rglob("*.py"))
    assert modules, f"no modules found in {package}/"
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in modules
        for line, name in imported_packages(path)
        if name in FORBIDDEN[package]
    ]
    assert not wrong, "\n".join(wrong)
