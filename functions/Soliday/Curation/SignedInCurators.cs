using Microsoft.AspNetCore.Http;
using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>
/// The curator signed in on a browser (a session cookie, or the Easy Auth principal), for volunteer
/// mode on the form. A bearer token is no browser's and is never judged here: guessing at one is
/// counted where curators sign in, not on the residents' form.
/// </summary>
public sealed class SignedInCurators(CuratorAuthenticator authenticator) : ISignedInCurators
{
    public string? NameOf(HttpRequest request) =>
        authenticator.Identify(request) is { ByBearerToken: false, Curator: { } curator } ? curator.Name : null;
}
