// The Function App on the Flex Consumption plan (Linux, .NET 10 isolated worker), its app settings
// (every setting Soliday reads; tests/Soliday.Infrastructure.Tests checks them against the code), and
// optionally App Service Authentication (see enableEasyAuth: not enforced on Flex Consumption today).

param name string
param planName string
param location string
param tags object = {}

@description('Resource id and client id of the user-assigned identity the app runs as.')
param identityId string
param identityClientId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string

@description('The blob container the platform deploys the app package from.')
param deploymentContainer string

param applicationInsightsConnectionString string

@description('The vault and the names of the secrets the app settings refer to.')
param keyVaultName string
param signingKeySecretName string
param webhookSecretName string
param blueskyAppPasswordSecretName string

@description('The public site: the storage account\'s static website endpoint.')
param siteUrl string

@description('Site:ReportUrl, where "Report a problem" on an entry page leads (a form or a mailto: address); empty: Soliday\'s own report form (/api/report/{id}).')
param reportUrl string

@description('Site:ContactEmail, an address the public can write to, shown on the about page; empty for none.')
param contactEmail string

@description('Site:Language, the language the site and the form speak (a file in functions/Soliday/Words).')
param siteLanguage string

@description('The Communication Service\'s endpoint: email goes through its Email API with the app\'s identity.')
param emailEndpoint string

@description('The address mail comes from: DoNotReply at the Azure-managed email domain.')
param emailSenderAddress string

@description('Where curators\' reminders and digests go; empty for none.')
param curatorEmails array

@description('Soliday:Day, the date of the day (yyyy-MM-dd).')
param day string

@description('Soliday:TimeZone, an IANA time zone id.')
param timeZone string

@description('Curation:Curators: [{ name, secret }], each curator\'s name and the Key Vault secret holding their own token.')
param curators array

@description('Submissions:HelperCodes: [{ name, secret }], each café volunteer\'s name and the Key Vault secret holding their own helper code.')
param helpers array = []

@description('Curation:CuratorRole, the role an Easy Auth principal needs (used only where Easy Auth is trusted).')
param curatorRole string

@description('Curation:WatchedWords, words that flag an entry for a closer look.')
param watchedWords array

@description('Tagging:Places: objects with name, latitude, longitude and radiusKm.')
param places array

@description('Hashtags:Tag, the hashtag read from Mastodon.')
param hashtag string

@description('Hashtags:Mastodon:Servers, the servers whose hashtag timeline is read.')
param mastodonServers array

@description('Hashtags:BlockedAccounts, whose posts are ignored.')
param blockedAccounts array

@description('Hashtags:Bluesky:Handle, the account Bluesky\'s search is read with; empty: Bluesky is not read.')
param blueskyHandle string

@description('Hashtags:Bluesky:Service, the account\'s PDS or entryway.')
param blueskyService string

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('One always-ready instance each for the durable and http function groups; none when false.')
param alwaysReady bool

@description('The custom domain of the form and API through Front Door; empty: the app\'s own azurewebsites.net address.')
param customApiHost string

@description('The Front Door profile\'s id when the API is behind it: the app then admits only requests Front Door forwards, and takes the resident\'s address from Front Door\'s X-Azure-ClientIP. Empty: no Front Door.')
param frontDoorId string

@description('Adds App Service Authentication with Microsoft Entra ID. Flex Consumption does not enforce it today: see docs/deploy.md, "Curator sign-in and App Service Authentication".')
param enableEasyAuth bool

@description('The Entra app registration\'s client id, when enableEasyAuth is true.')
param easyAuthClientId string

// Settings the Functions host and Soliday both read: storage through the managed identity, no keys.
var storageSettings = {
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
}

// The host and the worker send telemetry with the identity: Application Insights refuses anything else.
var telemetrySettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
}

