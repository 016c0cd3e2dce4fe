// =================================================================================================
// Pine & Co. web shop: threat model, part 2 of 2 (threat list, mitigations, excludes)
//
// Elements, assets and scenarios are declared in dfd.tm. Threats are grouped by the element they
// mainly target, in the order of the DFD: edge, storefront, Shop API, checkout, e-mail, back
// office, data stores, flows. Mitigations follow the threats that use them; excludes come last.
//
// Review state (sprint 42 review): most of the model is addressed. Still open, and shown by tml:
//   - the checkout service has no elevation-of-privilege threat yet;
//   - the staff -> back office flow was added with the SSO proxy and has not been analysed;
//   - the price-change threat is agreed but its mitigation is still being designed;
//   - the CDN-console threat has no bug number, and the bulk-export rating lacks one factor.
// =================================================================================================

// ---- CDN and WAF edge ----------------------------------------------------------------------------

threat OriginBypass "Attacker calls the origins directly, bypassing the CDN and its WAF" {
    stride Spoofing
    targets Cdn
    description "Origin IPs leak through DNS history, TLS certificate transparency or error pages. Requests sent straight to the origin skip WAF rules and rate limits, and can forge the client-IP headers the origins trust from the CDN."
    impact "WAF protections and per-IP rate limits are void; forged X-Forwarded-For defeats IP-based throttling."
    tree {
        and "Reach the origin without the CDN" {
            or "Find the origin address" {
                leaf "Historical DNS records from before the CDN"
                leaf "Certificate transparency logs for origin host names"
                leaf "Origin IP in an error page or e-mail header"
            }
            leaf "Origin accepts connections from any source"
        }
    }
    dread { damage 6 reproducibility 7 exploitability 5 affectedUsers 8 discoverability 5 }
    response fix
    mitigatedBy AuthenticatedOriginPulls
    bug "SHOP-118"
}

threat CachePoisoning "Web cache poisoning through unkeyed request headers" {
    stride Tampering
    targets Cdn
    assets ShopReputation
    description "A header the origin reflects but the cache does not key on (X-Forwarded-Host, X-Original-URL) makes the origin emit a poisoned page, which the CDN then serves to every shopper."
    impact "Stored XSS or redirect to a phishing page for everyone who loads the cached page, until it expires."
    dread { damage 8 reproducibility 6 exploitability 5 affectedUsers 9 discoverability 4 }
    response fix
    mitigatedBy CacheKeyHardening
    bug "SHOP-131"
}

threat WebCacheDeception "Personalised pages cached by the CDN and served to other shoppers" {
    stride InformationDisclosure
    targets Cdn, WebFrontend
    assets ShopperPii, OrderRecords
    description "Web cache deception: a victim is lured to /account/orders/x.css; the origin ignores the suffix and renders the account page, and the CDN caches it as a static asset under a URL the attacker knows."
    impact "Names, addresses and order history of any shopper who follows the link."
    dread { damage 7 reproducibility 7 exploitability 6 affectedUsers 4 discoverability 5 }
    response fix
    mitigatedBy PrivateNoStore
    bug "SHOP-132"
}

threat VolumetricDdos "Volumetric and application-layer DDoS against the shop" {
    stride DenialOfService
    targets Cdn, ShopperToCdn
    description "Botnet floods during a sale, or HTTP/2 rapid-reset and cache-busting query strings that force every request through to the origins."
    impact "Shop unavailable during peak sales; direct revenue loss."
    dread { damage 7 reproducibility 6 exploitability 6 affectedUsers 10 discoverability 8 }
    response fix
    mitigatedBy EdgeDdosProtection
    bug "SHOP-140"
}

threat CdnConfigTakeover "CDN configuration changed through a compromised CDN account" {
    stride ElevationOfPrivilege
    targets Cdn
    description "Whoever controls the CDN account can add edge workers, change origins or disable the WAF: full control over every page shoppers see."
    impact "Silent injection of skimmer scripts or redirection of all traffic."
    dread { damage 10 reproducibility 3 exploitability 3 affectedUsers 10 discoverability 3 }
    // Open: the console hardening is done, but nobody has raised the tracking ticket yet.
    response fix
    mitigatedBy CdnConsoleSso
}

mitigation AuthenticatedOriginPulls "Origins accept only authenticated origin pulls from the CDN" {
    description "The load balancer requires the CDN's client certificate (mTLS) and its security group allows only the CDN's published ranges; client-IP headers are trusted only from that connection."
    technique "Authentication"
    status verified
    implementedIn "infra/terraform/edge/origin-mtls.tf"
    verifiedBy "test/infra/origin-direct-access.sh"
}

mitigation CacheKeyHardening "Normalised cache key; unkeyed forwarding headers stripped at the edge" {
    technique "Filtering"
    status implemented
    implementedIn "infra/terraform/edge/cache-rules.tf"
    verifiedBy "test/infra/cache-poisoning-probes.sh"
}

