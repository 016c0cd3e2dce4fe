// The built-in threat library of tml (docs/language.md#rules): read-only, in force in every model unless
// the setting threatModel.rules.builtin or `--rules` turns it off. docs/rules.md lists every rule.
//
// Each rule fires only on facts a model states: a typed attribute (classification, type, trust),
// a marker (entrypoint, privileged, logs), a technology trait or a tag. A marker that is absent
// (`not encrypted`) only ever narrows a rule that a stated fact already selected, so no rule fires
// on an element merely because something is not written.

// ---- External entities -------------------------------------------------------------------------

rule PersonWithoutAuthentication "User identity not verified" {
    on external
    stride Spoofing
    when type is person and any flowsOut (not authenticated)
    cwe 287
    capec 151
    description "A person sends requests that are not authenticated, so anyone can claim to be them."
    mitigation "Authenticate users before acting on their requests (a session or token from a login with strong credentials and MFA), and mark those flows 'authenticated'."
}

rule PersonCredentialsPhished "A person's credentials can be phished and replayed" {
    on external
    stride Spoofing
    when type is person and any flowsOut (any carries (type is credentials))
    unless tags has "mfa"
    cwe 308
    capec 98
    description "This person sends credentials, and a password alone lets whoever tricks the person into revealing it sign in as them."
    mitigation "Require a second factor that cannot be phished (WebAuthn or a hardware key), and tag the external mfa once it is in place."
}

rule ServiceCallerForged "A calling service can be impersonated" {
    on external
    stride Spoofing
    when type is service and any flowsOut (fromLessTrusted and not authenticated)
    cwe 290
    capec 194
    description "This service calls into a more trusted zone without authenticating, so any party that can reach the endpoint can pretend to be it."
    mitigation "Give the service its own credential (mutual TLS, a signed token or an HMAC over each request) and mark the flow authenticated."
}

rule DeviceIdentityCloned "A device's identity can be cloned" {
    on external
    stride Spoofing
    when type is device and any flowsOut (crossesBoundary and not authenticated)
    cwe 306
    capec 151
    description "This device talks across a trust boundary without proving which device it is, so a cloned or emulated device is indistinguishable from the real one."
    mitigation "Provision a unique per-device key in secure hardware, authenticate every connection with it and revoke keys of lost devices."
}

rule PaymentDisputedByPayer "A payer disputes a payment they made" {
    on external
    stride Repudiation
    when any flowsOut (any carries (type is payment))
    cwe 778
    description "This entity submits payment data; without a durable record of who authorised what and when, a payer can deny the transaction and the dispute cannot be settled."
    mitigation "Record each payment authorisation with the authenticated identity, time, amount and a reference from the payment provider, in a store the application cannot rewrite."
}

rule AdministratorDeniesChange "An administrator denies a change made through a privileged process" {
    on external
    stride Repudiation
    when type is person and any flowsOut (target.privileged)
    cwe 778
    capec 268
    description "This person drives a privileged process; unless every such action is attributed to them individually, a harmful change cannot be traced back to whoever made it."
    mitigation "Use personal administrator accounts (no shared logins), and audit every privileged action with the account, time and before/after values."
}

rule PartnerDeniesMessage "A partner service denies having sent a message" {
    on external
    stride Repudiation
    when type is service and any flowsOut (not authenticated and any carries (type in [payment, personal]))
    cwe 345
    description "This service sends payment or personal data on a flow that is not authenticated, so nothing proves the message came from it should it deny sending it."
    mitigation "Have the partner sign each message (or authenticate the channel with its own key) and keep the signed message with its receipt time."
}

// ---- Processes: Spoofing -----------------------------------------------------------------------

rule UnsignedPartnerCallback "Partner callback accepted without a signature check" {
    on process
    stride Spoofing
    when any flowsIn (source.type is service and not authenticated)
    unless tags has "hmac-verified"
    cwe 345
    capec 151
    description "A partner system can be impersonated when its callbacks carry no signature: anyone who learns the callback address can send forged events."
    mitigation "Verify an HMAC signature on every callback, reject stale timestamps, and tag the process hmac-verified."
}

