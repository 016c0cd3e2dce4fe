// =================================================================================================
// Keyhaven smart door lock: threat model
//
// What this models: a battery-powered smart lock for front doors, its companion mobile app and the
// cloud backend. Owners lock and unlock over Bluetooth LE at the door or remotely through the
// cloud, share time-limited e-keys with guests, and see the lock's history. The lock connects to
// home Wi-Fi and talks MQTT to a managed IoT broker; firmware updates come over the air (OTA).
// Each lock gets its identity (a key pair generated inside a secure element) on the contract
// manufacturer's production line.
//
// TMA scope: lock firmware and its secure element, the mobile app, the cloud services we run
// (Device API, account service, telemetry ingestion, OTA service) and their data stores, and the
// provisioning station at the factory. Out of scope: mechanical security of the cylinder (certified
// to EN 1303 separately), the customer's Wi-Fi router, and voice-assistant integrations (own
// model). The broker and the push services are managed services we depend on.
//
// Review state: most categories are addressed. Open items tml reports: the BLE relay attack was
// raised at the last review and has neither a response nor a rating yet; the factory station still
// lacks repudiation and denial-of-service analysis (pending the visit to the manufacturer); the
// telemetry store was recently marked `logs` (lock history is evidence), so Repudiation now applies
// to it and has no threat yet; one fix has no bug number and one rating is incomplete.
// =================================================================================================

system KeyhavenLock "Keyhaven smart door lock" {
    description "Battery-powered front-door lock with BLE and Wi-Fi, a companion app for owners and guests, and a cloud backend for remote access, history and OTA updates."
    owner "Keyhaven device security team"
    deployment "Cloud services in one region with multi-AZ managed databases; the broker is a managed MQTT service; firmware is signed in an HSM in a separate release account; provisioning stations run at the contract manufacturer under our remote management."
}

// ---- Background ----------------------------------------------------------------------------------

assumption MechanicalOverride "Every lock has a mechanical key cylinder and a keypad, so electronic failure never locks people out."
assumption SupportedPhones "The app supports iOS 16+ and Android 10+ with hardware-backed key storage."
assumption HomeWifiUntrusted "The home network is untrusted: the lock treats it like the open internet."
assumption OwnerControlsGuests "Only owners can create e-keys; a guest cannot re-share one."

dependency ManagedMqttBroker "The managed IoT broker authenticates devices by X.509 client certificate and enforces per-device topic policies."
dependency MobilePushServices "Apple Push Notification service and Firebase Cloud Messaging deliver notifications, best effort."
dependency SecureElementVendor "The secure element (Common Criteria EAL6+) keeps private keys non-exportable."
dependency ContractManufacturer "The contract manufacturer runs our provisioning station on its line, under our supervision and remote management."

// ---- Assets --------------------------------------------------------------------------------------

asset UnlockAuthority "The ability to open a customer's front door" {
    description "The asset that matters most: physical access to someone's home."
}
asset DeviceIdentity "Per-lock private key and certificate"
asset FirmwareSigningKey "Firmware release signing key (HSM)"
asset EKeys "E-keys: time-limited unlock grants shared with guests"
asset LockHistory "Lock and unlock history" {
    description "Reveals when nobody is home; used as evidence after burglaries. Kept 1 year."
}
asset OwnerCredentials "Owner and guest account credentials and tokens"
asset OwnerProfile "Owner name, e-mail, phone number and home address"

// ---- Data flow diagram ---------------------------------------------------------------------------

boundary PeopleAndPhones "People and their phones" {
    external Homeowner "Lock owner" {
        description "Installs the lock, owns the account, creates e-keys."
    }
    external GuestUser "Guest holding an e-key" {
        description "Family, cleaner, dog walker, courier: anyone the owner shares a time-limited e-key with."
    }
    boundary PhoneSandbox "App sandbox on the user's phone" {
        process MobileApp "Keyhaven mobile app" {
            description "Unlocks over BLE with the user's e-key, sends remote commands, manages e-keys and shows history."
            technology "Swift (iOS), Kotlin (Android)"
            entrypoint
        }
    }
}

boundary CustomerHome "Customer's home (attacker may have physical access to the outside of the lock)" {
    boundary LockHardware "Lock enclosure" {
        process LockFirmware "Lock firmware" {
            description "BLE GATT server, MQTT client, motor control, keypad, secure boot and OTA agent."
            technology "Zephyr RTOS on an nRF5340 MCU"
            entrypoint
        }
        datastore SecureElement "Secure element" {
            description "Holds the device private key, the Device API's command verification key and the BLE pairing keys."
            technology "Secure element on I2C, CC EAL6+"
            stores DeviceIdentity
        }
    }
}

boundary DeviceCloud "Keyhaven cloud account" {
    process MqttBroker "MQTT broker" {
        description "Terminates device TLS, applies per-device topic policies and routes events to the rules engine."
        technology "Managed IoT broker (MQTT 3.1.1 over TLS 1.2, port 8883)"
        entrypoint
    }
    process DeviceApi "Device API" {
        description "Remote lock/unlock, lock state and history for the app; publishes signed commands to the broker."
        technology "Go 1.22 on containers behind an API gateway"
        entrypoint
    }
    process AccountService "Account and e-key service" {
        description "Sign-up, sign-in (OAuth 2.0 with PKCE), e-key creation, grants and their validity windows."
        technology "Kotlin, Spring Boot 3"
        entrypoint
    }
    process TelemetryIngest "Telemetry ingestion" {
        description "Validates lock events from the broker's rules engine and writes them to the history store."
        technology "Serverless functions"
    }
    datastore DeviceRegistry "Device registry and shadows" {
        description "Lock serial, certificate fingerprint, owner account, firmware version and desired/reported state."
        technology "Managed IoT registry plus DynamoDB"
        stores DeviceIdentity
    }
    datastore TelemetryStore "Lock history store" {
        description "Signed lock events, battery levels and alarms. Marked logs since v2 of this model: lock history is the evidence in disputes and burglary claims."
        technology "Time-series table (Timestream)"
        logs
        stores LockHistory
    }
    datastore UserAccountsDb "Accounts and e-key grants" {
        technology "PostgreSQL 16 (managed)"
        stores OwnerCredentials, OwnerProfile, EKeys
    }

    boundary ReleaseAccount "Release account (separate cloud account)" {
        process OtaService "OTA update service" {
            description "Takes signed releases, stores images and manifests, runs staged rollouts through the broker's job feature."
            technology "Python 3.12 service, HSM-backed signing"
            entrypoint
        }
        datastore FirmwareRepository "Firmware repository" {
            description "Signed images and manifests, served to locks by presigned HTTPS URLs through a CDN."
            technology "Object storage behind a CDN"
        }
    }
}