mitigation PrivateNoStore "Cache-Control: private, no-store on personalised responses; CDN caches allow-listed paths only" {
    technique "Tamper-resistant and privacy technologies"
    status verified
    implementedIn "storefront/src/middleware/cache-headers.ts"
    verifiedBy "storefront/test/cache-headers.test.ts"
}

mitigation EdgeDdosProtection "CDN DDoS absorption, WAF rate-based rules and cache-key normalisation of query strings" {
    technique "Throttling"
    status implemented
    implementedIn "infra/terraform/edge/waf-rate-rules.tf"
    verifiedBy "test/load/sale-peak.k6.js"
}

mitigation CdnConsoleSso "CDN console only through SSO with hardware keys; configuration only via reviewed Terraform" {
    technique "Authentication"
    status implemented
    implementedIn "infra/terraform/edge/account-access.tf"
    verifiedBy "docs/security/access-review-2024Q3.md"
}

// ---- Storefront renderer -------------------------------------------------------------------------

threat LookalikeDomain "Phishing site or e-mail impersonates the shop" {
    stride Spoofing
    targets WebFrontend
    assets ShopperCredentials, ShopReputation
    description "Look-alike domains (pine-and-co-sale.com) and mails copying our order confirmations ask shoppers to 'confirm' their password or card."
    impact "Stolen shopper accounts and card numbers; complaints that we 'leaked' data."
    dread { damage 6 reproducibility 8 exploitability 7 affectedUsers 5 discoverability 9 }
    response warn
    warning "Pine & Co. never asks for your password or card number by e-mail. Sign in only at shop.pineandco.example and pay only on the payment page we redirect you to."
}

threat SkimmerScript "Card skimmer injected into the storefront's JavaScript (Magecart)" {
    stride Tampering
    targets WebFrontend
    assets CardholderData, ShopperPii
    description "Malicious JavaScript on our pages rewrites the checkout redirect to a fake payment page or overlays card fields, and sends what the shopper types to the attacker."
    impact "Card numbers of every shopper who checks out while the script is live; PCI forensic investigation."
    tree {
        or "Get attacker JavaScript into a storefront page" {
            leaf "Compromised third-party tag (analytics, chat widget)"
            leaf "Malicious version of an npm dependency in the build"
            leaf "Stored XSS in product reviews"
            leaf "Poisoned CDN cache (see CachePoisoning)"
        }
    }
    dread { damage 10 reproducibility 5 exploitability 4 affectedUsers 9 discoverability 4 }
    response fix
    mitigatedBy StorefrontCsp, HostedPaymentPageOnly
    bug "SHOP-101"
}

threat ImageProxySsrf "SSRF through the image optimisation endpoint reaches the cloud metadata service" {
    stride ElevationOfPrivilege
    targets WebFrontend
    description "/_next/image?url= fetches arbitrary URLs when remote patterns are too broad; http://169.254.169.254/ returns the task role's temporary credentials."
    impact "Attacker acts with the storefront's cloud role: read catalogue bucket, write logs, possibly more."
    dread { damage 8 reproducibility 8 exploitability 6 affectedUsers 6 discoverability 6 }
    response fix
    mitigatedBy ImageProxyAllowList
    bug "SHOP-156"
}

threat L7Exhaustion "Expensive uncached requests exhaust renderers, API and database" {
    stride DenialOfService
    targets WebFrontend, ShopApi, OrdersDatabase
    description "Search with wildcard terms, deep pagination (?page=5000) and large basket updates bypass the cache and each cost hundreds of milliseconds of database time."
    impact "Slow or failing shop for everyone, from a handful of clients below the DDoS thresholds."
    dread { damage 6 reproducibility 8 exploitability 7 affectedUsers 10 discoverability 6 }
    response fix
    mitigatedBy QueryBudgets
    bug "SHOP-162"
}

mitigation StorefrontCsp "Strict Content-Security-Policy with nonces; Subresource Integrity on third-party scripts" {
    technique "Filtering"
    status verified
    implementedIn "storefront/src/middleware/csp.ts"
    verifiedBy "storefront/test/e2e/csp-report.spec.ts"
}

mitigation HostedPaymentPageOnly "Card entry only on the PSP's hosted page; redirect URL built server-side" {
    description "No card field ever exists on our origin, and the redirect target comes from the checkout service's response, not from page script."
    technique "Don't store secrets"
    status verified
    implementedIn "services/checkout/src/session.ts"
    verifiedBy "services/checkout/test/session.test.ts"
}

mitigation ImageProxyAllowList "Image optimiser fetches only from the catalogue bucket; IMDSv2 with hop limit 1" {
    technique "Least privilege"
    status implemented
    implementedIn "storefront/next.config.mjs"
    verifiedBy "storefront/test/image-proxy-ssrf.test.ts"
}

