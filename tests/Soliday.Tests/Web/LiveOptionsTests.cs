using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Web;

namespace Soliday.Tests.Web;

/// <summary>
/// The curator list and the secrets follow a reload of the configuration; a reload the app would
/// refuse at start keeps the last valid values instead of failing every request, and says why.
/// </summary>
public sealed class LiveOptionsTests
{
    private const string JosToken = "jo-0123456789abcdef0123456789abcdef";
    private const string SamsToken = "sam-0123456789abcdef0123456789abcde";

    [Fact]
    public void A_curator_taken_off_the_list_is_gone_at_the_next_read()
    {
        var (configuration, services, _) = Build();
        var curation = services.GetRequiredService<IOptions<CurationOptions>>();
        Assert.Equal(["Jo Baker", "Sam Ng"], curation.Value.TokenHolders().Select(h => h.Name));

        configuration["Curation:Curators:0:Name"] = "";
        configuration["Curation:Curators:0:Token"] = "";
        configuration.Reload();

        Assert.Equal(["Sam Ng"], curation.Value.TokenHolders().Select(h => h.Name));
    }

    [Fact]
    public void A_list_the_app_would_refuse_keeps_the_last_valid_one_and_is_logged_once_without_a_token()
    {
        var (configuration, services, logs) = Build();
        var curation = services.GetRequiredService<IOptions<CurationOptions>>();
        _ = curation.Value;

        // Two curators with one token: refused at start, and so at a reload. (The framework's monitor
        // reads the new value as soon as it is reloaded, and throws there, to whoever reloaded.)
        configuration["Curation:Curators:1:Token"] = JosToken;
        Assert.IsType<OptionsValidationException>(Record.Exception(configuration.Reload)?.InnerException);
        var first = curation.Value;
        var second = curation.Value;

        Assert.Equal(["Jo Baker", "Sam Ng"], first.TokenHolders().Select(h => h.Name));
        Assert.Equal(SamsToken, second.TokenHolders()[1].Token);
        var error = Assert.Single(logs.Errors);
        Assert.Contains("have the same token", error);
        Assert.DoesNotContain(JosToken, error);

        // Put right: taken up at once.
        configuration["Curation:Curators:1:Token"] = SamsToken;
        configuration["Curation:Curators:0:Name"] = "Jo Baker-Smith";
        configuration.Reload();

        Assert.Equal(["Jo Baker-Smith", "Sam Ng"], curation.Value.TokenHolders().Select(h => h.Name));
    }

    private static (IConfigurationRoot Configuration, ServiceProvider Services, ErrorLog Logs) Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Curation:Curators:0:Name"] = "Jo Baker",
            ["Curation:Curators:0:Token"] = JosToken,
            ["Curation:Curators:1:Name"] = "Sam Ng",
            ["Curation:Curators:1:Token"] = SamsToken,
        }).Build();
        var logs = new ErrorLog();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.AddProvider(logs));
        services.AddOptions<CurationOptions>().BindConfiguration(CurationOptions.Section);
        services.AddSingleton<IValidateOptions<CurationOptions>, CuratorListValidation>();
        services.AddLiveOptions<CurationOptions>();
        return (configuration, services.BuildServiceProvider(), logs);
    }

    /// <summary>The error-level messages logged, as an operator's log would show them.</summary>
    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        private readonly List<string> _errors = [];

        public IReadOnlyList<string> Errors => _errors;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _errors.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
