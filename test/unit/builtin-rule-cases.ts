/**
 * One small model per built-in rule (language-server/src/rules/builtin-library.tm): the rule holds
 * for `element` in `model`; it does not hold once `not` is applied (a stated fact changed); and
 * it does not hold once `absent` is applied (the attribute it reads removed: unknown is never
 * false). Each edit is `[text, replacement]`, and `text` occurs exactly once in the model.
 */
export interface BuiltinRuleCase {
    readonly rule: string;
    readonly element: string;
    readonly model: string;
    readonly not: readonly [string, string];
    readonly absent: readonly [string, string];
    /** The message of the suggestion on `element`. */
    readonly message: string;
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const UNTRUSTED_USER = 'boundary Out "outside" { trust untrusted external User "user" }';

export const BUILTIN_RULE_CASES: readonly BuiltinRuleCase[] = [
    // ---- External entities
    {
        rule: 'PersonWithoutAuthentication', element: 'User',
        model: lines('boundary Net "net" { external User "user" { type person } }', 'process App "app"', 'flow F: User -> App "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['{ type person }', ''],
        message: '',
    },
    {
        rule: 'PersonCredentialsPhished', element: 'User',
        model: lines('asset Pw "pw" { type credentials }', 'external User "user" { type person }', 'process App "app"', 'flow F: User -> App "sends" { carries Pw }'),
        not: ['{ type person }', '{ type person tags "mfa" }'], absent: ['{ type credentials }', ''],
        message: '',
    },
    {
        rule: 'ServiceCallerForged', element: 'Partner',
        model: lines('boundary Out "outside" { trust untrusted external Partner "partner" { type service } }', 'boundary In "inside" { trust trusted process App "app" }', 'flow F: Partner -> App "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['trust untrusted ', ''],
        message: '',
    },
    {
        rule: 'DeviceIdentityCloned', element: 'Lock',
        model: lines('boundary Field "field" { external Lock "lock" { type device } }', 'process Hub "hub"', 'flow F: Lock -> Hub "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['{ type device }', ''],
        message: '',
    },
    {
        rule: 'PaymentDisputedByPayer', element: 'Buyer',
        model: lines('asset Card "card" { type payment }', 'external Buyer "buyer"', 'process Shop "shop"', 'flow F: Buyer -> Shop "sends" { carries Card }'),
        not: ['type payment', 'type personal'], absent: ['{ type payment }', ''],
        message: '',
    },
    {
        rule: 'AdministratorDeniesChange', element: 'Admin',
        model: lines('external Admin "admin" { type person }', 'process Console "console" { privileged }', 'flow F: Admin -> Console "sends"'),
        not: ['{ type person }', '{ type service }'], absent: ['{ type person }', ''],
        message: '',
    },
    {
        rule: 'PartnerDeniesMessage', element: 'Partner',
        model: lines('asset Order "order" { type personal }', 'external Partner "partner" { type service }', 'process Api "api"', 'flow F: Partner -> Api "sends" { carries Order }'),
        not: ['{ carries Order }', '{ carries Order authenticated }'], absent: ['{ type personal }', ''],
        message: '',
    },
    // ---- Processes
    {
        rule: 'UnsignedPartnerCallback', element: 'Hook',
        model: lines('external Partner "partner" { type service }', 'process Hook "hook"', 'flow F: Partner -> Hook "sends"'),
        not: ['process Hook "hook"', 'process Hook "hook" { tags "hmac-verified" }'], absent: ['{ type service }', ''],
        message: '',
    },
    {
        rule: 'CredentialStuffingAtLogin', element: 'Login',
        model: lines('asset Pw "pw" { type credentials }', UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Login "login" }', 'flow F: User -> Login "sends" { carries Pw }'),
        not: ['process Login "login"', 'process Login "login" { tags "mfa" }'], absent: ['{ type credentials }', ''],
        message: '',
    },
    {
        rule: 'SessionTokenReplayed', element: 'App',
        model: lines('asset Session "session" { type token }', 'external User "user"', 'process App "app"', 'flow F: User -> App "sends" { carries Session }'),
        not: ['{ carries Session }', '{ carries Session encrypted }'], absent: ['{ type token }', ''],
        message: '',
    },
    {
        rule: 'CrossSiteRequestForged', element: 'Web',
        model: lines('asset Session "session" { type token }', 'external User "user" { type person }', 'process Web "web" { technology "Django 5" }', 'flow F: User -> Web "sends" { carries Session }'),
        not: ['{ technology "Django 5" }', '{ technology "Django 5" tags "csrf-protected" }'], absent: ['{ type person }', ''],
        message: '',
    },
    {
        rule: 'SqlInjection', element: 'Api',
        model: lines(UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Api "api" datastore Db "db" { technology "PostgreSQL 16" } }', 'flow F: User -> Api "sends"', 'flow G: Api -> Db "writes"'),
        not: ['"PostgreSQL 16"', '"Redis 7"'], absent: ['trust untrusted ', ''],
        message: '',
    },
    {
        rule: 'CrossSiteScripting', element: 'Web',
        model: lines('boundary Out "outside" { trust untrusted external User "user" { type person } }', 'boundary In "inside" { trust trusted process Web "web" { technology "Django 5" } }', 'flow F: User -> Web "sends"'),
        not: ['{ type person }', '{ type service }'], absent: ['{ type person }', ''],
        message: '',
    },
    {
        rule: 'ClientSideChecksTrusted', element: 'Shop',
        model: lines('asset Basket "basket" { type payment }', 'boundary Out "outside" { trust untrusted external User "user" { type person } }', 'boundary In "inside" { trust trusted process Shop "shop" }', 'flow F: User -> Shop "sends" { carries Basket }'),
        not: ['{ type person }', '{ type service }'], absent: ['{ type payment }', ''],
        message: '',
    },
    {
        rule: 'UnsafeDeserialization', element: 'Worker',
        model: lines('boundary Out "outside" { trust partial external Partner "partner" { type service } }', 'boundary In "inside" { trust trusted process Worker "worker" }', 'flow F: Partner -> Worker "sends"'),
        not: ['trust partial', 'trust trusted'], absent: ['{ type service }', ''],
        message: '',
    },
    {
        rule: 'PrivilegedActionsUnaudited', element: 'Admin',
        model: lines('process Admin "admin" { privileged }', 'datastore Audit "audit"', 'flow F: Admin -> Audit "writes"'),
        not: ['datastore Audit "audit"', 'datastore Audit "audit" { logs }'], absent: ['{ privileged }', ''],
        message: '',
    },
    {
        rule: 'ForgedLogEntries', element: 'Api',
        model: lines(UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Api "api" datastore Audit "audit" { logs } }', 'flow F: User -> Api "sends"', 'flow G: Api -> Audit "writes"'),
        not: ['trust untrusted', 'trust trusted'], absent: ['trust untrusted ', ''],
        message: '',
    },
    {
        rule: 'PaymentRecordIncomplete', element: 'Shop',
        model: lines('asset Card "card" { type payment }', 'external Buyer "buyer"', 'process Shop "shop"', 'flow F: Buyer -> Shop "sends" { carries Card }'),
        not: ['type payment', 'type personal'], absent: ['{ type payment }', ''],
        message: '',
    },
    {
        rule: 'ErrorDetailsLeak', element: 'Api',
        model: lines('asset Rec "record" { classification confidential }', UNTRUSTED_USER, 'process Api "api"', 'datastore Db "db"', 'flow F: User -> Api "sends"', 'flow G: Api -> Db "writes" { carries Rec }'),
        not: ['classification confidential', 'classification public'], absent: ['{ classification confidential }', ''],
        message: '',
    },
    {
        rule: 'ServerSideRequestForgery', element: 'Web',
        model: lines(UNTRUSTED_USER, 'boundary Dmz "dmz" { process Web "web" { technology "Django 5" } }', 'boundary In "inside" { trust trusted process Internal "internal" }', 'flow F: User -> Web "sends"', 'flow G: Web -> Internal "calls"'),
        not: ['trust trusted', 'trust partial'], absent: ['trust trusted ', ''],
        message: '',
    },
    {
        rule: 'SecretsWrittenToLogs', element: 'Api',
        model: lines('asset Pw "pw" { type credentials }', 'external User "user"', 'process Api "api"', 'datastore Audit "audit" { logs }', 'flow F: User -> Api "sends" { carries Pw }', 'flow G: Api -> Audit "writes"'),
        not: ['type credentials', 'type personal'], absent: ['{ type credentials }', ''],
        message: '',
    },
    {
        rule: 'EntryPointFlooded', element: 'Api',
        model: lines(UNTRUSTED_USER, 'process Api "api" { entrypoint }', 'flow F: User -> Api "sends"'),
        not: ['{ entrypoint }', '{ entrypoint tags "rate-limited" }'], absent: ['trust untrusted ', ''],
        message: '',
    },
    {
        rule: 'AccountLockoutAbused', element: 'Login',
        model: lines('asset Pw "pw" { type credentials }', UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Login "login" }', 'flow F: User -> Login "sends" { carries Pw }'),
        not: ['trust untrusted', 'trust trusted'], absent: ['{ type credentials }', ''],
        message: '',
    },
    {
        rule: 'ThirdPartyCallWithoutTimeout', element: 'Api',
        model: lines('process Api "api"', 'boundary Out "outside" { external Pay "payments" { type service } }', 'flow F: Api -> Pay "calls"'),
        not: ['{ type service }', '{ type person }'], absent: ['{ type service }', ''],
        message: '',
    },
    {
        rule: 'PrivilegedProcessExposed', element: 'Admin',
        model: lines(UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Admin "admin" { privileged } }', 'flow F: User -> Admin "sends"'),
        not: ['trust untrusted', 'trust trusted'], absent: ['trust untrusted ', ''],
        message: '',
    },
    {
        rule: 'ObjectLevelAuthorizationMissing', element: 'Api',
        model: lines('asset Rec "record" { type personal }', 'external User "user" { type person }', 'process Api "api"', 'datastore Db "db"', 'flow F: User -> Api "sends" { authenticated }', 'flow G: Api -> Db "reads" { carries Rec }'),
        not: ['type personal', 'type other'], absent: ['{ type person }', ''],
        message: '',
    },
    {
        rule: 'RemoteCodeFromPartnerInput', element: 'Runner',
        model: lines('external Partner "partner" { type service }', 'process Runner "runner" { privileged }', 'flow F: Partner -> Runner "sends"'),
        not: ['{ type service }', '{ type device }'], absent: ['{ type service }', ''],
        message: '',
    },
    // ---- Data stores
    {
        rule: 'StoreWrittenFromLessTrusted', element: 'Db',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Db "db" }', 'flow F: Api -> Db "writes"'),
        not: ['trust partial', 'trust trusted'], absent: ['trust partial ', ''],
        message: '',
    },
    {
        rule: 'AuditLogRewritable', element: 'Audit',
        model: lines('process Api "api" { entrypoint }', 'datastore Audit "audit" { logs }', 'flow F: Api -> Audit "writes"'),
        not: ['{ logs }', '{ logs tags "append-only" }'], absent: ['{ entrypoint }', ''],
        message: '',
    },
    {
        rule: 'CachePoisoned', element: 'Cache',
        model: lines('process Api "api" { entrypoint }', 'datastore Cache "cache" { technology "Redis 7" }', 'flow F: Api -> Cache "writes"'),
        not: ['"Redis 7"', '"PostgreSQL 16"'], absent: ['{ technology "Redis 7" }', ''],
        message: '',
    },
    {
        rule: 'LogEntriesFromUnauthenticatedSource', element: 'Audit',
        model: lines('boundary Edge "edge" { process Api "api" }', 'datastore Audit "audit" { logs }', 'flow F: Api -> Audit "writes"'),
        not: ['"writes"', '"writes" { authenticated }'], absent: ['{ logs }', ''],
        message: '',
    },
    {
        rule: 'AuditedProcessOwnsItsLog', element: 'Audit',
        model: lines('process Admin "admin" { privileged }', 'datastore Audit "audit" { logs }', 'flow F: Admin -> Audit "writes"'),
        not: ['{ privileged }', '{ entrypoint }'], absent: ['{ privileged }', ''],
        message: '',
    },
    {
        rule: 'SecretsAtRestUnencrypted', element: 'Db',
        model: lines('asset Rec "record" { classification secret }', 'datastore Db "db" { stores Rec }'),
        not: ['{ stores Rec }', '{ stores Rec encrypted }'], absent: ['{ classification secret }', ''],
        message: '',
    },
    {
        rule: 'PasswordsStoredRecoverably', element: 'Users',
        model: lines('asset Pw "pw" { type credentials }', 'datastore Users "users" { stores Pw }'),
        not: ['{ stores Pw }', '{ stores Pw tags "password-hashing" }'], absent: ['{ type credentials }', ''],
        message: '',
    },
    {
        rule: 'CacheHoldsSensitiveData', element: 'Cache',
        model: lines('asset Rec "record" { classification confidential }', 'datastore Cache "cache" { technology "Redis 7" stores Rec }'),
        not: ['classification confidential', 'classification internal'], absent: ['{ classification confidential }', ''],
        message: '',
    },
    {
        rule: 'KeysStoredWithData', element: 'Db',
        model: lines('asset K "key" { type key }', 'asset Rec "record" { type personal }', 'datastore Db "db" { stores K, Rec }'),
        not: ['type personal', 'type other'], absent: ['{ type key }', ''],
        message: '',
    },
    {
        rule: 'StoreReadableFromUntrusted', element: 'Db',
        model: lines('datastore Db "db"', UNTRUSTED_USER, 'flow F: Db -> User "reads"'),
        not: ['trust untrusted', 'trust partial'], absent: ['trust untrusted ', ''],
        message: '',
    },
    {
        rule: 'DatabaseExhaustedByPublicQueries', element: 'Db',
        model: lines('process Api "api" { entrypoint }', 'datastore Db "db" { technology "PostgreSQL 16" }', 'flow F: Api -> Db "queries"'),
        not: ['"PostgreSQL 16"', '"Redis 7"'], absent: ['{ technology "PostgreSQL 16" }', ''],
        message: '',
    },
    {
        rule: 'LogStoreFilled', element: 'Audit',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Audit "audit" { logs } }', 'flow F: Api -> Audit "writes"'),
        not: ['trust partial', 'trust trusted'], absent: ['trust partial ', ''],
        message: '',
    },
    {
        rule: 'QueueFlooded', element: 'Jobs',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Jobs "jobs" { technology "RabbitMQ 3" } }', 'flow F: Api -> Jobs "enqueues"'),
        not: ['trust partial', 'trust trusted'], absent: ['{ technology "RabbitMQ 3" }', ''],
        message: '',
    },
    // ---- Flows
    {
        rule: 'SensitiveMessageAlteredInTransit', element: 'Pay',
        model: lines('asset Card "card" { type payment }', 'boundary Net "net" { external Buyer "buyer" }', 'process Shop "shop"', 'flow Pay: Buyer -> Shop "sends" { carries Card }'),
        not: ['{ carries Card }', '{ carries Card encrypted }'], absent: ['{ type payment }', ''],
        message: '',
    },
    {
        rule: 'UnauthenticatedFromLessTrusted', element: 'Cmd',
        model: lines(UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Admin "admin" { privileged } }', 'flow Cmd: User -> Admin "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['trust untrusted ', ''],
        message: '',
    },
    {
        rule: 'PaymentInstructionReplayed', element: 'Pay',
        model: lines('asset Card "card" { type payment }', 'boundary Net "net" { external Buyer "buyer" }', 'process Shop "shop"', 'flow Pay: Buyer -> Shop "sends" { carries Card }'),
        not: ['{ carries Card }', '{ carries Card tags "signed" }'], absent: ['{ type payment }', ''],
        message: '',
    },
    {
        rule: 'SensitiveDataInClear', element: 'Get',
        model: lines('asset Rec "record" { classification confidential }', 'boundary Net "net" { external User "user" }', 'process Api "api"', 'flow Get: Api -> User "returns" { carries Rec }'),
        not: ['{ carries Rec }', '{ carries Rec encrypted }'], absent: ['{ classification confidential }', ''],
        message: '',
    },
    {
        rule: 'PeerNotVerified', element: 'Sync',
        model: lines('asset Key "key" { classification secret }', 'boundary Net "net" { external Peer "peer" }', 'process Api "api"', 'flow Sync: Api -> Peer "sends" { encrypted carries Key }'),
        not: ['{ encrypted carries Key }', '{ encrypted authenticated carries Key }'], absent: ['{ classification secret }', ''],
        message: '',
    },
    {
        rule: 'PersonalDataSentToThirdParty', element: 'Export',
        model: lines('asset Profile "profile" { type personal }', 'process Api "api"', 'external Crm "crm" { type service }', 'flow Export: Api -> Crm "sends" { carries Profile }'),
        not: ['{ type service }', '{ type person }'], absent: ['{ type service }', ''],
        message: '',
    },
    {
        rule: 'EntryFlowFlooded', element: 'Req',
        model: lines(UNTRUSTED_USER, 'process Api "api" { entrypoint }', 'flow Req: User -> Api "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['trust untrusted ', ''],
        message: '',
    },
    {
        rule: 'ThirdPartyFlowStalls', element: 'Charge',
        model: lines('process Api "api"', 'boundary Out "outside" { external Pay "payments" { type service } }', 'flow Charge: Api -> Pay "calls"'),
        not: ['{ type service }', '{ type device }'], absent: ['{ type service }', ''],
        message: '',
    },
    {
        rule: 'QueueFloodedThroughFlow', element: 'Enqueue',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Jobs "jobs" { technology "RabbitMQ 3" } }', 'flow Enqueue: Api -> Jobs "enqueues"'),
        not: ['trust partial', 'trust trusted'], absent: ['trust partial ', ''],
        message: '',
    },
];
