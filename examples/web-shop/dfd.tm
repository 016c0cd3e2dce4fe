// =================================================================================================
// Pine & Co. web shop: threat model, part 1 of 2 (background and data flow diagram)
//
// What this models: the public web shop of a mid-sized outdoor-gear retailer. Shoppers browse the
// catalogue through a CDN, keep a basket and an account, and pay by card on the payment service
// provider's (PSP) hosted payment page, so no card number ever reaches our servers (PCI DSS SAQ A).
// Staff handle orders, refunds and the catalogue in an internal back office; order e-mails go out
// through a transactional e-mail provider.
//
// TMA scope: everything the shop team deploys (CDN configuration, storefront renderer, Shop API,
// checkout service, back office, mail worker) and the data stores they own. The PSP, the e-mail
// provider and shoppers' devices are out of scope: they appear as external entities, and what we
// rely on them for is written down as dependencies. Warehouse and ERP integration have their own
// model.
//
// The threats, mitigations and excludes are in threats.tm and refer to the elements below by name.
// =================================================================================================

system PineShop "Pine & Co. web shop" {
    description "Online shop for outdoor gear: catalogue, baskets, shopper accounts, card checkout on the PSP's hosted page, order e-mails and a back office for staff."
    owner "Shop engineering team (security champion: e-commerce platform lead)"
    deployment "CDN with WAF in front of two origins (storefront renderer and Shop API) in one cloud VPC across three availability zones; PostgreSQL and Redis are managed services in private subnets; the back office is reachable only through the corporate VPN."
}

// ---- Background: assumptions and external dependencies ------------------------------------------

assumption EdgeTerminatesTls "TLS from shoppers terminates at the CDN; the CDN re-encrypts to the origins."
assumption NoCardDataOnOrigin "Card numbers are entered only on the PSP's hosted payment page; the shop stores a payment reference, never a PAN."
assumption StaffOnManagedLaptops "Back-office staff use company-managed laptops with disk encryption and EDR."
assumption CloudAccountHardened "The cloud account follows the company baseline: SSO-only console access, CloudTrail on, no long-lived access keys."

dependency HostedPaymentPage "The PSP (PCI DSS Level 1) hosts the payment page, runs 3-D Secure and signs its webhooks."
dependency TransactionalEmail "A transactional e-mail provider sends order e-mails from a DKIM-signed subdomain."
dependency ManagedCdn "A managed CDN provides TLS, caching, WAF rules and DDoS absorption."

// ---- Assets --------------------------------------------------------------------------------------

asset ShopperCredentials "Shopper passwords and session tokens"
asset ShopperPii "Shopper names, delivery addresses, e-mail and phone numbers" {
    description "Personal data under GDPR; deleting an account anonymises its orders."
}
asset OrderRecords "Orders, invoices and refunds" {
    description "Needed for refunds, chargebacks and tax; kept 10 years."
}
asset CatalogPrices "Product catalogue, prices and promotions"
asset PspSecretKey "PSP secret API key" {
    description "Can create payment sessions and issue refunds up to the daily refund limit."
}
asset CardholderData "Card number, expiry and CVC" {
    description "Only ever on the PSP's hosted page; listed so that flows that must NOT carry it can be checked."
}
asset StaffAccess "Back-office staff accounts and roles"
asset AdminTrail "Back-office audit trail"
asset ShopReputation "Shoppers' trust in shop e-mails and the shop domain"

// ---- Data flow diagram: elements by trust boundary -----------------------------------------------

boundary ShopperSide "Shopper's device and the public internet" {
    external Shopper "Shopper's browser" {
        description "Anonymous visitor or signed-in shopper; any browser, any network."
    }
}

boundary EdgeNetwork "CDN edge (managed service)" {
    process Cdn "CDN and WAF edge" {
        description "Caches static assets and catalogue pages, applies WAF and rate-based rules, forwards the rest to the origins."
        technology "Managed CDN, configuration in Terraform"
        entrypoint
    }
}

