using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// Soliday's own services wired to a running host's storage, for the tests that call one workflow
/// step directly at a moment the host cannot be made to reach on its own (a race, say).
/// </summary>
public static class SolidayServices
{
    public static ServiceProvider For(SolidayHost host, string day = SharedHost.Day)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SolidayServiceCollectionExtensions.StorageConnectionKey] = host.StorageConnectionString,
            ["Soliday:Day"] = day,
            ["Submissions:SigningKey"] = host.SigningKey,
            ["Site:PublicUrl"] = new Uri(host.Http.BaseAddress!, "site/").AbsoluteUri, // where the host serves its site
        }).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSoliday()
            .BuildServiceProvider();
    }
}
