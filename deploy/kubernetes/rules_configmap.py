"""Print the `copydesk-rules` ConfigMap built from a rules directory (default: the repo's rules/).

    python deploy/kubernetes/rules_configmap.py [RULES_DIR] | kubectl apply -f -

The Deployment mounts it at /app/rules (COPYDESK_RULES_DIR). After an update,
`kubectl rollout restart deployment/copydesk` (or SIGHUP to each pod's PID 1,
gunicorn's master, once the kubelet has synced the volume) loads the new rules.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

NAME = "copydesk-rules"
LIMIT = 1024 * 1024  # Kubernetes refuses ConfigMaps over 1 MiB


def build_configmap(rules_dir: Path) -> dict:
    """The ConfigMap as a dict: one key per rules file, its text as the value."""
    files = sorted(rules_dir.glob("*.yaml"))
    if not files:
        raise SystemExit(f"error: no *.yaml rules files in {rules_dir}")
    data = {f.name: f.read_text(encoding="utf-8") for f in files}
    size = sum(len(v.encode()) for v in data.values())
    if size > LIMIT:
        raise SystemExit(f"error: rules are {size} bytes, over the 1 MiB ConfigMap limit; "
                         "bake them into the image or use a volume instead")
    return {"apiVersion": "v1", "kind": "ConfigMap",
            "metadata": {"name": NAME, "labels": {"app.kubernetes.io/name": "copydesk"}},
            "data": data}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     epilog="example: python deploy/kubernetes/rules_configmap.py rules/ "
                                            "| kubectl apply -f -")
    parser.add_argument("rules_dir", nargs="?", type=Path, default=Path(__file__).resolve().parents[2] / "rules",
                        help="directory of rules *.yaml files (default: the repository's rules/)")
    args = parser.parse_args(argv)
    yaml.safe_dump(build_configmap(args.rules_dir), sys.stdout, sort_keys=False, allow_unicode=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
