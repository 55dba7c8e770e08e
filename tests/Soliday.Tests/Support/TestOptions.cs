using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Words;

namespace Soliday.Tests.Support;

/// <summary>Default options, as a freshly configured deployment has them.</summary>
public static class TestOptions
{
    /// <summary>Before the Polaroid's wrong clock (2026-11-24), so that photo is "from the future".</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 20, 12, 0, 0, TimeSpan.Zero);

    public static IOptions<ImagingOptions> Imaging(Action<ImagingOptions>? change = null)
    {
        var options = new ImagingOptions();
        change?.Invoke(options);
        return Options.Create(options);
    }

    public static IOptions<SolidayOptions> Soliday(DateOnly? day = null) =>
        Options.Create(new SolidayOptions { Day = day ?? new DateOnly(2026, 6, 20) });

    public static PhotoGate Gate(Action<ImagingOptions>? change = null, SiteWords? words = null) =>
        new(Imaging(change), words ?? SiteWords.English, NullLogger<PhotoGate>.Instance);

    /// <param name="words">The site's words, in which photos are refused: English unless a test says.</param>
    public static PhotoProcessor Processor(Action<ImagingOptions>? change = null, SiteWords? words = null)
    {
        var imaging = Imaging(change);
        words ??= SiteWords.English;
        return new PhotoProcessor(new PhotoGate(imaging, words, NullLogger<PhotoGate>.Instance), imaging, Soliday(), new FixedClock(Now), words, NullLogger<PhotoProcessor>.Instance);
    }
}

/// <summary>A clock that says what the test tells it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
