using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// At most <see cref="SubmissionOptions.WrongHelperCodeLimitPerHour"/> wrong helper codes an hour from
/// one address (an IPv6 address per /64): a code says whose help an entry was sent with, so guessing one
/// must be slow. As the curators' sign-in: a wrong code is counted; a right one is not, but is taken only
/// while the address is within the limit, so a guess that lands after too many wrong ones gets nothing.
/// </summary>
public sealed class HelperCodeThrottle(AddressCounter counter, IOptions<SubmissionOptions> options)
{
    private const string Purpose = "helper-code";

    public Task<AddressAllowance> AllowAsync(HttpRequest request, bool rightCode)
    {
        var address = ClientAddress.Of(request, options.Value.ClientAddressHeader);
        var limit = options.Value.WrongHelperCodeLimitPerHour;
        var cancellationToken = request.HttpContext.RequestAborted;
        return rightCode
            ? counter.PeekAsync(Purpose, address, limit, cancellationToken)
            : counter.CountAsync(Purpose, address, limit, cancellationToken);
    }
}