boundary EngineeringNetwork "Keyhaven engineering" {
    external ReleaseEngineer "Firmware release engineer" {
        description "Triggers a release from CI; a second engineer must approve it."
    }
}

boundary FactoryFloor "Contract manufacturer's production line" {
    process ProvisioningService "Provisioning station" {
        description "End-of-line station: makes the secure element generate the device key pair, gets the certificate issued and registers the lock."
        technology "Hardened Linux PC with an HSM-backed station certificate"
    }
}

boundary PushProviders "Mobile platform services" {
    external PushService "APNs / FCM push service"
}

// ---- Flows: people and the app -------------------------------------------------------------------

flow OwnerTapsUnlock: Homeowner -> MobileApp "Lock/unlock, share e-keys, view history"
flow GuestTapsUnlock: GuestUser -> MobileApp "Unlock with a shared e-key"
flow AppSignIn: MobileApp -> AccountService "Sign in, refresh tokens, manage e-keys" {
    protocol "HTTPS, OAuth 2.0 authorisation code with PKCE"
    encrypted
    authenticated
    carries OwnerCredentials, EKeys, OwnerProfile
}
flow AppRemoteCommand: MobileApp -> DeviceApi "Remote lock/unlock request, history query" {
    protocol "HTTPS with a bearer access token"
    encrypted
    authenticated
    carries UnlockAuthority, LockHistory
}
flow AppBleUnlock: MobileApp -> LockFirmware "BLE unlock with the user's e-key" {
    protocol "BLE GATT, ECDH session and challenge-response"
    encrypted
    authenticated
    carries EKeys, UnlockAuthority
}

// ---- Flows: commands and events ------------------------------------------------------------------

flow CommandPublish: DeviceApi -> MqttBroker "Publish signed command to the lock's topic" {
    protocol "MQTT over TLS (service identity)"
    encrypted
    authenticated
    carries UnlockAuthority
}
flow BrokerToDevice: MqttBroker -> LockFirmware "Deliver command" {
    protocol "MQTT over mutual TLS, broker CA pinned"
    encrypted
    authenticated
    carries UnlockAuthority
}
flow DeviceEvents: LockFirmware -> MqttBroker "State, battery and signed lock events" {
    protocol "MQTT over mutual TLS"
    encrypted
    authenticated
    carries LockHistory
}
flow EventsToIngest: MqttBroker -> TelemetryIngest "Route events (rules engine)" {
    protocol "Managed rule action, IAM role"
    encrypted
    authenticated
    carries LockHistory
}
flow IngestWrite: TelemetryIngest -> TelemetryStore "Append events" {
    protocol "HTTPS (database API), IAM role"
    encrypted
    authenticated
    carries LockHistory
}
flow HistoryRead: TelemetryStore -> DeviceApi "Lock history for the app" {
    protocol "HTTPS (database API), IAM role"
    encrypted
    authenticated
    carries LockHistory
}
flow DeviceApiRegistry: DeviceApi -> DeviceRegistry "Look up lock owner, write desired state" {
    protocol "HTTPS (registry API), IAM role"
    encrypted
    authenticated
}
flow DeviceApiGrants: DeviceApi -> AccountService "Check the caller's grant on the lock" {
    protocol "gRPC over mTLS"
    encrypted
    authenticated
    carries EKeys
}
flow AccountsDbAccess: AccountService -> UserAccountsDb "Users, credentials and grants" {
    protocol "PostgreSQL wire protocol, TLS verify-full"
    encrypted
    authenticated
    carries OwnerCredentials, OwnerProfile, EKeys
}
flow PushNotify: DeviceApi -> PushService "Lock events to the owner's phone" {
    protocol "HTTP/2 to APNs / FCM with provider tokens"
    encrypted
    authenticated
    carries LockHistory
}

// ---- Flows: firmware release and OTA -------------------------------------------------------------

flow ReleasePublish: ReleaseEngineer -> OtaService "Submit a release for signing and rollout" {
    protocol "HTTPS from CI, OIDC workload identity plus approver's SSO"
    encrypted
    authenticated
}
flow OtaStoreImage: OtaService -> FirmwareRepository "Store signed image and manifest" {
    protocol "HTTPS (object storage API), IAM role"
    encrypted
    authenticated
}
flow OtaJobAnnounce: OtaService -> MqttBroker "Announce update job to a rollout wave" {
    protocol "Managed jobs API, IAM role"
    encrypted
    authenticated
}
flow FirmwareDownload: FirmwareRepository -> LockFirmware "Download signed image" {
    protocol "HTTPS with a presigned URL"
    encrypted
    authenticated
}

// ---- Flows: inside the lock and at the factory ---------------------------------------------------

flow KeyUse: LockFirmware -> SecureElement "Sign TLS handshakes, verify commands and e-keys" {
    protocol "I2C with an encrypted, authenticated session"
    encrypted
    authenticated
    carries DeviceIdentity
}
flow FactoryInject: ProvisioningService -> SecureElement "Generate the device key pair, write the certificate" {
    protocol "SWD/I2C on the test fixture"
    carries DeviceIdentity
}
flow FactoryRegister: ProvisioningService -> DeviceRegistry "Register the device certificate" {
    protocol "HTTPS with the station's client certificate"
    encrypted
    authenticated
    carries DeviceIdentity
}

// ---- Scenarios -----------------------------------------------------------------------------------