rule CredentialStuffingAtLogin "Sign-in accepts unlimited guesses and leaked passwords" {
    on process
    stride Spoofing
    when any flowsIn (fromLessTrusted and any carries (type is credentials))
    unless tags has "mfa"
    cwe 307
    capec 600
    description "This process receives credentials from a less trusted zone; without limits on attempts, lists of leaked or guessed passwords can be tried until one works."
    mitigation "Throttle failed sign-ins per account and per source, check new passwords against breach lists, and offer a second factor (tag the process mfa)."
}

rule SessionTokenReplayed "A captured session token is replayed" {
    on process
    stride Spoofing
    when any flowsIn (not encrypted and any carries (type is token))
    cwe 294
    capec 60
    description "Tokens reach this process on a flow that is not encrypted, so an observer can copy one and present it as the victim."
    mitigation "Send tokens only over TLS, bind them to the client (short lifetime, rotation, sender constraint) and mark the flow encrypted."
}

rule CrossSiteRequestForged "A browser is made to send a forged request with the user's session" {
    on process
    stride Spoofing
    when tech has "web-app" and any flowsIn (source.type is person and any carries (type is token))
    unless tags has "csrf-protected"
    cwe 352
    capec 62
    description "This web application receives a person's session token from the browser, which attaches it to requests any other site triggers, so a request the user never meant is accepted as theirs."
    mitigation "Use SameSite cookies and an anti-forgery token (or an Origin check) on every state-changing request, and tag the process csrf-protected."
}

// ---- Processes: Tampering ----------------------------------------------------------------------

rule SqlInjection "SQL injection through untrusted input" {
    on process
    stride Tampering
    when any flowsOut (target.tech has "sql") and any flowsIn (fromLessTrusted or source.trust is untrusted)
    cwe 89
    capec 66
    description "Input from a less trusted zone reaches SQL queries; if it is concatenated into a query, an attacker can read or change any row the process may touch."
    mitigation "Use parameterised queries or an ORM for every query, never string concatenation, and give the process's database role only the rights it needs."
}

rule CrossSiteScripting "Untrusted input is rendered as script in other users' browsers" {
    on process
    stride Tampering
    when tech has "web-app" and any flowsIn (fromLessTrusted and source.type is person)
    cwe 79
    capec 63
    description "This web application renders pages for people and takes their input, so input echoed without encoding runs as script in another user's session."
    mitigation "Encode output for its context with the template engine's auto-escaping, sanitise rich text with an allow-list, and set a strict Content-Security-Policy."
}

rule ClientSideChecksTrusted "Payment checks done only on the client are bypassed" {
    on process
    stride Tampering
    when any flowsIn (fromLessTrusted and source.type in [person, device] and any carries (type is payment))
    cwe 602
    capec 207
    description "Payment data reaches this process from software a person or a device controls; an amount, price or limit checked only there can be altered before it arrives."
    mitigation "Recompute prices and totals and repeat every limit and permission check on the server, treating each field from the client as untrusted."
}

rule UnsafeDeserialization "Untrusted data is deserialised into objects" {
    on process
    stride Tampering
    when any flowsIn (fromLessTrusted and source.type is service)
    cwe 502
    capec 586
    description "This process accepts messages from another service in a less trusted zone; a serialisation format that instantiates arbitrary types lets a crafted message alter the program's state."
    mitigation "Parse only data formats (JSON, protobuf) into plain types, validate them against a schema, and never deserialise native objects from outside."
}

// ---- Processes: Repudiation --------------------------------------------------------------------

rule PrivilegedActionsUnaudited "Privileged actions leave no audit trail" {
    on process
    stride Repudiation
    when privileged and no flowsOut (target.logs)
    cwe 778
    capec 268
    description "This process runs with high privileges but writes to no store of audit logs in the model, so misuse of its power cannot be reconstructed afterwards."
    mitigation "Audit every privileged operation (who, what, when, from where) to a log store outside this process's control, and add that flow to the model."
}

