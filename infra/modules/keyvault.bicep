// The app's secrets, read by the Functions platform through Key Vault references with the app's
// managed identity. RBAC only (no access policies): who may read is an Azure role, visible with the
// app's other roles.

param name string
param location string
param tags object = {}

@description('Secrets by name. Values come from the azd environment, never from the repository.')
@secure()
param secrets object

@description('Purge protection: irreversible once on (see main.bicep).')
param purgeProtection bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // Azure refuses false here once it has been true, and accepts leaving it out: null when off.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for item in items(secrets): {
    parent: vault
    name: item.key
    properties: {
      value: item.value
      contentType: 'text/plain'
    }
  }
]

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