mitigation QueryBudgets "Rate limits per IP and session, page-size caps, 2 s statement timeout" {
    technique "Throttling"
    status implemented
    implementedIn "services/shop-api/src/plugins/rate-limit.ts"
    verifiedBy "test/load/search-abuse.k6.js"
}

// ---- Shop API ------------------------------------------------------------------------------------

threat CredentialStuffing "Credential stuffing against shopper sign-in" {
    stride Spoofing
    targets Shopper, ShopApi
    assets ShopperCredentials, ShopperPii
    description "Username/password pairs from other breaches are replayed from residential proxies, a few attempts per IP."
    impact "Account takeover: addresses and order history exposed, loyalty credit spent, orders to drop addresses."
    tree {
        and "Take over a shopper account" {
            leaf "Shopper reuses a password leaked elsewhere"
            or "Avoid the sign-in throttling" {
                leaf "Rotate through residential proxy IPs"
                leaf "Spread attempts over many accounts"
            }
        }
    }
    dread { damage 6 reproducibility 9 exploitability 8 affectedUsers 6 discoverability 9 }
    response fix
    mitigatedBy LoginThrottling
    bug "SHOP-87"
}

threat BasketPriceTampering "Basket prices or discounts manipulated in API requests" {
    stride Tampering
    targets ShopApi
    assets CatalogPrices, OrderRecords
    description "The client sends unitPrice or a discount code id in the basket update; a proxy such as Burp changes it before checkout."
    impact "Goods sold below cost."
    dread { damage 6 reproducibility 10 exploitability 8 affectedUsers 1 discoverability 7 }
    response fix
    mitigatedBy ServerSidePricing
    bug "SHOP-90"
}

threat AccountCsrf "Cross-site request forgery changes the shopper's delivery address" {
    stride Tampering
    targets ShopApi
    assets ShopperPii
    description "A page on another site auto-submits a form to /api/account/address while the shopper is signed in."
    impact "Next order ships to the attacker."
    dread { damage 5 reproducibility 7 exploitability 6 affectedUsers 3 discoverability 6 }
    response fix
    mitigatedBy CsrfTokens
    bug "SHOP-93"
}

threat FriendlyFraud "Shopper denies having placed and received an order" {
    stride Repudiation
    targets Shopper, ShopApi
    assets OrderRecords
    description "Chargeback claiming the order was not made by the cardholder (friendly fraud)."
    impact "Chargeback fees and lost goods unless we can show who ordered and where it was delivered."
    dread { damage 4 reproducibility 6 exploitability 8 affectedUsers 1 discoverability 7 }
    response fix
    mitigatedBy OrderEvidence
    bug "SHOP-77"
}

threat OrderIdor "Insecure direct object reference exposes other shoppers' orders" {
    stride InformationDisclosure
    targets ShopApi
    assets OrderRecords, ShopperPii
    description "GET /api/orders/{id} and /api/addresses/{id} return the object without checking it belongs to the signed-in shopper; ids are guessable."
    impact "Enumeration of every order: names, addresses, what people bought."
    dread { damage 8 reproducibility 10 exploitability 8 affectedUsers 10 discoverability 7 }
    response fix
    mitigatedBy ObjectLevelAuthz
    bug "SHOP-64"
}

threat GuestOrderLookup "Guest order lookup lets anyone enumerate orders by e-mail address" {
    stride InformationDisclosure
    targets ShopApi
    assets OrderRecords, ShopperPii
    description "The old 'track your order' form took an e-mail address and a 6-digit order number: easy to brute-force for a known e-mail."
    impact "Delivery address and order contents of guest shoppers."
    dread { damage 6 reproducibility 9 exploitability 7 affectedUsers 5 discoverability 6 }
    response remove
    justification "The guest lookup form was removed in release 24.3. Guests now get a signed, single-order tracking link in the confirmation e-mail."
}

threat MassAssignment "Mass assignment sets privileged fields on the shopper's account" {
    stride ElevationOfPrivilege
    targets ShopApi
    assets ShopperCredentials
    description "PATCH /api/account passes the request body to the ORM, so a body with role: staff or loyaltyCredit: 1000 is stored as sent."
    impact "Shopper becomes staff in the shop's own role model, or mints store credit."
    dread { damage 8 reproducibility 10 exploitability 7 affectedUsers 2 discoverability 5 }
    response fix
    mitigatedBy StrictRequestSchemas
    bug "SHOP-95"
}

mitigation LoginThrottling "Sign-in throttling per account and per IP, breached-password check, optional passkeys" {
    technique "Throttling"
    status verified
    implementedIn "services/shop-api/src/auth/sign-in.ts"
    verifiedBy "services/shop-api/test/auth/throttling.test.ts"
}

mitigation ServerSidePricing "Totals recomputed server-side from the catalogue; client prices ignored" {
    technique "Tamper-resistant and privacy technologies"
    status verified
    implementedIn "services/shop-api/src/basket/pricing.ts"
    verifiedBy "services/shop-api/test/basket/pricing.test.ts"
}

