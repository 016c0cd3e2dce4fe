// =================================================================================================
// Ledgerline invoicing API: threat model, part 1 of 2 (the multi-tenant platform)
//
// What this models: a B2B SaaS for invoicing. Each customer company is a tenant; its users work in
// a web app and its back-office systems call a public REST API. Tenants can sign in with their own
// identity provider (SAML or OIDC), receive webhooks when invoices change, and export their data.
// Tenant data lives in one schema per tenant on shared PostgreSQL clusters (enterprise tenants get
// a dedicated cluster), protected by row-level security keyed on the tenant id from the token.
//
// TMA scope: the API gateway, auth service, core API, job workers, webhook dispatcher, and the data
// stores they use, including the audit log store. The internal admin console used by support staff
// and the break-glass path of on-call engineers are in admin-console.tm. Out of scope: the web
// app's front-end code (own model), the payment collection partner, and the tenants' own systems,
// which appear only as external entities.
//
// Review state: tenant isolation, authentication and the data stores are addressed. Open items tml
// reports in this file: per-tenant fair scheduling of jobs (agreed, design pending), the accepted
// risk of forwarded export links still lacks its written justification, the webhook dispatcher has
// no repudiation or denial-of-service analysis yet, and one fix has no bug number.
// =================================================================================================

system LedgerlineApi "Ledgerline multi-tenant invoicing API" {
    description "Invoices, customers and payment status for about 4,000 business tenants, through a web app and a public REST API with webhooks and exports."
    owner "Ledgerline platform team; threat model reviewed quarterly with the security team"
    deployment "Kubernetes in one region (three AZs) behind a managed API gateway; Istio service mesh in STRICT mTLS; managed PostgreSQL clusters and a managed queue in private subnets; audit logs shipped to a separate security account."
}

// ---- Background ----------------------------------------------------------------------------------

assumption TenantIdFromToken "The tenant id a request acts for comes only from the verified access token, never from the path, body or headers."
assumption NoSharedSuperusers "No application role in PostgreSQL bypasses row-level security; migrations run under a separate owner role."
assumption TenantsOwnTheirIdp "A tenant that configures SSO is responsible for its IdP's account security and MFA."
assumption RegionPinned "All tenant data stays in the tenant's region; cross-region replication is disabled."

dependency ManagedApiGateway "The managed API gateway terminates TLS, validates JWTs against our JWKS and enforces usage plans."
dependency ManagedPostgres "Managed PostgreSQL 16 provides encryption at rest, backups and point-in-time recovery."
dependency SecretScanningPartner "Code hosts' secret-scanning programmes report leaked Ledgerline API secrets to our revocation endpoint."

// ---- Assets --------------------------------------------------------------------------------------

asset TenantData "Tenants' invoices, customers, bank details and payment status"
asset TenantIsolation "Separation between tenants" {
    description "Intangible but central: one cross-tenant leak ends the business."
}
asset ApiCredentials "API client secrets, API keys and access tokens"
asset TenantSsoSettings "Tenant SSO configuration: IdP metadata, certificates, verified domains"
asset WebhookSecrets "Per-tenant webhook signing secrets"
asset AuditRecords "Audit events: who did what, in which tenant, when"
asset ExportFiles "Export files (CSV and PDF of a tenant's invoices)"

// ---- Data flow diagram ---------------------------------------------------------------------------

boundary TenantSide "Tenants' users and systems (internet)" {
    external TenantUser "Tenant user in the web app" {
        description "Accountant or admin of a tenant company, in a browser."
    }
    external TenantApiClient "Tenant's API client" {
        description "The tenant's ERP or script, server to server, with OAuth client credentials."
    }
    external CustomerIdp "Tenant's identity provider" {
        description "Okta, Entra ID, Google Workspace…, configured per tenant for SAML or OIDC."
    }
    external WebhookReceiver "Tenant's webhook endpoint"
}

boundary ApiEdge "API edge (managed gateway)" {
    process ApiGateway "API gateway" {
        description "TLS termination, JWT validation, usage plans and rate limits, routing to the core API."
        technology "Managed API gateway"
        entrypoint
    }
}

boundary PlatformCluster "Platform cluster (Kubernetes, Istio STRICT mTLS)" {
    process AuthService "Auth service" {
        description "OAuth 2.0 authorisation server: password and SSO sign-in, client credentials, token issuance and JWKS."
        technology "Go 1.22"
        entrypoint
    }
    process CoreApi "Core API" {
        description "Invoices, customers and payment status; every query runs with the tenant id from the token set as a PostgreSQL session variable."
        technology "Kotlin, Spring Boot 3"
        entrypoint
    }
    process JobWorker "Job workers" {
        description "Exports, CSV imports and PDF rendering of invoices."
        technology "Kotlin workers, headless Chromium for PDF"
    }
    process WebhookDispatcher "Webhook dispatcher" {
        description "Delivers invoice events to tenants' endpoints with retries."
        technology "Go 1.22"
    }

    boundary PlatformData "Data subnets" {
        datastore TenantDb "Tenant databases" {
            description "One schema per tenant on shared clusters, a dedicated cluster for enterprise tenants; row-level security on every table."
            technology "Managed PostgreSQL 16"
            stores TenantData
        }
        datastore ControlPlaneDb "Control-plane database" {
            description "Tenants, plans, API clients (secret hashes), SSO settings, webhook endpoints and secrets."
            technology "Managed PostgreSQL 16"
            stores ApiCredentials, TenantSsoSettings, WebhookSecrets
        }
        datastore JobQueue "Job queue" {
            technology "Managed message queue"
            stores TenantData
        }
        datastore ExportBucket "Export bucket" {
            description "Export files under a per-tenant prefix, deleted after 7 days."
            technology "Object storage, SSE-KMS"
            stores ExportFiles
        }
    }
}

