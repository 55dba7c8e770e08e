using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Tests.Hashtags;

/// <summary>
/// Soliday's own service registration (the guarded HTTP clients included), with settings a test
/// chooses. Nothing here touches storage; the clients talk to a fake server on loopback.
/// </summary>
public static class HashtagServices
{
    public static ServiceProvider Build(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SolidayServiceCollectionExtensions.StorageConnectionKey] = "UseDevelopmentStorage=true",
            [$"{SolidayOptions.Section}:{nameof(SolidayOptions.Day)}"] = "2026-06-20",
            [$"{SubmissionOptions.Section}:{nameof(SubmissionOptions.SigningKey)}"] = Convert.ToBase64String(new byte[32]),
        }).AddInMemoryCollection(settings ?? []).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSoliday()
            .BuildServiceProvider();
    }
}
