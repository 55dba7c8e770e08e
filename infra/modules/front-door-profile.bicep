// The Azure Front Door Standard profile alone, made before the Function App so the app can admit
// only requests that come through it (its id, in the X-Azure-FDID header). The endpoint, origins,
// custom domains and routes follow in front-door.bicep, once the app's host name is known.

param name string
param tags object = {}

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
}

output name string = profile.name
output frontDoorId string = profile.properties.frontDoorId