boundary StorageEdge "Object storage endpoint (managed service)" {
    process ExportDownloadEndpoint "Object storage download endpoint" {
        description "The cloud provider's HTTPS endpoint for the export bucket: checks a presigned URL's signature and expiry, then streams the object. Only presigned GETs reach the bucket from the internet."
        technology "Managed object storage, presigned URLs (SigV4)"
        entrypoint
    }
}

boundary SecurityAccount "Security logging account" {
    datastore AuditLogStore "Audit log store" {
        description "Append-only audit events from the platform and the admin console; tenants can read their own through the API."
        technology "Object storage with object lock, queried through the SIEM"
        logs
        stores AuditRecords
    }
}

// ---- Flows: sign-in and API calls ----------------------------------------------------------------

flow UserToGateway: TenantUser -> ApiGateway "Web app API calls" {
    protocol "HTTPS, bearer access token"
    encrypted
    authenticated
    carries TenantData
}
flow ClientToGateway: TenantApiClient -> ApiGateway "REST API calls" {
    protocol "HTTPS, bearer access token"
    encrypted
    authenticated
    carries TenantData
}
flow UserSignIn: TenantUser -> AuthService "Sign in with password or start SSO" {
    protocol "HTTPS, OAuth 2.0 authorisation code with PKCE"
    encrypted
    carries ApiCredentials
}
flow IdpAssertion: CustomerIdp -> AuthService "SAML response or OIDC id_token (through the user's browser)" {
    protocol "HTTPS POST binding / OIDC code flow"
    encrypted
    authenticated
}
flow ClientTokenRequest: TenantApiClient -> AuthService "Client credentials grant" {
    protocol "HTTPS, client secret or private_key_jwt"
    encrypted
    authenticated
    carries ApiCredentials
}
flow GatewayToAuth: ApiGateway -> AuthService "Fetch JWKS, introspect API keys" {
    protocol "HTTPS over private link"
    encrypted
    authenticated
}
flow GatewayToCore: ApiGateway -> CoreApi "Request with the verified token" {
    protocol "HTTPS into the mesh ingress, then mTLS"
    encrypted
    authenticated
    carries TenantData
}
flow CoreToTenantDb: CoreApi -> TenantDb "Tenant-scoped queries under row-level security" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries TenantData
}
flow CoreToControlPlane: CoreApi -> ControlPlaneDb "Plan limits, webhook endpoints" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
}
flow AuthToControlPlane: AuthService -> ControlPlaneDb "API clients, secret hashes, SSO settings" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries ApiCredentials, TenantSsoSettings
}

// ---- Flows: jobs, exports and webhooks -----------------------------------------------------------

flow CoreToJobQueue: CoreApi -> JobQueue "Enqueue exports, imports and invoice events" {
    protocol "HTTPS (queue API), workload identity"
    encrypted
    authenticated
    carries TenantData
}
flow QueueToWorker: JobQueue -> JobWorker "Jobs in signed envelopes with the tenant id" {
    protocol "HTTPS (queue API), workload identity"
    encrypted
    authenticated
    carries TenantData
}
flow WorkerToTenantDb: JobWorker -> TenantDb "Read and write tenant data for a job" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries TenantData
}
flow WorkerToExports: JobWorker -> ExportBucket "Write export files" {
    protocol "HTTPS (object storage API), workload identity"
    encrypted
    authenticated
    carries ExportFiles
}
flow ExportRead: ExportBucket -> ExportDownloadEndpoint "Read the export object for a presigned GET" {
    protocol "Object storage internal, with the permissions of the role that signed the URL"
    encrypted
    authenticated
    carries ExportFiles
}
flow ExportDownload: ExportDownloadEndpoint -> TenantUser "Download an export through a presigned URL" {
    protocol "HTTPS, presigned URL valid 15 minutes"
    encrypted
    carries ExportFiles
}
flow QueueToDispatcher: JobQueue -> WebhookDispatcher "Invoice events to deliver" {
    protocol "HTTPS (queue API), workload identity"
    encrypted
    authenticated
    carries TenantData
}
flow DispatcherToReceiver: WebhookDispatcher -> WebhookReceiver "Signed webhook POST" {
    protocol "HTTPS only, HMAC-SHA256 signature header"
    encrypted
    authenticated
    carries TenantData
}

// ---- Flows: audit --------------------------------------------------------------------------------

flow CoreToAudit: CoreApi -> AuditLogStore "Audit events for every write" {
    protocol "HTTPS to the log pipeline, workload identity"
    encrypted
    authenticated
    carries AuditRecords
}
flow AuthToAudit: AuthService -> AuditLogStore "Sign-in, token and SSO-change events" {
    protocol "HTTPS to the log pipeline, workload identity"
    encrypted
    authenticated
    carries AuditRecords
}

