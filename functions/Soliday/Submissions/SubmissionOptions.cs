using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>How submissions are taken in, bound from the <c>Submissions</c> configuration section.</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Submissions";

    /// <summary>
    /// The secret that signs form tokens and take-down links, base64, at least 32 bytes. Required:
    /// in Azure from Key Vault; Soliday.Local makes one and keeps it in its data folder.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Entries one address may send in an hour. Generous for a family sharing a phone, tight for a script.</summary>
    public int RateLimitPerHour { get; set; } = 20;

    /// <summary>
    /// Posts one address may make in an hour, whatever becomes of them (refused, malformed, sent
    /// twice): counted before the body is read, so a flood costs its sender, not the app. Well above
    /// <see cref="RateLimitPerHour"/>, for the resident who fixes a photo or two before it goes.
    /// </summary>
    public int AttemptLimitPerHour { get; set; } = 100;

    /// <summary>
    /// Posts read and held at once by one instance. Each may hold up to the upload limit in memory
    /// (26 MB with its fields) until it is stored: four keep that under about 110 MB beside the photo
    /// decoding, and a post takes well under a second to store, so a queue of four moves quickly.
    /// </summary>
    public int MaxConcurrentUploads { get; set; } = 4;

    /// <summary>How long a post waits for one of those turns before it is turned away with <c>503</c> and <c>Retry-After</c>.</summary>
    public TimeSpan UploadSlotWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The header a trusted proxy in front appends the resident's address to; only its last address is
    /// used (anything before it the client wrote). In Azure set <c>X-Forwarded-For</c>: the worker only
    /// sees the Functions host's connection. Unset (the default): the connection's own address, because
    /// with no proxy in front every forwarded header is the client's to invent, and with it the rate limit.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>How long a form page stays good to send (long enough to write a caption on a slow day).</summary>
    public TimeSpan FormTokenLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// How long a photo that came with a post the form sent back (a box not ticked, a description
    /// missing) is kept for the resident's next try (see <see cref="KeptPhotos"/>): a day, long enough
    /// to come back after lunch, short enough that a photo nobody sent is not kept for long.
    /// </summary>
    public TimeSpan KeptPhotoLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a contributor's take-down link works.</summary>
    public TimeSpan TakedownLinkLifetime { get; set; } = TimeSpan.FromDays(365 * 2);

    /// <summary>
    /// The volunteers who help residents send at the Social Council's cafés, each with a name and a
    /// code of their own (see <see cref="HelperSessions"/>). An item left with neither is no volunteer;
    /// one with only one of them is refused at start (<see cref="HelperCodeListValidation"/>).
    /// </summary>
    public List<HelperCode> HelperCodes { get; set; } = [];

    /// <summary>
    /// Wrong helper codes one address may send in an hour; then every try from it, even with the right
    /// code, is refused until the hour is out. Twenty, not a curator's ten: a café's volunteers share one
    /// connection and type codes on phones; a code of <see cref="HelperCodeListValidation.MinimumCodeLength"/>
    /// characters is still far beyond guessing at that pace.
    /// </summary>
    public int WrongHelperCodeLimitPerHour { get; set; } = 20;

    /// <summary>
    /// How long volunteer mode lasts in one browser once started: an afternoon at a café. Short, because
    /// the browser may be a library's, shared with the next person.
    /// </summary>
    public TimeSpan HelperSessionLifetime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Everyone a helper code identifies, trimmed. A code Azure could not resolve from Key Vault is left
    /// out: that volunteer cannot start until the secret is there, rather than anyone who reads the reference.
    /// </summary>
    public IReadOnlyList<HelperCode> CodeHolders() =>
        [.. HelperCodes.Select(h => new HelperCode { Name = h.Name.Trim(), Code = h.Code.Trim() })
            .Where(h => h.Name.Length > 0 && h.Code.Length > 0 && !KeyVaultReferences.IsUnresolved(h.Code))];

    /// <summary>The key's bytes; while it is still an unresolved Key Vault reference (public text), none.</summary>
    public byte[] SigningKeyBytes() => KeyVaultReferences.IsUnresolved(SigningKey)
        ? throw NotReadyException.Unresolved($"{Section}:{nameof(SigningKey)}")
        : Convert.FromBase64String(SigningKey ?? "");

    public static bool IsValidKey(string? key)
    {
        try
        {
            return key is not null && Convert.FromBase64String(key).Length >= 32;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