rule ForgedLogEntries "Untrusted input forges entries in the audit log" {
    on process
    stride Repudiation
    when any flowsIn (fromLessTrusted) and any flowsOut (target.logs)
    cwe 117
    capec 93
    description "This process writes audit logs and takes input from a less trusted zone; input with line breaks or control characters written into the log can fake or hide entries."
    mitigation "Log structured records (JSON fields), encode or strip control characters from untrusted values, and never build log lines by concatenation."
}

rule PaymentRecordIncomplete "A payment is handled without a record that identifies the payer" {
    on process
    stride Repudiation
    when any flowsIn (any carries (type is payment))
    cwe 223
    description "This process handles payment data; when the record of a payment lacks the authenticated identity and the provider's reference, a disputed transaction cannot be proved."
    mitigation "Store, for every payment, the account, time, amount, idempotency key and the provider's transaction reference, and keep them for the dispute period."
}

// ---- Processes: Information disclosure ---------------------------------------------------------

rule ErrorDetailsLeak "Error messages reveal internals to untrusted callers" {
    on process
    stride InformationDisclosure
    when any flowsIn (source.trust is untrusted) and any flowsOut (any carries (classification in [confidential, secret]))
    cwe 209
    capec 54
    description "Callers in an untrusted zone reach this process, which handles confidential data; stack traces, queries or record contents in error responses give them what they were not meant to see."
    mitigation "Return generic errors with a correlation id to callers, and keep the details in server-side logs."
}

rule ServerSideRequestForgery "The process is made to fetch internal resources for an attacker" {
    on process
    stride InformationDisclosure
    when tech has "web-app" and any flowsIn (source.trust is untrusted) and any flowsOut (target.trust is trusted)
    cwe 918
    capec 664
    description "This web application is reached from an untrusted zone and can itself reach a trusted one; a URL or host taken from a request lets an attacker read internal services through it."
    mitigation "Fetch only from an allow-list of destinations, resolve and check addresses before connecting, and block metadata and internal ranges at the network egress."
}

rule SecretsWrittenToLogs "Credentials or tokens end up in log files" {
    on process
    stride InformationDisclosure
    when any flowsIn (any carries (type in [credentials, token, key])) and any flowsOut (target.logs)
    cwe 532
    description "This process receives credentials, tokens or keys and writes logs; request dumps and debug output copy them to where many more people can read them."
    mitigation "Redact secret fields before logging (an allow-list of logged fields), and scan the log store for secrets."
}

// ---- Processes: Denial of service --------------------------------------------------------------

rule EntryPointFlooded "An internet-facing entry point is flooded" {
    on process
    stride DenialOfService
    when entrypoint and any flowsIn (source.trust is untrusted)
    unless tags has "rate-limited"
    cwe 770
    capec 125
    description "This entry point takes requests from an untrusted zone; without limits on rate, size and concurrency, a flood of requests exhausts it for everyone."
    mitigation "Rate-limit per client and globally, cap request sizes and timeouts, put a CDN or WAF in front, and tag the process rate-limited."
}

rule AccountLockoutAbused "Deliberate failed sign-ins lock legitimate users out" {
    on process
    stride DenialOfService
    when any flowsIn (fromLessTrusted and any carries (type is credentials))
    cwe 645
    capec 2
    description "This process checks credentials from a less trusted zone; a lockout after a fixed number of failures lets anyone who knows a user name lock that user out."
    mitigation "Slow down attempts progressively per source instead of locking the account, and let a locked user unlock through a verified channel."
}

rule ThirdPartyCallWithoutTimeout "A slow third-party service stalls the process" {
    on process
    stride DenialOfService
    when any flowsOut (target.type is service and crossesBoundary)
    cwe 1088
    description "This process calls a service in another trust zone; a call without a timeout holds threads and connections while the service is slow, until this process stops answering too."
    mitigation "Set connect and read timeouts on every outbound call, bound the pool of concurrent calls, and degrade gracefully (circuit breaker) when the service fails."
}