mitigation CsrfTokens "Synchronizer CSRF tokens on state-changing requests; SameSite=Lax session cookie" {
    technique "Authentication"
    status verified
    implementedIn "services/shop-api/src/plugins/csrf.ts"
    verifiedBy "services/shop-api/test/csrf.test.ts"
}

mitigation OrderEvidence "Order event log with session, IP and device; 3-D Secure liability shift" {
    technique "Auditing"
    status implemented
    implementedIn "services/shop-api/src/orders/events.ts"
    verifiedBy "services/shop-api/test/orders/events.test.ts"
}

mitigation ObjectLevelAuthz "Owner check on every order and address lookup; random UUID identifiers" {
    technique "Authorization"
    status verified
    implementedIn "services/shop-api/src/orders/repository.ts"
    verifiedBy "services/shop-api/test/orders/authz.test.ts"
}

mitigation StrictRequestSchemas "JSON schemas with additionalProperties: false on every endpoint" {
    technique "Filtering"
    status verified
    implementedIn "services/shop-api/src/schemas/"
    verifiedBy "services/shop-api/test/schemas/mass-assignment.test.ts"
}

// ---- Checkout service and the PSP's payment page ------------------------------------------------

// The payment page is the PSP's (excluded below); sending shoppers to the real one is ours.
threat FakePaymentPage "Shopper sent to a look-alike payment page that collects the card" {
    stride Spoofing
    targets PaymentPage
    assets CardholderData
    description "A skimmer script on our pages (SkimmerScript), an open redirect or a tampered start-checkout response replaces the PSP's URL with a copy of its page on a look-alike domain. Under PCI DSS SAQ A the redirect to the PSP is in our scope."
    impact "Card data of shoppers collected under our brand; a PCI DSS incident."
    dread { damage 9 reproducibility 4 exploitability 4 affectedUsers 8 discoverability 4 }
    response fix
    mitigatedBy HostedPaymentPageOnly, StorefrontCsp
    bug "SHOP-103"
}

threat ForgedPaymentWebhook "Forged 'payment succeeded' webhook marks an unpaid order as paid" {
    stride Spoofing
    targets CheckoutService, PaymentProvider
    assets OrderRecords
    description "The webhook URL is public. Anyone who finds it can POST a payment_intent.succeeded event for their own order id."
    impact "Goods shipped without payment."
    dread { damage 8 reproducibility 9 exploitability 6 affectedUsers 1 discoverability 5 }
    response fix
    mitigatedBy WebhookSignatureCheck
    bug "SHOP-70"
}

threat AmountMismatch "Payment session created for less than the order total" {
    stride Tampering
    targets CheckoutService
    assets OrderRecords
    description "A race between basket update and checkout, or a tampered amount in the start-checkout request, yields a PSP session for a lower amount than the order that is then marked paid."
    impact "Orders paid partially."
    dread { damage 6 reproducibility 4 exploitability 5 affectedUsers 1 discoverability 4 }
    response fix
    mitigatedBy AmountReconciliation
    bug "SHOP-71"
}

threat PspKeyLeak "PSP secret key leaked from the checkout service" {
    stride InformationDisclosure
    targets CheckoutService
    assets PspSecretKey
    description "Key in an environment variable shows up in a crash dump, a debug endpoint or a log line of the HTTP client."
    impact "Attacker creates refunds to their own cards up to the daily refund limit."
    dread { damage 9 reproducibility 3 exploitability 5 affectedUsers 3 discoverability 3 }
    response fix
    mitigatedBy PspKeyInSecretsManager
    bug "SHOP-74"
}

threat WebhookFlood "Webhook endpoint flooded, delaying payment confirmations" {
    stride DenialOfService
    targets CheckoutService
    description "Junk POSTs to the public webhook URL; each is rejected after the signature check, but they compete with genuine webhooks."
    impact "Order confirmations delayed by minutes."
    dread { damage 3 reproducibility 7 exploitability 7 affectedUsers 5 discoverability 4 }
    response accept
    justification "Signature checks are cheap and the endpoint is behind the WAF rate rules. The PSP retries webhooks for 3 days and the reconciliation job polls the PSP every 10 minutes, so a flood only delays e-mails."
}

mitigation WebhookSignatureCheck "Verify the PSP's HMAC signature and timestamp, dedupe by event id, confirm status through the PSP API" {
    technique "Message authentication codes"
    status verified
    implementedIn "services/checkout/src/webhooks/verify.ts"
    verifiedBy "services/checkout/test/webhooks/verify.test.ts"
}

mitigation AmountReconciliation "Captured amount compared with the recomputed order total before an order is marked paid" {
    technique "Tamper-resistant and privacy technologies"
    status implemented
    implementedIn "services/checkout/src/webhooks/mark-paid.ts"
    verifiedBy "services/checkout/test/webhooks/mark-paid.test.ts"
}

