// =================================================================================================
// Ledgerline invoicing API: threat model, part 2 of 2 (admin console and privileged access)
//
// What this models: how Ledgerline staff reach tenant data. Support agents use the internal admin
// console to look up tenants, read a tenant's data (only while the tenant has granted access for a
// support case) and impersonate a tenant user read-only to reproduce problems. On-call engineers
// have a break-glass path to the tenant databases for incidents, through a bastion.
//
// TMA scope: the admin console, support staff and on-call engineers as actors, and their flows
// into the platform's stores and auth service, which are declared in platform.tm. The identity-aware
// proxy and the staff SSO are company-wide services with their own model.
//
// Review state: open items tml reports in this file: break-glass sessions are not recorded yet
// (session recording is being procured), so Repudiation on the on-call engineer and on the bastion
// has no threat; and
// the rating of support data browsing is missing a factor still under discussion.
// =================================================================================================

asset SupportAccess "Support sessions, tenant access grants and impersonation tokens"

boundary StaffZone "Ledgerline staff (identity-aware proxy, managed laptops)" {
    external SupportStaff "Support agent" {
        description "First- and second-line support, about 40 people in two time zones."
    }
    external PlatformOperator "On-call platform engineer" {
        description "Six engineers on the on-call rota; may open a break-glass database session during an incident."
    }
    process AdminConsole "Admin console" {
        description "Tenant lookup, plan changes, read-only view of tenant data under an access grant, read-only impersonation."
        technology "Kotlin, Spring Boot 3, server-rendered pages behind the identity-aware proxy"
        entrypoint
    }
}

boundary BastionSubnet "Bastion subnet (production VPC, reached only through the identity-aware proxy)" {
    process DbBastion "Break-glass bastion" {
        description "The only way from staff into the data subnets: admits an on-call engineer through the identity-aware proxy and connects with the 1-hour database user the vault issues once a second on-call approves."
        technology "Hardened bastion image, rebuilt daily"
        entrypoint
    }
}

// ---- Flows ---------------------------------------------------------------------------------------

flow SupportToConsole: SupportStaff -> AdminConsole "Look up tenants, open a support view" {
    protocol "HTTPS through the identity-aware proxy (staff SSO, device posture)"
    encrypted
    authenticated
    carries SupportAccess
}
flow ConsoleToControlPlane: AdminConsole -> ControlPlaneDb "Tenant details, plan changes" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
}
flow ConsoleToTenantDb: AdminConsole -> TenantDb "Read-only view of a tenant's data under an access grant" {
    protocol "PostgreSQL wire protocol, TLS verify-full, read-only role with RLS"
    encrypted
    authenticated
    carries TenantData
}
flow ConsoleImpersonation: AdminConsole -> AuthService "Mint a read-only impersonation token" {
    protocol "gRPC over mesh mTLS"
    encrypted
    authenticated
    carries SupportAccess
}
flow ConsoleToAudit: AdminConsole -> AuditLogStore "Support actions" {
    protocol "HTTPS to the log pipeline, workload identity"
    encrypted
    authenticated
    carries AuditRecords
}
flow OperatorToBastion: PlatformOperator -> DbBastion "Open a break-glass session during an incident" {
    protocol "SSH through the identity-aware proxy (staff SSO, hardware key)"
    encrypted
    authenticated
    carries TenantData
}
flow BreakGlassSession: DbBastion -> TenantDb "Break-glass SQL session" {
    protocol "PostgreSQL wire protocol, TLS verify-full, 1-hour database user from the vault"
    encrypted
    authenticated
    carries TenantData
}

scenario SupportCase "A support agent investigates a tenant's ticket" {
    description "The tenant admin grants access for 48 hours from their settings page; the agent may then view data and impersonate read-only."
    flows SupportToConsole, ConsoleToControlPlane, ConsoleToTenantDb, ConsoleImpersonation, ConsoleToAudit
}
scenario BreakGlass "On-call engineer repairs data during an incident" {
    flows OperatorToBastion, BreakGlassSession
}