// Soliday's own settings. Values that tune the app are written out here, equal to the code's
// defaults, so a deployment shows what it runs with; change them here and run azd provision.
var solidaySettings = {
  Soliday__Day: day
  Soliday__TimeZone: timeZone

  // Versionless Key Vault references: a new secret version is picked up (see docs/operations.md).
  Submissions__SigningKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${signingKeySecretName})'
  Submissions__RateLimitPerHour: '20'
  Submissions__AttemptLimitPerHour: '100'
  Submissions__MaxConcurrentUploads: '4'
  Submissions__UploadSlotWait: '00:00:30'
  // Empty: the worker's ASP.NET Core integration already takes the resident's address from the
  // Functions host's X-Forwarded-For into the connection; reading the header again would read what
  // the resident wrote (docs/configuration.md, Submissions:ClientAddressHeader).
  // Behind Front Door the connection comes from a Front Door edge: the resident's address is in
  // X-Azure-ClientIP, which Front Door sets, and which only Front Door can reach the app with (the
  // access restriction below), so no one can write it themselves.
  Submissions__ClientAddressHeader: empty(frontDoorId) ? '' : 'X-Azure-ClientIP'
  Submissions__FormTokenLifetime: '2.00:00:00'
  Submissions__TakedownLinkLifetime: '730.00:00:00'
  Submissions__KeptPhotoLifetime: '1.00:00:00'
  Submissions__WrongHelperCodeLimitPerHour: '20'
  Submissions__HelperSessionLifetime: '04:00:00'

  Curation__WrongTokenLimitPerHour: '10'
  Curation__DecisionTimeout: '14.00:00:00'
  Curation__ReminderAfter: '2.00:00:00'
  Curation__ChangesAfterPublication: '30.00:00:00'
  Curation__SourceCheckEvery: '06:00:00'

  // Never true on Flex Consumption: Easy Auth there does not stop anyone sending the principal
  // header themselves, so believing it would let anyone curate. Curators use the token instead.
  Curation__TrustEasyAuth: 'false'
  Curation__CuratorRole: curatorRole

  Imaging__MaxUploadBytes: '26214400'
  Imaging__MaxPixels: '50000000'
  Imaging__MaxSide: '16000'
  Imaging__RenditionWidths__0: '480'
  Imaging__RenditionWidths__1: '960'
  Imaging__RenditionWidths__2: '1600'
  Imaging__DecodeTimeout: '00:00:20'
  Imaging__MaxConcurrentPhotos: '2'
  Imaging__AllocationLimitMegabytes: '256'

  Site__PublicUrl: siteUrl
  Site__SubmitUrl: 'https://${empty(customApiHost) ? '${name}.azurewebsites.net' : customApiHost}/api/submit'
  Site__ReportUrl: reportUrl
  Site__ContactEmail: contactEmail
  Site__Language: siteLanguage

  Hashtags__Tag: hashtag
  Hashtags__WebhookSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${webhookSecretName})'
  Hashtags__PollSchedule: '0 * * * * *'
  Hashtags__PollSeconds: '60'
  Hashtags__Licence: 'LicenseRef-with-permission'
  Hashtags__MediaTimeout: '00:00:30'
  Hashtags__RequestTimeout: '00:00:20'
  Hashtags__MaxPagesPerPoll: '10'
  Hashtags__MaxPostsPerAuthorPerHour: '10'
  Hashtags__MaxPostsPerServerPerHour: '200'

  // Bluesky is read only with an account: all three set, or none (the app refuses to start with some).
  // The app password is a Key Vault reference, as the other secrets.
  Hashtags__Bluesky__Handle: blueskyHandle
  Hashtags__Bluesky__Service: empty(blueskyHandle) ? '' : blueskyService
  Hashtags__Bluesky__AppPassword: empty(blueskyHandle) ? '' : '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${blueskyAppPasswordSecretName})'

  // Only for tests against a fake server on loopback: never in Azure.
  Hashtags__AllowLoopbackMedia: 'false'

  // The Functions host's own switch: with no Mastodon server the poll timer would wake the app every
  // 15 seconds to do nothing (about 5,760 billed runs a day), so it is off. The local host applies
  // the same rule (functions/Soliday.Local/Hosting/LocalHostSetup.cs).
  'AzureWebJobs.PollMastodon.Disabled': empty(mastodonServers) ? 'true' : 'false'
  'AzureWebJobs.PollBluesky.Disabled': empty(blueskyHandle) ? 'true' : 'false'

  // Email through Azure Communication Services' Email API, with a token for the same identity as
  // storage: no key or password (docs/deploy.md, "Email"). SMTP (Notifications__Smtp__*) is for local runs.
  Notifications__Acs__Endpoint: emailEndpoint
  Notifications__Acs__ClientId: identityClientId
  Notifications__From: emailSenderAddress
  Notifications__DigestAfter: '00:30:00'

  // The curator-reminders queue's email reader and the curators' digest timer: off with no curator
  // address, and reminders stay on the queue. The local host applies the same rule.
  'AzureWebJobs.EmailCuratorReminder.Disabled': empty(curatorEmails) ? 'true' : 'false'
  'AzureWebJobs.EmailCuratorDigest.Disabled': empty(curatorEmails) ? 'true' : 'false'
}