mitigation PspKeyInSecretsManager "PSP key in the secrets manager as a restricted key; redacted from logs; rotated quarterly" {
    technique "Protecting secrets"
    status implemented
    implementedIn "services/checkout/src/config/secrets.ts"
    verifiedBy "services/checkout/test/config/redaction.test.ts"
}

// ---- Order e-mail worker -------------------------------------------------------------------------

threat EmailKeyAbuse "Stolen e-mail API key sends phishing from our sending domain" {
    stride Spoofing, InformationDisclosure
    targets NotificationWorker
    assets ShopReputation, ShopperPii
    description "With the provider key an attacker sends DKIM-valid mail as orders@pineandco.example, or reads recent messages and recipient lists through the provider API."
    impact "Highly credible phishing of our shoppers; exposure of order e-mails."
    dread { damage 7 reproducibility 3 exploitability 5 affectedUsers 8 discoverability 3 }
    response fix
    mitigatedBy SendOnlyEmailKey
    bug "SHOP-120"
}

threat MailTemplateInjection "Crafted mail job exploits the template engine" {
    stride Tampering, ElevationOfPrivilege
    targets NotificationWorker
    description "Server-side template injection: a shopper name such as {{constructor.constructor('…')()}} reaches a template engine that evaluates expressions."
    impact "Code execution in the worker, which holds the e-mail key and can read the queue."
    dread { damage 8 reproducibility 6 exploitability 4 affectedUsers 6 discoverability 3 }
    response fix
    mitigatedBy LogicLessTemplates
    bug "SHOP-121"
}

mitigation SendOnlyEmailKey "Send-only, IP-restricted e-mail API key; DMARC p=reject on the sending domain" {
    technique "Least privilege"
    status verified
    implementedIn "infra/terraform/email/provider.tf"
    verifiedBy "test/infra/dmarc-policy.sh"
}

mitigation LogicLessTemplates "Logic-less Mustache templates; job payloads validated against a schema" {
    technique "Filtering"
    status implemented
    implementedIn "services/mail-worker/src/render.ts"
    verifiedBy "services/mail-worker/test/render.test.ts"
}

// ---- Back office ---------------------------------------------------------------------------------

threat StaffPhishing "Phished back-office credentials used by an attacker" {
    stride Spoofing
    targets BackOfficeStaff, BackOffice
    assets StaffAccess
    description "Adversary-in-the-middle phishing kit (Evilginx-style) captures a staff password and session cookie, including a TOTP code."
    impact "Attacker issues refunds, edits prices and exports shopper data as that staff member."
    dread { damage 9 reproducibility 5 exploitability 5 affectedUsers 10 discoverability 5 }
    response fix
    mitigatedBy PhishingResistantMfa
    bug "SHOP-150"
}

threat AdminStoredXss "Shopper-controlled text runs script in the back office" {
    stride Tampering, ElevationOfPrivilege
    targets BackOffice
    assets StaffAccess, OrderRecords
    description "Delivery notes, names and review texts are shown to staff. A script in them runs with the staff member's session."
    impact "Refunds or price changes made in the staff member's name."
    dread { damage 9 reproducibility 7 exploitability 5 affectedUsers 10 discoverability 5 }
    response fix
    mitigatedBy BackOfficeOutputEncoding
    bug "SHOP-151"
}

threat FraudulentRefund "Staff member issues refunds to their own card and denies it" {
    stride Repudiation
    targets BackOfficeStaff, BackOffice
    assets OrderRecords, AdminTrail
    description "Insider refunds a real order to a different card, then claims the shopper asked for it."
    impact "Money lost, no evidence of who did it."
    dread { damage 6 reproducibility 5 exploitability 6 affectedUsers 1 discoverability 6 }
    response fix
    mitigatedBy RefundFourEyes, AuditObjectLock
    bug "SHOP-152"
}

threat BulkExport "Bulk export of shopper personal data by a staff member" {
    stride InformationDisclosure
    targets BackOffice
    assets ShopperPii
    description "The CSV export of the order search has no row limit; any staff role can export every shopper."
    impact "Data breach reportable under GDPR Art. 33."
    // Discoverability still disputed in review (is the export button visible to every role?).
    dread { damage 8 reproducibility 9 exploitability 6 affectedUsers 10 }
    response fix
    mitigatedBy ExportPermissions
    bug "SHOP-153"
}

mitigation PhishingResistantMfa "SSO with WebAuthn hardware keys, sessions bound to the managed device" {
    technique "Authentication"
    status verified
    implementedIn "infra/terraform/sso/backoffice-app.tf"
    verifiedBy "docs/security/access-review-2024Q3.md"
}

mitigation BackOfficeOutputEncoding "Auto-escaping templates and strict CSP in the back office" {
    technique "Filtering"
    status verified
    implementedIn "backoffice/templates/"
    verifiedBy "backoffice/tests/test_xss.py"
}