boundary ShopVpc "Shop VPC (application subnets)" {
    process WebFrontend "Storefront renderer" {
        description "Server-side renders catalogue, basket and account pages; includes the image optimisation endpoint."
        technology "Next.js 14 on Node.js 20, containers"
        entrypoint
    }
    process ShopApi "Shop API" {
        description "Accounts, sign-in, basket, order history and address book."
        technology "Node.js 20, Fastify, containers"
        entrypoint
    }
    process CheckoutService "Checkout service" {
        description "Creates PSP payment sessions, receives the PSP's webhooks and marks orders paid."
        technology "Node.js 20, containers"
        entrypoint
    }
    process NotificationWorker "Order e-mail worker" {
        description "Renders order confirmation and shipping e-mails from templates and hands them to the e-mail provider."
        technology "Node.js 20 worker consuming a queue"
    }

    boundary ShopDataTier "Data subnets" {
        datastore OrdersDatabase "Orders database" {
            description "Shopper accounts, address book, orders and refunds."
            technology "Managed PostgreSQL 16, encrypted at rest"
            stores OrderRecords, ShopperPii, ShopperCredentials
        }
        datastore SessionCache "Session and basket cache" {
            technology "Managed Redis 7"
            stores ShopperCredentials
        }
        datastore CatalogDb "Catalogue database" {
            technology "Managed PostgreSQL 16 with a read replica"
            stores CatalogPrices
        }
        datastore MailQueue "Outbound mail queue" {
            technology "Managed message queue (SQS)"
            stores ShopperPii
        }
    }
}

boundary CorporateNetwork "Corporate network (VPN only)" {
    external BackOfficeStaff "Back-office staff member" {
        description "Customer service, finance and merchandising staff; about 12 people."
    }
    process BackOffice "Admin back office" {
        description "Order search, refunds, catalogue and price editing, shopper data exports."
        technology "Django 5 behind the corporate SSO proxy"
        entrypoint
    }
    datastore AdminAuditLog "Back-office audit log" {
        description "Who did what in the back office: refunds, price changes, exports."
        technology "Append-only log bucket with object lock"
        logs
        stores AdminTrail
    }
}

boundary ThirdParties "Third-party services" {
    external PaymentProvider "Payment service provider (PSP)" {
        description "Hosted payment page, 3-D Secure, captures and refunds, signed webhooks."
    }
    process PaymentPage "PSP hosted payment page" {
        description "The PSP's card form on the PSP's domain: takes the card, runs 3-D Secure and hands the card to the PSP for authorisation. Operated by the PSP in its PCI DSS scope (dependency HostedPaymentPage); drawn so that the card's path is complete."
        technology "Hosted by the PSP (PCI DSS Level 1)"
        entrypoint
    }
    external EmailProvider "Transactional e-mail provider"
}

// ---- Data flows ----------------------------------------------------------------------------------

// Browsing and the shopper's account
flow ShopperToCdn: Shopper -> Cdn "Page, asset and API requests" {
    protocol "HTTPS (HTTP/2)"
    encrypted
    carries ShopperCredentials, ShopperPii
}
flow CdnToFrontend: Cdn -> WebFrontend "Uncached page requests" {
    protocol "HTTPS, authenticated origin pull"
    encrypted
    authenticated
}
flow CdnToApi: Cdn -> ShopApi "API requests (basket, account, orders)" {
    protocol "HTTPS, authenticated origin pull"
    encrypted
    authenticated
    carries ShopperCredentials, ShopperPii
}
flow FrontendToApi: WebFrontend -> ShopApi "Server-side data fetch with the shopper's session" {
    protocol "HTTP over the service mesh (mTLS)"
    encrypted
    authenticated
}
flow ApiToSessions: ShopApi -> SessionCache "Read and write sessions and baskets" {
    protocol "Redis protocol over TLS"
    encrypted
    authenticated
    carries ShopperCredentials
}
flow ApiToOrders: ShopApi -> OrdersDatabase "Accounts, addresses and order history" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries ShopperPii, OrderRecords
}
flow ApiToCatalog: ShopApi -> CatalogDb "Product and price lookups" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries CatalogPrices
}

