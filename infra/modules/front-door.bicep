// Custom domains for the form and API and, optionally, the public site, through Azure Front Door
// Standard with its managed certificates. Not on the Function App itself: Flex Consumption supports
// no App Service managed certificate (docs/deploy.md, "Custom domains").

@description('The profile made by front-door-profile.bicep.')
param name string
param tags object = {}

@description('Host name of the form and API, e.g. submit.example.org: a CNAME to the Front Door endpoint.')
param apiDomain string

@description('Host name of the public site, e.g. day.example.org; empty: the site keeps its storage address only.')
param siteDomain string

@description('The Function App\'s default host name (func-….azurewebsites.net).')
param apiOriginHost string

@description('The static website\'s host name (st….z33.web.core.windows.net).')
param siteOriginHost string

var hasSite = !empty(siteDomain)

resource profile 'Microsoft.Cdn/profiles@2024-02-01' existing = {
  name: name
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: name
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

// One origin group per origin: the app, and the static website.
resource apiGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = {
  parent: profile
  name: 'api'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
    // No health probe: one origin, and probes would wake an app that scales to zero.
  }
}

resource apiOrigin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = {
  parent: apiGroup
  name: 'function-app'
  properties: {
    hostName: apiOriginHost
    originHostHeader: apiOriginHost
    httpsPort: 443
    enforceCertificateNameCheck: true
  }
}

resource apiCustomDomain 'Microsoft.Cdn/profiles/customDomains@2024-02-01' = {
  parent: profile
  name: replace(apiDomain, '.', '-')
  properties: {
    hostName: apiDomain
    tlsSettings: {
      certificateType: 'ManagedCertificate'
      minimumTlsVersion: 'TLS12'
    }
  }
}

resource apiRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = {
  parent: endpoint
  name: 'api'
  properties: {
    originGroup: {
      id: apiGroup.id
    }
    customDomains: [
      {
        id: apiCustomDomain.id
      }
    ]
    supportedProtocols: [
      'Https'
    ]
    patternsToMatch: [
      '/api/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Disabled'
    linkToDefaultDomain: 'Disabled'
    // The form, the API and curation are never cached: every answer is for one caller.
  }
  dependsOn: [
    apiOrigin
  ]
}

resource siteGroup 'Microsoft.Cdn/profiles/originGroups@2024-02-01' = if (hasSite) {
  parent: profile
  name: 'site'
  properties: {
    loadBalancingSettings: {
      sampleSize: 4
      successfulSamplesRequired: 3
      additionalLatencyInMilliseconds: 50
    }
  }
}

resource siteOrigin 'Microsoft.Cdn/profiles/originGroups/origins@2024-02-01' = if (hasSite) {
  parent: siteGroup
  name: 'static-website'
  properties: {
    hostName: siteOriginHost
    originHostHeader: siteOriginHost
    httpsPort: 443
    enforceCertificateNameCheck: true
  }
}

resource siteCustomDomain 'Microsoft.Cdn/profiles/customDomains@2024-02-01' = if (hasSite) {
  parent: profile
  name: hasSite ? replace(siteDomain, '.', '-') : 'no-site-domain'
  properties: {
    hostName: siteDomain
    tlsSettings: {
      certificateType: 'ManagedCertificate'
      minimumTlsVersion: 'TLS12'
    }
  }
}

resource siteRoute 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01' = if (hasSite) {
  parent: endpoint
  name: 'site'
  properties: {
    originGroup: {
      id: siteGroup.id
    }
    customDomains: [
      {
        id: siteCustomDomain.id
      }
    ]
    supportedProtocols: [
      'Http'
      'Https'
    ]
    patternsToMatch: [
      '/*'
    ]
    forwardingProtocol: 'HttpsOnly'
    httpsRedirect: 'Enabled'
    linkToDefaultDomain: 'Disabled'
  }
  dependsOn: [
    siteOrigin
  ]
}

@description('Point each custom domain\'s CNAME here.')
output endpointHost string = endpoint.properties.hostName

@description('The TXT records (_dnsauth.<domain>) that prove the domains are yours, until validated.')
output apiValidationToken string = apiCustomDomain.properties.validationProperties.validationToken