mitigation RefundFourEyes "Refunds over EUR 500 need a second approver" {
    technique "Authorization"
    status implemented
    implementedIn "backoffice/refunds/approval.py"
    verifiedBy "backoffice/tests/test_refund_approval.py"
}

mitigation AuditObjectLock "Audit log in a bucket with object lock (compliance mode, 1 year) in the separate log account" {
    technique "Auditing"
    status verified
    implementedIn "infra/terraform/logging/audit-bucket.tf"
    verifiedBy "test/infra/audit-bucket-immutable.sh"
}

mitigation ExportPermissions "Exports restricted to the data-protection role, capped at 1,000 rows, alerted to security" {
    technique "Authorization"
    status planned
    implementedIn "backoffice/exports/views.py"
}

// ---- Data stores ---------------------------------------------------------------------------------

threat SqlInjection "SQL injection in order search" {
    stride Tampering, InformationDisclosure
    targets OrdersDatabase, BackOffice
    assets OrderRecords, ShopperPii
    description "The back office's free-text order search builds a LIKE clause by string concatenation."
    impact "Read or modify any row the back office's database role can reach."
    dread { damage 9 reproducibility 9 exploitability 6 affectedUsers 10 discoverability 4 }
    response fix
    mitigatedBy ParameterisedQueries
    bug "SHOP-58"
}

threat BackupExposure "Database snapshot shared or restored outside the account" {
    stride InformationDisclosure
    targets OrdersDatabase
    assets ShopperPii, OrderRecords
    description "A snapshot made public or shared with another account by mistake, or copied by someone with broad cloud permissions."
    impact "Complete copy of shopper and order data."
    dread { damage 9 reproducibility 3 exploitability 4 affectedUsers 10 discoverability 3 }
    response fix
    mitigatedBy SnapshotEncryption
    bug "SHOP-59"
}

threat RedisExposure "Session cache read or written by other workloads" {
    stride Tampering, InformationDisclosure
    targets SessionCache
    assets ShopperCredentials
    description "Redis without AUTH on a flat network: any compromised container can read session tokens or write a session for any shopper."
    impact "Session hijack of any signed-in shopper."
    dread { damage 8 reproducibility 8 exploitability 5 affectedUsers 9 discoverability 4 }
    response fix
    mitigatedBy RedisAuthTls
    bug "SHOP-60"
}

threat UnauthorisedPriceChange "Prices changed to near zero just before a bulk order" {
    stride Tampering
    targets CatalogDb
    assets CatalogPrices
    description "A fat-fingered or malicious price edit (EUR 0.99 instead of 99) is live within seconds and bots buy the stock."
    impact "Goods sold far below cost; cancelling the orders costs goodwill."
    dread { damage 7 reproducibility 4 exploitability 5 affectedUsers 2 discoverability 6 }
    // Open: agreed to fix; approval workflow for large price drops still being designed.
    response fix
    bug "SHOP-311"
}

threat MailQueueAccess "Mail jobs read or injected by other workloads" {
    stride Tampering, InformationDisclosure
    targets MailQueue, CheckoutToMailQueue, MailQueueToWorker
    assets ShopperPii, ShopReputation
    description "A queue policy that allows any role in the account lets a compromised service read addresses or enqueue e-mails with attacker content."
    impact "Personal data read; phishing sent from our domain through our own worker."
    dread { damage 6 reproducibility 4 exploitability 4 affectedUsers 6 discoverability 3 }
    response fix
    mitigatedBy QueueIamPolicy
    bug "SHOP-122"
}

threat AuditLogTampering "Back-office audit log erased or rewritten" {
    stride Tampering, Repudiation
    targets AdminAuditLog
    assets AdminTrail
    description "An insider with cloud access deletes the audit objects that record their refunds."
    impact "No evidence for investigations or chargeback disputes."
    dread { damage 7 reproducibility 3 exploitability 3 affectedUsers 1 discoverability 4 }
    response fix
    mitigatedBy AuditObjectLock
    bug "SHOP-154"
}

mitigation ParameterisedQueries "Query builder with bound parameters only; a Semgrep rule blocks raw SQL" {
    technique "Filtering"
    status verified
    implementedIn "backoffice/orders/search.py"
    verifiedBy "backoffice/tests/test_search_injection.py"
}

mitigation SnapshotEncryption "KMS encryption at rest; a service control policy forbids sharing snapshots outside the account" {
    technique "Encryption"
    status implemented
    implementedIn "infra/terraform/data/orders-db.tf"
    verifiedBy "test/infra/snapshot-sharing-denied.sh"
}

mitigation RedisAuthTls "Redis ACL users per service, TLS, private subnet only" {
    technique "Authentication"
    status verified
    implementedIn "infra/terraform/data/session-cache.tf"
    verifiedBy "test/infra/redis-unauthenticated.sh"
}