// ---- Processes: Elevation of privilege ---------------------------------------------------------

rule PrivilegedProcessExposed "Privileged process reachable from a less trusted zone" {
    on process
    stride ElevationOfPrivilege
    when privileged and any flowsIn (fromLessTrusted or source.trust is untrusted)
    cwe 250
    capec 233
    description "A process that runs with high privileges takes input from a less trusted zone; a flaw in it hands those privileges to the attacker."
    mitigation "Drop the privileges the process does not need, isolate the privileged part behind a narrow interface, and validate every input it receives."
}

rule ObjectLevelAuthorizationMissing "A signed-in user reaches another user's records" {
    on process
    stride ElevationOfPrivilege
    when any flowsIn (authenticated and source.type is person) and any flowsOut (target.kind is datastore and any carries (type in [personal, payment]))
    cwe 639
    capec 1
    description "Authenticated people call this process, which reads or writes personal or payment records; an identifier taken from the request, without an ownership check, lets one user act on another's records."
    mitigation "Check on every request that the signed-in user may access the record named (scope queries by owner or tenant), and test it with two users."
}

rule RemoteCodeFromPartnerInput "Input from a partner service executes code" {
    on process
    stride ElevationOfPrivilege
    when privileged and any flowsIn (source.type is service)
    cwe 94
    capec 242
    description "This privileged process takes input from another service; input evaluated as code, a template or a command runs with this process's privileges."
    mitigation "Never evaluate input as code, templates or shell commands; pass arguments as data, and sandbox any scripting the partner must provide."
}

// ---- Data stores: Tampering --------------------------------------------------------------------

rule StoreWrittenFromLessTrusted "A data store is written directly from a less trusted zone" {
    on datastore
    stride Tampering
    when any flowsIn (fromLessTrusted)
    cwe 732
    capec 180
    description "Something in a less trusted zone writes straight to this store, so whatever compromises the writer can alter or delete the data."
    mitigation "Route writes through a process in the store's own zone that validates them, and give each writer credentials limited to what it must change."
}

rule AuditLogRewritable "Audit logs can be rewritten by the exposed process that writes them" {
    on datastore
    stride Tampering
    when logs and any flowsIn (source.entrypoint and fromLessTrusted)
    unless tags has "append-only"
    cwe 732
    capec 268
    description "An entry point in a less trusted zone writes to this audit log store; if its credentials allow updates or deletes, an attacker who takes over the entry point can erase their traces."
    mitigation "Give writers append-only access (WORM storage, a separate account, forwarding to a log service), and tag the store append-only."
}

rule CachePoisoned "A cache serves entries planted by an attacker" {
    on datastore
    stride Tampering
    when tech has "cache" and any flowsIn (source.entrypoint)
    cwe 349
    capec 141
    description "An entry point writes to this cache; keys or values derived from request data let an attacker store an entry that other users are then served."
    mitigation "Build cache keys from every input that changes the response, never cache per-user responses under shared keys, and validate what is read back."
}

// ---- Data stores: Repudiation ------------------------------------------------------------------

rule LogEntriesFromUnauthenticatedSource "Audit entries are accepted from an unauthenticated source" {
    on datastore
    stride Repudiation
    when logs and any flowsIn (fromLessTrusted and not authenticated)
    cwe 345
    capec 93
    description "Entries reach this audit log from a less trusted zone without authentication, so forged entries cannot be told from real ones and the log proves nothing."
    mitigation "Authenticate log shippers, sign or chain entries (each entry hashing the previous one), and mark the flow authenticated."
}

rule AuditedProcessOwnsItsLog "A privileged process writes the only record of its own actions" {
    on datastore
    stride Repudiation
    when logs and any flowsIn (source.privileged)
    cwe 653
    capec 268
    description "A privileged process writes to this audit log; whoever controls that process controls the record of what it did, and can deny it."
    mitigation "Keep audit logs in a separate trust domain (another account or service) that the audited process can append to but not change."
}

