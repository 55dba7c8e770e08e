// The storage account: blobs (entries, photos, the public site in $web, served by its static website), queues (reminders, the
// durable engine's), tables (the durable engine's history). Keys are off: everything signs in with
// Entra ID, the app with its managed identity.

param name string
param location string
param tags object = {}

@description('Containers the app writes, from functions/Soliday/Storage/StorageLayout.cs ($web comes with the static website).')
param containers array

@description('Queues the app writes, from functions/Soliday (the durable engine creates its own).')
param queues array

@description('The container the Flex Consumption plan deploys the app package from.')
param deploymentContainer string

@description('Days after which hourly rate-limit counters (the limits container) are deleted: they matter for an hour.')
param rateLimitCountersRetentionDays int = 2

@description('The static website\'s index document, served for the site root and every folder.')
param indexDocument string

@description('The page the static website serves, with status 404, for an address with no file.')
param notFoundDocument string

resource account 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true

    // No container is public: the site is served from $web by the static website endpoint, which
    // does not need blob public access (and originals, records and renditions stay private).
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false

    // The Flex Consumption app reaches storage over the public endpoint (no virtual network here);
    // identity, not network position, is what admits a caller.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// API version 2025-08-01: the first the Bicep CLI knows with staticWebsite on the Blob service, so
// the site is switched on by Azure Resource Manager with the rest (no hook, no Azure CLI).
resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-08-01' = {
  parent: account
  name: 'default'
  properties: {
    // The public site in $web, at the account's web endpoint (primaryEndpoints.web).
    staticWebsite: {
      enabled: true
      indexDocument: indexDocument
      errorDocument404Path: notFoundDocument
    }
    // No soft delete on purpose: a take-down must remove a resident's photo for good, not keep it
    // recoverable for days.
    deleteRetentionPolicy: {
      enabled: false
    }
    // No CORS rule: one would serve nothing. CORS does not authorize, so on the blob endpoint, where
    // every container is private, a cross-origin reader is refused anyway; and the static website
    // endpoint, where the public reads the site, does not apply the Blob service's CORS rules
    // (infra/README.md). Empty rather than left out, so a rule from an earlier deployment is removed.
    cors: {
      corsRules: []
    }
  }
}

resource appContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-08-01' = [
  for container in union(containers, [deploymentContainer]): {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource appQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2024-01-01' = [
  for queue in queues: {
    parent: queueService
    name: queue
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: account
  name: 'default'
}

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-rate-limit-counters'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
                'appendBlob'
              ]
              prefixMatch: [
                'limits/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: rateLimitCountersRetentionDays
                }
              }
            }
          }
        }
        {
          // Photos kept for a resident's next try (Submissions:KeptPhotoLifetime, a day): the app never
          // uses one older and sweeps them as it keeps others; this takes those left when nobody sends.
          name: 'delete-kept-photos'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'uploads/kept/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 1
                }
              }
            }
          }
        }
        {
          // Webhook signatures are kept only to refuse a replay within 5 minutes, filed by day.
          name: 'delete-used-webhook-signatures'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                'hashtags/webhook-signatures/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: 1
                }
              }
            }
          }
        }
      ]
    }
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
output webEndpoint string = account.properties.primaryEndpoints.web
output webHost string = replace(replace(account.properties.primaryEndpoints.web, 'https://', ''), '/', '')
