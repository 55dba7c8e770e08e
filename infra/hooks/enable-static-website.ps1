# azd postprovision hook (Windows): the same as enable-static-website.sh, which explains why.
$ErrorActionPreference = 'Stop'
if (-not $env:AZURE_STORAGE_ACCOUNT_NAME) {
    throw 'AZURE_STORAGE_ACCOUNT_NAME is not set: run this through azd (azd provision or azd up), which sets it from the Bicep outputs.'
}

az storage blob service-properties update `
    --account-name $env:AZURE_STORAGE_ACCOUNT_NAME `
    --static-website true `
    --index-document index.html `
    --404-document index.html `
    --auth-mode login `
    --output none
if ($LASTEXITCODE -ne 0) { throw "az storage blob service-properties update failed ($LASTEXITCODE)" }

Write-Output "Static website on: $env:SOLIDAY_SITE_URL"