scenario UnlockAtTheDoor "Owner or guest unlocks over Bluetooth at the door" {
    description "Works offline: the lock verifies the e-key's signature and validity window itself."
    flows OwnerTapsUnlock, GuestTapsUnlock, AppBleUnlock, KeyUse, DeviceEvents, EventsToIngest, IngestWrite
}
scenario RemoteUnlock "Owner unlocks remotely for a courier" {
    flows OwnerTapsUnlock, AppSignIn, AppRemoteCommand, DeviceApiGrants, DeviceApiRegistry, CommandPublish, BrokerToDevice, KeyUse, DeviceEvents, PushNotify
}
scenario ShareEKey "Owner shares a time-limited e-key with a guest" {
    flows OwnerTapsUnlock, AppSignIn, AccountsDbAccess
}
scenario ViewHistory "Owner looks at who came and went" {
    flows OwnerTapsUnlock, AppRemoteCommand, DeviceApiGrants, HistoryRead
}
scenario FirmwareUpdate "A firmware release rolls out over the air" {
    description "Staged: 1% of locks, then 10%, then all, each wave gated on crash and battery metrics."
    flows ReleasePublish, OtaStoreImage, OtaJobAnnounce, BrokerToDevice, FirmwareDownload, DeviceEvents
}
scenario FactoryProvisioning "A new lock gets its identity at end of line" {
    flows FactoryInject, FactoryRegister
}

// =================================================================================================
// Threats and mitigations, by element
// =================================================================================================

// ---- Lock firmware and secure element ------------------------------------------------------------

threat DeviceCloning "Lock identity cloned to impersonate the lock to the cloud" {
    stride Spoofing
    targets LockFirmware
    assets DeviceIdentity, LockHistory
    description "If the device key could be read from flash, a clone could connect as that lock, report it locked while it is open, and receive its commands."
    impact "Owner sees false state; commands for the real lock go to the clone."
    dread { damage 7 reproducibility 2 exploitability 2 affectedUsers 1 discoverability 3 }
    response fix
    mitigatedBy SecureElementKeys
    bug "KH-210"
}

// Raised at the last review; no response or rating agreed yet (UWB distance bounding vs. requiring
// the phone to be unlocked for auto-unlock).
threat BleRelayAttack "BLE relay attack opens the door while the owner's phone is elsewhere" {
    stride Spoofing
    targets LockFirmware
    assets UnlockAuthority
    description "Two radios relay the BLE link between the lock and the owner's phone (in a pocket, auto-unlock enabled), so the lock believes the phone is at the door. Challenge-response does not help: the genuine phone answers the challenge."
    impact "Door opens without the owner's knowledge; the history shows a legitimate unlock by the owner."
    tree {
        and "Relay the owner's phone to the lock" {
            leaf "Owner has auto-unlock enabled"
            leaf "Attacker within BLE range of the owner's phone (pub, office)"
            leaf "Accomplice at the door with a relay radio"
        }
    }
}

threat MaliciousFirmware "Unsigned, altered or downgraded firmware runs on the lock" {
    stride Tampering, ElevationOfPrivilege
    targets LockFirmware, OtaService
    assets UnlockAuthority, FirmwareSigningKey
    description "Firmware that an attacker controls can open the lock at will, for one lock or the whole fleet."
    impact "Every door with the bad image can be opened; fleet-wide if it comes through OTA."
    tree {
        or "Get attacker firmware running" {
            leaf "Push an image through a compromised OTA pipeline"
            leaf "Swap the image in the repository or in transit"
            leaf "Roll back to an old, vulnerable but genuinely signed version"
            leaf "Flash over the debug port (SWD) after removing the inner cover"
        }
    }
    dread { damage 10 reproducibility 3 exploitability 3 affectedUsers 10 discoverability 4 }
    response fix
    mitigatedBy SignedFirmware, DebugPortLocked
    bug "KH-101"
}

threat PhysicalKeyExtraction "Keys dumped or checks skipped by attacking the lock's hardware" {
    stride Tampering, InformationDisclosure
    targets LockFirmware, SecureElement, KeyUse
    assets DeviceIdentity
    description "With the outside cover removed, voltage glitching on the MCU or probing the I2C bus to the secure element, to bypass the e-key check or read key material."
    impact "One lock opened or cloned; needs minutes of undisturbed access at the door."
    dread { damage 7 reproducibility 3 exploitability 2 affectedUsers 1 discoverability 4 }
    response fix
    mitigatedBy SecureElementKeys, SePairedSession
    bug "KH-133"
}

threat BleParserOverflow "Memory corruption in the BLE stack gives code execution on the lock" {
    stride ElevationOfPrivilege
    targets LockFirmware
    assets UnlockAuthority
    description "Malformed GATT writes or L2CAP packets (SweynTooth-class bugs) before authentication."
    impact "Any lock in radio range opened by anyone with a laptop and a dongle."
    dread { damage 10 reproducibility 5 exploitability 4 affectedUsers 10 discoverability 4 }
    response fix
    mitigatedBy BleFuzzing
    bug "KH-145"
}

threat DisputedUnlock "Owner or guest denies having opened the door or shared access" {
    stride Repudiation
    targets Homeowner, GuestUser, MobileApp, DeviceApi, AccountService, LockFirmware
    assets LockHistory, EKeys
    description "After a theft a guest says they never came, or an owner says they never shared an e-key; the insurer asks us who opened the door."
    impact "No trustworthy answer to who entered a home and when."
    dread { damage 5 reproducibility 5 exploitability 6 affectedUsers 2 discoverability 7 }
    response fix
    mitigatedBy SignedLockEvents
    bug "KH-160"
}

// Ratings for affected users and discoverability still to be agreed with the hardware team.
threat BatteryDrain "BLE connection flooding drains the lock's batteries" {
    stride DenialOfService
    targets LockFirmware
    description "Repeated connection attempts keep the radio and MCU awake; batteries rated for 12 months die in days."
    impact "Electronic access stops; people fall back to the mechanical key."
    dread { damage 4 reproducibility 8 exploitability 7 }
    response fix
    mitigatedBy BleConnectionThrottle
    bug "KH-171"
}

mitigation SecureElementKeys "Device keys generated inside the secure element and never exportable" {
    technique "Protecting secrets"
    status verified
    implementedIn "firmware/drivers/se/se_identity.c"
    verifiedBy "docs/security/pentest-2024-hardware.md"
}

mitigation SePairedSession "Encrypted, authenticated MCU-to-secure-element session keyed at provisioning" {
    technique "Encryption"
    status implemented
    implementedIn "firmware/drivers/se/se_session.c"
    verifiedBy "firmware/tests/se/test_session_binding.c"
}

