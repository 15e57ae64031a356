"""The "signatures" section of docs/cli.md followed as an office would, with the keys its officials
already have: a national CA (a root and the intermediate CA that issues people's keys, published as
DER `.cer` files) and each official's `RSA256_….p12`, in the older encryption such files often
have. The commands are taken from the reference's text and run as written (only the file names and,
for openssl, the password source are filled in), so the reference cannot drift from what works."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, _bundled_copy, _run_cli, bundled_regulations
from signing_support import HOLDERS, NOW, PASSWORD, make_ca, make_official, needs
from workflow_support import APPROVERS

from dlo_docs import load

REG = "dlo-head"
ROLES = (*APPROVERS, "rector", "dlo-head")  # dlo-head: a reader who acknowledges


def _section() -> str:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    return text[text.index("### signatures") : text.index("### forms")]


def _commands(prefix: str) -> list[str]:
    """The reference's inline commands starting with ``prefix`` (over line breaks, spaces
    joined)."""
    found = re.findall(r"`(" + re.escape(prefix) + r"[^`]*)`", _section())
    return [" ".join(c.split()) for c in found]


def _block(kind: str, after: str) -> str:
    section = _section()
    start = section.index(f"```{kind}\n", section.index(after)) + len(kind) + 4
    return section[start : section.index("```", start)]


def _openssl(command: str, cwd: Path) -> None:
    args = shlex.split(command)
    assert args[0] == "openssl"
    if args[1] == "pkcs12":  # asked for in the reference; here from the environment
        args += ["-passin", "env:DLO_KEY_PASSWORD"]
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0 and "unsupported" in result.stderr and args[1] == "pkcs12":
        # OpenSSL 3 reads RC2-encrypted key files only with -legacy, as the reference says
        assert "`-legacy`" in _section()
        result = subprocess.run([*args, "-legacy"], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}: {result.stderr}"


def _legacy_p12_by_openssl(official, ca, path: Path) -> Path:
    """A key file as the oldest tools write it (RC2-40 for the certificates), with the CA's
    certificate in it: made by openssl's own -legacy export."""
    from cryptography.hazmat.primitives import serialization

    work = path.parent
    (work / "k.pem").write_bytes(
        official.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    (work / "c.pem").write_bytes(official.pem)
    (work / "ca.pem").write_bytes(ca.pem)
    subprocess.run(
        ["openssl", "pkcs12", "-export", "-legacy", "-in", "c.pem", "-inkey", "k.pem",
         "-certfile", "ca.pem", "-out", path.name, "-passout", f"pass:{PASSWORD}"],
        cwd=work, check=True, capture_output=True,
    )  # fmt: skip
    for name in ("k.pem", "c.pem", "ca.pem"):
        (work / name).unlink()
    return path


def _registry(root: Path, intermediate_in_trust: bool) -> None:
    """The reference's registry example (trust, required, the vice-rector's certificates, a former
    holder's among them), and each other official's certificate as step 2 names it."""
    parsed, problems = load.parse(_block("yaml", "### signatures").encode(), "docs/cli.md")
    assert parsed is not None, problems
    example = load.plain(parsed.data)
    path = root / "regulations" / "registry.yaml"
    source, problems = load.read(path, str(path))
    assert source is not None, problems
    signatures = dict(example["signatures"])
    if not intermediate_in_trust:
        signatures["trust"] = [t for t in signatures["trust"] if "intermediate" not in t]
    source.data["signatures"] = signatures
    [readme_vp] = example["positions"]
    for position in source.data["positions"]:
        if position["id"] == readme_vp["id"]:
            position["holder"] = readme_vp["holder"]
            position["certificates"] = readme_vp["certificates"]
        elif position["id"] in ROLES:
            position["certificates"] = [{"file": f"keys/{position['id']}.pem"}]
    load.write(path, source.data)


class Office:
    def __init__(self, root: Path, home: Path, keys: dict[str, Path]) -> None:
        self.root, self.home, self.keys = root, home, keys

    def dlo(self, command: str, *extra: str):
        """A reference ``dlo …`` command, its key file names filled in."""
        args = shlex.split(command.replace("~/", f"{self.home}/"))
        assert args[0] == "dlo"
        return _run_cli((*args[1:], *extra), self.root)


def _set_up(base: Path, intermediate_in_trust: bool = True) -> Office:
    root, home = _bundled_copy(base / "proj"), base / "home"
    downloads = base / "downloads"
    for folder in (home / "keys", downloads, root / "keys" / "ca"):
        folder.mkdir(parents=True)
    root_ca = make_ca("ТЕСТ ТҮБІРЛІК ОРТАЛЫҚ", label="nca-root")
    nca = make_ca("ТЕСТ ҰЛТТЫҚ ОРТАЛЫҚ (RSA)", label="nca-rsa", issuer=root_ca)
    from cryptography.hazmat.primitives import serialization

    for name, ca in (("root", root_ca), ("intermediate", nca)):
        (downloads / f"{name}.cer").write_bytes(ca.cert.public_bytes(serialization.Encoding.DER))
    keys = {}
    for role in ROLES:
        official = make_official(nca, HOLDERS[role], label=role)
        p12 = home / "keys" / f"RSA256_{official.cert.serial_number:x}.p12"
        if role == "vp-academic" and shutil.which("openssl"):
            keys[role] = _legacy_p12_by_openssl(official, nca, p12)
        else:
            keys[role] = official.p12(p12, ca=nca, legacy=True)
    former = make_official(nca, "СМАҒҰЛОВ БОЛАТ", label="vp-former",
                           not_before=NOW.replace(year=2023), not_after=NOW.replace(year=2025))  # fmt: skip
    # step 1: the CA certificates, DER as published, converted as the reference says
    [x509_command] = _commands("openssl x509")
    for name in ("root", "intermediate"):
        command = x509_command.replace("root.cer", str(downloads / f"{name}.cer"))
        _openssl(command.replace("keys/ca/root.pem", f"keys/ca/{name}.pem"), root)
    # step 2: each official's certificate (never the key) exported from their own key file
    [pkcs12_command] = _commands("openssl pkcs12")
    for role, p12 in keys.items():
        command = pkcs12_command.replace("RSA256_….p12", str(p12))
        _openssl(command.replace("keys/vp-academic.pem", f"keys/{role}.pem"), root)
    (root / "keys" / "vp-academic-2023.pem").write_bytes(former.pem)
    _registry(root, intermediate_in_trust)
    return Office(root, home, keys)


@pytest.fixture(autouse=True)
def password(monkeypatch):
    """The officials' password, from the environment as the reference allows (never an argument)."""
    monkeypatch.setenv("DLO_KEY_PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    before = os.environ.get("DLO_KEY_PASSWORD")
    os.environ["DLO_KEY_PASSWORD"] = PASSWORD  # for openssl, before the tests' own setting
    try:
        return _set_up(tmp_path_factory.mktemp("readme-office"))
    finally:
        if before is None:
            os.environ.pop("DLO_KEY_PASSWORD", None)
        else:
            os.environ["DLO_KEY_PASSWORD"] = before


def _ok(result) -> str:
    assert result.code == 0, result.out + result.err
    return result.out


def _route(office: Office) -> None:
    """Steps 3 to 5: check, then every decision signed (the reference's policy requires agreements
    and the approval signed); the command the reference shows for the vice-rector, the others
    alike."""
    assert "DLO90" not in _ok(office.dlo("dlo check"))
    _ok(office.dlo(f"dlo submit {REG}"))
    [agree] = [c for c in _commands("dlo agree") if "RSA256_" in c]  # step 4
    for role in APPROVERS:
        command = agree.replace("vp-academic", role)
        _ok(office.dlo(command.replace("RSA256_….p12", office.keys[role].name)))
    today = NOW.astimezone(dt.timezone(dt.timedelta(hours=5))).date().isoformat()
    refused = office.dlo(f"dlo approve {REG} --order 12-НҚ --date {today}")
    assert refused.code == 1 and "error DLO907" in refused.err
    _ok(office.dlo(f"dlo approve {REG} --order 12-НҚ --date {today}",
                   "--sign", str(office.keys["rector"])))  # fmt: skip


def _routed(office: Office) -> None:
    """The module's office taken through the route once, whichever of its tests runs first."""
    journal = office.root / "regulations" / REG / "journal.yaml"
    if not journal.exists() or "event: approved" not in journal.read_text(encoding="utf-8"):
        _route(office)


@needs("openssl")
def test_the_office_sets_up_signs_the_route_and_openssl_checks_it_as_the_readme_says(office):
    _routed(office)
    out = _ok(office.dlo(f"dlo verify {REG} --export build/signatures"))
    assert f"{REG}: intact" in out
    # "Checking without dlo": the reference's shell lines, run as they are
    check = subprocess.run(
        ["bash", "-euc", _block("sh", "Checking without dlo")],
        cwd=office.root, capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    assert "Verification successful" in check.stdout + check.stderr
    # and the same command for every signature exported (the route: 4 agreements, the approval),
    # then for one whose signed bytes were changed
    folder = office.root / "build" / "signatures"
    names = sorted(p.stem for p in folder.glob("*.p7s"))
    assert sum(n.endswith("-agreed") for n in names) == len(APPROVERS)
    [approved] = [n for n in names if n.endswith("-approved")]
    for name in names:
        assert _readme_openssl(office.root, name).returncode == 0, name
    data = (folder / f"{approved}.bin").read_bytes()
    (folder / f"{approved}.bin").write_bytes(data.replace(b"12-", b"13-", 1))
    failed = _readme_openssl(office.root, approved)
    assert failed.returncode != 0 and "Verification successful" not in failed.stderr


def _readme_openssl(root: Path, name: str) -> subprocess.CompletedProcess:
    script = _block("sh", "Checking without dlo").replace(f"{REG}-2-agreed", name)
    return subprocess.run(["bash", "-euc", script], cwd=root, capture_output=True, text=True)


@needs("openssl")
def test_signatures_carry_the_intermediate_ca_so_trusting_the_root_alone_is_enough(tmp_path):
    """An office that lists only the national root: the key files carry the intermediate, and so
    does every signature, for dlo verify and for openssl alike."""
    office = _set_up(tmp_path, intermediate_in_trust=False)
    _route(office)
    _ok(office.dlo(f"dlo verify {REG} --export build/signatures"))
    ca = (office.root / "build" / "signatures" / "ca.pem").read_text()
    assert ca.count("BEGIN CERTIFICATE") == 1  # the root alone
    check = subprocess.run(
        ["bash", "-euc", _block("sh", "Checking without dlo")],
        cwd=office.root, capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr


def test_the_holder_acknowledges_with_their_key_as_the_readme_says(office):
    _routed(office)
    readme = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    [command] = re.findall(r"`(dlo acknowledge [^`]*--sign KEY\.p12)`", readme)
    out = _ok(office.dlo(command.replace("KEY.p12", str(office.keys["dlo-head"]))))
    assert "signed by БЕКОВА МАДИНА" in out
    assert f"{REG}: intact" in _ok(office.dlo(f"dlo verify {REG}"))


@pytest.mark.slow  # LibreOffice
@needs("openssl", "soffice")
def test_the_rector_signs_the_approved_pdf_as_the_readme_says(office):
    _routed(office)
    [sign_pdf] = [c for c in _commands("dlo sign-pdf") if "RSA256_" in c]  # step 5
    _ok(office.dlo(sign_pdf.replace("RSA256_….p12", str(office.keys["rector"])), "--lang", "kk"))
    out = _ok(office.dlo(f"dlo verify-pdf build/{REG}.kk.signed.pdf"))
    assert "АХМЕТОВ ДАНИЯР" in out and ": valid" in out


def _pilot() -> str:
    section = _section()
    return section[section.index("**Trying it first") :]


@needs("openssl")
def test_a_pilot_ca_made_as_the_readme_says_signs_a_decision_that_verifies(tmp_path):
    """The reference's "Trying it first": its OpenSSL lines run as written make a CA and an
    official's key file with which the vice-rector's agreement is signed, verified by dlo and by
    openssl."""
    work = tmp_path / "pilot"
    work.mkdir()
    extensions = re.findall(r"`((?:keyUsage|extendedKeyUsage)=[^`]*)`", _pilot())
    assert len(extensions) == 2
    (work / "official.ext").write_text("\n".join(extensions) + "\n", encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", _pilot(), re.S)[:2]
    for block in blocks:
        _run_block(block, work)
    root = _bundled_copy(tmp_path / "proj")
    (root / "keys" / "ca").mkdir(parents=True)
    shutil.copy(work / "ca.pem", root / "keys" / "ca" / "ca.pem")
    [pkcs12_command] = _commands("openssl pkcs12")  # step 2, from the pilot's key file
    _openssl(pkcs12_command.replace("RSA256_….p12", str(work / "RSA256_vp.p12")), root)
    _trust_the_pilot(root)
    office = Office(root, tmp_path, {})
    assert "DLO90" not in _ok(office.dlo("dlo check"))
    _ok(office.dlo(f"dlo submit {REG}"))
    out = _ok(office.dlo(f"dlo agree {REG} --as vp-academic --sign {work / 'RSA256_vp.p12'}"))
    assert "vp-academic agreed" in out
    assert f"{REG}: intact" in _ok(office.dlo(f"dlo verify {REG} --export build/signatures"))
    [name] = [p.stem for p in (root / "build" / "signatures").glob("*-agreed.p7s")]
    assert _readme_openssl(root, name).returncode == 0


def _trust_the_pilot(root: Path) -> None:
    """The registry of ``root`` trusts the pilot CA (keys/ca/ca.pem) and binds the vice-rector's
    certificate (keys/vp-academic.pem), as the reference's step 3 says."""
    path = root / "regulations" / "registry.yaml"
    source, problems = load.read(path, str(path))
    assert source is not None, problems
    source.data["signatures"] = {"trust": ["keys/ca/ca.pem"]}
    for position in source.data["positions"]:
        if position["id"] == "vp-academic":
            position["certificates"] = [{"file": "keys/vp-academic.pem"}]
    load.write(path, source.data)


def _run_block(commands: str, work: Path) -> None:
    for command in (line for line in commands.splitlines() if line.strip()):
        args = shlex.split(command)
        if args[:3] == ["openssl", "pkcs12", "-export"]:  # asked for; here given
            args += ["-passout", f"pass:{PASSWORD}"]
        result = subprocess.run(args, cwd=work, capture_output=True, text=True)
        assert result.returncode == 0, f"{command}: {result.stderr}"


def _back_dated_review(tmp_path: Path, work: Path) -> object:
    """The bundled project as it is (edition 1 approved by order of 26.11.2026), the pilot's
    vice-rector bound, who signs a review dated the next day."""
    root = tmp_path / f"proj-{work.name}"
    shutil.copytree(REPO / "regulations", root / "regulations", ignore=bundled_regulations())
    shutil.copytree(REPO / "templates", root / "templates")
    (root / "keys" / "ca").mkdir(parents=True)
    shutil.copy(work / "ca.pem", root / "keys" / "ca" / "ca.pem")
    shutil.copy(work / "vp.pem", root / "keys" / "vp-academic.pem")
    _trust_the_pilot(root)
    office = Office(root, tmp_path, {})
    result = office.dlo(f"dlo review {REG} --by vp-academic --result Current --date 2026-11-27 "
                        f"--sign {work / 'RSA256_vp.p12'}")  # fmt: skip
    if result.code == 0:
        assert f"{REG}: intact" in _ok(office.dlo(f"dlo verify {REG}"))
    return result


@needs("openssl")
def test_pilot_certificates_valid_from_today_sign_nothing_earlier_unless_made_as_the_readme_says(
    tmp_path,
):
    """The reference's warning: certificates made "valid from today" cannot sign an act of the
    bundled edition's days (DLO904); made with its `openssl ca` lines, valid from an earlier day,
    they can. (Its OpenSSL 3.4 `-not_before` variant is run where that OpenSSL is installed.)"""
    pilot = _pilot()
    assert "DLO904" in pilot and "-not_before 20260101000000Z" in pilot
    extensions = re.findall(r"`((?:keyUsage|extendedKeyUsage)=[^`]*)`", pilot)
    today, past = tmp_path / "today", tmp_path / "past"
    for work in (today, past):
        work.mkdir()
        (work / "official.ext").write_text("\n".join(extensions) + "\n", encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", pilot, re.S)
    for block in blocks[:2]:
        _run_block(block, today)
    refused = _back_dated_review(tmp_path, today)
    assert refused.code == 1 and "DLO904" in refused.err, refused.out + refused.err
    assert "after the event's date 2026-11-27" in refused.err
    [config] = re.findall(r"```ini\n(.*?)```", pilot, re.S)
    (past / "pilot.cnf").write_text(config, encoding="utf-8")
    _run_block(blocks[2], past)
    accepted = _back_dated_review(tmp_path, past)
    assert accepted.code == 0, accepted.out + accepted.err
    version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout
    major_minor = tuple(int(n) for n in re.findall(r"OpenSSL (\d+)\.(\d+)", version)[0])
    if major_minor >= (3, 4):
        newer = tmp_path / "newer"
        newer.mkdir()
        (newer / "official.ext").write_text("\n".join(extensions) + "\n", encoding="utf-8")
        option = re.search(r"`(-not_before [^`]*)`", pilot).group(1)
        for block in blocks[:2]:
            _run_block(block.replace("-days 365", option), newer)
        assert _back_dated_review(tmp_path, newer).code == 0
