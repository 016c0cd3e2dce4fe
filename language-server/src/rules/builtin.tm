// tml's built-in rules (DESIGN.md §8.3): loaded into every workspace, read-only. Each rule fires
// only on facts the model states; docs/rules.md explains how to write one.

rule SensitiveDataInClear "Sensitive data sent in clear text" {
    on flow
    stride InformationDisclosure
    when any carries (classification in [confidential, secret] or type in [credentials, token, key, payment]) and not encrypted
    cwe 319
    capec 157
    description "Anyone on the network path can read what the flow carries, and keep it: passwords, tokens, card numbers or secret data travel as plain text."
    mitigation "Encrypt the flow in transit (TLS 1.2 or later with certificate validation) and mark it 'encrypted'."
}

rule UnauthenticatedFromLessTrusted "Unauthenticated data accepted from a less trusted zone" {
    on flow
    stride Tampering
    when fromLessTrusted and not authenticated
    unless tags has "integrity-checked"
    cwe 345
    capec 94
    description "The receiver cannot tell whether the data really comes from the sender it expects, so someone in the less trusted zone can inject or alter it on the way."
    mitigation "Authenticate the sender and protect the data's integrity (mutual TLS, signed messages or an HMAC), then mark the flow 'authenticated'."
}

rule SqlInjection "SQL injection through untrusted input" {
    on process
    stride Tampering
    when any flowsOut (target.tech has "sql") and any flowsIn (fromLessTrusted or source.trust is untrusted)
    cwe 89
    capec 66
    description "Input from a less trusted zone reaches SQL queries; if it is concatenated into a query, an attacker can read or change any row the process may touch."
    mitigation "Use parameterised queries or an ORM for every query, never string concatenation, and give the process's database role only the rights it needs."
}

rule SecretsAtRestUnencrypted "Secrets stored unencrypted" {
    on datastore
    stride InformationDisclosure
    when any stores (classification is secret or type in [credentials, key]) and not encrypted
    cwe 311
    capec 37
    description "Whoever gets a copy of the store (a backup, a snapshot, a stolen disk) reads the secrets in it."
    mitigation "Encrypt the store at rest with keys kept outside it (a KMS or vault), hash passwords with a slow salted hash, and mark the store 'encrypted'."
}

rule PersonWithoutAuthentication "User identity not verified" {
    on external
    stride Spoofing
    when type is person and any flowsOut (not authenticated)
    cwe 287
    capec 151
    description "A person sends requests that are not authenticated, so anyone can claim to be them."
    mitigation "Authenticate users before acting on their requests (a session or token from a login with strong credentials and MFA), and mark those flows 'authenticated'."
}

rule PrivilegedProcessExposed "Privileged process reachable from a less trusted zone" {
    on process
    stride ElevationOfPrivilege
    when privileged and any flowsIn (fromLessTrusted or source.trust is untrusted)
    cwe 250
    capec 233
    description "A process that runs with high privileges takes input from a less trusted zone; a flaw in it hands those privileges to the attacker."
    mitigation "Drop the privileges the process does not need, isolate the privileged part behind a narrow interface, and validate every input it receives."
}