mitigation SignedFirmware "Secure boot verifies ECDSA P-256 signatures; anti-rollback counter in OTP" {
    description "The bootloader refuses images not signed by the release key or with a security version below the OTP counter; the OTA service checks the same signature before publishing."
    technique "Digital signatures"
    status verified
    implementedIn "firmware/bootloader/verify_image.c"
    verifiedBy "firmware/tests/boot/test_reject_unsigned_and_rollback.c"
}

mitigation DebugPortLocked "SWD debug access disabled by APPROTECT at end of line" {
    technique "Tamper-resistant and privacy technologies"
    status implemented
    implementedIn "factory/station/steps/lock_debug_port.py"
    verifiedBy "factory/station/tests/test_debug_locked.py"
}

mitigation BleFuzzing "Continuous fuzzing of the GATT and L2CAP handlers; MPU guard regions on stacks" {
    technique "Filtering"
    status implemented
    implementedIn "firmware/tests/fuzz/gatt_fuzzer.c"
    verifiedBy "ci/fuzz-nightly.yml"
}

mitigation SignedLockEvents "Lock events signed by the device key, with e-key id and monotonic counter; API calls logged with the caller" {
    technique "Auditing"
    status implemented
    implementedIn "firmware/app/events/sign_event.c"
    verifiedBy "services/device-api/test/history_verify_test.go"
}

mitigation BleConnectionThrottle "Exponential back-off on failed BLE connections; low-battery alerts to the owner" {
    technique "Throttling"
    status planned
    implementedIn "firmware/app/ble/conn_throttle.c"
}

// ---- Mobile app ----------------------------------------------------------------------------------

threat StolenPhoneUnlock "Someone holding the owner's unlocked phone opens the door" {
    stride Spoofing
    targets MobileApp
    assets UnlockAuthority
    description "A phone left unlocked on a table, or taken together with its passcode."
    impact "Door opened as the owner."
    dread { damage 7 reproducibility 4 exploitability 8 affectedUsers 1 discoverability 9 }
    response fix
    mitigatedBy BiometricUnlockGate
    bug "KH-180"
}

threat LegacyAppPin "App PIN check patched out with Frida on a rooted phone" {
    stride Tampering, ElevationOfPrivilege
    targets MobileApp
    assets EKeys
    description "App 2.x protected the unlock button with an app-level PIN checked in app code, which instrumentation removes trivially."
    impact "Anyone with the phone unlocks without the PIN."
    dread { damage 6 reproducibility 6 exploitability 5 affectedUsers 1 discoverability 6 }
    response remove
    justification "The app PIN was removed in app 3.0. Unlocking now uses a Keystore/Secure Enclave key that the OS releases only after biometric authentication, so there is no check in app code left to patch."
}

threat TokenInBackup "Refresh token and e-keys extracted from phone backups" {
    stride InformationDisclosure
    targets MobileApp
    assets OwnerCredentials, EKeys
    description "Tokens in shared preferences or plain files end up in cloud or desktop backups and in logcat."
    impact "Long-lived access to the account and the door from a stolen backup."
    dread { damage 7 reproducibility 4 exploitability 4 affectedUsers 3 discoverability 4 }
    response fix
    mitigatedBy HardwareKeyStorage
    bug "KH-182"
}

threat ClientImpersonation "Scripts call the cloud API pretending to be the mobile app" {
    stride Spoofing
    targets MobileApp
    description "The API is public; a script with a user's own token can do whatever the app does."
    impact "Automation by users; bots trying stolen tokens."
    dread { damage 2 reproducibility 10 exploitability 8 affectedUsers 1 discoverability 10 }
    response accept
    justification "Authorisation is per user and per grant, not per app: a script gains nothing the user could not do in the app. App attestation would only slow bots, which rate limits already handle."
}

mitigation BiometricUnlockGate "Unlock requires a biometric prompt bound to a hardware-backed key" {
    technique "Authentication"
    status verified
    implementedIn "app/shared/src/unlock/BiometricGate.kt"
    verifiedBy "app/shared/test/unlock/BiometricGateTest.kt"
}

mitigation HardwareKeyStorage "Tokens and e-keys in Keychain/Keystore (this device only, excluded from backups); log redaction" {
    technique "Protecting secrets"
    status implemented
    implementedIn "app/shared/src/storage/SecureStore.kt"
    verifiedBy "app/shared/test/storage/SecureStoreTest.kt"
}

// ---- MQTT broker ---------------------------------------------------------------------------------

threat FakeBroker "Lock connects to an attacker's broker" {
    stride Spoofing
    targets MqttBroker
    assets UnlockAuthority
    description "DNS spoofing on the home network points the lock at a broker the attacker runs, which then sends it commands."
    impact "Attacker commands the lock."
    dread { damage 9 reproducibility 3 exploitability 3 affectedUsers 1 discoverability 5 }
    response fix
    mitigatedBy DeviceMtls, SignedCommands
    bug "KH-120"
}

threat TopicAclBypass "Device reads or publishes outside its own topics" {
    stride Tampering, InformationDisclosure, ElevationOfPrivilege
    targets MqttBroker
    assets UnlockAuthority, LockHistory
    description "A compromised or research lock subscribes to '#' or publishes on another lock's command topic if the policy does not pin topics to the connected thing."
    impact "Commands and events of every lock readable; unlock commands sent to others."
    dread { damage 10 reproducibility 8 exploitability 5 affectedUsers 10 discoverability 5 }
    response fix
    mitigatedBy PerThingTopicPolicy
    bug "KH-121"
}

threat ReconnectStorm "Reconnect storm after a broker or DNS outage" {
    stride DenialOfService
    targets MqttBroker
    description "Hundreds of thousands of locks reconnect at the same second and exceed connection-rate quotas, so most are rejected and retry together."
    impact "Remote access down for an hour after any outage."
    dread { damage 4 reproducibility 5 exploitability 1 affectedUsers 10 discoverability 6 }
    response fix
    mitigatedBy JitteredBackoff
    bug "KH-125"
}

mitigation DeviceMtls "Mutual TLS with the device certificate; broker CA pinned in firmware" {
    technique "Authentication"
    status verified
    implementedIn "firmware/app/net/mqtt_tls.c"
    verifiedBy "firmware/tests/net/test_rejects_unpinned_ca.c"
}

