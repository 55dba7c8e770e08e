#!/bin/sh
# azd postprovision hook: switches the storage account's static website on, so the public site in
# the $web container is served at SOLIDAY_SITE_URL. Bicep cannot do this: the static website is a
# setting of the Blob service's data plane, not a property Azure Resource Manager deploys.
#
# Signs in as whoever runs azd (--auth-mode login): the account's shared keys are off. That person
# needs Contributor (or Storage Account Contributor) on the storage account, which azd up needs anyway.
set -eu

: "${AZURE_STORAGE_ACCOUNT_NAME:?is not set: run this through azd (azd provision or azd up), which sets it from the Bicep outputs}"

# The day page stands in for "not found" until the site has a page of its own for it.
az storage blob service-properties update \
  --account-name "$AZURE_STORAGE_ACCOUNT_NAME" \
  --static-website true \
  --index-document index.html \
  --404-document index.html \
  --auth-mode login \
  --output none

echo "Static website on: ${SOLIDAY_SITE_URL:-the storage account's web endpoint}"
