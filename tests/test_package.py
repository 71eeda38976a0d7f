"""`pip install .`: the wheel holds the package, the rules and gunicorn's settings,
and an installed copy finds them under its prefix (service.paths)."""
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from service import paths

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_holds_package_rules_and_settings(tmp_path):
    # built from a copy of what the wheel needs, so the checkout gets no build/ or egg-info;
    # no build isolation: the venv's setuptools builds it, nothing is downloaded
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "requirements.txt", "README.md", "gunicorn.conf.py"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("service", "rules"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(tmp_path), str(source)], check=True, cwd=tmp_path)
    (wheel,) = tmp_path.glob("copydesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = "copydesk-0.1.0.data/data/share/copydesk/"
    assert {f"{data}rules/{p.name}" for p in (ROOT / "rules").glob("*.yaml")} <= names
    assert f"{data}gunicorn.conf.py" in names
    assert {f"service/{p.relative_to(ROOT / 'service').as_posix()}"
            for p in (ROOT / "service").rglob("*.py")} <= names
    assert not any(n.startswith(("tests/", "bench/")) for n in names)


def test_installed_copy_finds_bundled_files_under_its_prefix(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "CHECKOUT", tmp_path / "site-packages")
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "venv"))
    assert paths.find_bundled("rules") == tmp_path / "venv" / "share" / "copydesk" / "rules"


def test_checkout_finds_its_own_files():
    assert paths.find_bundled("rules") == ROOT / "rules"
    assert paths.find_bundled("gunicorn.conf.py") == ROOT / "gunicorn.conf.py"