// Lists become one setting per item (Section__Key__0, ...), as .NET configuration reads them.
var watchedWordSettings = toObject(range(0, length(watchedWords)), i => 'Curation__WatchedWords__${i}', i => string(watchedWords[i]))
var mastodonServerSettings = toObject(range(0, length(mastodonServers)), i => 'Hashtags__Mastodon__Servers__${i}', i => string(mastodonServers[i]))
var curatorEmailSettings = toObject(range(0, length(curatorEmails)), i => 'Notifications__CuratorAddresses__${i}', i => string(curatorEmails[i]))
var blockedAccountSettings = toObject(range(0, length(blockedAccounts)), i => 'Hashtags__BlockedAccounts__${i}', i => string(blockedAccounts[i]))
// Each curator's token is a reference to their own secret: taking the curator out of the list ends
// their access and nobody else's (an unresolved reference also lets nobody in, but /api/health then reports it).
var curatorSettings = reduce(
  range(0, length(curators)),
  {},
  (settings, i) =>
    union(settings, {
      'Curation__Curators__${i}__Name': string(curators[i].name)
      'Curation__Curators__${i}__Token': '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${curators[i].secret})'
    })
)
// Each volunteer's helper code is a reference to their own secret, as a curator's token is.
var helperSettings = reduce(
  range(0, length(helpers)),
  {},
  (settings, i) =>
    union(settings, {
      'Submissions__HelperCodes__${i}__Name': string(helpers[i].name)
      'Submissions__HelperCodes__${i}__Code': '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${helpers[i].secret})'
    })
)
var placeSettings = reduce(
  range(0, length(places)),
  {},
  (settings, i) =>
    union(settings, {
      'Tagging__Places__${i}__Name': string(places[i].name)
      'Tagging__Places__${i}__Latitude': string(places[i].latitude)
      'Tagging__Places__${i}__Longitude': string(places[i].longitude)
      'Tagging__Places__${i}__RadiusKm': string(places[i].radiusKm)
    })
)

// Function groups Flex Consumption keeps warm: the durable group (orchestrators, activities,
// entities) is what Microsoft recommends always ready for Durable Functions; http serves residents.
var alwaysReadyGroups = [
  'durable'
  'http'
]

var appSettings = union(storageSettings, telemetrySettings, solidaySettings, curatorSettings, helperSettings, watchedWordSettings, placeSettings, mastodonServerSettings, blockedAccountSettings, curatorEmailSettings)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Behind Front Door: only requests from Front Door's back end carrying this profile's id.
      ipSecurityRestrictionsDefaultAction: empty(frontDoorId) ? 'Allow' : 'Deny'
      ipSecurityRestrictions: empty(frontDoorId)
        ? []
        : [
            {
              name: 'front-door-only'
              action: 'Allow'
              priority: 100
              tag: 'ServiceTag'
              ipAddress: 'AzureFrontDoor.Backend'
              headers: {
                'x-azure-fdid': [
                  frontDoorId
                ]
              }
            }
          ]
      appSettings: [
        for setting in items(appSettings): {
          name: setting.key
          value: setting.value
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainer}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReady
          ? map(alwaysReadyGroups, group => {
              name: group
              instanceCount: 1
            })
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Lets curators sign in with Entra ID where the platform enforces it. Anonymous callers stay
// allowed (residents and the public use the same app), and the app decides who is a curator.
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = if (enableEasyAuth) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: easyAuthClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${easyAuthClientId}'
          ]
        }
      }
    }
  }
}

output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
output defaultHostName string = app.properties.defaultHostName
