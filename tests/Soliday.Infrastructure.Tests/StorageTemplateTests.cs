using Soliday.Curation;
using Soliday.Hashtags;
using Soliday.Infrastructure.Tests.Support;
using Soliday.Storage;
using Soliday.Timeline;

namespace Soliday.Infrastructure.Tests;

/// <summary>The storage account Azure gets: no keys, HTTPS with TLS 1.2, nothing public but the site.</summary>
public sealed class StorageTemplateTests
{
    private readonly CompiledTemplate _template = CompiledTemplate.Main;

    [Fact]
    public void The_storage_account_refuses_shared_keys_plain_HTTP_and_old_TLS()
    {
        var account = _template.Resource("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False(account["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.True(account["supportsHttpsTrafficOnly"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", account["minimumTlsVersion"]!.GetValue<string>());
        Assert.True(account["defaultToOAuthAuthentication"]!.GetValue<bool>());
    }

    [Fact]
    public void No_container_is_public_the_site_is_served_by_the_static_website()
    {
        var account = _template.Resource("Microsoft.Storage/storageAccounts")["properties"]!;
        Assert.False(account["allowBlobPublicAccess"]!.GetValue<bool>());

        foreach (var container in _template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"))
        {
            Assert.Equal("None", container["properties"]!["publicAccess"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_template_switches_the_static_website_on_with_the_day_page_as_index()
    {
        var blobService = _template.Resource("Microsoft.Storage/storageAccounts/blobServices");
        var website = blobService["properties"]!["staticWebsite"]!;
        var storage = _template.Root["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "storage")!["properties"]!["parameters"]!;
        var pages = _template.Root["variables"]!["sitePages"]!;

        // 2025-08-01 is the first API version with staticWebsite on the Blob service; older ones drop it.
        Assert.True(string.CompareOrdinal(blobService["apiVersion"]!.GetValue<string>(), "2025-08-01") >= 0);
        Assert.True(website["enabled"]!.GetValue<bool>());
        Assert.Equal("[parameters('indexDocument')]", website["indexDocument"]!.GetValue<string>());
        Assert.Equal("[parameters('notFoundDocument')]", website["errorDocument404Path"]!.GetValue<string>());
        Assert.Equal("[variables('sitePages').index]", storage["indexDocument"]!["value"]!.GetValue<string>());
        Assert.Equal("[variables('sitePages').notFound]", storage["notFoundDocument"]!["value"]!.GetValue<string>());
        Assert.Equal(SitePaths.DayPage, pages["index"]!.GetValue<string>());
        Assert.Equal(SitePaths.DayPage, pages["notFound"]!.GetValue<string>());
    }

    [Fact]
    public void No_CORS_rule_is_left_on_the_blob_service_where_it_would_serve_nothing()
    {
        // Containers are private (CORS authorizes nothing) and the static website endpoint ignores
        // the Blob service's rules: an empty list also removes a rule an earlier deployment made.
        var cors = _template.Resource("Microsoft.Storage/storageAccounts/blobServices")["properties"]!["cors"]!;

        Assert.Empty(cors["corsRules"]!.AsArray());
    }

    [Fact]
    public void The_template_makes_every_container_and_queue_the_app_writes()
    {
        var main = _template.Root["variables"]!;
        var containers = main["containers"]!.AsArray().Select(c => c!.GetValue<string>()).ToHashSet();
        var queues = main["queues"]!.AsArray().Select(q => q!.GetValue<string>()).ToHashSet();

        // $web is made by switching the static website on, and the app makes it too.
        Assert.Equal(StorageLayout.Containers.Where(c => c != StorageLayout.Site).Order(), containers.Order());
        Assert.Contains(CurationSteps.RemindersQueue, queues);
        Assert.Contains(HashtagPostQueue.Name, queues);
        Assert.Contains(Soliday.Submissions.ErasureRequests.QueueName, queues);
    }

    [Theory]
    [InlineData(StorageLayout.Limits + "/")] // rate-limit counters, after the day
    [InlineData(StorageLayout.Hashtags + "/webhook-signatures/")] // used webhook signatures, after the replay window
    [InlineData(StorageLayout.Uploads + "/" + StorageLayout.KeptFolder)] // photos kept for a next try nobody made
    public void Housekeeping_blobs_are_deleted_by_a_lifecycle_rule(string prefix)
    {
        var rules = _template.Resource("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]!.AsArray();

        var rule = Assert.Single(rules, r => r!["definition"]!["filters"]!["prefixMatch"]![0]!.GetValue<string>() == prefix);
        Assert.NotNull(rule!["definition"]!["actions"]!["baseBlob"]!["delete"]);
    }
}
