// Soliday in one resource group: `azd up` provisions this, then deploys functions/Soliday.Functions.
// Plain resources only (no registry modules), so it builds offline; tests build and lint it.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('The azd environment name: names the resource group and seeds every resource name.')
param environmentName string

// Regions offering the Flex Consumption plan, as listed by Microsoft's Flex Consumption azd quickstart
// (Azure-Samples/functions-quickstart-dotnet-azd, infra/main.bicep, read 2026-12-06; its canary region
// eastus2euap left out). Microsoft adds regions: check `az functionapp list-flexconsumption-locations`
// and add yours here (docs/deploy.md, "Regions").
@minLength(1)
@allowed([
  'australiaeast'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'northcentralus'
  'northeurope'
  'southcentralus'
  'southeastasia'
  'swedencentral'
  'uksouth'
  'westcentralus'
  'westeurope'
  'westus2'
])
@description('Azure region for every resource: one that offers the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@minLength(10)
@maxLength(10)
@description('The date of the day Soliday captures, yyyy-MM-dd (Soliday:Day).')
param day string

@description('IANA time zone of the day (Soliday:TimeZone).')
param timeZone string = 'Europe/London'

// The secrets. Set them in the azd environment (README, "Deploy to Azure"; docs/deploy.md,
// "Secrets"); if unset, azd generates them once and keeps them in the environment, so
// provisioning again keeps them.
// 64 letters and digits are valid base64 for 48 random bytes: a signing key as the app wants it.
@secure()
@description('Submissions:SigningKey, base64 of at least 32 random bytes: signs form tokens and take-down links.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 64
      noSpecial: true
    }
  }
})
param signingKey string

@secure()
@minLength(32) // the Functions app refuses to start with a shorter one
@description('The first curator\'s token (Curation:Curators:0:Token, Key Vault secret curation-token): their bearer token and sign-in secret, at least 32 characters.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 40
      noSpecial: true
    }
  }
})
param curatorToken string

@description('The first curator\'s name (Curation:Curators:0:Name), recorded in the audit log beside their decisions.')
param curatorName string = 'Organiser'

@description('More curators, each with a token of their own (Curation:Curators): [{ name, secret }], where secret names the Key Vault secret that holds their token (at least 32 characters), added by hand (docs/operations.md, "Curators"). Take one out and provision again to end their access.')
param curators array = []

@description('Café volunteers who help residents send (Submissions:HelperCodes): [{ name, secret }], where secret names the Key Vault secret that holds their helper code (at least 16 characters), added by hand (docs/operations.md, "Volunteers at the cafés"). Take one out and provision again to end their volunteer mode.')
param helpers array = []

@secure()
@description('Hashtags:WebhookSecret, the secret senders of POST /api/hooks/posts sign with.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
      noSpecial: true
    }
  }
})
param webhookSecret string

@description('Hashtags:Tag, the hashtag read from Mastodon, without the #.')
param hashtag string = 'soliday'

@description('Hashtags:Mastodon:Servers, https base URLs of the Mastodon servers to read; none: nothing is polled.')
param mastodonServers array = []

@description('Hashtags:BlockedAccounts, @name@server or a bare server name, whose posts are ignored.')
param blockedAccounts array = []

@description('Hashtags:Bluesky:Handle, the Bluesky account #Soliday is searched with (e.g. soliday-reader.bsky.social); empty: Bluesky is not read.')
param blueskyHandle string = ''

@secure()
@description('Hashtags:Bluesky:AppPassword, an app password of that account (never its own password), kept in Key Vault; needed with a handle.')
param blueskyAppPassword string = ''

@description('Hashtags:Bluesky:Service, the account\'s PDS or entryway that signs it in.')
param blueskyService string = 'https://bsky.social'

@description('Site:ReportUrl, where "Report a problem" on an entry page leads: a form, or a mailto: address. Empty: Soliday\'s own report form (/api/report/{id}).')
param reportUrl string = ''

@description('Site:ContactEmail, an address the public can write to, shown on the about page. Empty for none.')
param contactEmail string = ''

@description('Site:Language, the language the site and the form speak: one with a file in functions/Soliday/Words (docs/translating.md).')
param siteLanguage string = 'en-GB'

@description('Notifications:CuratorAddresses: where reminders and the digest of entries waiting too long are emailed. Empty: neither is sent (reminders stay on the curator-reminders queue).')
param curatorEmails array = []