// Checkout and payment
flow ApiToCheckout: ShopApi -> CheckoutService "Start checkout for a basket" {
    protocol "HTTP over the service mesh (mTLS)"
    encrypted
    authenticated
}
flow CheckoutToPsp: CheckoutService -> PaymentProvider "Create payment session" {
    protocol "HTTPS REST, secret API key"
    encrypted
    authenticated
    carries PspSecretKey
}
flow ShopperToPaymentPage: Shopper -> PaymentPage "Card entry on the hosted payment page" {
    protocol "HTTPS (PSP domain)"
    encrypted
    carries CardholderData
}
flow PaymentPageToPsp: PaymentPage -> PaymentProvider "Card authorisation inside the PSP" {
    protocol "PSP-internal"
    encrypted
    authenticated
    carries CardholderData
}
flow PspWebhook: PaymentProvider -> CheckoutService "Payment result webhook" {
    protocol "HTTPS POST with HMAC signature"
    encrypted
    authenticated
}
flow CheckoutToOrders: CheckoutService -> OrdersDatabase "Create order, mark it paid" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries OrderRecords
}
flow CheckoutToMailQueue: CheckoutService -> MailQueue "Enqueue order confirmation" {
    protocol "HTTPS (queue API), IAM role"
    encrypted
    authenticated
    carries ShopperPii
}

// Order e-mails
flow MailQueueToWorker: MailQueue -> NotificationWorker "Deliver e-mail jobs" {
    protocol "HTTPS (queue API), IAM role"
    encrypted
    authenticated
    carries ShopperPii
}
flow WorkerToEmail: NotificationWorker -> EmailProvider "Send e-mail" {
    protocol "HTTPS REST, send-only API key"
    encrypted
    authenticated
    carries ShopperPii
}

// Back office
flow StaffToBackOffice: BackOfficeStaff -> BackOffice "Order search, refunds, catalogue edits" {
    description "Added when the back office moved behind the SSO proxy; not analysed yet."
    protocol "HTTPS through the corporate VPN and SSO proxy"
    encrypted
    authenticated
    carries StaffAccess
}
flow BackOfficeToOrders: BackOffice -> OrdersDatabase "Order search, refunds, exports" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries ShopperPii, OrderRecords
}
flow BackOfficeToCatalog: BackOffice -> CatalogDb "Edit products and prices" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries CatalogPrices
}
flow BackOfficeToAudit: BackOffice -> AdminAuditLog "Append audit events" {
    protocol "HTTPS (object storage API), IAM role"
    encrypted
    authenticated
    carries AdminTrail
}
flow BackOfficeToPsp: BackOffice -> PaymentProvider "Issue refunds" {
    protocol "HTTPS REST, restricted refund key"
    encrypted
    authenticated
    carries PspSecretKey
}

// ---- Use-case scenarios (one DFD each) -----------------------------------------------------------

scenario BrowseAndSignIn "A shopper browses the catalogue and signs in" {
    description "Most traffic: cached pages from the CDN, sign-in and basket through the Shop API."
    flows ShopperToCdn, CdnToFrontend, CdnToApi, FrontendToApi, ApiToSessions, ApiToCatalog, ApiToOrders
}

scenario CardCheckout "A shopper pays for the basket by card" {
    description "The PAN goes straight from the browser to the PSP; we only see the webhook with the result."
    flows ShopperToCdn, CdnToApi, ApiToCheckout, CheckoutToPsp, ShopperToPaymentPage, PaymentPageToPsp, PspWebhook, CheckoutToOrders, CheckoutToMailQueue
}

scenario OrderConfirmationMail "The shopper receives the order confirmation" {
    flows CheckoutToMailQueue, MailQueueToWorker, WorkerToEmail
}

scenario RefundByStaff "Customer service refunds an order" {
    description "A refund over EUR 500 needs a second staff member's approval."
    flows StaffToBackOffice, BackOfficeToOrders, BackOfficeToPsp, BackOfficeToAudit
}

scenario PriceUpdate "Merchandising changes prices for a promotion" {
    flows StaffToBackOffice, BackOfficeToCatalog, BackOfficeToAudit
}