mitigation PerThingTopicPolicy "Broker policy pins every topic to the certificate's thing name" {
    technique "Authorization"
    status verified
    implementedIn "infra/terraform/iot/policies.tf"
    verifiedBy "test/integration/topic_policy_test.go"
}

mitigation JitteredBackoff "Exponential back-off with full jitter in the firmware's MQTT client" {
    technique "Quality of service"
    status implemented
    implementedIn "firmware/app/net/mqtt_reconnect.c"
    verifiedBy "test/load/reconnect_storm.k6.js"
}

mitigation SignedCommands "Commands signed by the Device API, with nonce and 30 s expiry, verified by the lock" {
    technique "Digital signatures"
    status verified
    implementedIn "services/device-api/internal/commands/sign.go"
    verifiedBy "firmware/tests/app/test_command_verify.c"
}

// ---- Device API ----------------------------------------------------------------------------------

threat ForgedAccessToken "Forged or replayed access token accepted by the Device API" {
    stride Spoofing
    targets DeviceApi
    assets UnlockAuthority
    description "JWT validation that accepts alg=none, skips the audience check or trusts an attacker-supplied jku header."
    impact "Any lock unlocked as any user."
    dread { damage 10 reproducibility 8 exploitability 5 affectedUsers 10 discoverability 5 }
    response fix
    mitigatedBy StrictTokenValidation
    bug "KH-130"
}

threat ShadowTampering "Desired state in the device shadow altered to 'unlocked'" {
    stride Tampering
    targets DeviceApi, DeviceRegistry
    assets UnlockAuthority
    description "The API merges client JSON into the desired shadow state, so a request can set fields the UI never sends, such as autoRelockSeconds: 0."
    impact "Door left unlocked, or auto-relock disabled, without the owner noticing."
    dread { damage 8 reproducibility 7 exploitability 5 affectedUsers 3 discoverability 4 }
    response fix
    mitigatedBy StrictShadowSchema
    bug "KH-131"
}

threat BrokenLockAuthz "Commands or history for a lock the caller has no grant on" {
    stride InformationDisclosure, ElevationOfPrivilege
    targets DeviceApi
    assets UnlockAuthority, LockHistory
    description "Broken object-level authorisation: POST /locks/{serial}/unlock checks that the token is valid but not that it grants this lock, or an expired e-key still passes."
    impact "Any lock opened, any home's comings and goings read."
    tree {
        or "Act on someone else's lock" {
            leaf "Guess or read a lock serial (printed on the box, on the lock's BLE advertisement)"
            leaf "Keep using an e-key after its validity window"
        }
    }
    dread { damage 10 reproducibility 9 exploitability 7 affectedUsers 10 discoverability 6 }
    response fix
    mitigatedBy GrantCheckEveryCall
    bug "KH-132"
}

threat DeviceApiFlood "Request flood against the Device API" {
    stride DenialOfService
    targets DeviceApi
    description "Bots hammering unlock and history endpoints."
    impact "Remote access slow or unavailable; BLE at the door keeps working."
    dread { damage 4 reproducibility 8 exploitability 7 affectedUsers 8 discoverability 8 }
    response fix
    mitigatedBy ApiRateLimits
    bug "KH-135"
}

mitigation StrictTokenValidation "Tokens validated with pinned algorithm, issuer, audience, expiry and local JWKS only" {
    technique "Authentication"
    status verified
    implementedIn "services/device-api/internal/auth/jwt.go"
    verifiedBy "services/device-api/internal/auth/jwt_test.go"
}

mitigation StrictShadowSchema "Shadow updates built server-side from an allow-listed command type" {
    technique "Filtering"
    status implemented
    implementedIn "services/device-api/internal/shadow/update.go"
    verifiedBy "services/device-api/internal/shadow/update_test.go"
}

mitigation GrantCheckEveryCall "Every lock-scoped call checks a live grant (owner or e-key in its window) with the account service" {
    technique "Authorization"
    status verified
    implementedIn "services/device-api/internal/authz/grant.go"
    verifiedBy "services/device-api/internal/authz/grant_test.go"
}

mitigation ApiRateLimits "Gateway rate limits per user, per lock and per IP" {
    technique "Throttling"
    status implemented
    implementedIn "infra/terraform/api-gateway/usage-plans.tf"
    verifiedBy "test/load/device_api_abuse.k6.js"
}

// ---- Account and e-key service -------------------------------------------------------------------

threat OwnerAccountTakeover "Owner account taken over" {
    stride Spoofing
    targets Homeowner, AccountService
    assets OwnerCredentials, UnlockAuthority
    description "Credential stuffing, phishing of the password, or SIM swap against SMS-based recovery."
    impact "Attacker creates an e-key for themselves and opens the door; sees when the owner is away."
    tree {
        or "Sign in as the owner" {
            leaf "Reused password from another breach"
            leaf "Phished password and one-time code"
            leaf "SIM swap to receive the SMS recovery code"
        }
    }
    dread { damage 9 reproducibility 6 exploitability 6 affectedUsers 4 discoverability 8 }
    response fix
    mitigatedBy AccountMfa
    bug "KH-140"
}

threat EKeyForwarding "Guest's e-key used by someone else" {
    stride Spoofing
    targets GuestUser
    assets EKeys, UnlockAuthority
    description "The guest forwards the invitation link, or copies the e-key to another phone."
    impact "A stranger holds a working key to the home."
    dread { damage 7 reproducibility 5 exploitability 6 affectedUsers 1 discoverability 7 }
    response fix
    mitigatedBy DeviceBoundEKeys
    bug "KH-141"
}

threat EKeyGrantTampering "Guest extends their own e-key's validity" {
    stride Tampering
    targets AccountService, UserAccountsDb
    assets EKeys
    description "Validity window taken from the client when the e-key is refreshed, or the grant row updated through an over-permissive endpoint."
    impact "Guest keeps access after the owner intended it to end."
    dread { damage 6 reproducibility 7 exploitability 5 affectedUsers 2 discoverability 4 }
    response fix
    mitigatedBy DeviceBoundEKeys
    bug "KH-142"
}

threat AccountEnumeration "Sign-up reveals whether an e-mail address has a Keyhaven account" {
    stride InformationDisclosure
    targets AccountService
    assets OwnerProfile
    description "Sign-up must say that an address is taken; password reset already answers generically."
    impact "Attacker learns that a person owns a smart lock."
    dread { damage 2 reproducibility 10 exploitability 9 affectedUsers 3 discoverability 8 }
    response accept
    justification "Knowing that an address is registered gives no access to the account or the home; sign-up is rate limited per IP, which stops bulk checks."
}