@description('Where Azure Communication Services keeps email data at rest (its dataLocation).')
param emailDataLocation string = 'Europe'

@description('Object id of the person who runs the runbook (azd passes the signed-in user); empty for none.')
param operatorPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
@description('What operatorPrincipalId is, from AZURE_PRINCIPAL_TYPE in the azd environment: User when a person runs azd, ServicePrincipal in CI. A wrong type fails the role assignment.')
param operatorPrincipalType string = 'User'

@description('Changes the Key Vault\'s name when set (any short text, e.g. 2): after `azd down` without --purge, the old vault is kept soft-deleted for its retention days under the old name, so `azd up` again needs a new one.')
@maxLength(10)
param keyVaultGeneration string = ''

@description('Key Vault purge protection: once on, it stays on, and neither you nor `azd down --purge` can remove the vault or a secret before its retention days have passed.')
param keyVaultPurgeProtection bool = false

@description('Words that flag an entry for a closer look (Curation:WatchedWords).')
param watchedWords array = []

@description('Named places for coarse location tags (Tagging:Places): [{ name, latitude, longitude, radiusKm }].')
param places array = []

@description('The role an Easy Auth principal needs to curate (Curation:CuratorRole).')
param curatorRole string = 'curator'

@description('Adds App Service Authentication (Entra ID). Not enforced on Flex Consumption today, so the app keeps Curation:TrustEasyAuth off: see docs/deploy.md.')
param enableEasyAuth bool = false

@description('The Entra app registration\'s client id, when enableEasyAuth is true.')
param easyAuthClientId string = ''

@minValue(1)
@maxValue(1000)
@description('Most instances the app scales out to; a cap on cost as well as on load.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory per instance: 2048 MB fits two 50 MP photos decoding at once (Imaging:MaxConcurrentPhotos).')
param instanceMemoryMB int = 2048

@description('Keeps one instance always ready for the durable group (orchestrations and activities) and one for the http group (the form, the API, curation), as Microsoft recommends for Durable Functions on Flex Consumption: no cold start on the day. Costs a baseline for 2 instances of instanceMemoryMB around the clock (docs/deploy.md, "Always ready on the day"); set false (SOLIDAY_ALWAYS_READY=false, azd provision) after the day.')
param alwaysReady bool = true

@description('A custom domain for the form and API (e.g. submit.example.org), served through Azure Front Door Standard with a managed certificate; empty for none. Flex Consumption supports no App Service managed certificate. Costs Front Door\'s monthly base fee: docs/deploy.md, "Custom domains".')
param apiCustomDomain string = ''

@description('A custom domain for the public site (e.g. day.example.org), on the same Front Door; only with apiCustomDomain. Empty: the site keeps its storage address.')
param siteCustomDomain string = ''

var tags = {
  'azd-env-name': environmentName
  app: 'soliday'
}

// Globally unique, stable per subscription, environment and region.
var token = toLower(uniqueString(subscription().id, environmentName, location))

var names = {
  resourceGroup: 'rg-${environmentName}'
  storage: 'st${token}'
  identity: 'id-soliday-${token}'
  // Key Vault names are global and stay taken while a deleted vault is soft-deleted: a new
  // generation gives a new name (still 24 characters at most).
  keyVault: empty(keyVaultGeneration) ? 'kv-${token}' : 'kv-${take(toLower(uniqueString(token, keyVaultGeneration)), 13)}'
  logAnalytics: 'log-soliday-${token}'
  applicationInsights: 'appi-soliday-${token}'
  plan: 'plan-soliday-${token}'
  functionApp: 'func-soliday-${token}'
  frontDoor: 'afd-soliday-${token}'
  communication: 'acs-soliday-${token}'
  emailService: 'ecs-soliday-${token}'
}

var useFrontDoor = !empty(apiCustomDomain)
var siteUrl = useFrontDoor && !empty(siteCustomDomain) ? 'https://${siteCustomDomain}/' : storage.outputs.webEndpoint

var secretNames = {
  signingKey: 'submissions-signing-key'
  curatorToken: 'curation-token'
  webhookSecret: 'hashtags-webhook-secret'
  blueskyAppPassword: 'hashtags-bluesky-app-password'
}

