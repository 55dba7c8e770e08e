using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>Set on a request whose address sent too many wrong curator tokens: <see cref="CuratorsOnly"/> answers it with <c>429</c>.</summary>
public sealed record CuratorTokenThrottled(AddressAllowance Allowance);

/// <summary>
/// At most <see cref="CurationOptions.WrongTokenLimitPerHour"/> wrong curator tokens an hour from one
/// address (an IPv6 address per /64), at the sign-in page and as bearer tokens alike: the token is
/// the one secret between anyone and the curation of the whole day, so guessing it must be slow.
/// </summary>
public sealed class CuratorTokenThrottle(AddressCounter counter, IOptions<CurationOptions> curation, IOptions<SubmissionOptions> submissions)
{
    private const string Purpose = "curator-token";

    /// <summary>
    /// Whether the request's address may have the token it sent judged. A wrong token is counted (and
    /// allowed, to get its <c>401</c>, while within the limit); a right one is not counted, but is
    /// allowed only while the address is within the limit, so a guess that lands after too many wrong
    /// ones still gets nothing. (A right guess sent in one burst with many wrong ones may be judged
    /// before they are counted; the 32 characters a token must have in Azure leave no guesser that hope.)
    /// </summary>
    public Task<AddressAllowance> AllowAsync(HttpRequest request, bool rightToken)
    {
        var address = ClientAddress.Of(request, submissions.Value.ClientAddressHeader);
        var limit = curation.Value.WrongTokenLimitPerHour;
        var cancellationToken = request.HttpContext.RequestAborted;
        return rightToken
            ? counter.PeekAsync(Purpose, address, limit, cancellationToken)
            : counter.CountAsync(Purpose, address, limit, cancellationToken);
    }

    /// <summary>The <c>429</c> for an address that has sent too many wrong tokens, with when to try again.</summary>
    public static IResult TooMany(HttpContext context, AddressAllowance allowance)
    {
        context.Response.Headers.RetryAfter = allowance.RetryAfterSeconds;
        return Problems.Of(429, "Too many wrong curator tokens", TooManyDetail, "too-many-wrong-tokens");
    }

    public const string TooManyDetail = "Too many wrong sign-in codes came from this connection. Please wait an hour, then check your code and try again, or ask the organisers for a new one.";
}