threat LoginLockoutAbuse "Attacker locks owners out of their accounts with failed sign-ins" {
    stride DenialOfService
    targets AccountService
    description "A hard lockout after N failures lets anyone disable remote access for a known e-mail address."
    impact "Owner cannot unlock remotely or manage e-keys."
    dread { damage 4 reproducibility 9 exploitability 8 affectedUsers 3 discoverability 7 }
    response fix
    mitigatedBy AccountMfa
    bug "KH-143"
}

threat GuestToOwner "Guest escalates to owner of the lock" {
    stride ElevationOfPrivilege
    targets AccountService
    assets UnlockAuthority
    description "The accept-invitation endpoint takes a role parameter, or an owner invitation can be replayed by a guest of the same lock."
    impact "Guest can create e-keys and remove the real owner."
    dread { damage 9 reproducibility 8 exploitability 5 affectedUsers 2 discoverability 4 }
    response fix
    mitigatedBy RoleFromServerState
    bug "KH-144"
}

mitigation AccountMfa "Passkeys or TOTP for owners; no SMS recovery; progressive delays instead of hard lockout" {
    technique "Authentication"
    status verified
    implementedIn "services/accounts/src/main/kotlin/auth/SignIn.kt"
    verifiedBy "services/accounts/src/test/kotlin/auth/SignInTest.kt"
}

mitigation DeviceBoundEKeys "E-keys signed by the account service, bound to the guest's device key, validity set server-side" {
    technique "Digital signatures"
    status verified
    implementedIn "services/accounts/src/main/kotlin/ekeys/EKeyIssuer.kt"
    verifiedBy "services/accounts/src/test/kotlin/ekeys/EKeyIssuerTest.kt"
}

mitigation RoleFromServerState "Roles come from the stored invitation only; invitations are single-use" {
    technique "Authorization"
    status implemented
    implementedIn "services/accounts/src/main/kotlin/ekeys/Invitations.kt"
    verifiedBy "services/accounts/src/test/kotlin/ekeys/InvitationsTest.kt"
}

// ---- Telemetry ingestion and the history store ---------------------------------------------------

threat SpoofedTelemetry "Forged lock events injected into another lock's history" {
    stride Spoofing
    targets TelemetryIngest
    assets LockHistory
    description "If ingestion trusts the serial in the payload instead of the authenticated connection, one lock can write events for any other."
    impact "False history: unlocks hidden or invented."
    dread { damage 6 reproducibility 7 exploitability 4 affectedUsers 6 discoverability 3 }
    response fix
    mitigatedBy PerThingTopicPolicy, SignedLockEvents
    bug "KH-150"
}

threat EventPayloadInjection "Malformed event payload exploits the ingestion function" {
    stride Tampering, ElevationOfPrivilege
    targets TelemetryIngest
    description "Oversized or nested JSON from a compromised lock triggers a parser bug or a query injection in the write path."
    impact "Code execution with the function's role: write access to every lock's history."
    dread { damage 6 reproducibility 4 exploitability 3 affectedUsers 8 discoverability 3 }
    response fix
    mitigatedBy EventSchemaValidation
    bug "KH-151"
}

threat TelemetryFlood "Compromised locks flood the ingestion path" {
    stride DenialOfService
    targets TelemetryIngest, TelemetryStore
    description "A few thousand locks with bad firmware publish events in a tight loop."
    impact "History delayed for everyone, storage cost spikes."
    dread { damage 3 reproducibility 4 exploitability 3 affectedUsers 8 discoverability 4 }
    response fix
    mitigatedBy PerDeviceQuotas
    bug "KH-152"
}

threat HistoryTampering "Lock history edited to hide an entry" {
    stride Tampering
    targets TelemetryStore
    assets LockHistory
    description "An insider or a compromised service role deletes the unlock that preceded a burglary."
    impact "Evidence lost; customers stop trusting the history."
    dread { damage 6 reproducibility 3 exploitability 3 affectedUsers 2 discoverability 3 }
    response fix
    mitigatedBy SignedLockEvents, HistoryWriteOnce
    bug "KH-153"
}

threat CloudDataOverreach "Over-broad cloud roles read registry, accounts or history" {
    stride InformationDisclosure
    targets DeviceRegistry, UserAccountsDb, TelemetryStore
    assets OwnerProfile, LockHistory
    description "Wildcard IAM policies let any service (or an engineer's debugging role) read every table."
    impact "Addresses combined with absence patterns: a burglar's shopping list."
    dread { damage 9 reproducibility 3 exploitability 3 affectedUsers 10 discoverability 3 }
    response fix
    mitigatedBy LeastPrivilegeRoles
    bug "KH-154"
}

mitigation EventSchemaValidation "Strict JSON schema and size limit on events; parameterised writes" {
    technique "Filtering"
    status implemented
    implementedIn "services/ingest/src/validate.ts"
    verifiedBy "services/ingest/test/validate.test.ts"
}

mitigation PerDeviceQuotas "Broker throttles each client; ingestion drops events over 60 per device per minute" {
    technique "Throttling"
    status implemented
    implementedIn "infra/terraform/iot/throttling.tf"
    verifiedBy "test/load/telemetry_flood.k6.js"
}

mitigation HistoryWriteOnce "History table writable only by ingestion, with no update or delete permission for any role" {
    technique "Least privilege"
    status implemented
    implementedIn "infra/terraform/data/history.tf"
    verifiedBy "test/integration/history_immutable_test.go"
}

mitigation LeastPrivilegeRoles "One role per service scoped to its own tables; break-glass access only, alerted" {
    technique "Least privilege"
    status implemented
    implementedIn "infra/terraform/iam/"
    verifiedBy "test/infra/iam_access_analyzer.sh"
}

// ---- OTA update service and firmware repository --------------------------------------------------

threat StolenReleaseCredentials "Stolen release credentials publish a release nobody can attribute" {
    stride Spoofing, Repudiation
    targets ReleaseEngineer, OtaService
    assets FirmwareSigningKey
    description "A phished engineer's SSO session or a CI token used to submit a release; without attribution it is unclear who shipped it."
    impact "A malicious or untested release reaches the fleet."
    dread { damage 9 reproducibility 3 exploitability 3 affectedUsers 10 discoverability 3 }
    response fix
    mitigatedBy TwoPersonRelease
    bug "KH-110"
}

