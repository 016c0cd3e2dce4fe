/**
 * The technology catalogue (docs/language.md#optional-attributes): which traits a `technology "…"` string gives a node,
 * read by rules as `tech has "sql"`. Data only; docs/technology.md lists every entry, and a test
 * keeps the two equal. An entry matches when its pattern occurs in the technology string as a
 * whole word, ignoring case ("PostgreSQL 16" matches `postgresql`); a string that matches no entry
 * has unknown traits, so no `tech` test holds for it, neither `tech has` nor `not tech has`.
 */
export interface TechnologyEntry {
    /** Words to look for, lower case; any one of them matches. */
    readonly patterns: readonly string[];
    readonly traits: readonly string[];
}

/** The traits a rule may test, with what each means (hover, completion, docs/technology.md). */
export const TECHNOLOGY_TRAITS: Readonly<Record<string, string>> = {
    'sql': 'a relational database queried with SQL',
    'nosql': 'a document, key-value or wide-column database',
    'cache': 'an in-memory cache or key-value store',
    'queue': 'a message queue, broker or event stream',
    'object-storage': 'a bucket or blob store',
    'search': 'a search index',
    'web-app': 'a server-side web application or framework',
    'web-server': 'a web server or reverse proxy',
    'api-gateway': 'an API gateway',
    'cdn': 'a content delivery network',
    'identity-provider': 'a service that authenticates users and issues tokens',
    'browser': 'a web browser or single-page application running in one',
    'mobile-app': 'an app on a phone or tablet',
    'serverless': 'a function run on demand by a cloud provider',
    'container': 'a container or container orchestrator',
    'runtime': 'a general-purpose language runtime',
    'file-storage': 'a file system or file share',
    'secrets-store': 'a store for keys and secrets',
    'logging': 'a log collection or monitoring system',
    'ldap': 'a directory service',
    'embedded': 'firmware or an embedded device',
    'payment': 'a payment service',
    'email': 'a mail server or email service',
};

export const TECHNOLOGY_CATALOGUE: readonly TechnologyEntry[] = [
    { patterns: ['postgresql', 'postgres'], traits: ['sql'] },
    { patterns: ['mysql', 'mariadb'], traits: ['sql'] },
    { patterns: ['sql server', 'mssql', 'azure sql'], traits: ['sql'] },
    { patterns: ['oracle'], traits: ['sql'] },
    { patterns: ['sqlite'], traits: ['sql', 'file-storage'] },
    { patterns: ['aurora', 'cockroachdb', 'spanner'], traits: ['sql'] },
    { patterns: ['mongodb', 'mongo'], traits: ['nosql'] },
    { patterns: ['dynamodb', 'cosmos db', 'cosmosdb', 'firestore'], traits: ['nosql'] },
    { patterns: ['cassandra', 'couchdb', 'couchbase'], traits: ['nosql'] },
    { patterns: ['redis', 'valkey'], traits: ['cache'] },
    { patterns: ['memcached'], traits: ['cache'] },
    { patterns: ['elasticsearch', 'opensearch', 'solr'], traits: ['search', 'nosql'] },
    { patterns: ['kafka'], traits: ['queue'] },
    { patterns: ['rabbitmq', 'activemq', 'nats'], traits: ['queue'] },
    { patterns: ['sqs', 'sns', 'pub/sub', 'service bus', 'event hubs', 'kinesis'], traits: ['queue'] },
    { patterns: ['mqtt'], traits: ['queue'] },
    { patterns: ['s3', 'blob storage', 'cloud storage', 'minio'], traits: ['object-storage'] },
    { patterns: ['nfs', 'smb', 'efs'], traits: ['file-storage'] },
    { patterns: ['vault', 'key vault', 'kms', 'secrets manager'], traits: ['secrets-store'] },
    { patterns: ['django', 'flask', 'fastapi', 'rails', 'ruby on rails', 'laravel', 'symfony'], traits: ['web-app'] },
    { patterns: ['spring', 'spring boot', 'asp.net', 'express', 'nestjs', 'next.js', 'nuxt', 'phoenix'], traits: ['web-app'] },
    { patterns: ['node.js', 'nodejs', 'deno', 'bun'], traits: ['runtime'] },
    { patterns: ['java', 'jvm', '.net', 'python', 'go', 'ruby', 'php'], traits: ['runtime'] },
    { patterns: ['nginx', 'apache', 'httpd', 'caddy', 'iis', 'envoy', 'haproxy', 'traefik'], traits: ['web-server'] },
    { patterns: ['api gateway', 'apigee', 'kong'], traits: ['api-gateway'] },
    { patterns: ['cloudfront', 'cloudflare', 'akamai', 'fastly', 'cdn'], traits: ['cdn'] },
    { patterns: ['keycloak', 'okta', 'auth0', 'entra id', 'azure ad', 'cognito', 'oauth', 'openid connect', 'oidc', 'saml'], traits: ['identity-provider'] },
    { patterns: ['active directory', 'ldap', 'openldap'], traits: ['ldap', 'identity-provider'] },
    { patterns: ['browser', 'chrome', 'firefox', 'safari', 'react', 'angular', 'vue', 'svelte', 'spa'], traits: ['browser'] },
    { patterns: ['ios', 'android', 'swift', 'kotlin', 'react native', 'flutter'], traits: ['mobile-app'] },
    { patterns: ['lambda', 'azure functions', 'cloud functions', 'cloud run', 'workers'], traits: ['serverless'] },
    { patterns: ['docker', 'kubernetes', 'k8s', 'ecs', 'eks', 'aks', 'gke', 'openshift'], traits: ['container'] },
    { patterns: ['elk', 'splunk', 'datadog', 'prometheus', 'grafana', 'loki', 'cloudwatch'], traits: ['logging'] },
    { patterns: ['firmware', 'freertos', 'zephyr', 'esp32', 'arduino', 'embedded'], traits: ['embedded'] },
    { patterns: ['stripe', 'adyen', 'paypal', 'braintree'], traits: ['payment'] },
    { patterns: ['smtp', 'sendgrid', 'ses', 'mailgun'], traits: ['email'] },
];