// ---- Scenarios -----------------------------------------------------------------------------------

scenario SsoSignIn "A tenant user signs in through the tenant's IdP and edits an invoice" {
    flows UserSignIn, IdpAssertion, AuthToControlPlane, AuthToAudit, UserToGateway, GatewayToAuth, GatewayToCore, CoreToTenantDb, CoreToAudit
}
scenario ErpSync "A tenant's ERP syncs invoices through the API" {
    flows ClientTokenRequest, AuthToControlPlane, ClientToGateway, GatewayToCore, CoreToTenantDb, CoreToControlPlane, CoreToAudit
}
scenario InvoiceExport "A tenant exports a year of invoices as PDF" {
    description "Runs asynchronously; the user gets a presigned link when the file is ready."
    flows UserToGateway, GatewayToCore, CoreToJobQueue, QueueToWorker, WorkerToTenantDb, WorkerToExports, ExportRead, ExportDownload
}
scenario WebhookDelivery "An invoice is paid and the tenant's system is notified" {
    flows CoreToTenantDb, CoreToControlPlane, CoreToJobQueue, QueueToDispatcher, DispatcherToReceiver
}

// =================================================================================================
// Threats and mitigations
// =================================================================================================

// ---- Tenant isolation (the threats this product lives or dies by) --------------------------------

threat CrossTenantAccess "One tenant reads or changes another tenant's invoices" {
    stride Tampering, InformationDisclosure
    targets CoreApi, TenantDb, CoreToTenantDb
    assets TenantData, TenantIsolation
    description "Any path where the tenant a query runs for is not the tenant of the caller's token."
    impact "Invoices, bank details and customer lists of other companies exposed or altered; contractual and GDPR breach for every affected tenant."
    tree {
        or "Query runs under the wrong tenant" {
            leaf "Tenant id read from the URL, body or an X-Tenant-Id header"
            leaf "New query path that forgets the tenant filter"
            and "Pooled connection keeps the previous request's tenant" {
                leaf "Session variable set with SET instead of SET LOCAL"
                leaf "Error path returns the connection to the pool mid-transaction"
            }
            leaf "Application role with BYPASSRLS"
        }
    }
    dread { damage 10 reproducibility 6 exploitability 5 affectedUsers 10 discoverability 5 }
    response fix
    mitigatedBy RowLevelSecurity
    bug "LL-12"
}

threat JobTenantMixup "A job runs with another tenant's context" {
    stride InformationDisclosure
    targets JobWorker, WorkerToTenantDb
    assets TenantData, TenantIsolation
    description "A worker reuses a connection or cache entry from the previous job, or trusts a tenant id in an unsigned job body."
    impact "Export of tenant A delivered to tenant B."
    dread { damage 10 reproducibility 4 exploitability 3 affectedUsers 6 discoverability 4 }
    response fix
    mitigatedBy RowLevelSecurity, JobEnvelopeSigning
    bug "LL-13"
}

threat RoleEscalationInTenant "Tenant member makes themselves tenant admin" {
    stride ElevationOfPrivilege
    targets CoreApi
    assets TenantData
    description "Role changes checked in the UI only, or PATCH /users/{id} accepting a role field from members."
    impact "Member changes bank details on outgoing invoices (invoice redirection fraud)."
    dread { damage 8 reproducibility 8 exploitability 6 affectedUsers 3 discoverability 5 }
    response fix
    mitigatedBy TenantRbacPolicy
    bug "LL-14"
}

mitigation RowLevelSecurity "PostgreSQL row-level security on every tenant table; tenant id from the token set with SET LOCAL per transaction" {
    description "The repository layer opens a transaction, sets app.tenant_id from the verified token, and the policies compare every row with it; no application role has BYPASSRLS."
    technique "Authorization"
    status verified
    implementedIn "core-api/src/main/kotlin/db/TenantTransaction.kt"
    verifiedBy "core-api/src/test/kotlin/db/CrossTenantIsolationTest.kt"
}

mitigation JobEnvelopeSigning "Jobs in HMAC-signed envelopes carrying the tenant id; worker state reset per job" {
    technique "Message authentication codes"
    status implemented
    implementedIn "platform-lib/src/main/kotlin/jobs/Envelope.kt"
    verifiedBy "workers/src/test/kotlin/jobs/EnvelopeTest.kt"
}

mitigation TenantRbacPolicy "Authorisation decided by a central policy (OPA) on every endpoint, with roles from the server" {
    technique "Authorization"
    status verified
    implementedIn "core-api/policies/tenant_rbac.rego"
    verifiedBy "core-api/policies/tenant_rbac_test.rego"
}

// ---- API gateway ---------------------------------------------------------------------------------

threat GatewayBypass "Requests reach the core API around the gateway with forged identity headers" {
    stride Spoofing
    targets ApiGateway, CoreApi
    assets TenantIsolation
    description "If the core API trusted X-User-Id / X-Tenant-Id headers set by the gateway, anything that can reach it directly (another pod, a misrouted ingress) could act as any user."
    impact "Any tenant, any user."
    dread { damage 10 reproducibility 4 exploitability 4 affectedUsers 10 discoverability 3 }
    response fix
    mitigatedBy GatewayOnlyIngress
    bug "LL-20"
}

