using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags;

public sealed class WebhookSignaturesTests
{
    private const string Secret = "a-long-shared-secret-for-the-webhook-tests";
    private static readonly DateTimeOffset Now = new(2026, 6, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"source":"bluesky","id":"1","text":"Hello #Soliday"}""");

    [Fact]
    public void A_request_signed_with_the_secret_just_now_is_accepted()
    {
        var (timestamp, signature) = Signed(Now.AddSeconds(-30), Body);

        var check = Signatures().Check(timestamp, signature, Body, Now);

        Assert.Null(check.Problem);
        Assert.Equal(Now.AddSeconds(-30).ToUnixTimeSeconds(), check.Signature!.SignedAt.ToUnixTimeSeconds());
    }

    [Fact]
    public void The_hex_may_be_in_either_case()
    {
        var (timestamp, signature) = Signed(Now, Body);

        Assert.Null(Signatures().Check(timestamp, "SHA256=" + signature["sha256=".Length..].ToUpperInvariant(), Body, Now).Problem);
    }

    [Fact]
    public void A_body_changed_after_signing_is_refused()
    {
        var (timestamp, signature) = Signed(Now, Body);

        Assert.NotNull(Signatures().Check(timestamp, signature, Encoding.UTF8.GetBytes("""{"source":"bluesky","id":"2"}"""), Now).Problem);
    }

    [Fact]
    public void A_timestamp_changed_after_signing_is_refused()
    {
        var (_, signature) = Signed(Now, Body);

        Assert.NotNull(Signatures().Check($"{Now.ToUnixTimeSeconds() + 1}", signature, Body, Now).Problem);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        var timestamp = $"{Now.ToUnixTimeSeconds()}";
        var signature = "sha256=" + Convert.ToHexStringLower(WebhookSignatures.Sign("another-secret-entirely-another-one", timestamp, Body));

        Assert.NotNull(Signatures().Check(timestamp, signature, Body, Now).Problem);
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(6 * 60)]
    public void A_signature_more_than_five_minutes_from_now_either_way_is_refused(int seconds)
    {
        var (timestamp, signature) = Signed(Now.AddSeconds(seconds), Body);

        Assert.Contains("5 minutes", Signatures().Check(timestamp, signature, Body, Now).Problem);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "sha256=00")]
    [InlineData("not-a-number", "sha256=00")]
    [InlineData("999999999999", "sha256=00")] // past the last second DateTimeOffset can hold
    [InlineData("1781956800", null)]
    [InlineData("1781956800", "md5=00")]
    [InlineData("1781956800", "sha256=zz")]
    public void A_missing_or_malformed_header_is_refused(string? timestamp, string? signature)
    {
        Assert.NotNull(Signatures().Check(timestamp, signature, Body, Now).Problem);
    }

    [Fact]
    public void With_no_secret_configured_nothing_is_accepted()
    {
        var (timestamp, signature) = Signed(Now, Body);

        Assert.NotNull(new WebhookSignatures(Options.Create(new HashtagOptions())).Check(timestamp, signature, Body, Now).Problem);
    }

    private static WebhookSignatures Signatures() => new(Options.Create(new HashtagOptions { WebhookSecret = Secret }));

    private static (string Timestamp, string Signature) Signed(DateTimeOffset at, byte[] body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, "sha256=" + Convert.ToHexStringLower(WebhookSignatures.Sign(Secret, timestamp, body)));
    }
}
