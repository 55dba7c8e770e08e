using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>One host for every test that does not stop it: starting one takes seconds.</summary>
public sealed class SharedHost : IAsyncLifetime
{
    public SolidayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SolidayHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedHostCollection : ICollectionFixture<SharedHost>
{
    public const string Name = "Soliday.Local";
}