threat RequestSmuggling "HTTP request smuggling between gateway and core API" {
    stride Tampering
    targets ApiGateway
    description "Gateway and backend disagree on Content-Length vs. Transfer-Encoding, so a request prefix is attached to the next user's request."
    impact "Another user's request hijacked, their token captured in a reflected field."
    dread { damage 8 reproducibility 4 exploitability 4 affectedUsers 6 discoverability 4 }
    response fix
    mitigatedBy StrictHttpParsing
    bug "LL-21"
}

threat TokenInAccessLogs "Access tokens and API keys written to gateway access logs" {
    stride InformationDisclosure
    targets ApiGateway
    assets ApiCredentials
    description "Full request headers or query strings (?api_key=) in access logs, readable by everyone with log access."
    impact "Replayable credentials in a widely readable system."
    dread { damage 7 reproducibility 8 exploitability 6 affectedUsers 8 discoverability 4 }
    response fix
    mitigatedBy TokenRedaction
    bug "LL-22"
}

threat ApiFlood "One tenant or an attacker exhausts shared API capacity" {
    stride DenialOfService
    targets ApiGateway, CoreApi, UserToGateway, ClientToGateway, UserSignIn, ClientTokenRequest, IdpAssertion
    description "A runaway ERP sync loop, a scraping script or a botnet hitting sign-in and list endpoints."
    impact "Slow or failing API for every tenant on the shared plan."
    dread { damage 6 reproducibility 8 exploitability 7 affectedUsers 10 discoverability 7 }
    response fix
    mitigatedBy TenantRateLimits
    bug "LL-23"
}

threat GatewayAdminExposed "Gateway admin API reachable from inside the cluster" {
    stride ElevationOfPrivilege
    targets ApiGateway
    description "Self-hosted gateway sidecars expose an admin port; a compromised pod adds a route or disables authentication."
    impact "Authentication switched off for chosen routes."
    dread { damage 9 reproducibility 5 exploitability 4 affectedUsers 10 discoverability 4 }
    // Open: fixed by the network policy, but nobody filed the ticket for the regression test.
    response fix
    mitigatedBy GatewayAdminLockdown
}

mitigation GatewayOnlyIngress "Core API accepts only the gateway's mesh identity and verifies the JWT itself; identity headers are ignored" {
    technique "Authentication"
    status verified
    implementedIn "deploy/istio/core-api-authorization-policy.yaml"
    verifiedBy "core-api/src/test/kotlin/security/ForgedHeaderTest.kt"
}

mitigation StrictHttpParsing "HTTP/2 end to end; requests with both Content-Length and Transfer-Encoding rejected" {
    technique "Filtering"
    status implemented
    implementedIn "deploy/gateway/http-settings.yaml"
    verifiedBy "test/security/smuggling_probe.py"
}

mitigation TokenRedaction "Authorization headers and key-like query parameters redacted before logging; API keys only in headers" {
    technique "Protecting secrets"
    status verified
    implementedIn "deploy/gateway/access-log-format.yaml"
    verifiedBy "test/security/log_redaction_test.py"
}

mitigation TenantRateLimits "Rate limits and quotas per tenant and plan, per IP on sign-in, with 429 and Retry-After" {
    technique "Throttling"
    status implemented
    implementedIn "deploy/gateway/usage-plans.tf"
    verifiedBy "test/load/tenant_flood.k6.js"
}

mitigation GatewayAdminLockdown "Gateway admin API bound to localhost; network policy denies its port" {
    technique "Least privilege"
    status implemented
    implementedIn "deploy/k8s/network-policies/gateway-admin.yaml"
    verifiedBy "test/security/admin_port_scan.sh"
}

// ---- Auth service and identity -------------------------------------------------------------------

threat PasswordSpraying "Tenant user accounts taken over by password spraying" {
    stride Spoofing
    targets TenantUser, AuthService
    assets ApiCredentials, TenantData
    description "A few common passwords tried against every user of known tenant domains, slowly, from many IPs."
    impact "Attacker acts as an accountant: reads invoices, changes bank details."
    dread { damage 8 reproducibility 7 exploitability 7 affectedUsers 5 discoverability 8 }
    response fix
    mitigatedBy EnforcedMfa
    bug "LL-30"
}

threat SamlSignatureWrapping "Forged SAML assertion accepted through signature wrapping" {
    stride Spoofing
    targets CustomerIdp, AuthService
    assets TenantIsolation
    description "XML signature wrapping or comment injection makes the verifier check one element and the application read another (CVE-2017-11427 class)."
    impact "Sign in as any user of any SSO tenant."
    dread { damage 10 reproducibility 5 exploitability 4 affectedUsers 8 discoverability 4 }
    response fix
    mitigatedBy SamlHardening
    bug "LL-31"
}

threat AssertionReplay "Captured SAML assertion or id_token replayed" {
    stride Tampering
    targets IdpAssertion
    assets ApiCredentials
    description "An assertion taken from browser history, a proxy or logs is posted again within its validity window."
    impact "Session as the victim."
    dread { damage 7 reproducibility 4 exploitability 4 affectedUsers 2 discoverability 4 }
    response fix
    mitigatedBy SamlHardening
    bug "LL-32"
}

