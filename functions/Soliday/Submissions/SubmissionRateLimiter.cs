using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// The two limits on what one address sends, both counted per hour by <see cref="AddressCounter"/>
/// (an IPv6 address per /64):
/// <list type="bullet">
/// <item>every post, before its body is read (<see cref="SubmissionOptions.AttemptLimitPerHour"/>):
/// refused and malformed posts cost their sender too, and a flood is turned away before it is read;</item>
/// <item>entries taken in (<see cref="SubmissionOptions.RateLimitPerHour"/>): a valid entry that is new.</item>
/// </list>
/// </summary>
public sealed class SubmissionRateLimiter(AddressCounter counter, IOptions<SubmissionOptions> options)
{
    private const string AttemptPurpose = "submission-attempt";
    private const string EntryPurpose = "rate-limit";

    public Task<AddressAllowance> TryAttemptAsync(string address, CancellationToken cancellationToken) =>
        counter.CountAsync(AttemptPurpose, address, options.Value.AttemptLimitPerHour, cancellationToken);

    public Task<AddressAllowance> TryTakeAsync(string address, CancellationToken cancellationToken) =>
        counter.CountAsync(EntryPurpose, address, options.Value.RateLimitPerHour, cancellationToken);
}