mitigation QueueIamPolicy "Queue policy: only checkout may send, only the mail worker may receive; SSE-KMS" {
    technique "Least privilege"
    status implemented
    implementedIn "infra/terraform/messaging/mail-queue.tf"
    verifiedBy "test/infra/queue-policy.sh"
}

// ---- Flows ---------------------------------------------------------------------------------------

threat TlsStripping "TLS stripping on the shopper's first visit" {
    stride Tampering, InformationDisclosure
    targets ShopperToCdn
    assets ShopperCredentials
    description "On a hostile Wi-Fi an attacker answers the first plain-HTTP request and proxies the session over HTTP (sslstrip)."
    impact "Passwords and session cookies read or altered in transit."
    tree {
        and "Downgrade the shopper to HTTP" {
            leaf "Shopper is on an attacker-controlled network"
            leaf "Shopper types the address without https://"
            leaf "Domain not on the browsers' HSTS preload list"
        }
    }
    dread { damage 7 reproducibility 4 exploitability 5 affectedUsers 2 discoverability 6 }
    response fix
    mitigatedBy HstsPreload
    bug "SHOP-12"
}

threat OriginPullIntercept "Traffic between the CDN and the origins intercepted" {
    stride Tampering, InformationDisclosure
    targets CdnToFrontend, CdnToApi
    assets ShopperCredentials, ShopperPii
    description "CDN-to-origin traffic crosses the internet; without verified TLS a BGP or DNS hijack of the origin name sees every request."
    impact "Session tokens and personal data read or altered."
    dread { damage 8 reproducibility 2 exploitability 2 affectedUsers 10 discoverability 2 }
    response fix
    mitigatedBy AuthenticatedOriginPulls
    bug "SHOP-119"
}

threat EastWestSniffing "Internal traffic read or altered by a compromised workload" {
    stride Tampering, InformationDisclosure
    targets FrontendToApi, ApiToCheckout, ApiToSessions, ApiToOrders, ApiToCatalog, CheckoutToOrders, BackOfficeToOrders, BackOfficeToCatalog, BackOfficeToAudit
    assets ShopperCredentials, ShopperPii, OrderRecords
    description "A compromised container on the same network captures or rewrites plaintext service and database traffic (ARP spoofing is not possible in the VPC, but a compromised sidecar or a misrouted subnet is)."
    impact "Sessions, personal data and orders read or altered in transit."
    dread { damage 7 reproducibility 3 exploitability 3 affectedUsers 8 discoverability 3 }
    response fix
    mitigatedBy MeshMtls
    bug "SHOP-44"
}

threat OutboundInterception "Calls to the PSP or the e-mail provider intercepted" {
    stride Tampering, InformationDisclosure
    targets CheckoutToPsp, BackOfficeToPsp, WorkerToEmail
    assets PspSecretKey, ShopperPii
    description "A library or an environment flag (NODE_TLS_REJECT_UNAUTHORIZED=0) that disables certificate checks lets a DNS hijack capture the API keys."
    impact "PSP key or e-mail key stolen; payment sessions altered."
    dread { damage 9 reproducibility 2 exploitability 3 affectedUsers 8 discoverability 2 }
    response fix
    mitigatedBy EgressTlsValidation
    bug "SHOP-75"
}

threat PspOutage "PSP outage or rate limiting stops checkout and refunds" {
    stride DenialOfService
    targets CheckoutToPsp, BackOfficeToPsp
    description "The PSP is down or throttles our account; no payment sessions or refunds can be created."
    impact "No sales while it lasts."
    dread { damage 6 reproducibility 2 exploitability 0 affectedUsers 10 discoverability 10 }
    response accept
    justification "PSP contract SLA is 99.99%. A second PSP would double PCI scope and integration cost; checkout shows a retry page and refunds are queued."
}

threat WebhookReplay "Captured webhook replayed to confirm another payment" {
    stride Tampering
    targets PspWebhook
    assets OrderRecords
    description "A genuine signed webhook replayed later, or with the body altered, to mark a different order as paid."
    impact "Orders marked paid without payment."
    dread { damage 7 reproducibility 3 exploitability 3 affectedUsers 1 discoverability 3 }
    response fix
    mitigatedBy WebhookSignatureCheck
    bug "SHOP-72"
}

mitigation HstsPreload "HSTS with includeSubDomains and preload; TLS 1.2+ only at the edge" {
    technique "Encryption"
    status verified
    implementedIn "infra/terraform/edge/tls.tf"
    verifiedBy "test/infra/hsts-preload-status.sh"
}

mitigation MeshMtls "Service mesh mTLS between services; database TLS with verify-full" {
    technique "Encryption"
    status implemented
    implementedIn "infra/k8s/mesh/peer-authentication.yaml"
    verifiedBy "test/infra/plaintext-port-scan.sh"
}