threat SigningKeyExposure "Firmware signing key exfiltrated" {
    stride InformationDisclosure
    targets OtaService
    assets FirmwareSigningKey
    description "A key file on a build agent, or an HSM partition password in CI variables."
    impact "Attacker signs firmware every lock accepts."
    dread { damage 10 reproducibility 2 exploitability 2 affectedUsers 10 discoverability 2 }
    response fix
    mitigatedBy HsmSigning
    bug "KH-111"
}

threat FleetBricking "A faulty update bricks locks across the fleet" {
    stride DenialOfService
    targets OtaService, LockFirmware
    description "An image that boots but crashes in the radio stack or drains the battery, pushed to every lock at once."
    impact "Electronic access lost for many homes until a site visit."
    dread { damage 7 reproducibility 2 exploitability 1 affectedUsers 10 discoverability 5 }
    // Open: rollout gating is done; the tracking ticket was never raised.
    response fix
    mitigatedBy StagedRollout
}

threat ImageSwap "Firmware image replaced in the repository or during download" {
    stride Tampering
    targets FirmwareRepository, FirmwareDownload, ReleasePublish, OtaStoreImage
    description "An image swapped between CI and the OTA service, write access to the bucket, a CDN misconfiguration, or interception of a download."
    impact "None if signatures hold: the lock rejects the image. Listed to keep that dependency on SignedFirmware visible."
    dread { damage 2 reproducibility 3 exploitability 3 affectedUsers 5 discoverability 3 }
    response fix
    mitigatedBy SignedFirmware
    bug "KH-112"
}

mitigation TwoPersonRelease "Releases need a second approver; both identities are recorded in the signed release manifest" {
    technique "Auditing"
    status verified
    implementedIn "release/pipeline/approve.py"
    verifiedBy "release/tests/test_two_person_rule.py"
}

mitigation HsmSigning "Signing key generated in and never leaving a cloud HSM; signing only from the release account" {
    technique "Protecting secrets"
    status verified
    implementedIn "release/pipeline/sign.py"
    verifiedBy "docs/security/key-ceremony-2024.md"
}

mitigation StagedRollout "Rollout in waves of 1%, 10%, 100% gated on crash and battery metrics; A/B slots with automatic rollback" {
    technique "Quality of service"
    status implemented
    implementedIn "services/ota/src/rollout.py"
    verifiedBy "services/ota/tests/test_rollout_gates.py"
}

// ---- Provisioning station (partly analysed) ------------------------------------------------------

threat RogueProvisioning "Unauthorised station registers counterfeit locks" {
    stride Spoofing
    targets ProvisioningService
    assets DeviceIdentity
    description "A copied station image registers grey-market devices with valid certificates."
    impact "Counterfeit locks in our cloud with real identities."
    dread { damage 5 reproducibility 3 exploitability 3 affectedUsers 3 discoverability 3 }
    response fix
    mitigatedBy StationIdentity
    bug "KH-190"
}

threat FactoryKeyCompromise "Device identity compromised at the factory" {
    stride Tampering, InformationDisclosure
    targets ProvisioningService, FactoryInject, FactoryRegister
    assets DeviceIdentity
    description "A compromised station injects attacker-known keys, copies keys on their way to the secure element, or registers certificates for keys it controls."
    impact "Locks whose identity the attacker holds from day one."
    dread { damage 8 reproducibility 2 exploitability 2 affectedUsers 7 discoverability 2 }
    response fix
    mitigatedBy SecureElementKeys, StationIdentity
    bug "KH-191"
}

threat StationOverreach "Station credentials used to change already registered locks" {
    stride ElevationOfPrivilege
    targets ProvisioningService
    assets DeviceIdentity
    description "If the station's registry role can update any thing, it can re-point existing locks to new certificates."
    impact "Hijack of deployed locks from the factory network."
    dread { damage 9 reproducibility 2 exploitability 3 affectedUsers 8 discoverability 2 }
    response fix
    mitigatedBy StationIdentity
    bug "KH-192"
}

mitigation StationIdentity "Station authenticates with an HSM-held certificate; registry role may only create serials from the production plan" {
    technique "Least privilege"
    status implemented
    implementedIn "factory/station/register.py"
    verifiedBy "factory/station/tests/test_register_scope.py"
}

// ---- Flows ---------------------------------------------------------------------------------------

threat AppLinkInterception "Traffic between the app and the cloud intercepted" {
    stride Tampering, InformationDisclosure
    targets AppSignIn, AppRemoteCommand
    assets OwnerCredentials, LockHistory
    description "A user-installed root CA (corporate MDM, 'free VPN' apps) or a hostile hotspot proxies the app's HTTPS."
    impact "Tokens and history read; requests altered."
    dread { damage 7 reproducibility 4 exploitability 4 affectedUsers 2 discoverability 5 }
    response fix
    mitigatedBy CertificatePinning
    bug "KH-185"
}

threat BleSniffReplay "BLE unlock exchange sniffed and replayed" {
    stride Tampering, InformationDisclosure
    targets AppBleUnlock
    assets EKeys, UnlockAuthority
    description "A static token sent over BLE can be captured with a cheap sniffer and replayed later."
    impact "Door opened by replaying yesterday's unlock."
    dread { damage 9 reproducibility 6 exploitability 5 affectedUsers 1 discoverability 6 }
    response fix
    mitigatedBy BleChallengeResponse
    bug "KH-186"
}

threat BleJamming "Bluetooth jamming at the door" {
    stride DenialOfService
    targets AppBleUnlock
    description "A 2.4 GHz jammer stops the phone from reaching the lock."
    impact "Owner has to use the keypad or the key."
    dread { damage 2 reproducibility 9 exploitability 6 affectedUsers 1 discoverability 8 }
    response accept
    justification "Jamming needs presence at the door, cannot open the lock, and the keypad and mechanical key still work."
}

