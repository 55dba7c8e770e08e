using Microsoft.Extensions.DependencyInjection;
using Soliday.Curation;

namespace Soliday.Functions.Curation;

public static class CuratorTokenRequirement
{
    /// <summary>
    /// In Azure the curator token guards the day's curation from anyone on the internet, so the app
    /// will not start with a short one (none at all is allowed: curation is then refused, or left to
    /// Easy Auth). The local host needs no such rule: it makes its own random token.
    /// </summary>
    public static IServiceCollection RequireStrongCuratorToken(this IServiceCollection services)
    {
        services.AddOptions<CurationOptions>()
            .Validate(o => CurationOptions.IsStrongEnough(o.LocalToken), $"Curation:LocalToken must be at least {CurationOptions.MinimumTokenLength} characters (e.g. openssl rand -base64 32), or unset.")
            .ValidateOnStart();
        return services;
    }
}