threat SsoTakeover "Tenant SSO settings pointed at an attacker's IdP" {
    stride Tampering
    targets AuthService, ControlPlaneDb
    assets TenantSsoSettings, TenantIsolation
    description "A compromised tenant admin (or a bug in the settings endpoint) swaps the IdP metadata, after which the attacker's IdP can assert any user of that tenant."
    impact "Persistent access to the whole tenant that survives password resets."
    dread { damage 9 reproducibility 4 exploitability 4 affectedUsers 5 discoverability 4 }
    response fix
    mitigatedBy SsoChangeControls
    bug "LL-33"
}

threat SigningKeyTheft "Token signing key stolen from the auth service" {
    stride InformationDisclosure
    targets AuthService
    assets ApiCredentials
    description "Private key in a Kubernetes secret or an environment variable, read through a debug endpoint or a compromised node."
    impact "Tokens for any user of any tenant."
    dread { damage 10 reproducibility 2 exploitability 3 affectedUsers 10 discoverability 2 }
    response fix
    mitigatedBy KmsTokenSigning
    bug "LL-34"
}

threat AuthOutage "Auth service outage stops sign-ins" {
    stride DenialOfService
    targets AuthService
    description "A bad deploy or the control-plane database being down stops new sign-ins and token issuance."
    impact "Users cannot sign in; API clients cannot refresh tokens."
    dread { damage 5 reproducibility 3 exploitability 1 affectedUsers 10 discoverability 5 }
    response accept
    justification "The gateway validates tokens locally against cached JWKS, so existing sessions and tokens (1 h) keep working; the service runs 3 replicas across zones with a 99.95% SLO. A second region is not worth it yet."
}

threat ScopeEscalation "API client obtains scopes or a tenant it was not granted" {
    stride ElevationOfPrivilege
    targets AuthService
    assets TenantIsolation, ApiCredentials
    description "Scopes copied from the token request instead of the client registration, or a tenant_id parameter honoured in the client credentials grant."
    impact "A read-only integration writes invoices, or a client gets a token for another tenant."
    dread { damage 9 reproducibility 7 exploitability 5 affectedUsers 8 discoverability 4 }
    response fix
    mitigatedBy ServerSideScopes
    bug "LL-35"
}

threat LeakedClientSecret "API client secret leaked from a tenant's repository" {
    stride Spoofing
    targets TenantApiClient
    assets ApiCredentials
    description "Secrets committed to public repos, pasted into support tickets or left in CI logs."
    impact "Full API access to that tenant until someone notices."
    dread { damage 8 reproducibility 6 exploitability 8 affectedUsers 3 discoverability 6 }
    response fix
    mitigatedBy SecretScanningRevocation
    bug "LL-36"
}

threat TenantActionRepudiation "Tenant user or integration denies having changed an invoice" {
    stride Repudiation
    targets TenantUser, TenantApiClient, CoreApi, AuthService
    assets AuditRecords, TenantData
    description "After an invoice-redirection fraud the tenant asks which user or API client changed the bank details, and from where."
    impact "Tenant cannot resolve the fraud and blames us."
    dread { damage 6 reproducibility 5 exploitability 6 affectedUsers 3 discoverability 7 }
    response fix
    mitigatedBy ActorAuditEvents
    bug "LL-37"
}

mitigation EnforcedMfa "MFA (passkeys or TOTP) required for password users; tenants can enforce SSO; spraying detection across accounts" {
    technique "Authentication"
    status verified
    implementedIn "auth/internal/signin/policy.go"
    verifiedBy "auth/internal/signin/policy_test.go"
}

mitigation SamlHardening "Maintained SAML library, schema validation before signature checks, assertion ids cached until expiry, audience and InResponseTo checked" {
    technique "Digital signatures"
    status verified
    implementedIn "auth/internal/sso/saml.go"
    verifiedBy "auth/internal/sso/saml_wrapping_test.go"
}

mitigation SsoChangeControls "SSO changes need a verified domain and admin re-authentication, and notify every tenant admin" {
    technique "Authentication"
    status implemented
    implementedIn "auth/internal/sso/settings.go"
    verifiedBy "auth/internal/sso/settings_test.go"
}

mitigation KmsTokenSigning "Token signing in KMS (key never exported); keys rotated every 90 days with kid" {
    technique "Protecting secrets"
    status verified
    implementedIn "auth/internal/tokens/kms_signer.go"
    verifiedBy "auth/internal/tokens/kms_signer_test.go"
}

mitigation ServerSideScopes "Scopes and tenant taken only from the client registration" {
    technique "Authorization"
    status verified
    implementedIn "auth/internal/oauth/client_credentials.go"
    verifiedBy "auth/internal/oauth/client_credentials_test.go"
}

mitigation SecretScanningRevocation "Secrets with a recognisable prefix; code-host secret scanning reports trigger automatic revocation" {
    technique "Protecting secrets"
    status implemented
    implementedIn "auth/internal/oauth/revocation_webhook.go"
    verifiedBy "auth/internal/oauth/revocation_webhook_test.go"
}

mitigation ActorAuditEvents "Every write emits an audit event with tenant, actor (user or client id), token id, IP and before/after field names" {
    technique "Auditing"
    status verified
    implementedIn "platform-lib/src/main/kotlin/audit/AuditEmitter.kt"
    verifiedBy "core-api/src/test/kotlin/audit/AuditCoverageTest.kt"
}

// ---- Job workers, exports and webhooks -----------------------------------------------------------

