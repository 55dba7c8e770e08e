using System.Diagnostics;
using Microsoft.Playwright;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// A real browser for the tests: Debian's Chromium, driven by Playwright, with no browser download.
/// On a machine without it, running as root, it is installed from Debian's packages first.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await EnsureChromiumAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            // No sandbox as root; no GPU in CI; no calls home (this machine's network refuses them).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh context (no cookies) at a phone's width, or another.</summary>
    public async Task<IPage> NewPageAsync(string baseAddress, int width = 375, int height = 800, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(Chromium))
        {
            return;
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {Chromium}: sudo apt-get install chromium");
        }

        foreach (var arguments in new[] { "update", "install -y --no-install-recommends chromium" })
        {
            using var apt = Process.Start(new ProcessStartInfo("apt-get", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = apt.StandardError.ReadToEndAsync();
            await apt.StandardOutput.ReadToEndAsync();
            await apt.WaitForExitAsync();
            if (apt.ExitCode != 0)
            {
                throw new InvalidOperationException($"apt-get {arguments} failed: {await error}");
            }
        }
    }
}
