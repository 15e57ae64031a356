"""Signed decisions: an official's own key (PKCS#12) signs a journal event; anyone can check it.

The only package that imports ``cryptography`` (and ``asn1crypto``, to read CMS); pyHanko is
imported by ``pades`` only. Layers above use this interface:

- ``keys.load_pkcs12(path, password)`` -> ``Signer``; ``keys.password_from_env()``
- ``registry.Signers(project, registry, source)``: trusted CAs, holders' certificates, policy
- ``decisions.signer_failures(...)``: the checks a certificate fails for a role on a date
- ``decisions.record(signer, data)``: the signature record over an event's canonical bytes
- ``decisions.record_failures(...)``: the checks a stored record fails
- ``decisions.export(folder, name, record, data)``: ``.p7s`` + ``.bin`` for ``openssl cms -verify``

Problem codes: DLO901 the key file cannot be opened · DLO902 a certificate file is missing or
unreadable · DLO903 the certificate is not the role holder's · DLO904 the certificate is not valid
on the event's date · DLO905 it does not chain to a trusted CA · DLO906 the signature does not
match the signed bytes · DLO907 a signature is required and missing · DLO908 a signed event is
recorded before an earlier event (its time moved back, or a clock behind).
"""