threat PdfRendererExploit "Invoice content exploits the HTML-to-PDF renderer" {
    stride Tampering, InformationDisclosure, ElevationOfPrivilege
    targets JobWorker
    assets TenantData
    description "Invoice notes with <iframe src=file:///etc/passwd>, <img src=http://169.254.169.254/…> or script make headless Chromium read local files, reach the metadata service or exploit a renderer bug."
    impact "Files and cloud credentials of the worker, which can read every tenant's data."
    dread { damage 9 reproducibility 7 exploitability 5 affectedUsers 10 discoverability 5 }
    response fix
    mitigatedBy SandboxedRenderer
    bug "LL-40"
}

// Agreed to fix with per-tenant fair queueing; the design is still open, so no mitigation yet.
threat NoisyNeighbour "One tenant's bulk import starves every other tenant's jobs" {
    stride DenialOfService
    targets JobWorker
    description "A 2-million-row CSV import or a ten-year PDF export fills the workers for hours; everyone else's exports and webhooks wait."
    impact "Exports and webhook deliveries delayed for all tenants."
    dread { damage 5 reproducibility 7 exploitability 6 affectedUsers 9 discoverability 6 }
    response fix
    bug "LL-41"
}

threat JobQueueTampering "Jobs injected into or read from the queue" {
    stride Tampering, InformationDisclosure
    targets JobQueue, CoreToJobQueue, QueueToWorker, QueueToDispatcher
    assets TenantData, TenantIsolation
    description "A workload with send permission enqueues an export job naming another tenant, or reads queued invoice events."
    impact "Cross-tenant export; invoice data read."
    dread { damage 8 reproducibility 3 exploitability 3 affectedUsers 7 discoverability 3 }
    response fix
    mitigatedBy JobEnvelopeSigning, QueueAccessPolicy
    bug "LL-42"
}

threat ExportBucketExposure "Export files readable outside their tenant" {
    stride Tampering, InformationDisclosure
    targets ExportBucket, WorkerToExports, ExportRead, ExportDownloadEndpoint
    assets ExportFiles, TenantIsolation
    description "A bucket policy made public during debugging, guessable object keys, or a presigned URL generated for a key outside the caller's tenant prefix."
    impact "A tenant's full invoice history downloaded by someone else."
    dread { damage 9 reproducibility 5 exploitability 4 affectedUsers 5 discoverability 4 }
    response fix
    mitigatedBy ExportBucketPolicy
    bug "LL-43"
}

// Accepted by the product owner in the last review; the written justification is still missing.
threat ExportLinkSharing "Presigned export link forwarded or captured" {
    stride InformationDisclosure
    targets ExportDownload
    assets ExportFiles
    description "Presigned URLs work for anyone who has them for 15 minutes: forwarded in chat, kept in a proxy log, or opened on a shared machine."
    impact "One tenant export read by someone outside the tenant."
    dread { damage 6 reproducibility 4 exploitability 7 affectedUsers 1 discoverability 3 }
    response accept
}

threat WebhookSsrf "Webhook URL points at internal services" {
    stride InformationDisclosure, ElevationOfPrivilege
    targets WebhookDispatcher
    assets TenantData
    description "A tenant admin registers http://169.254.169.254/latest/meta-data/ or an internal service name, or a public name that re-resolves to 10.x after validation (DNS rebinding), and reads the responses in the delivery log."
    impact "Cloud credentials of the dispatcher; access to internal services."
    tree {
        or "Make the dispatcher call an internal address" {
            leaf "Register an internal IP or host name directly"
            leaf "Public name that resolves to a private IP at delivery time"
            leaf "Public URL that answers with a redirect to an internal address"
        }
    }
    dread { damage 9 reproducibility 8 exploitability 6 affectedUsers 10 discoverability 7 }
    response fix
    mitigatedBy EgressSsrfGuard
    bug "LL-44"
}

threat ForgedWebhooks "Attacker sends receivers webhooks that look like ours" {
    stride Spoofing
    targets WebhookDispatcher
    assets TenantData
    description "Receivers that cannot tell our deliveries from anyone else's act on a fake 'invoice paid' event."
    impact "Tenant ships goods or marks invoices settled on a forged event."
    dread { damage 7 reproducibility 7 exploitability 6 affectedUsers 4 discoverability 6 }
    response fix
    mitigatedBy WebhookHmac
    bug "LL-45"
}

threat DanglingWebhookDomain "Webhook endpoint's domain lapses and is registered by someone else" {
    stride Spoofing
    targets WebhookReceiver
    assets TenantData
    description "A tenant's old integration domain expires; whoever registers it receives the tenant's invoice events."
    impact "Invoice data of that tenant sent to a stranger."
    dread { damage 6 reproducibility 3 exploitability 5 affectedUsers 1 discoverability 3 }
    response warn
    warning "Webhook events go to whichever server answers at this URL. Delete webhooks you no longer use, and keep the domain of every webhook URL registered."
}

threat WebhookInTransit "Webhook payloads read or altered on the way to the receiver" {
    stride Tampering, InformationDisclosure
    targets DispatcherToReceiver
    assets TenantData
    description "Plain-HTTP endpoints, or receivers behind TLS-intercepting proxies."
    impact "Invoice data read; events altered before the receiver acts on them."
    dread { damage 6 reproducibility 4 exploitability 4 affectedUsers 3 discoverability 4 }
    response fix
    mitigatedBy WebhookHmac
    bug "LL-46"
}