// ---- Threats -------------------------------------------------------------------------------------

threat SupportAccountPhish "Support agent's account phished" {
    stride Spoofing
    targets SupportStaff, AdminConsole
    assets SupportAccess
    description "Support agents are public-facing and a favourite target; an AiTM kit captures the SSO session."
    impact "Attacker uses the console with the agent's rights: tenant lookups and, under any open grant, tenant data."
    dread { damage 8 reproducibility 6 exploitability 5 affectedUsers 8 discoverability 7 }
    response fix
    mitigatedBy StaffHardwareKeys
    bug "LL-70"
}

threat SupportDeniesAccess "Support agent denies having viewed or changed a tenant's data" {
    stride Repudiation
    targets SupportStaff, AdminConsole
    assets AuditRecords
    description "A tenant reports that someone at Ledgerline looked at payroll invoices; the agent says it was not them."
    impact "No way to answer the tenant; loss of trust in the support model."
    dread { damage 6 reproducibility 4 exploitability 5 affectedUsers 3 discoverability 5 }
    response fix
    mitigatedBy TenantVisibleAccessLog, WormAuditStorage
    bug "LL-71"
}

// Affected users still disputed: is it one tenant per agent, or every tenant with an open grant?
threat SupportDataBrowsing "Support staff browse tenant data without a case" {
    stride InformationDisclosure
    targets AdminConsole, ConsoleToTenantDb
    assets TenantData, TenantIsolation
    description "Curiosity about a famous tenant, or an agent selling data, using the console's read view."
    impact "Confidential invoices of a tenant read by staff without a reason."
    dread { damage 7 reproducibility 6 exploitability 6 discoverability 3 }
    response fix
    mitigatedBy ConsentedSupportAccess, TenantVisibleAccessLog
    bug "LL-72"
}

threat ConsoleOverreach "Support agent changes tenant data or plans beyond their role" {
    stride Tampering, ElevationOfPrivilege
    targets AdminConsole
    assets TenantData
    description "Console endpoints that check 'is staff' but not the staff role, so first-line support can change plans, credit notes or a tenant's SSO settings."
    impact "Unauthorised changes in a tenant made from inside Ledgerline."
    dread { damage 7 reproducibility 6 exploitability 4 affectedUsers 5 discoverability 4 }
    response fix
    mitigatedBy ReadOnlySupportRole
    bug "LL-73"
}

threat ImpersonationAbuse "Impersonation token used beyond the support case" {
    stride ElevationOfPrivilege
    targets AdminConsole, AuthService
    assets SupportAccess, TenantIsolation
    description "A long-lived or write-capable impersonation token lets an agent act as a tenant admin, or keeps working after the case is closed."
    impact "Staff acting as a tenant's users, invisibly to the tenant."
    dread { damage 9 reproducibility 5 exploitability 5 affectedUsers 5 discoverability 4 }
    response fix
    mitigatedBy TimeBoxedImpersonation
    bug "LL-74"
}

threat BreakGlassCredentialTheft "Break-glass database credentials stolen" {
    stride Spoofing
    targets PlatformOperator
    assets TenantData
    description "A standing database password in a password manager or shell history, used outside an incident."
    impact "Unrestricted read and write to every tenant database."
    dread { damage 10 reproducibility 3 exploitability 4 affectedUsers 10 discoverability 2 }
    response fix
    mitigatedBy BreakGlassVault
    bug "LL-75"
}

threat StaffPathInterception "Traffic on the staff access paths read or altered" {
    stride Tampering, InformationDisclosure
    targets SupportToConsole, ConsoleToControlPlane, ConsoleToTenantDb, ConsoleImpersonation, ConsoleToAudit, OperatorToBastion, BreakGlassSession
    assets SupportAccess, TenantData
    description "Staff on hotel Wi-Fi, or a compromised pod next to the console, sees console sessions, impersonation tokens or SQL results."
    impact "Tenant data and staff sessions read or altered."
    dread { damage 8 reproducibility 2 exploitability 3 affectedUsers 6 discoverability 2 }
    response fix
    mitigatedBy ClusterMtls, IdentityAwareProxy
    bug "LL-76"
}

