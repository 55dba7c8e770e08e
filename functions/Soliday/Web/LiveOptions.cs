using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Soliday.Web;

/// <summary>
/// <see cref="IOptions{TOptions}"/> whose value follows the configuration when it is reloaded,
/// where the framework's keeps the first value for good. For the options holding secrets and the
/// curator list: whoever reads <see cref="Value"/> at each use sees a Key Vault reference resolved
/// after the start, or a curator taken off the list, at the next request. Validated as the
/// framework's are; a reloaded value that fails validation is not taken up: the last valid one
/// stays, and the failure is logged once, so one bad edit does not answer every request with a 500.
/// </summary>
public sealed partial class LiveOptions<TOptions>(IOptionsMonitor<TOptions> monitor, ILogger<LiveOptions<TOptions>> logger) : IOptions<TOptions>
    where TOptions : class
{
    private TOptions? _lastValid;
    private string? _reportedFailure;

    public TOptions Value
    {
        get
        {
            try
            {
                var current = monitor.CurrentValue;
                _lastValid = current;
                _reportedFailure = null;
                return current;
            }
            catch (OptionsValidationException refused) when (_lastValid is not null)
            {
                // The messages name settings (and curators by position and name), never a secret.
                if (!string.Equals(_reportedFailure, refused.Message, StringComparison.Ordinal))
                {
                    _reportedFailure = refused.Message;
                    LogRefusedReload(logger, typeof(TOptions).Name, refused.Message);
                }

                return _lastValid;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The settings of {Options} were changed to values the app refuses, so it keeps the ones before until they are put right: {Failures}")]
    private static partial void LogRefusedReload(ILogger logger, string options, string failures);
}

public static class LiveOptionsRegistration
{
    public static IServiceCollection AddLiveOptions<TOptions>(this IServiceCollection services)
        where TOptions : class
    {
        services.AddSingleton<IOptions<TOptions>>(sp => new LiveOptions<TOptions>(
            sp.GetRequiredService<IOptionsMonitor<TOptions>>(), sp.GetRequiredService<ILogger<LiveOptions<TOptions>>>()));
        return services;
    }
}
