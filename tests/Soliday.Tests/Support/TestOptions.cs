using Microsoft.Extensions.Options;
using Soliday.Imaging;

namespace Soliday.Tests.Support;

/// <summary>Default options, as a freshly configured deployment has them.</summary>
public static class TestOptions
{
    public static IOptions<ImagingOptions> Imaging(Action<ImagingOptions>? change = null)
    {
        var options = new ImagingOptions();
        change?.Invoke(options);
        return Options.Create(options);
    }

    public static IOptions<SolidayOptions> Soliday(DateOnly? day = null) =>
        Options.Create(new SolidayOptions { Day = day ?? new DateOnly(2026, 6, 20) });
}

/// <summary>A clock that says what the test tells it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