threat ReceiverUnavailable "Tenant's endpoint is down and events are lost" {
    stride DenialOfService
    targets DispatcherToReceiver
    description "A receiver outage over a weekend, or one that answers 500 to everything."
    impact "Tenant's systems miss payments."
    dread { damage 5 reproducibility 6 exploitability 2 affectedUsers 2 discoverability 5 }
    response fix
    mitigatedBy WebhookRetryPolicy
    bug "LL-47"
}

mitigation SandboxedRenderer "Renderer in a gVisor sandbox without network access; JavaScript off; local file URLs blocked" {
    technique "Least privilege"
    status verified
    implementedIn "workers/pdf/sandbox/runsc-profile.yaml"
    verifiedBy "workers/src/test/kotlin/pdf/RendererEscapeTest.kt"
}

mitigation QueueAccessPolicy "Queue policy per producer and consumer identity; SSE-KMS" {
    technique "Least privilege"
    status implemented
    implementedIn "infra/terraform/messaging/jobs.tf"
    verifiedBy "test/infra/queue_policy.sh"
}

mitigation ExportBucketPolicy "Public access blocked, keys under a random per-tenant prefix, presigned only for the caller's prefix, 7-day expiry" {
    technique "Authorization"
    status verified
    implementedIn "workers/src/main/kotlin/exports/ExportStore.kt"
    verifiedBy "workers/src/test/kotlin/exports/ExportStoreTest.kt"
}

mitigation EgressSsrfGuard "Webhooks leave through an egress proxy that resolves once and refuses private, link-local and metadata ranges; no redirects" {
    technique "Filtering"
    status verified
    implementedIn "webhooks/internal/egress/guard.go"
    verifiedBy "webhooks/internal/egress/guard_test.go"
}

mitigation WebhookHmac "HTTPS-only URLs; HMAC-SHA256 signature over timestamp and body with a per-tenant secret" {
    technique "Message authentication codes"
    status verified
    implementedIn "webhooks/internal/sign/sign.go"
    verifiedBy "webhooks/internal/sign/sign_test.go"
}

mitigation WebhookRetryPolicy "Retries with exponential back-off for 72 hours, then a dead-letter queue and an e-mail to the tenant admin" {
    technique "Quality of service"
    status implemented
    implementedIn "webhooks/internal/delivery/retry.go"
    verifiedBy "webhooks/internal/delivery/retry_test.go"
}

// ---- Data stores ---------------------------------------------------------------------------------

threat TenantDbSaturation "Heavy report queries from one tenant saturate a shared cluster" {
    stride DenialOfService
    targets TenantDb
    description "Year-end reports with unindexed filters run for minutes and hold connections."
    impact "Every tenant on that cluster slows down."
    dread { damage 5 reproducibility 7 exploitability 6 affectedUsers 8 discoverability 5 }
    response fix
    mitigatedBy PerTenantDbLimits
    bug "LL-50"
}

threat ControlPlaneSecretDump "Client secrets or webhook secrets read from the control-plane database" {
    stride InformationDisclosure
    targets ControlPlaneDb
    assets ApiCredentials, WebhookSecrets
    description "A SQL injection elsewhere, a leaked backup or an over-broad read role."
    impact "Credentials for every tenant's integrations."
    dread { damage 9 reproducibility 3 exploitability 3 affectedUsers 10 discoverability 3 }
    response fix
    mitigatedBy SecretHashing
    bug "LL-51"
}

threat AuditErasure "Audit events deleted or rewritten" {
    stride Tampering, Repudiation
    targets AuditLogStore
    assets AuditRecords
    description "A compromised platform role or an insider deletes the events that show a cross-tenant access or a support impersonation."
    impact "No evidence for the tenant, the regulator or our own investigation."
    dread { damage 7 reproducibility 3 exploitability 3 affectedUsers 10 discoverability 3 }
    response fix
    mitigatedBy WormAuditStorage
    bug "LL-52"
}

threat AuditContentExposure "Audit events expose tenant data to log readers" {
    stride InformationDisclosure
    targets AuditLogStore
    assets AuditRecords, TenantData
    description "Events that copied field values (bank details before and after) would make the SIEM a second copy of tenant data."
    impact "Tenant data readable by everyone with SIEM access."
    dread { damage 5 reproducibility 5 exploitability 3 affectedUsers 10 discoverability 3 }
    response remove
    justification "Audit events were changed in v3 to carry field names only, never values; the SIEM index was rebuilt without the old events."
}

threat AuditWriteFailure "Audit store unreachable: actions go unrecorded" {
    stride DenialOfService
    targets AuditLogStore, CoreToAudit, AuthToAudit
    assets AuditRecords
    description "The log pipeline or the security account is unavailable; events emitted in that window are dropped."
    impact "Gaps in the audit trail exactly when something else is going wrong."
    dread { damage 5 reproducibility 3 exploitability 2 affectedUsers 10 discoverability 4 }
    response fix
    mitigatedBy AuditOutbox
    bug "LL-53"
}