threat CommandReplay "Captured unlock command replayed to the lock" {
    stride Tampering
    targets CommandPublish, BrokerToDevice, LockFirmware
    assets UnlockAuthority
    description "Someone with access to the broker's traffic or logs (insider, compromised rule action) re-sends an earlier unlock command."
    impact "Door opened without the owner asking."
    dread { damage 9 reproducibility 4 exploitability 3 affectedUsers 3 discoverability 3 }
    response fix
    mitigatedBy SignedCommands
    bug "KH-122"
}

threat MqttLinkInterception "MQTT traffic read or altered in transit" {
    stride Tampering, InformationDisclosure
    targets CommandPublish, BrokerToDevice, DeviceEvents, EventsToIngest, OtaJobAnnounce
    assets UnlockAuthority, LockHistory
    description "Interception on the home network or a misconfigured TLS client that accepts any certificate."
    impact "Lock state and history read; commands and update jobs altered."
    dread { damage 8 reproducibility 3 exploitability 3 affectedUsers 5 discoverability 4 }
    response fix
    mitigatedBy DeviceMtls
    bug "KH-123"
}

threat CloudInternalSniffing "Internal cloud traffic read or altered" {
    stride Tampering, InformationDisclosure
    targets IngestWrite, HistoryRead, DeviceApiRegistry, DeviceApiGrants, AccountsDbAccess
    assets LockHistory, OwnerCredentials, EKeys
    description "Plaintext calls to managed endpoints or between services, visible to a compromised workload in the VPC."
    impact "History, grants and credentials read or altered."
    dread { damage 7 reproducibility 2 exploitability 2 affectedUsers 8 discoverability 2 }
    response fix
    mitigatedBy CloudTlsEverywhere
    bug "KH-155"
}

threat LockScreenLeak "Lock-screen notifications reveal when nobody is home" {
    stride InformationDisclosure
    targets PushNotify
    assets LockHistory
    description "'Front door locked by Anna, 08:02' on a lock screen, readable by anyone near the phone, and passing through Apple's and Google's push services."
    impact "Others learn the household's routine."
    dread { damage 3 reproducibility 8 exploitability 9 affectedUsers 5 discoverability 9 }
    response warn
    warning "Lock activity notifications can appear on your lock screen. If others can see your phone, turn off 'Show details on lock screen' for Keyhaven in your phone's notification settings."
}

mitigation CertificatePinning "Public-key pinning of our API's CA with a backup pin" {
    technique "Authentication"
    status implemented
    implementedIn "app/shared/src/net/Pinning.kt"
    verifiedBy "app/shared/test/net/PinningTest.kt"
}

mitigation BleChallengeResponse "ECDH session per connection; the lock's nonce is signed with the device-bound e-key" {
    technique "Message authentication codes"
    status verified
    implementedIn "firmware/app/ble/unlock_protocol.c"
    verifiedBy "firmware/tests/ble/test_replay_rejected.c"
}

mitigation CloudTlsEverywhere "TLS to every managed endpoint through VPC endpoints; mTLS between services" {
    technique "Encryption"
    status implemented
    implementedIn "infra/terraform/network/vpc-endpoints.tf"
    verifiedBy "test/infra/plaintext_scan.sh"
}

// =================================================================================================
// Excludes: categories that were considered and do not matter here
// =================================================================================================

exclude Spoofing on PushService "We only send to APNs/FCM over TLS with provider tokens; the push services never call us."
exclude Repudiation on PushService "Notifications are best-effort hints; the signed history in the app is the record."

exclude Repudiation on MqttBroker "Relays only: commands are attributed at the Device API and events are signed by the lock."
exclude Repudiation on TelemetryIngest "Passes signed events through unchanged; the lock's signature, not the ingestion, attests them."
exclude InformationDisclosure on TelemetryIngest "Stateless function holding each event for milliseconds; it has no credentials beyond writing the history table."
exclude DenialOfService on MobileApp "The app runs on the user's phone; if it is unavailable, the keypad and the mechanical key still open the door."

exclude DenialOfService on SecureElement, KeyUse "Reachable only inside the lock's enclosure; whoever gets that far can simply break the lock, which the mechanical design covers."
exclude DenialOfService on DeviceRegistry "Managed and multi-AZ; if unavailable, remote commands fail but BLE e-keys and the keypad keep working offline."
exclude DenialOfService on UserAccountsDb "Managed and multi-AZ; during an outage e-keys already on phones keep working over BLE."
exclude InformationDisclosure on FirmwareRepository, FirmwareDownload, ReleasePublish, OtaStoreImage "Firmware images are not secret (anyone can dump a lock's flash); the release pipeline's secret scan keeps credentials out of them."
exclude DenialOfService on FirmwareRepository, FirmwareDownload "Served through a CDN; locks retry downloads for days and keep running the current image meanwhile."
exclude DenialOfService on ReleasePublish "A delayed release only postpones an update; the fleet keeps running the current image."

// The people-to-app flows are touches on the user's own phone, not network traffic.
exclude Tampering on OwnerTapsUnlock, GuestTapsUnlock "Input on the phone's own touch screen: nothing sits between the person and the app."
exclude InformationDisclosure on OwnerTapsUnlock, GuestTapsUnlock "Nothing is transmitted; shoulder-surfing of an unlocked phone is covered by StolenPhoneUnlock."
exclude DenialOfService on OwnerTapsUnlock, GuestTapsUnlock "Not a network flow; there is nothing to flood."

exclude DenialOfService on AppSignIn, AppRemoteCommand "The user's network is outside our control; unlocking over BLE at the door does not need it."
exclude DenialOfService on BrokerToDevice, DeviceEvents "Depends on the customer's Wi-Fi; when it is down, remote access fails and the lock keeps working locally."
exclude Tampering on PushNotify "A notification is only a hint; tapping it opens the app, which fetches state from the Device API."
exclude DenialOfService on PushNotify "Push delivery is best effort by design; the history in the app is authoritative."
exclude DenialOfService on FactoryInject, FactoryRegister "Done once per lock on the line; a failure stops that unit, which is re-provisioned or scrapped."

// Inside the cloud account a flow can only be starved by the elements at its ends.
exclude DenialOfService on CommandPublish, EventsToIngest, IngestWrite, HistoryRead, DeviceApiRegistry, DeviceApiGrants, AccountsDbAccess, OtaStoreImage, OtaJobAnnounce "Internal flow: it can only be starved by the process or store at one of its ends, and those carry the denial-of-service analysis."