mitigation EgressTlsValidation "Certificate validation enforced on outbound calls; egress only through an allow-list proxy" {
    technique "Authentication"
    status implemented
    implementedIn "infra/k8s/egress/allow-list.yaml"
    verifiedBy "test/infra/egress-tls.sh"
}

// ---- Excludes: categories considered and judged not to matter ------------------------------------

exclude Repudiation on Cdn "The edge takes no actions of its own; requests are attributed to shoppers at the Shop API, and the CDN's request logs go to the SIEM."
exclude Repudiation on WebFrontend "Renders pages only: every state change goes through the Shop API, which logs it with the shopper's id."
exclude Repudiation on CheckoutService "Every payment state change is also in the PSP's ledger, which is reconciled daily against our orders."
exclude Repudiation on NotificationWorker "Sends only system e-mails triggered by logged order events; the provider keeps delivery logs for 30 days."
exclude Repudiation on PaymentProvider "The PSP's signed settlement reports are authoritative by contract and reconciled daily."
exclude Repudiation on EmailProvider "E-mails are informational; the order's state is always shown in the shopper's account."
exclude Spoofing on EmailProvider "We only call the provider's API over verified TLS; it never calls us, so nobody can pose as it towards the shop."

exclude DenialOfService on BackOffice "Internal tool for 12 staff behind the VPN; an outage delays refunds but affects no shopper-facing function."
exclude DenialOfService on NotificationWorker "Queue-driven: if the worker stops, jobs wait in the queue for 4 days and are sent on restart."
exclude DenialOfService on SessionCache "Managed Redis with a replica in another zone; if it is lost, shoppers sign in again and baskets are rebuilt from the database."
exclude DenialOfService on CatalogDb "Read replica behind a 5-minute CDN cache; the storefront keeps serving catalogue pages during an outage."
exclude DenialOfService on MailQueue "Managed queue with 4-day retention; a backlog only delays e-mails."
exclude DenialOfService on AdminAuditLog "Writes are buffered by the back office for 24 h; the bucket's availability is the cloud provider's."

exclude InformationDisclosure on CatalogDb "Holds only the public catalogue: everything in it is published on the storefront."
exclude InformationDisclosure on AdminAuditLog "Holds staff ids, order numbers and actions, no personal data beyond that; readable only by the security team."

// Card entry happens on the PSP's page, in the PSP's PCI DSS scope (dependency HostedPaymentPage).
exclude Tampering on ShopperToPaymentPage "Served from the PSP's domain over TLS with HSTS; integrity of the hosted page is the PSP's, attested in its PCI DSS AoC."
exclude InformationDisclosure on ShopperToPaymentPage "Card data goes from the browser to the PSP over TLS and is in the PSP's PCI DSS scope; it never touches our systems."
exclude DenialOfService on ShopperToPaymentPage, PaymentPage "Availability of the hosted page is covered by the PSP's SLA (see PspOutage for our side)."
// The page itself is the PSP's: it builds, runs and tests it, attested in its PCI DSS AoC, and we
// hold no access to it. Sending shoppers to the real page is ours (FakePaymentPage).
exclude Tampering on PaymentPage "The PSP builds and deploys the page; its integrity is attested in the PSP's PCI DSS AoC."
exclude Repudiation on PaymentPage "The PSP's signed settlement reports record every payment taken on the page and are reconciled daily."
exclude InformationDisclosure on PaymentPage "Card data on the page is in the PSP's PCI DSS scope and never reaches our systems."
exclude ElevationOfPrivilege on PaymentPage "We hold no account or role on the PSP's page; its access control is the PSP's, attested in its AoC."
exclude Tampering on PaymentPageToPsp "Inside the PSP's PCI DSS scope: we can neither see nor change how its page reaches its processing."
exclude InformationDisclosure on PaymentPageToPsp "Inside the PSP's PCI DSS scope: we can neither see nor change how its page reaches its processing."
exclude DenialOfService on PaymentPageToPsp "Inside the PSP's PCI DSS scope: we can neither see nor change how its page reaches its processing."

exclude InformationDisclosure on PspWebhook "The payload carries only the PSP's payment id, amount and status, over TLS; no card or personal data."
exclude DenialOfService on PspWebhook "Lost webhooks are recovered by the reconciliation job that polls the PSP every 10 minutes."
exclude DenialOfService on WorkerToEmail "Failed sends go back on the queue and are retried with back-off for 4 days."

// Inside the VPC a flow can only be starved by the elements at its ends; denial of service is
// analysed on those processes and stores instead.
exclude DenialOfService on CdnToFrontend, CdnToApi, FrontendToApi, ApiToCheckout, ApiToSessions, ApiToOrders, ApiToCatalog, CheckoutToOrders, CheckoutToMailQueue, MailQueueToWorker, BackOfficeToOrders, BackOfficeToCatalog, BackOfficeToAudit "Internal flow: it can only be starved by the process or store at one of its ends, and those carry the denial-of-service analysis."
