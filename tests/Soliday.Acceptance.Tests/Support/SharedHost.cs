using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>One host for every test that does not stop it: starting one takes seconds.</summary>
public sealed class SharedHost : IAsyncLifetime
{
    /// <summary>The day of the corpus photo the tests follow to the timeline (EX__jpg_gps_DSCN0042.jpg).</summary>
    public const string Day = "2008-10-22";

    public SolidayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SolidayHost.StartAsync(new() { ["Soliday__Day"] = Day });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedHostCollection : ICollectionFixture<SharedHost>
{
    public const string Name = "Soliday.Local";
}