// ---- Data stores: Information disclosure -------------------------------------------------------

rule SecretsAtRestUnencrypted "Secrets stored unencrypted" {
    on datastore
    stride InformationDisclosure
    when any stores (classification is secret or type in [credentials, key]) and not encrypted
    cwe 311
    capec 37
    description "Whoever gets a copy of the store (a backup, a snapshot, a stolen disk) reads the secrets in it."
    mitigation "Encrypt the store at rest with keys kept outside it (a KMS or vault), hash passwords with a slow salted hash, and mark the store 'encrypted'."
}

rule PasswordsStoredRecoverably "Stored passwords can be recovered after a breach" {
    on datastore
    stride InformationDisclosure
    when any stores (type is credentials)
    unless tags has "password-hashing"
    cwe 916
    capec 55
    description "This store keeps credentials; passwords kept in clear, encrypted or with a fast hash are recovered wholesale once the store leaks."
    mitigation "Store only salted hashes from a slow password hashing function (Argon2id, scrypt or bcrypt) with a tuned cost, and tag the store password-hashing."
}

rule CacheHoldsSensitiveData "A cache keeps sensitive data outside its protected store" {
    on datastore
    stride InformationDisclosure
    when tech has "cache" and any stores (classification in [confidential, secret])
    cwe 524
    capec 204
    description "This cache holds confidential data, usually with weaker access control, no encryption and no audit compared with the primary store."
    mitigation "Cache only what is needed, for a short time, require authentication and TLS on the cache, and keep secrets out of it."
}

rule KeysStoredWithData "Encryption keys are stored next to the data they protect" {
    on datastore
    stride InformationDisclosure
    when any stores (type is key) and any stores (type in [personal, payment, credentials])
    cwe 922
    description "This store holds keys together with the sensitive data, so one breach of the store yields both the ciphertext and the means to read it."
    mitigation "Keep keys in a key management service or HSM and fetch them at run time; the data store should hold only key identifiers."
}

rule StoreReadableFromUntrusted "A data store sends data straight into an untrusted zone" {
    on datastore
    stride InformationDisclosure
    when any flowsOut (target.trust is untrusted)
    cwe 668
    description "Data flows from this store to an element in an untrusted zone without a process in between to decide what may leave."
    mitigation "Serve the data through a process that authorises each read and returns only the fields the caller may see."
}

// ---- Data stores: Denial of service ------------------------------------------------------------

rule DatabaseExhaustedByPublicQueries "Expensive queries from public requests exhaust the database" {
    on datastore
    stride DenialOfService
    when tech has "sql" and any flowsIn (source.entrypoint)
    cwe 770
    capec 130
    description "An entry point queries this database; unbounded result sizes, costly searches or many concurrent requests exhaust its connections and CPU for every other user."
    mitigation "Paginate and bound every query, set statement timeouts, limit the connection pool per caller, and rate-limit the expensive endpoints."
}

rule LogStoreFilled "Log storage is filled until logging stops" {
    on datastore
    stride DenialOfService
    when logs and any flowsIn (fromLessTrusted)
    cwe 400
    capec 130
    description "Writers in a less trusted zone feed this log store; a burst of events fills it, and then new audit entries are lost or the writers block."
    mitigation "Cap ingestion per source, alert on volume, rotate and archive old entries, and decide whether writers drop or buffer when the store is full."
}

rule QueueFlooded "A message queue is flooded from a less trusted zone" {
    on datastore
    stride DenialOfService
    when tech has "queue" and any flowsIn (fromLessTrusted)
    cwe 770
    capec 125
    description "Producers in a less trusted zone write to this queue; a flood of messages grows the backlog until consumers fall behind and real work waits or is dropped."
    mitigation "Set per-producer quotas and maximum queue length and message size, and dead-letter messages that fail repeatedly."
}

