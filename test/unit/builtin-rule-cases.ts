/**
 * One small model per built-in rule (language-server/src/rules/builtin.tm): the rule holds
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
        message:
            'Rule \'PersonWithoutAuthentication\' (User identity not verified) suggests a Spoofing threat: external entity \'User\' has type person and sends flow \'F\' (is not authenticated). Add a threat with \'rule PersonWithoutAuthentication\' that targets \'User\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PersonCredentialsPhished', element: 'User',
        model: lines('asset Pw "pw" { type credentials }', 'external User "user" { type person }', 'process App "app"', 'flow F: User -> App "sends" { carries Pw }'),
        not: ['{ type person }', '{ type person tags "mfa" }'], absent: ['{ type credentials }', ''],
        message:
            'Rule \'PersonCredentialsPhished\' (A person\'s credentials can be phished and replayed) suggests a Spoofing threat: external entity \'User\' has type person and sends flow \'F\' (carries \'Pw\' (credentials)). Add a threat with \'rule PersonCredentialsPhished\' that targets \'User\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'ServiceCallerForged', element: 'Partner',
        model: lines('boundary Out "outside" { trust untrusted external Partner "partner" { type service } }', 'boundary In "inside" { trust trusted process App "app" }', 'flow F: Partner -> App "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['trust untrusted ', ''],
        message:
            'Rule \'ServiceCallerForged\' (A calling service can be impersonated) suggests a Spoofing threat: external entity \'Partner\' has type service and sends flow \'F\' (comes from a less trusted zone, is not authenticated). Add a threat with \'rule ServiceCallerForged\' that targets \'Partner\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'DeviceIdentityCloned', element: 'Lock',
        model: lines('boundary Field "field" { external Lock "lock" { type device } }', 'process Hub "hub"', 'flow F: Lock -> Hub "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['{ type device }', ''],
        message:
            'Rule \'DeviceIdentityCloned\' (A device\'s identity can be cloned) suggests a Spoofing threat: external entity \'Lock\' has type device and sends flow \'F\' (crosses a trust boundary, is not authenticated). Add a threat with \'rule DeviceIdentityCloned\' that targets \'Lock\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PaymentDisputedByPayer', element: 'Buyer',
        model: lines('asset Card "card" { type payment }', 'external Buyer "buyer"', 'process Shop "shop"', 'flow F: Buyer -> Shop "sends" { carries Card }'),
        not: ['type payment', 'type personal'], absent: ['{ type payment }', ''],
        message:
            'Rule \'PaymentDisputedByPayer\' (A payer disputes a payment they made) suggests a Repudiation threat: external entity \'Buyer\' sends flow \'F\' (carries \'Card\' (payment)). Add a threat with \'rule PaymentDisputedByPayer\' that targets \'Buyer\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'AdministratorDeniesChange', element: 'Admin',
        model: lines('external Admin "admin" { type person }', 'process Console "console" { privileged }', 'flow F: Admin -> Console "sends"'),
        not: ['{ type person }', '{ type service }'], absent: ['{ type person }', ''],
        message:
            'Rule \'AdministratorDeniesChange\' (An administrator denies a change made through a privileged process) suggests a Repudiation threat: external entity \'Admin\' has type person and sends flow \'F\' (target \'Console\' is privileged). Add a threat with \'rule AdministratorDeniesChange\' that targets \'Admin\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PartnerDeniesMessage', element: 'Partner',
        model: lines('asset Order "order" { type personal }', 'external Partner "partner" { type service }', 'process Api "api"', 'flow F: Partner -> Api "sends" { carries Order }'),
        not: ['{ carries Order }', '{ carries Order authenticated }'], absent: ['{ type personal }', ''],
        message:
            'Rule \'PartnerDeniesMessage\' (A partner service denies having sent a message) suggests a Repudiation threat: external entity \'Partner\' has type service and sends flow \'F\' (is not authenticated, carries \'Order\' (personal)). Add a threat with \'rule PartnerDeniesMessage\' that targets \'Partner\', or a \'dismiss\' saying why it does not apply.',
    },
    // ---- Processes
    {
        rule: 'UnsignedPartnerCallback', element: 'Hook',
        model: lines('external Partner "partner" { type service }', 'process Hook "hook"', 'flow F: Partner -> Hook "sends"'),
        not: ['process Hook "hook"', 'process Hook "hook" { tags "hmac-verified" }'], absent: ['{ type service }', ''],
        message:
            'Rule \'UnsignedPartnerCallback\' (Partner callback accepted without a signature check) suggests a Spoofing threat: process \'Hook\' receives flow \'F\' (source \'Partner\' has type service, is not authenticated). Add a threat with \'rule UnsignedPartnerCallback\' that targets \'Hook\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'CredentialStuffingAtLogin', element: 'Login',
        model: lines('asset Pw "pw" { type credentials }', UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Login "login" }', 'flow F: User -> Login "sends" { carries Pw }'),
        not: ['process Login "login"', 'process Login "login" { tags "mfa" }'], absent: ['{ type credentials }', ''],
        message:
            'Rule \'CredentialStuffingAtLogin\' (Sign-in accepts unlimited guesses and leaked passwords) suggests a Spoofing threat: process \'Login\' receives flow \'F\' (comes from a less trusted zone, carries \'Pw\' (credentials)). Add a threat with \'rule CredentialStuffingAtLogin\' that targets \'Login\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'SessionTokenReplayed', element: 'App',
        model: lines('asset Session "session" { type token }', 'external User "user"', 'process App "app"', 'flow F: User -> App "sends" { carries Session }'),
        not: ['{ carries Session }', '{ carries Session encrypted }'], absent: ['{ type token }', ''],
        message:
            'Rule \'SessionTokenReplayed\' (A captured session token is replayed) suggests a Spoofing threat: process \'App\' receives flow \'F\' (is not encrypted, carries \'Session\' (token)). Add a threat with \'rule SessionTokenReplayed\' that targets \'App\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'CrossSiteRequestForged', element: 'Web',
        model: lines('asset Session "session" { type token }', 'external User "user" { type person }', 'process Web "web" { technology "Django 5" }', 'flow F: User -> Web "sends" { carries Session }'),
        not: ['{ technology "Django 5" }', '{ technology "Django 5" tags "csrf-protected" }'], absent: ['{ type person }', ''],
        message:
            'Rule \'CrossSiteRequestForged\' (A browser is made to send a forged request with the user\'s session) suggests a Spoofing threat: process \'Web\' runs \'Django 5\', which is web-app and receives flow \'F\' (source \'User\' has type person, carries \'Session\' (token)). Add a threat with \'rule CrossSiteRequestForged\' that targets \'Web\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'SqlInjection', element: 'Api',
        model: lines(UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Api "api" datastore Db "db" { technology "PostgreSQL 16" } }', 'flow F: User -> Api "sends"', 'flow G: Api -> Db "writes"'),
        not: ['"PostgreSQL 16"', '"Redis 7"'], absent: ['trust untrusted ', ''],
        message:
            'Rule \'SqlInjection\' (SQL injection through untrusted input) suggests a Tampering threat: process \'Api\' sends flow \'G\' (target \'Db\' runs \'PostgreSQL 16\', which is sql) and receives flow \'F\' (comes from a less trusted zone). Add a threat with \'rule SqlInjection\' that targets \'Api\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'CrossSiteScripting', element: 'Web',
        model: lines('boundary Out "outside" { trust untrusted external User "user" { type person } }', 'boundary In "inside" { trust trusted process Web "web" { technology "Django 5" } }', 'flow F: User -> Web "sends"'),
        not: ['{ type person }', '{ type service }'], absent: ['{ type person }', ''],
        message:
            'Rule \'CrossSiteScripting\' (Untrusted input is rendered as script in other users\' browsers) suggests a Tampering threat: process \'Web\' runs \'Django 5\', which is web-app and receives flow \'F\' (comes from a less trusted zone, source \'User\' has type person). Add a threat with \'rule CrossSiteScripting\' that targets \'Web\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'ClientSideChecksTrusted', element: 'Shop',
        model: lines('asset Basket "basket" { type payment }', 'boundary Out "outside" { trust untrusted external User "user" { type person } }', 'boundary In "inside" { trust trusted process Shop "shop" }', 'flow F: User -> Shop "sends" { carries Basket }'),
        not: ['{ type person }', '{ type service }'], absent: ['{ type payment }', ''],
        message:
            'Rule \'ClientSideChecksTrusted\' (Payment checks done only on the client are bypassed) suggests a Tampering threat: process \'Shop\' receives flow \'F\' (comes from a less trusted zone, source \'User\' has type person, carries \'Basket\' (payment)). Add a threat with \'rule ClientSideChecksTrusted\' that targets \'Shop\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'UnsafeDeserialization', element: 'Worker',
        model: lines('boundary Out "outside" { trust partial external Partner "partner" { type service } }', 'boundary In "inside" { trust trusted process Worker "worker" }', 'flow F: Partner -> Worker "sends"'),
        not: ['trust partial', 'trust trusted'], absent: ['{ type service }', ''],
        message:
            'Rule \'UnsafeDeserialization\' (Untrusted data is deserialised into objects) suggests a Tampering threat: process \'Worker\' receives flow \'F\' (comes from a less trusted zone, source \'Partner\' has type service). Add a threat with \'rule UnsafeDeserialization\' that targets \'Worker\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PrivilegedActionsUnaudited', element: 'Admin',
        model: lines('process Admin "admin" { privileged }', 'datastore Audit "audit"', 'flow F: Admin -> Audit "writes"'),
        not: ['datastore Audit "audit"', 'datastore Audit "audit" { logs }'], absent: ['{ privileged }', ''],
        message:
            'Rule \'PrivilegedActionsUnaudited\' (Privileged actions leave no audit trail) suggests a Repudiation threat: process \'Admin\' is privileged and sends no flow matching (target.logs). Add a threat with \'rule PrivilegedActionsUnaudited\' that targets \'Admin\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'ForgedLogEntries', element: 'Api',
        model: lines(UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Api "api" datastore Audit "audit" { logs } }', 'flow F: User -> Api "sends"', 'flow G: Api -> Audit "writes"'),
        not: ['trust untrusted', 'trust trusted'], absent: ['trust untrusted ', ''],
        message:
            'Rule \'ForgedLogEntries\' (Untrusted input forges entries in the audit log) suggests a Repudiation threat: process \'Api\' receives flow \'F\' (comes from a less trusted zone) and sends flow \'G\' (target \'Audit\' holds logs). Add a threat with \'rule ForgedLogEntries\' that targets \'Api\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PaymentRecordIncomplete', element: 'Shop',
        model: lines('asset Card "card" { type payment }', 'external Buyer "buyer"', 'process Shop "shop"', 'flow F: Buyer -> Shop "sends" { carries Card }'),
        not: ['type payment', 'type personal'], absent: ['{ type payment }', ''],
        message:
            'Rule \'PaymentRecordIncomplete\' (A payment is handled without a record that identifies the payer) suggests a Repudiation threat: process \'Shop\' receives flow \'F\' (carries \'Card\' (payment)). Add a threat with \'rule PaymentRecordIncomplete\' that targets \'Shop\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'ErrorDetailsLeak', element: 'Api',
        model: lines('asset Rec "record" { classification confidential }', UNTRUSTED_USER, 'process Api "api"', 'datastore Db "db"', 'flow F: User -> Api "sends"', 'flow G: Api -> Db "writes" { carries Rec }'),
        not: ['classification confidential', 'classification public'], absent: ['{ classification confidential }', ''],
        message:
            'Rule \'ErrorDetailsLeak\' (Error messages reveal internals to untrusted callers) suggests an InformationDisclosure threat: process \'Api\' receives flow \'F\' (source \'User\' has trust untrusted) and sends flow \'G\' (carries \'Rec\' (confidential)). Add a threat with \'rule ErrorDetailsLeak\' that targets \'Api\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'ServerSideRequestForgery', element: 'Web',
        model: lines(UNTRUSTED_USER, 'boundary Dmz "dmz" { process Web "web" { technology "Django 5" } }', 'boundary In "inside" { trust trusted process Internal "internal" }', 'flow F: User -> Web "sends"', 'flow G: Web -> Internal "calls"'),
        not: ['trust trusted', 'trust partial'], absent: ['trust trusted ', ''],
        message:
            'Rule \'ServerSideRequestForgery\' (The process is made to fetch internal resources for an attacker) suggests an InformationDisclosure threat: process \'Web\' runs \'Django 5\', which is web-app and receives flow \'F\' (source \'User\' has trust untrusted) and sends flow \'G\' (target \'Internal\' has trust trusted). Add a threat with \'rule ServerSideRequestForgery\' that targets \'Web\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'SecretsWrittenToLogs', element: 'Api',
        model: lines('asset Pw "pw" { type credentials }', 'external User "user"', 'process Api "api"', 'datastore Audit "audit" { logs }', 'flow F: User -> Api "sends" { carries Pw }', 'flow G: Api -> Audit "writes"'),
        not: ['type credentials', 'type personal'], absent: ['{ type credentials }', ''],
        message:
            'Rule \'SecretsWrittenToLogs\' (Credentials or tokens end up in log files) suggests an InformationDisclosure threat: process \'Api\' receives flow \'F\' (carries \'Pw\' (credentials)) and sends flow \'G\' (target \'Audit\' holds logs). Add a threat with \'rule SecretsWrittenToLogs\' that targets \'Api\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'EntryPointFlooded', element: 'Api',
        model: lines(UNTRUSTED_USER, 'process Api "api" { entrypoint }', 'flow F: User -> Api "sends"'),
        not: ['{ entrypoint }', '{ entrypoint tags "rate-limited" }'], absent: ['trust untrusted ', ''],
        message:
            'Rule \'EntryPointFlooded\' (An internet-facing entry point is flooded) suggests a DenialOfService threat: process \'Api\' is an entry point and receives flow \'F\' (source \'User\' has trust untrusted). Add a threat with \'rule EntryPointFlooded\' that targets \'Api\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'AccountLockoutAbused', element: 'Login',
        model: lines('asset Pw "pw" { type credentials }', UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Login "login" }', 'flow F: User -> Login "sends" { carries Pw }'),
        not: ['trust untrusted', 'trust trusted'], absent: ['{ type credentials }', ''],
        message:
            'Rule \'AccountLockoutAbused\' (Deliberate failed sign-ins lock legitimate users out) suggests a DenialOfService threat: process \'Login\' receives flow \'F\' (comes from a less trusted zone, carries \'Pw\' (credentials)). Add a threat with \'rule AccountLockoutAbused\' that targets \'Login\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'ThirdPartyCallWithoutTimeout', element: 'Api',
        model: lines('process Api "api"', 'boundary Out "outside" { external Pay "payments" { type service } }', 'flow F: Api -> Pay "calls"'),
        not: ['{ type service }', '{ type person }'], absent: ['{ type service }', ''],
        message:
            'Rule \'ThirdPartyCallWithoutTimeout\' (A slow third-party service stalls the process) suggests a DenialOfService threat: process \'Api\' sends flow \'F\' (target \'Pay\' has type service, crosses a trust boundary). Add a threat with \'rule ThirdPartyCallWithoutTimeout\' that targets \'Api\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PrivilegedProcessExposed', element: 'Admin',
        model: lines(UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Admin "admin" { privileged } }', 'flow F: User -> Admin "sends"'),
        not: ['trust untrusted', 'trust trusted'], absent: ['trust untrusted ', ''],
        message:
            'Rule \'PrivilegedProcessExposed\' (Privileged process reachable from a less trusted zone) suggests an ElevationOfPrivilege threat: process \'Admin\' is privileged and receives flow \'F\' (comes from a less trusted zone). Add a threat with \'rule PrivilegedProcessExposed\' that targets \'Admin\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'ObjectLevelAuthorizationMissing', element: 'Api',
        model: lines('asset Rec "record" { type personal }', 'external User "user" { type person }', 'process Api "api"', 'datastore Db "db"', 'flow F: User -> Api "sends" { authenticated }', 'flow G: Api -> Db "reads" { carries Rec }'),
        not: ['type personal', 'type other'], absent: ['{ type person }', ''],
        message:
            'Rule \'ObjectLevelAuthorizationMissing\' (A signed-in user reaches another user\'s records) suggests an ElevationOfPrivilege threat: process \'Api\' receives flow \'F\' (is authenticated, source \'User\' has type person) and sends flow \'G\' (target \'Db\' is a datastore, carries \'Rec\' (personal)). Add a threat with \'rule ObjectLevelAuthorizationMissing\' that targets \'Api\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'RemoteCodeFromPartnerInput', element: 'Runner',
        model: lines('external Partner "partner" { type service }', 'process Runner "runner" { privileged }', 'flow F: Partner -> Runner "sends"'),
        not: ['{ type service }', '{ type device }'], absent: ['{ type service }', ''],
        message:
            'Rule \'RemoteCodeFromPartnerInput\' (Input from a partner service executes code) suggests an ElevationOfPrivilege threat: process \'Runner\' is privileged and receives flow \'F\' (source \'Partner\' has type service). Add a threat with \'rule RemoteCodeFromPartnerInput\' that targets \'Runner\', or a \'dismiss\' saying why it does not apply.',
    },
    // ---- Data stores
    {
        rule: 'StoreWrittenFromLessTrusted', element: 'Db',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Db "db" }', 'flow F: Api -> Db "writes"'),
        not: ['trust partial', 'trust trusted'], absent: ['trust partial ', ''],
        message:
            'Rule \'StoreWrittenFromLessTrusted\' (A data store is written directly from a less trusted zone) suggests a Tampering threat: data store \'Db\' receives flow \'F\' (comes from a less trusted zone). Add a threat with \'rule StoreWrittenFromLessTrusted\' that targets \'Db\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'AuditLogRewritable', element: 'Audit',
        model: lines('boundary Edge "edge" { trust partial process Api "api" { entrypoint } }', 'boundary In "inside" { trust trusted datastore Audit "audit" { logs } }', 'flow F: Api -> Audit "writes"'),
        not: ['{ logs }', '{ logs tags "append-only" }'], absent: ['trust partial ', ''],
        message:
            'Rule \'AuditLogRewritable\' (Audit logs can be rewritten by the exposed process that writes them) suggests a Tampering threat: data store \'Audit\' holds logs and receives flow \'F\' (source \'Api\' is an entry point, comes from a less trusted zone). Add a threat with \'rule AuditLogRewritable\' that targets \'Audit\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'CachePoisoned', element: 'Cache',
        model: lines('process Api "api" { entrypoint }', 'datastore Cache "cache" { technology "Redis 7" }', 'flow F: Api -> Cache "writes"'),
        not: ['"Redis 7"', '"PostgreSQL 16"'], absent: ['{ technology "Redis 7" }', ''],
        message:
            'Rule \'CachePoisoned\' (A cache serves entries planted by an attacker) suggests a Tampering threat: data store \'Cache\' runs \'Redis 7\', which is cache and receives flow \'F\' (source \'Api\' is an entry point). Add a threat with \'rule CachePoisoned\' that targets \'Cache\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'LogEntriesFromUnauthenticatedSource', element: 'Audit',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Audit "audit" { logs } }', 'flow F: Api -> Audit "writes"'),
        not: ['"writes"', '"writes" { authenticated }'], absent: ['trust partial ', ''],
        message:
            'Rule \'LogEntriesFromUnauthenticatedSource\' (Audit entries are accepted from an unauthenticated source) suggests a Repudiation threat: data store \'Audit\' holds logs and receives flow \'F\' (comes from a less trusted zone, is not authenticated). Add a threat with \'rule LogEntriesFromUnauthenticatedSource\' that targets \'Audit\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'AuditedProcessOwnsItsLog', element: 'Audit',
        model: lines('process Admin "admin" { privileged }', 'datastore Audit "audit" { logs }', 'flow F: Admin -> Audit "writes"'),
        not: ['{ privileged }', '{ entrypoint }'], absent: ['{ privileged }', ''],
        message:
            'Rule \'AuditedProcessOwnsItsLog\' (A privileged process writes the only record of its own actions) suggests a Repudiation threat: data store \'Audit\' holds logs and receives flow \'F\' (source \'Admin\' is privileged). Add a threat with \'rule AuditedProcessOwnsItsLog\' that targets \'Audit\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'SecretsAtRestUnencrypted', element: 'Db',
        model: lines('asset Rec "record" { classification secret }', 'datastore Db "db" { stores Rec }'),
        not: ['{ stores Rec }', '{ stores Rec encrypted }'], absent: ['{ classification secret }', ''],
        message:
            'Rule \'SecretsAtRestUnencrypted\' (Secrets stored unencrypted) suggests an InformationDisclosure threat: data store \'Db\' stores \'Rec\' (secret) and is not encrypted. Add a threat with \'rule SecretsAtRestUnencrypted\' that targets \'Db\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PasswordsStoredRecoverably', element: 'Users',
        model: lines('asset Pw "pw" { type credentials }', 'datastore Users "users" { stores Pw }'),
        not: ['{ stores Pw }', '{ stores Pw tags "password-hashing" }'], absent: ['{ type credentials }', ''],
        message:
            'Rule \'PasswordsStoredRecoverably\' (Stored passwords can be recovered after a breach) suggests an InformationDisclosure threat: data store \'Users\' stores \'Pw\' (credentials). Add a threat with \'rule PasswordsStoredRecoverably\' that targets \'Users\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'CacheHoldsSensitiveData', element: 'Cache',
        model: lines('asset Rec "record" { classification confidential }', 'datastore Cache "cache" { technology "Redis 7" stores Rec }'),
        not: ['classification confidential', 'classification internal'], absent: ['{ classification confidential }', ''],
        message:
            'Rule \'CacheHoldsSensitiveData\' (A cache keeps sensitive data outside its protected store) suggests an InformationDisclosure threat: data store \'Cache\' runs \'Redis 7\', which is cache and stores \'Rec\' (confidential). Add a threat with \'rule CacheHoldsSensitiveData\' that targets \'Cache\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'KeysStoredWithData', element: 'Db',
        model: lines('asset K "key" { type key }', 'asset Rec "record" { type personal }', 'datastore Db "db" { stores K, Rec }'),
        not: ['type personal', 'type other'], absent: ['{ type key }', ''],
        message:
            'Rule \'KeysStoredWithData\' (Encryption keys are stored next to the data they protect) suggests an InformationDisclosure threat: data store \'Db\' stores \'K\' (key) and stores \'Rec\' (personal). Add a threat with \'rule KeysStoredWithData\' that targets \'Db\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'StoreReadableFromUntrusted', element: 'Db',
        model: lines('datastore Db "db"', UNTRUSTED_USER, 'flow F: Db -> User "reads"'),
        not: ['trust untrusted', 'trust partial'], absent: ['trust untrusted ', ''],
        message:
            'Rule \'StoreReadableFromUntrusted\' (A data store sends data straight into an untrusted zone) suggests an InformationDisclosure threat: data store \'Db\' sends flow \'F\' (target \'User\' has trust untrusted). Add a threat with \'rule StoreReadableFromUntrusted\' that targets \'Db\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'DatabaseExhaustedByPublicQueries', element: 'Db',
        model: lines('process Api "api" { entrypoint }', 'datastore Db "db" { technology "PostgreSQL 16" }', 'flow F: Api -> Db "queries"'),
        not: ['"PostgreSQL 16"', '"Redis 7"'], absent: ['{ technology "PostgreSQL 16" }', ''],
        message:
            'Rule \'DatabaseExhaustedByPublicQueries\' (Expensive queries from public requests exhaust the database) suggests a DenialOfService threat: data store \'Db\' runs \'PostgreSQL 16\', which is sql and receives flow \'F\' (source \'Api\' is an entry point). Add a threat with \'rule DatabaseExhaustedByPublicQueries\' that targets \'Db\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'LogStoreFilled', element: 'Audit',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Audit "audit" { logs } }', 'flow F: Api -> Audit "writes"'),
        not: ['trust partial', 'trust trusted'], absent: ['trust partial ', ''],
        message:
            'Rule \'LogStoreFilled\' (Log storage is filled until logging stops) suggests a DenialOfService threat: data store \'Audit\' holds logs and receives flow \'F\' (comes from a less trusted zone). Add a threat with \'rule LogStoreFilled\' that targets \'Audit\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'QueueFlooded', element: 'Jobs',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Jobs "jobs" { technology "RabbitMQ 3" } }', 'flow F: Api -> Jobs "enqueues"'),
        not: ['trust partial', 'trust trusted'], absent: ['{ technology "RabbitMQ 3" }', ''],
        message:
            'Rule \'QueueFlooded\' (A message queue is flooded from a less trusted zone) suggests a DenialOfService threat: data store \'Jobs\' runs \'RabbitMQ 3\', which is queue and receives flow \'F\' (comes from a less trusted zone). Add a threat with \'rule QueueFlooded\' that targets \'Jobs\', or a \'dismiss\' saying why it does not apply.',
    },
    // ---- Flows
    {
        rule: 'SensitiveMessageAlteredInTransit', element: 'Pay',
        model: lines('asset Card "card" { type payment }', 'boundary Net "net" { external Buyer "buyer" }', 'process Shop "shop"', 'flow Pay: Buyer -> Shop "sends" { carries Card }'),
        not: ['{ carries Card }', '{ carries Card encrypted }'], absent: ['{ type payment }', ''],
        message:
            'Rule \'SensitiveMessageAlteredInTransit\' (A sensitive message is altered in transit) suggests a Tampering threat: flow \'Pay\' crosses a trust boundary and is not encrypted and carries \'Card\' (payment). Add a threat with \'rule SensitiveMessageAlteredInTransit\' that targets \'Pay\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'UnauthenticatedFromLessTrusted', element: 'Cmd',
        model: lines(UNTRUSTED_USER, 'boundary In "inside" { trust trusted process Admin "admin" { privileged } }', 'flow Cmd: User -> Admin "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['trust untrusted ', ''],
        message:
            'Rule \'UnauthenticatedFromLessTrusted\' (Unauthenticated data accepted from a less trusted zone) suggests a Tampering threat: flow \'Cmd\' comes from a less trusted zone and is not authenticated. Add a threat with \'rule UnauthenticatedFromLessTrusted\' that targets \'Cmd\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PaymentInstructionReplayed', element: 'Pay',
        model: lines('asset Card "card" { type payment }', 'boundary Net "net" { external Buyer "buyer" }', 'process Shop "shop"', 'flow Pay: Buyer -> Shop "sends" { carries Card }'),
        not: ['{ carries Card }', '{ carries Card tags "signed" }'], absent: ['{ type payment }', ''],
        message:
            'Rule \'PaymentInstructionReplayed\' (A payment instruction is replayed or its amount changed) suggests a Tampering threat: flow \'Pay\' crosses a trust boundary and carries \'Card\' (payment). Add a threat with \'rule PaymentInstructionReplayed\' that targets \'Pay\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'SensitiveDataInClear', element: 'Get',
        model: lines('asset Rec "record" { classification confidential }', 'boundary Net "net" { external User "user" }', 'process Api "api"', 'flow Get: Api -> User "returns" { carries Rec }'),
        not: ['{ carries Rec }', '{ carries Rec encrypted }'], absent: ['{ classification confidential }', ''],
        message:
            'Rule \'SensitiveDataInClear\' (Sensitive data sent in clear text) suggests an InformationDisclosure threat: flow \'Get\' carries \'Rec\' (confidential) and is not encrypted. Add a threat with \'rule SensitiveDataInClear\' that targets \'Get\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PeerNotVerified', element: 'Sync',
        model: lines('asset Key "key" { classification secret }', 'boundary Net "net" { external Peer "peer" }', 'process Api "api"', 'flow Sync: Api -> Peer "sends" { encrypted carries Key }'),
        not: ['{ encrypted carries Key }', '{ encrypted authenticated carries Key }'], absent: ['{ classification secret }', ''],
        message:
            'Rule \'PeerNotVerified\' (An encrypted channel talks to an unverified peer) suggests an InformationDisclosure threat: flow \'Sync\' is encrypted and is not authenticated and crosses a trust boundary and carries \'Key\' (secret). Add a threat with \'rule PeerNotVerified\' that targets \'Sync\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'PersonalDataSentToThirdParty', element: 'Export',
        model: lines('asset Profile "profile" { type personal }', 'process Api "api"', 'external Crm "crm" { type service }', 'flow Export: Api -> Crm "sends" { carries Profile }'),
        not: ['{ type service }', '{ type person }'], absent: ['{ type service }', ''],
        message:
            'Rule \'PersonalDataSentToThirdParty\' (Personal data is sent to a third-party service) suggests an InformationDisclosure threat: flow \'Export\' target \'Crm\' has type service and carries \'Profile\' (personal). Add a threat with \'rule PersonalDataSentToThirdParty\' that targets \'Export\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'EntryFlowFlooded', element: 'Req',
        model: lines(UNTRUSTED_USER, 'process Api "api" { entrypoint }', 'flow Req: User -> Api "sends"'),
        not: ['"sends"', '"sends" { authenticated }'], absent: ['trust untrusted ', ''],
        message:
            'Rule \'EntryFlowFlooded\' (An unauthenticated flow into an entry point is flooded) suggests a DenialOfService threat: flow \'Req\' source \'User\' has trust untrusted and target \'Api\' is an entry point and is not authenticated. Add a threat with \'rule EntryFlowFlooded\' that targets \'Req\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'ThirdPartyFlowStalls', element: 'Charge',
        model: lines('process Api "api"', 'boundary Out "outside" { external Pay "payments" { type service } }', 'flow Charge: Api -> Pay "calls"'),
        not: ['{ type service }', '{ type device }'], absent: ['{ type service }', ''],
        message:
            'Rule \'ThirdPartyFlowStalls\' (A flow to a third-party service stalls or fails) suggests a DenialOfService threat: flow \'Charge\' target \'Pay\' has type service and crosses a trust boundary. Add a threat with \'rule ThirdPartyFlowStalls\' that targets \'Charge\', or a \'dismiss\' saying why it does not apply.',
    },
    {
        rule: 'QueueFloodedThroughFlow', element: 'Enqueue',
        model: lines('boundary Edge "edge" { trust partial process Api "api" }', 'boundary In "inside" { trust trusted datastore Jobs "jobs" { technology "RabbitMQ 3" } }', 'flow Enqueue: Api -> Jobs "enqueues"'),
        not: ['trust partial', 'trust trusted'], absent: ['trust partial ', ''],
        message:
            'Rule \'QueueFloodedThroughFlow\' (A producer floods the queue this flow feeds) suggests a DenialOfService threat: flow \'Enqueue\' comes from a less trusted zone and target \'Jobs\' runs \'RabbitMQ 3\', which is queue. Add a threat with \'rule QueueFloodedThroughFlow\' that targets \'Enqueue\', or a \'dismiss\' saying why it does not apply.',
    },
];
