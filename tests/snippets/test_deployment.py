"""Contract for `deployment`: the production server command, run for real on a loopback port.

Docker cannot run here, so the test checks what can be checked: the Dockerfile's CMD is the
command this test starts (with the listen address moved to 127.0.0.1 and a free port), and the
packages the Dockerfile installs are the ones the data lists, at versions the tests ran.
"""

import json
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import httpx2
import pytest
from packaging.requirements import Requirement

from tests.support import ROOT, catalog, frameworks_with_snippet, uses_django

BIN = Path(sys.executable).parent
SERVERS = {
    "django": "gunicorn",
    "django_ninja": "gunicorn",
    "flask": "gunicorn",
    "quart": "hypercorn",
    "fastapi": "uvicorn",
    "litestar": "uvicorn",
    "starlette": "uvicorn",
}


def dockerfile(framework: str) -> list[str]:
    path = ROOT / "snippets" / "deployment" / f"{framework}.Dockerfile"
    return path.read_text(encoding="utf-8").splitlines()


def docker_cmd(framework: str) -> list[str]:
    [line] = [line for line in dockerfile(framework) if line.startswith("CMD ")]
    command = json.loads(line.removeprefix("CMD "))  # exec form: a JSON array, no shell
    assert isinstance(command, list)
    return command


def pip_requirements(framework: str) -> list[Requirement]:
    [line] = [line for line in dockerfile(framework) if line.startswith("RUN pip install ")]
    words = shlex.split(line.removeprefix("RUN pip install "))
    return [Requirement(word) for word in words if not word.startswith("-")]


def on_loopback(command: list[str], port: int) -> list[str]:
    """The same command, listening on 127.0.0.1:port instead of every interface."""
    swapped = list(command)
    for index, arg in enumerate(command[:-1]):
        if arg == "--bind":
            swapped[index + 1] = f"127.0.0.1:{port}"
        elif arg == "--host":
            swapped[index + 1] = "127.0.0.1"
        elif arg == "--port":
            swapped[index + 1] = str(port)
    return swapped


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(framework):
    """Start the Dockerfile's command on a loopback port; yield its base URL; stop it."""
    port = free_port()
    command = on_loopback(docker_cmd(framework), port)
    process = subprocess.Popen(
        [str(BIN / command[0]), *command[1:]],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.stdout.read()
            try:
                httpx2.get(base_url, headers={"X-Forwarded-Proto": "https"}, timeout=1)
                break
            except httpx2.TransportError:
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.2)
        yield base_url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        finally:
            process.kill()
            process.stdout.close()


def test_dockerfile_runs_the_server_the_framework_docs_advise(framework):
    command = docker_cmd(framework)
    app = f"snippets.deployment.{framework}_app:{catalog().framework(framework).app_attribute}"

    assert command[0] == SERVERS[framework]
    assert app in command
    assert on_loopback(command, 8000) != command, "the container listens on every interface"


@pytest.mark.parametrize(
    "django_based", [f for f in frameworks_with_snippet("deployment") if uses_django(f)]
)
def test_django_passes_the_deployment_checklist(django_based):
    result = subprocess.run(
        [sys.executable, "-m", f"snippets.deployment.{django_based}_app", "check", "--deploy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert re.findall(r"\(security\.W\d+\)", result.stderr + result.stdout) == ["(security.W021)"]


def test_dockerfile_installs_the_listed_packages_at_tested_versions(framework):
    requirements = pip_requirements(framework)
    cell = catalog().tasks["deployment"].support[framework]

    assert sorted(r.name for r in requirements) == sorted(cell.install)
    for requirement in requirements:
        assert requirement.specifier.contains(version(requirement.name)), requirement


def test_dockerfile_runs_as_an_unprivileged_user(framework):
    lines = dockerfile(framework)

    assert "USER app" in lines
    assert lines.index("USER app") < next(
        i for i, line in enumerate(lines) if line.startswith("CMD ")
    )


PLAIN_HTTP_STATUS = {
    "django": 301,
    "django_ninja": 301,
    "flask": 200,
    "quart": 200,
    "fastapi": 200,
    "litestar": 200,
    "starlette": 200,
}


def test_production_server_answers_on_loopback(server, framework):
    behind_tls = httpx2.get(server, headers={"X-Forwarded-Proto": "https"})
    plain = httpx2.get(server)

    assert behind_tls.status_code == 200
    assert behind_tls.json() == {"status": "ok", "scheme": "https"}
    assert behind_tls.headers["server"].startswith(SERVERS[framework])
    assert plain.status_code == PLAIN_HTTP_STATUS[framework]
    if plain.status_code == 301:
        assert plain.headers["location"] == f"https://{server.removeprefix('http://')}/"
        assert "strict-transport-security" not in plain.headers
        assert behind_tls.headers["strict-transport-security"] == (
            "max-age=31536000; includeSubDomains"
        )
    else:
        assert plain.json() == {"status": "ok", "scheme": "http"}


def test_in_process_health_check(http):
    response = http.get("/", headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_on_loopback_moves_only_the_address():
    assert on_loopback(["gunicorn", "--bind", "0.0.0.0:8000", "-w", "2", "m:app"], 5000) == [
        "gunicorn",
        "--bind",
        "127.0.0.1:5000",
        "-w",
        "2",
        "m:app",
    ]
    assert on_loopback(["uvicorn", "m:app", "--host", "0.0.0.0", "--port", "8000"], 5001) == [
        "uvicorn",
        "m:app",
        "--host",
        "127.0.0.1",
        "--port",
        "5001",
    ]