// What the app writes, as named in functions/Soliday/Storage/StorageLayout.cs and
// functions/Soliday/Curation/CurationSteps.cs ($web is made by the static website; the durable
// engine makes its own queues, tables and containers).
var containers = [
  'uploads'
  'entries'
  'renditions'
  'timeline'
  'curation'
  'limits'
  'hashtags'
]
var queues = [
  'curator-reminders'
  'hashtag-posts'
  'entry-erasures'
]
var deploymentContainer = 'app-package'

// The day page (functions/Soliday/Timeline/SitePaths.cs) is the site's index, and stands in for
// "not found" until the site has a page of its own for it.
var sitePages = {
  index: 'index.html'
  notFound: 'index.html'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: names.storage
    location: location
    tags: tags
    containers: containers
    queues: queues
    deploymentContainer: deploymentContainer
    indexDocument: sitePages.index
    notFoundDocument: sitePages.notFound
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: names.keyVault
    location: location
    tags: tags
    purgeProtection: keyVaultPurgeProtection
    // The Bluesky app password only when there is one: Key Vault keeps no empty secret.
    secrets: union(
      {
        '${secretNames.signingKey}': signingKey
        '${secretNames.curatorToken}': curatorToken
        '${secretNames.webhookSecret}': webhookSecret
      },
      empty(blueskyAppPassword) ? {} : { '${secretNames.blueskyAppPassword}': blueskyAppPassword }
    )
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: resourceGroup
  params: {
    emailServiceName: names.emailService
    communicationServiceName: names.communication
    tags: tags
    dataLocation: emailDataLocation
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: resourceGroup
  params: {
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    communicationServiceName: communication.outputs.name
  }
}

module frontDoorProfile 'modules/front-door-profile.bicep' = if (useFrontDoor) {
  name: 'front-door-profile'
  scope: resourceGroup
  params: {
    name: names.frontDoor
    tags: tags
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: resourceGroup
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainer: deploymentContainer
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    keyVaultName: keyVault.outputs.name
    signingKeySecretName: secretNames.signingKey
    curators: concat([{ name: curatorName, secret: secretNames.curatorToken }], curators)
    helpers: helpers
    webhookSecretName: secretNames.webhookSecret
    blueskyAppPasswordSecretName: secretNames.blueskyAppPassword
    siteUrl: siteUrl
    customApiHost: useFrontDoor ? apiCustomDomain : ''
    frontDoorId: useFrontDoor ? frontDoorProfile!.outputs.frontDoorId : ''
    reportUrl: reportUrl
    contactEmail: contactEmail
    siteLanguage: siteLanguage
    emailEndpoint: communication.outputs.endpoint
    emailSenderAddress: communication.outputs.senderAddress
    curatorEmails: curatorEmails
    day: day
    timeZone: timeZone
    curatorRole: curatorRole
    watchedWords: watchedWords
    places: places
    hashtag: hashtag
    mastodonServers: mastodonServers
    blockedAccounts: blockedAccounts
    blueskyHandle: blueskyHandle
    blueskyService: blueskyService
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReady: alwaysReady
    enableEasyAuth: enableEasyAuth
    easyAuthClientId: easyAuthClientId
  }
  // The app starts as soon as it exists: its roles must be there first, or its first start fails.
  dependsOn: [
    roles
  ]
}

module frontDoor 'modules/front-door.bicep' = if (useFrontDoor) {
  name: 'front-door'
  scope: resourceGroup
  params: {
    name: frontDoorProfile!.outputs.name
    tags: tags
    apiDomain: apiCustomDomain
    siteDomain: siteCustomDomain
    apiOriginHost: functionApp.outputs.defaultHostName
    siteOriginHost: storage.outputs.webHost
  }
}

// azd keeps these in the environment (.azure/<env>/.env): the hooks and the runbook use them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SOLIDAY_SITE_URL string = siteUrl
output SOLIDAY_API_URL string = useFrontDoor ? 'https://${apiCustomDomain}' : functionApp.outputs.uri
// Where the custom domains' CNAME records point, and the TXT record that proves the API domain is yours.
output SOLIDAY_FRONT_DOOR_HOST string = useFrontDoor ? frontDoor!.outputs.endpointHost : ''
output SOLIDAY_API_DOMAIN_VALIDATION_TOKEN string = useFrontDoor ? frontDoor!.outputs.apiValidationToken : ''
