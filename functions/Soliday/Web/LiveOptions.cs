using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Soliday.Web;

/// <summary>
/// <see cref="IOptions{TOptions}"/> whose value follows the configuration when it is reloaded,
/// where the framework's keeps the first value for good. For the options holding secrets: whoever
/// reads <see cref="Value"/> at each use sees a Key Vault reference resolved after the start.
/// Validated as the framework's are.
/// </summary>
public sealed class LiveOptions<TOptions>(IOptionsMonitor<TOptions> monitor) : IOptions<TOptions>
    where TOptions : class
{
    public TOptions Value => monitor.CurrentValue;
}

public static class LiveOptionsRegistration
{
    public static IServiceCollection AddLiveOptions<TOptions>(this IServiceCollection services)
        where TOptions : class
    {
        services.AddSingleton<IOptions<TOptions>>(sp => new LiveOptions<TOptions>(sp.GetRequiredService<IOptionsMonitor<TOptions>>()));
        return services;
    }
}
