// Email in Azure (docs/deploy.md, "Email"): Azure Communication Services with an Azure-managed
// domain. The app sends through the Email REST API with its managed identity (the role is in
// roles.bicep), so there is no connection string, key or SMTP password to keep or rotate.

param emailServiceName string
param communicationServiceName string
param tags object = {}

@description('Where Communication Services keeps its data at rest.')
param dataLocation string

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

// An Azure-managed domain (<random>.azurecomm.net): it sends at once, with no DNS records to add,
// and comes with the DoNotReply sender. Its sending limits are low (docs/deploy.md, "Email").
resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    // No tracking pixel or rewritten links in a resident's mail: Soliday sends nothing it does not need.
    userEngagementTracking: 'Disabled'
  }
}

// The resource the app calls; the link to the domain is what lets it send from that domain.
resource communication 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      domain.id
    ]
  }
}

output name string = communication.name
output endpoint string = 'https://${communication.properties.hostName}'
output senderAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