threat BastionCompromise "Bastion taken over and used to reach the tenant databases" {
    stride Tampering, InformationDisclosure, ElevationOfPrivilege
    targets DbBastion
    assets TenantData, TenantIsolation
    description "An unpatched bastion, or a key an engineer left on it, gives an attacker a host inside the production VPC with network access to every tenant database, and the session of the next engineer who connects."
    impact "Every tenant's data read or changed from inside the platform."
    dread { damage 10 reproducibility 2 exploitability 3 affectedUsers 10 discoverability 2 }
    response fix
    mitigatedBy IdentityAwareProxy, BreakGlassVault
    bug "LL-77"
}

mitigation StaffHardwareKeys "Staff SSO with FIDO2 hardware keys only; sessions bound to managed devices" {
    technique "Authentication"
    status verified
    implementedIn "it/sso/policies/staff-apps.tf"
    verifiedBy "docs/security/staff-access-review-2024Q4.md"
}

mitigation TenantVisibleAccessLog "Every support view and impersonation recorded with the agent's identity and shown to the tenant's admins" {
    technique "Auditing"
    status implemented
    implementedIn "admin-console/src/main/kotlin/audit/SupportAccessLog.kt"
    verifiedBy "admin-console/src/test/kotlin/audit/SupportAccessLogTest.kt"
}

mitigation ConsentedSupportAccess "Tenant data visible only under an access grant the tenant admin gave for a ticket, for at most 48 hours" {
    technique "Authorization"
    status verified
    implementedIn "admin-console/src/main/kotlin/access/GrantCheck.kt"
    verifiedBy "admin-console/src/test/kotlin/access/GrantCheckTest.kt"
}

mitigation ReadOnlySupportRole "Support roles are read-only; plan and credit changes need the billing role and a second approver" {
    technique "Least privilege"
    status implemented
    implementedIn "admin-console/src/main/kotlin/security/Roles.kt"
    verifiedBy "admin-console/src/test/kotlin/security/RolesTest.kt"
}

mitigation TimeBoxedImpersonation "Impersonation tokens are read-only, last 30 minutes, need an open grant and show a banner to the tenant" {
    technique "Authorization"
    status verified
    implementedIn "auth/internal/impersonation/issue.go"
    verifiedBy "auth/internal/impersonation/issue_test.go"
}

mitigation BreakGlassVault "No standing credentials: the vault issues 1-hour database users after a second on-call approves" {
    technique "Protecting secrets"
    status implemented
    implementedIn "infra/vault/database-breakglass.hcl"
    verifiedBy "docs/runbooks/break-glass-drill-2024.md"
}

mitigation IdentityAwareProxy "Staff tools reachable only through the identity-aware proxy with device posture checks" {
    technique "Authentication"
    status verified
    implementedIn "it/proxy/apps/admin-console.tf"
    verifiedBy "test/security/console_direct_access.sh"
}

// ---- Excludes ------------------------------------------------------------------------------------

exclude DenialOfService on AdminConsole "Internal tool: an outage delays support answers but no tenant-facing function; tenants keep full access to their own data."
exclude DenialOfService on DbBastion "Used only during incidents, never in normal operation; if it is down, the runbook rebuilds it from its image in minutes."
exclude Spoofing on DbBastion "Reached only by name through the identity-aware proxy, which checks the bastion's host certificate; nothing else routes into the bastion subnet."
exclude DenialOfService on SupportToConsole, ConsoleToControlPlane, ConsoleToTenantDb, ConsoleImpersonation, ConsoleToAudit, OperatorToBastion, BreakGlassSession "Staff-only paths: unavailability delays support or incident work, never a tenant's own use of the product."
