using Microsoft.AspNetCore.Http;

namespace Soliday.Submissions;

/// <summary>
/// Which curator, if any, is signed in on the browser that sent a request: a curator may help someone
/// take part without a helper code, under their own name. Curation answers (it sits above Submissions,
/// see docs/layering.md); only a signed-in browser counts, never a bearer token.
/// </summary>
public interface ISignedInCurators
{
    /// <summary>The curator's name, or null.</summary>
    string? NameOf(HttpRequest request);
}