mitigation PerTenantDbLimits "Per-tenant connection pools and statement timeouts by plan; heavy reports on a read replica" {
    technique "Quality of service"
    status implemented
    implementedIn "deploy/pgbouncer/pools.ini"
    verifiedBy "test/load/report_storm.k6.js"
}

mitigation SecretHashing "Client secrets stored as Argon2id hashes; webhook secrets envelope-encrypted with KMS" {
    technique "Don't store secrets"
    status verified
    implementedIn "auth/internal/oauth/secrets.go"
    verifiedBy "auth/internal/oauth/secrets_test.go"
}

mitigation WormAuditStorage "Object lock in compliance mode (2 years) in the security account; daily hash chain over the event files" {
    technique "Auditing"
    status verified
    implementedIn "infra/terraform/security-account/audit-bucket.tf"
    verifiedBy "test/infra/audit_immutable.sh"
}

mitigation AuditOutbox "Transactional outbox: the audit event commits with the write and is shipped at least once" {
    technique "Quality of service"
    status implemented
    implementedIn "platform-lib/src/main/kotlin/audit/Outbox.kt"
    verifiedBy "platform-lib/src/test/kotlin/audit/OutboxTest.kt"
}

// ---- Transport -----------------------------------------------------------------------------------

threat PublicTlsWeakness "Public connections downgraded or intercepted" {
    stride Tampering, InformationDisclosure
    targets UserToGateway, ClientToGateway, UserSignIn, ClientTokenRequest, IdpAssertion, ExportDownload
    assets ApiCredentials, TenantData
    description "Old TLS versions or weak suites negotiated by legacy ERP clients, or the web app loaded over plain HTTP first."
    impact "Tokens, secrets and invoices read or altered in transit."
    dread { damage 8 reproducibility 3 exploitability 3 affectedUsers 5 discoverability 4 }
    response fix
    mitigatedBy ModernTlsOnly
    bug "LL-60"
}

threat ClusterTrafficSniffing "Traffic inside the platform read or altered by a compromised pod" {
    stride Tampering, InformationDisclosure
    targets GatewayToAuth, GatewayToCore, CoreToControlPlane, AuthToControlPlane, WorkerToTenantDb, CoreToAudit, AuthToAudit
    assets TenantData, ApiCredentials
    description "Plaintext between services or to the databases lets a compromised pod on the same node read or rewrite requests."
    impact "Tokens, secrets and tenant data read or altered."
    dread { damage 8 reproducibility 2 exploitability 3 affectedUsers 10 discoverability 2 }
    response fix
    mitigatedBy ClusterMtls
    bug "LL-61"
}

mitigation ModernTlsOnly "TLS 1.2+ with AEAD suites only; HSTS with preload on app and API domains" {
    technique "Encryption"
    status verified
    implementedIn "deploy/gateway/tls-policy.tf"
    verifiedBy "test/security/tls_scan.sh"
}

mitigation ClusterMtls "Istio STRICT mTLS between services; PostgreSQL TLS with verify-full" {
    technique "Encryption"
    status verified
    implementedIn "deploy/istio/peer-authentication.yaml"
    verifiedBy "test/security/plaintext_scan.sh"
}

// =================================================================================================
// Excludes
// =================================================================================================

exclude Repudiation on CustomerIdp "The IdP's sign-in records are the tenant's; we record each assertion's id and issuer with the sign-in (AuthToAudit)."
exclude Repudiation on WebhookReceiver "Receivers are tenants' systems; our delivery log of attempts and response codes is the record of what was sent."
exclude Repudiation on ApiGateway "Acts for no one: actions are attributed in the core API's audit events, and gateway access logs carry the same request id."
exclude Repudiation on JobWorker "Acts only on jobs the core API created, and audited, for a user; the job id links the two."
exclude Spoofing on JobWorker "Nothing calls the workers; they pull jobs from the queue, whose policy and signed envelopes decide what runs (JobQueueTampering)."
exclude Spoofing on ExportDownloadEndpoint "The cloud provider's endpoint under its own domain and certificate; a presigned URL is valid only there."
exclude Repudiation on ExportDownloadEndpoint "A download changes nothing, and the bucket's access log records each GET with the URL's signer and the client's address."
exclude ElevationOfPrivilege on ExportDownloadEndpoint "A presigned URL grants one GET of one object until it expires; the endpoint offers the internet no other operation on the bucket."
exclude Tampering on WebhookDispatcher "Forwards events as the core API produced them; the signature it adds is covered under ForgedWebhooks and WebhookInTransit."

exclude DenialOfService on ControlPlaneDb "Small and read-mostly, cached by each service for 60 s, on a multi-AZ managed cluster."
exclude DenialOfService on JobQueue "Managed queue with practically unlimited depth: a backlog delays jobs but loses none (fairness is NoisyNeighbour)."
exclude DenialOfService on ExportBucket, ExportDownloadEndpoint, ExportRead, ExportDownload "Exports are regenerated on request; an object-storage outage only delays a download."

// Inside the cluster a flow can only be starved by the elements at its ends.
exclude DenialOfService on GatewayToAuth, GatewayToCore, CoreToTenantDb, CoreToControlPlane, AuthToControlPlane, CoreToJobQueue, QueueToWorker, WorkerToTenantDb, WorkerToExports, QueueToDispatcher "Internal flow: it can only be starved by the process or store at one of its ends, and those carry the denial-of-service analysis."
