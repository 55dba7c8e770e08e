// The one identity the function app uses for everything it reaches: storage, Key Vault, telemetry.
// User-assigned, so its roles exist before the app starts (a system-assigned identity would be born
// with the app, and the app's first start would find no access yet).

@description('Name of the user-assigned managed identity.')
param name string

param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
