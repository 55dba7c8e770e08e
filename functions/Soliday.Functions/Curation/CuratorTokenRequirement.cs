using Microsoft.Extensions.DependencyInjection;
using Soliday.Curation;

namespace Soliday.Functions.Curation;

public static class CuratorTokenRequirement
{
    /// <summary>
    /// In Azure each curator's token guards the day's curation from anyone on the internet, so the
    /// app will not start with a short one (no curator at all is allowed: curation is then refused, or
    /// left to Easy Auth). The local host needs no such rule: it makes its own random token.
    /// </summary>
    public static IServiceCollection RequireStrongCuratorToken(this IServiceCollection services)
    {
        services.AddOptions<CurationOptions>()
            .Validate(o => o.Curators.All(c => CurationOptions.IsStrongEnough(c.Token)) && CurationOptions.IsStrongEnough(o.LocalToken), $"Every curator token (Curation:Curators:N:Token, and Curation:LocalToken) must be at least {CurationOptions.MinimumTokenLength} characters (e.g. openssl rand -base64 32).")
            .ValidateOnStart();
        return services;
    }
}
