"""A throw-away PKI for the signing tests: a CA, officials' RSA certificates, PKCS#12 files, and a
project whose registry binds the approvers' certificates to their positions."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from dlo_docs import load


def needs(*tools: str):
    """Skip a test whose external checker (openssl, poppler's pdfsig, LibreOffice) is missing on
    a developer's machine, but never in CI (the CI environment variable set, as .ci/run does):
    tools/setup.sh installs them there, and a checker that went missing fails the test instead of
    silently skipping the external check."""
    missing = [t for t in tools if shutil.which(t) is None]
    return pytest.mark.skipif(
        bool(missing) and not os.environ.get("CI"),
        reason=f"{', '.join(missing)} not installed (tools/setup.sh installs it)",
    )


PASSWORD = "test-pass-123"
NOW = dt.datetime.now(dt.UTC)
# the bundled registry's holders (surname first in the certificate, as national CAs issue them)
HOLDERS = {
    "vp-academic": "СЕЙІТОВА АЙГҮЛ",
    "legal-head": "ОСПАНОВ НҰРЛАН",
    "hr-head": "ЖҰМАБАЕВА ГҮЛНАР",
    "docs-head": "ӘБЕНОВА САУЛЕ",
    "rector": "АХМЕТОВ ДАНИЯР",
    "dlo-head": "БЕКОВА МАДИНА",
}
_KEYS: dict[str, rsa.RSAPrivateKey] = {}
# RSA keys of 2048 bits made for these tests and trusted nowhere: generating one takes ~70 ms
# (a run needed ~30), loading one without its consistency check under 1 ms
_POOL = Path(__file__).resolve().parent / "fixtures" / "keys" / "test-only-rsa-keys.pem"
_END = b"-----END PRIVATE KEY-----\n"


def _pooled(index: int) -> rsa.RSAPrivateKey | None:
    """The ``index``-th key of the tests' pool, or None past its end."""
    pems = _POOL.read_bytes().split(_END)[:-1]
    if index >= len(pems):
        return None
    key = serialization.load_pem_private_key(
        pems[index] + _END, None, unsafe_skip_rsa_key_validation=True
    )
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


def _key(label: str) -> rsa.RSAPrivateKey:
    """One RSA key per label per test process, a different one for each label: the next of the
    pool, then generated."""
    if label not in _KEYS:
        key = _pooled(len(_KEYS))
        _KEYS[label] = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _KEYS[label]


class OpenedOnce:
    """``pkcs12`` as the package calls it, with each key file opened once per test process:
    ``load_key_and_certificates`` checks the RSA key each time (~33 ms), and the signing tests
    open the same few files, with the same password, some hundred times. A result is kept by
    the file's bytes and the password, so another file, a changed one or another password is
    opened anew, and a file that fails to open (a wrong password, not PKCS#12) fails each time
    as it did the first."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self._opened: dict[tuple[bytes, bytes | None], Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def load_key_and_certificates(self, data: bytes, password: bytes | None, *args: Any) -> Any:
        if args:
            return self._real.load_key_and_certificates(data, password, *args)
        found = (bytes(data), password)
        if found not in self._opened:
            self._opened[found] = self._real.load_key_and_certificates(data, password)
        return self._opened[found]


@dataclass
class CA:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


def make_ca(name: str = "Test National CA", label: str = "ca", issuer: CA | None = None) -> CA:
    """A root CA, or (``issuer``) an intermediate CA it certifies, as a national CA's are."""
    key = _key(label)
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
    )
    usage = x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=3650))
        .not_valid_after(NOW + dt.timedelta(days=3650))
        .add_extension(
            x509.BasicConstraints(ca=True, path_length=0 if issuer else None), critical=True
        )
        .add_extension(usage, critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
    cert = builder.sign(issuer.key if issuer else key, hashes.SHA256())
    return CA(key, cert)


@dataclass
class Official:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate
    _files: dict[tuple[Any, ...], bytes] = field(default_factory=dict, repr=False, compare=False)

    @property
    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def p12(
        self, path: Path, password: str = PASSWORD, ca: CA | None = None, legacy: bool = False
    ) -> Path:
        """The key file; ``legacy``: encrypted the older way (SHA-1 and 3DES), as many CAs'
        tools still write them."""
        # the algorithms of BestAvailableEncryption (PBES2, SHA-256, AES-256), with fewer key
        # derivation rounds than its 20000: opening each key file in a test costs milliseconds
        encryption = (
            serialization.PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(1000)
            .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
            .hmac_hash(hashes.SHA256())
            .build(password.encode())
        )
        if legacy:
            encryption = (
                serialization.PrivateFormat.PKCS12.encryption_builder()
                .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
                .hmac_hash(hashes.SHA1())
                .build(password.encode())
            )
        made = (self.cert, password, ca.cert if ca else None, legacy)
        if made not in self._files:  # the same file's bytes each time (its salt is random)
            self._files[made] = pkcs12.serialize_key_and_certificates(
                b"official", self.key, self.cert, [ca.cert] if ca else None, encryption
            )
        data = self._files[made]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


def make_official(
    ca: CA,
    name: str,
    label: str | None = None,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    serial: int | None = None,
    usages: list | None = None,
) -> Official:
    key = _key(label or name)
    usage = x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
            x509.NameAttribute(NameOID.SURNAME, name.split()[0]),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, "IIN800101300123"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(ca.cert.subject)
        .public_key(key.public_key())
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(not_before or NOW - dt.timedelta(days=365))
        .not_valid_after(not_after or NOW + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(usage, critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False
        )
        .add_extension(
            x509.ExtendedKeyUsage(usages or [x509.oid.ExtendedKeyUsageOID.EMAIL_PROTECTION]),
            critical=False,
        )
        .sign(ca.key, hashes.SHA256())
    )
    return Official(key, cert)


@dataclass
class Office:
    """A project set up for signing: the CA, each approver's certificate and key file."""

    root: Path
    ca: CA
    officials: dict[str, Official]
    p12: dict[str, Path]


@contextlib.contextmanager
def _registry(root: Path) -> Iterator[Any]:
    """The project's registry to change in place: read, then written back once (a round trip
    that keeps its comments, and its slowest step: one write for many changes)."""
    path = root / "regulations" / "registry.yaml"
    source, problems = load.read(path, str(path))
    assert source is not None, problems
    yield source.data
    load.write(path, source.data)


def _bound(root: Path, registry: Any, role: str, official: Official, **entry) -> Path:
    """``official``'s certificate put in the project and named in ``registry`` for ``role``."""
    pem = root / "keys" / f"{role}-{official.cert.serial_number:x}.pem"
    pem.parent.mkdir(parents=True, exist_ok=True)
    pem.write_bytes(official.pem)
    position = next(p for p in registry["positions"] if p["id"] == role)
    position.setdefault("certificates", []).append(
        {"file": pem.relative_to(root).as_posix(), **entry}
    )
    return pem


def bind(root: Path, role: str, official: Official, **entry) -> Path:
    """Put ``official``'s certificate in the project and name it in the registry for ``role``."""
    with _registry(root) as registry:
        return _bound(root, registry, role, official, **entry)


def _signatures(
    trust: list[str], required: list[str] | None = None, since: str | None = None
) -> dict[str, Any]:
    policy: dict[str, Any] = {"trust": trust, "required": required or []}
    if since:
        policy["since"] = since
    return policy


def set_signatures(
    root: Path, trust: list[str], required: list[str] | None = None, since: str | None = None
) -> None:
    with _registry(root) as registry:
        registry["signatures"] = _signatures(trust, required, since)


def edit_position(root: Path, role: str, edit) -> None:
    """Change ``role``'s position in the registry: ``edit(position)`` changes the mapping."""
    with _registry(root) as registry:
        edit(next(p for p in registry["positions"] if p["id"] == role))


_OFFICE: dict[str, Any] = {}


def _office_pki(role: str | None) -> Any:
    """The office's CA (``role`` None) or ``role``'s holder, made once per test process as the
    keys are, so that every office has the same certificates and key files (and a key file's
    bytes, opened once: ``OpenedOnce``)."""
    name = role or ""
    if name not in _OFFICE:
        _OFFICE[name] = (
            make_ca()
            if role is None
            else make_official(_office_pki(None), HOLDERS[role], label=role)
        )
    return _OFFICE[name]


def office(root: Path, roles=tuple(HOLDERS)) -> Office:
    """The CA trusted by the project, and every ``role``'s holder with a bound certificate (the
    registry written once, as ``set_signatures`` then ``bind`` for each role would leave it).
    The CA and the holders are the same in every office of a test process."""
    ca = _office_pki(None)
    (root / "keys").mkdir(exist_ok=True)
    (root / "keys" / "ca.pem").write_bytes(ca.pem)
    officials, p12 = {}, {}
    with _registry(root) as registry:
        registry["signatures"] = _signatures(["keys/ca.pem"])
        for role in roles:
            officials[role] = _office_pki(role)
            _bound(root, registry, role, officials[role])
            p12[role] = officials[role].p12(root.parent / "private" / f"{role}.p12")
    return Office(root, ca, officials, p12)


# -- the journal as a forger with write access sees it ------------------------------------------


def journal_file(root: Path, reg: str = "dlo-head") -> Path:
    return root / "regulations" / reg / "journal.yaml"


def entries(root: Path, reg: str = "dlo-head") -> list[dict]:
    source, problems = load.read(journal_file(root, reg), "journal.yaml")
    assert source is not None, problems
    return load.plain(source.data)


def rewrite(root: Path, data: list[dict], reg: str = "dlo-head") -> None:
    """What a forger with write access does: change events and recompute every hash after them."""
    from dlo_docs.workflow import journal as _journal

    prev = _journal.GENESIS
    for entry in data:
        entry["prev"] = prev
        entry["hash"] = _journal.event_hash(entry)
        prev = entry["hash"]
    journal_file(root, reg).write_text(load.dumps(data), encoding="utf-8")


def event_line(root: Path, seq: int, key: str = "seq", reg: str = "dlo-head") -> int:
    """The line of event ``seq``'s ``key`` in the journal (``seq``: the event's first line)."""
    lines = journal_file(root, reg).read_text(encoding="utf-8").splitlines()
    in_event = False
    for number, line in enumerate(lines, 1):
        if line.lstrip("- ").startswith("seq:"):
            in_event = line.split(":")[1].strip() == str(seq)
        if in_event and line.lstrip("- ").startswith(f"{key}:"):
            return number
    raise AssertionError(f"event {seq} has no {key}")


def unsigned_pdf(path: Path) -> bytes:
    """The PDF at ``path`` as LibreOffice made it, before the signing update appended to it."""
    data = path.read_bytes()
    return data[: data.index(b"%%EOF") + len(b"%%EOF\n")]


def record_made_at(signer, data: bytes, when: dt.datetime) -> dict[str, str]:
    """A journal signature record of ``data`` by ``signer`` as ``decisions.record`` makes it, but
    whose signing time (a signed attribute, which the clock sets) is ``when``: a signature made
    that day, as only the past could have made it (the signed attributes signed again by the
    signer's key)."""
    import base64

    from asn1crypto import cms as acms
    from cryptography.hazmat.primitives.asymmetric import padding

    from dlo_docs.signing import decisions

    made = decisions.record(signer, data)
    content = acms.ContentInfo.load(base64.b64decode(made["cms"]))
    info = content["content"]["signer_infos"][0]
    attrs = info["signed_attrs"]
    for attr in attrs:
        if attr["type"].native == "signing_time":
            attr["values"] = acms.SetOfTime([acms.Time({"utc_time": when})])
    signed = b"\x31" + attrs.dump(force=True)[1:]
    info["signature"] = signer.key.sign(signed, padding.PKCS1v15(), hashes.SHA256())
    der = content.dump(force=True)
    return {**made, "cms": base64.b64encode(der).decode("ascii"), "signed_at": when.isoformat()}


def signed_by(
    official: Official, ca: CA, pdf: bytes, out: Path, names: tuple[str, ...] = ("signed",)
) -> Path:
    """``pdf`` signed by ``official`` with their own tools (not ``dlo sign-pdf``), at ``out``;
    ``names``: the signer's names the signature shows."""
    from dlo_docs.signing import keys, pades

    key = official.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    signature = pades.sign(
        pdf,
        key,
        keys.der(official.cert),
        [keys.der(ca.cert)],
        list(names),
        reason="approved",
        location="Қостанай",
    )
    out.write_bytes(signature)
    return out


def refused_everywhere(dlo, root: Path, reg_id: str, verify_says, outputs_say) -> None:
    """``dlo verify`` fails naming each of ``verify_says``; render, the site build and status
    refuse ``reg_id``, without a traceback, each naming every one of ``outputs_say``."""
    verify = dlo("verify", reg_id, cwd=root)
    assert verify.code == 1, verify.out + verify.err
    for text in verify_says:
        assert text in verify.err, verify.err
    for args in (
        ("render", reg_id, "--format", "docx"),
        ("site", "build", "--no-pdf"),
        ("status", reg_id),
    ):
        result = dlo(*args, cwd=root)
        assert result.code == 1, (args, result.out, result.err)
        assert "Traceback" not in result.err
        for text in outputs_say:
            assert text in result.err, (args, result.err)