// ---- Flows: Tampering --------------------------------------------------------------------------

rule SensitiveMessageAlteredInTransit "A sensitive message is altered in transit" {
    on flow
    stride Tampering
    when crossesBoundary and not encrypted and any carries (type in [payment, credentials, token])
    cwe 924
    capec 94
    description "This flow crosses a trust boundary without protection and carries payment data, credentials or tokens, so anyone on the path can change what arrives."
    mitigation "Protect the channel with TLS (or sign the messages end to end) and mark the flow encrypted."
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

rule PaymentInstructionReplayed "A payment instruction is replayed or its amount changed" {
    on flow
    stride Tampering
    when crossesBoundary and any carries (type is payment)
    unless tags has "signed"
    cwe 294
    capec 385
    description "This flow carries payment instructions across a trust boundary; transport encryption does not stop a client or intermediary from resubmitting or editing a captured instruction."
    mitigation "Sign each instruction with a nonce and timestamp, reject duplicates with an idempotency key, recompute amounts on the server, and tag the flow signed."
}

// ---- Flows: Information disclosure -------------------------------------------------------------

rule SensitiveDataInClear "Sensitive data sent in clear text" {
    on flow
    stride InformationDisclosure
    when any carries (classification in [confidential, secret] or type in [credentials, token, key, payment]) and not encrypted
    cwe 319
    capec 157
    description "Anyone on the network path can read what the flow carries, and keep it: passwords, tokens, card numbers or secret data travel as plain text."
    mitigation "Encrypt the flow in transit (TLS 1.2 or later with certificate validation) and mark it 'encrypted'."
}

rule PeerNotVerified "An encrypted channel talks to an unverified peer" {
    on flow
    stride InformationDisclosure
    when encrypted and not authenticated and crossesBoundary and any carries (classification is secret)
    cwe 295
    capec 94
    description "This flow is encrypted but not authenticated, and carries secret data across a trust boundary; without verifying who is at the other end, an interceptor can terminate the encryption itself."
    mitigation "Validate the server certificate (and pin it, or use mutual TLS for services), and mark the flow authenticated."
}

rule PersonalDataSentToThirdParty "Personal data is sent to a third-party service" {
    on flow
    stride InformationDisclosure
    when target.type is service and any carries (type is personal)
    cwe 359
    description "This flow hands personal data to an outside service, which may keep, reuse or leak it beyond the purpose it was collected for."
    mitigation "Send only the fields the service needs (pseudonymise the rest), have a data processing agreement, and record the transfer in the privacy notice."
}

// ---- Flows: Denial of service ------------------------------------------------------------------

rule EntryFlowFlooded "An unauthenticated flow into an entry point is flooded" {
    on flow
    stride DenialOfService
    when source.trust is untrusted and target.entrypoint and not authenticated
    cwe 770
    capec 125
    description "Anyone in the untrusted zone can send on this flow without authenticating, so a flood of requests on it saturates the link or the entry point behind it."
    mitigation "Absorb volumetric floods upstream (CDN, scrubbing), limit connections and request rates per source, and reject oversized payloads early."
}

rule ThirdPartyFlowStalls "A flow to a third-party service stalls or fails" {
    on flow
    stride DenialOfService
    when target.type is service and crossesBoundary
    cwe 1088
    description "This flow depends on a service outside the model's control; when it is slow or unreachable, whatever waits for this flow waits too."
    mitigation "Set timeouts and retries with backoff on this call, queue work that can be deferred, and monitor the service's availability."
}

rule QueueFloodedThroughFlow "A producer floods the queue this flow feeds" {
    on flow
    stride DenialOfService
    when fromLessTrusted and target.tech has "queue"
    cwe 400
    capec 125
    description "This flow lets a producer in a less trusted zone write to a queue; an unbounded burst fills the queue and delays every other producer's messages."
    mitigation "Enforce per-producer rate limits and message size limits at the broker, and reject messages once the producer's quota is used."
}
