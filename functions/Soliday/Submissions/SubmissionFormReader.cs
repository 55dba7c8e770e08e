using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>What a resident typed, kept so a form with errors comes back filled in (WCAG 3.3.7).</summary>
/// <param name="Alts">The description of each photo, in the order of the photos (empty where none was written).</param>
public sealed record SubmissionFormValues(string Caption, IReadOnlyList<string> Alts, string Credit, string Licence, bool Consent, string Email = "", string Place = "", string? FormToken = null, bool Receipt = false, string Moment = "", bool ResidentConsent = false)
{
    public static SubmissionFormValues Empty { get; } = new("", [], "", Licences.Default.Id, false);

    /// <summary>The description typed for photo <paramref name="number"/> (from 1).</summary>
    public string AltFor(int number) => number <= Alts.Count ? Alts[number - 1] : "";
}

/// <summary>Why a submission was not taken: the HTTP status, and a message per field in plain words.</summary>
/// <param name="FieldErrors">By the form's own field names (<c>alt-2</c> for the second photo's description), so each stands beside its field.</param>
public sealed record SubmissionFailure(int StatusCode, string Title, IReadOnlyDictionary<string, string> FieldErrors, string? Code = null)
{
    /// <summary>The errors by the names of the wire (<c>photo</c>, <c>alt</c>): the first message for each.</summary>
    public IReadOnlyDictionary<string, string> WireErrors =>
        FieldErrors.GroupBy(e => SubmissionFormFields.WireName(e.Key)).ToDictionary(g => g.Key, g => g.First().Value);
}

/// <param name="Keepable">The photos that passed their checks: kept for the next try when the form is sent back (see <see cref="KeptPhotos"/>).</param>
public sealed record SubmissionFormResult(SubmissionFormValues Values, SubmissionDraft? Draft, SubmissionFailure? Failure, IReadOnlyList<KeepablePhoto>? Keepable = null)
{
    public IReadOnlyList<KeepablePhoto> KeepablePhotos => Keepable ?? [];
}

/// <summary>
/// A photo kept from the last try of the form <paramref name="formToken"/> names, by the token its
/// <c>kept</c> field carries; null when it is not kept (any more), or the form token is not genuine.
/// </summary>
public delegate Task<BinaryData?> KeptPhotoFinder(string formToken, string keptToken, CancellationToken cancellationToken);

/// <summary>
/// Reads <c>POST /api/submissions</c> into a draft, checking every field and every photo's header
/// before anything is stored, so a bad request leaves nothing behind.
/// </summary>
public sealed class SubmissionFormReader(PhotoProcessor photoChecks, IOptions<ImagingOptions> imaging, GivenTimes givenTimes, SiteWords words)
{
    /// <summary>Room for the text fields and multipart framing on top of the photos.</summary>
    private const long FieldAllowanceBytes = 1024 * 1024;

    private const string TooManyPhotosCode = "too-many-photos";
    private const string PhotoMissingCode = "photo-missing";
    private const string DescriptionMissingCode = "description-missing";

    /// <param name="findKept">Finds a photo kept from this form's last try; none for an API client's post.</param>
    public async Task<SubmissionFormResult> ReadAsync(HttpRequest request, KeptPhotoFinder? findKept = null)
    {
        if (!request.HasFormContentType)
        {
            return Failed(SubmissionFormValues.Empty, 415, words["form.error.notAForm.title"], "form", words["form.error.notAForm"]);
        }

        // One limit for the whole post, however many photos it carries: every post is held in
        // memory until stored (UploadSlots), so four photos share what one may take.
        var limit = imaging.Value.MaxUploadBytes + FieldAllowanceBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(SubmissionFormValues.Empty);
        }

        // Raise the server's own limit to ours where it lets us (Kestrel's default is lower than a
        // configured larger upload), then count the bytes ourselves whatever it enforces.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit;
        }

        request.Body = new LengthLimitedStream(request.Body, limit);
        PostedForm form;
        try
        {
            form = await PostedForm.ReadAsync(request, Entry.MaxPhotos, request.HttpContext.RequestAborted);
        }
        catch (RequestBodyTooLargeException)
        {
            return TooLarge(SubmissionFormValues.Empty);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == 413)
        {
            return TooLarge(SubmissionFormValues.Empty); // a server limit below ours
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Malformed(); // broken multipart framing, too many fields, a body cut short
        }

        var withKept = await WithKeptPhotosAsync(form, findKept, request.HttpContext.RequestAborted);
        if (withKept.Photos.Sum(p => (long)p.Content.Length) > imaging.Value.MaxUploadBytes)
        {
            return TooLarge(SubmissionFormValues.Empty); // the photos kept and those sent, together
        }

        return await ValidateAsync(withKept, request.HttpContext.RequestAborted);
    }

    /// <summary>
    /// The form with each photo kept from its last try in the place of the empty <c>photo</c> part
    /// its <c>kept</c> field goes with (a photo chosen anew there wins); a kept photo that is no
    /// longer kept stays an empty part, named in <see cref="PostedForm.LostKept"/>.
    /// </summary>
    private static async Task<PostedForm> WithKeptPhotosAsync(PostedForm form, KeptPhotoFinder? findKept, CancellationToken cancellationToken)
    {
        var tokens = form.All(SubmissionFormFields.Kept);
        if (findKept is null || tokens.All(string.IsNullOrEmpty))
        {
            return form;
        }

        var photos = form.Photos.ToList();
        var lost = new HashSet<int>();
        for (var i = 0; i < Math.Min(tokens.Count, Entry.MaxPhotos); i++)
        {
            if (tokens[i] is not { Length: > 0 } token || (i < photos.Count && !photos[i].IsEmpty))
            {
                continue;
            }

            while (photos.Count <= i)
            {
                photos.Add(new PostedPhoto(ReadOnlyMemory<byte>.Empty));
            }

            if (await findKept(form.Value(SubmissionFormFields.FormToken), token, cancellationToken) is { } kept)
            {
                photos[i] = new PostedPhoto(kept.ToMemory());
            }
            else
            {
                lost.Add(i + 1);
            }
        }

        return form with { Photos = photos, LostKept = lost };
    }

    private async Task<SubmissionFormResult> ValidateAsync(PostedForm form, CancellationToken cancellationToken)
    {
        var values = new SubmissionFormValues(
            Caption: Text(form.Value(SubmissionFormFields.Caption)),
            Alts: [.. form.All(SubmissionFormFields.Alt).Select(Text)],
            Credit: Text(form.Value(SubmissionFormFields.Credit)),
            Licence: form.Value(SubmissionFormFields.Licence).Trim() is { Length: > 0 } chosen ? chosen : Licences.Default.Id,
            Consent: form.Value(SubmissionFormFields.Consent) is var consent
                && (consent.Equals("true", StringComparison.OrdinalIgnoreCase) || consent.Equals("on", StringComparison.OrdinalIgnoreCase)),
            Email: Text(form.Value(SubmissionFormFields.Email)),
            Place: Text(form.Value(SubmissionFormFields.Place)),
            FormToken: form.All(SubmissionFormFields.FormToken).FirstOrDefault(),
            Receipt: form.Value(SubmissionFormFields.Receipt).Equals("true", StringComparison.OrdinalIgnoreCase),
            Moment: Text(form.Value(SubmissionFormFields.Moment)),
            ResidentConsent: form.Value(SubmissionFormFields.ResidentConsent).Equals("true", StringComparison.OrdinalIgnoreCase));

        var errors = new Dictionary<string, string>();
        string? code = null;
        var (described, photoCount) = PairPhotosWithDescriptions(form, values, errors, ref code);

        if (photoCount == 0 && values.Caption.Length == 0 && !errors.Keys.Any(IsPhotoField))
        {
            errors[SubmissionFormFields.Caption] = words["form.error.empty"];
        }

        if (values.Caption.Length > SubmissionFormFields.MaxCaptionLength)
        {
            errors[SubmissionFormFields.Caption] = words.Say("form.error.captionTooLong", ("max", SubmissionFormFields.MaxCaptionLength));
        }

        if (values.Credit.Length > SubmissionFormFields.MaxCreditLength)
        {
            errors[SubmissionFormFields.Credit] = words.Say("form.error.creditTooLong", ("max", SubmissionFormFields.MaxCreditLength));
        }

        var licence = Licences.Find(values.Licence);
        if (licence is null)
        {
            errors[SubmissionFormFields.Licence] = words["form.error.licence"];
        }

        if (values.Place.Length > SubmissionFormFields.MaxPlaceLength)
        {
            errors[SubmissionFormFields.Place] = words.Say("form.error.placeTooLong", ("max", SubmissionFormFields.MaxPlaceLength));
        }

        var given = givenTimes.Read(values.Moment);
        if (given.Error is { } timeError)
        {
            errors[SubmissionFormFields.Moment] = timeError;
            code ??= given.Code;
        }

        if (values.Email.Length > 0 && !LooksLikeEmail(values.Email))
        {
            errors[SubmissionFormFields.Email] = words["form.error.email"];
        }
        else if (values.Receipt && values.Email.Length == 0)
        {
            errors[SubmissionFormFields.Email] = words["form.error.receiptNeedsEmail"];
        }

        if (form.Value(SubmissionFormFields.Honeypot).Length > 0)
        {
            errors[SubmissionFormFields.Honeypot] = words["form.error.honeypot"];
        }

        if (!values.Consent)
        {
            errors[SubmissionFormFields.Consent] = words["form.error.consent"];
        }

        var (passed, refusal) = await CheckPhotosAsync(described, photoCount, cancellationToken);
        if (refusal is not null)
        {
            errors[refusal.Field] = refusal.Message;
        }

        var photos = passed.Select(p => p.Photo).ToList();
        if (errors.Count > 0)
        {
            return new(values, null, new SubmissionFailure(
                refusal?.Refusal.StatusCode ?? 400,
                refusal is null ? words["form.error.title"] : words["form.error.photoTitle"],
                errors,
                refusal?.Refusal.Code ?? code),
                await KeepableAsync(form, passed, refusal?.Number, cancellationToken));
        }

        var credit = values.Credit.Length > 0 ? values.Credit : SubmissionFormFields.Anonymous;
        return new(values, new SubmissionDraft(
            values.Caption, photos, credit, licence!, SubmissionSources.Form,
            Place: values.Place.Length > 0 ? values.Place : null,
            ContactEmail: values.Email.Length > 0 ? values.Email : null,
            WantsReceipt: values.Receipt,
            GivenMomentAt: given.At), null,
            [.. passed.Select(p => new KeepablePhoto(p.Number, p.Photo.Content.ToMemory(), p.Photo.ContentType))]);
    }

    /// <summary>
    /// The photos of a post sent back that are worth keeping for the next try: every one that passed
    /// its checks, those not checked yet (their description was missing) checked now; never the one
    /// refused, nor any of a post with too many.
    /// </summary>
    private async Task<IReadOnlyList<KeepablePhoto>> KeepableAsync(
        PostedForm form, IReadOnlyList<(int Number, DraftPhoto Photo)> passed, int? refused, CancellationToken cancellationToken)
    {
        if (form.ExtraPhotos > 0)
        {
            return [];
        }

        var keepable = new List<KeepablePhoto>();
        for (var i = 0; i < form.Photos.Count; i++)
        {
            var number = i + 1;
            var content = form.Photos[i].Content;
            if (content.IsEmpty || number == refused)
            {
                continue;
            }

            if (passed.FirstOrDefault(p => p.Number == number).Photo is { } checkedPhoto)
            {
                keepable.Add(new KeepablePhoto(number, content, checkedPhoto.ContentType));
            }
            else if (refused is null && content.Length <= imaging.Value.MaxUploadBytes
                && await photoChecks.CheckAsync(new BinaryData(content), cancellationToken) is { Refusal: null, Format: { } format })
            {
                keepable.Add(new KeepablePhoto(number, content, ImageFormats.ContentType(format)));
            }
        }

        return keepable;
    }

    /// <summary>
    /// The n-th description goes with the n-th photo part. A file field left empty with nothing
    /// written beside it is no photo; a description with no photo is a photo lost on the way (a
    /// browser drops a chosen photo when the form comes back with errors), so it is asked for
    /// again, never sent as a written post without it.
    /// </summary>
    private (List<DescribedPhoto> Photos, int Count) PairPhotosWithDescriptions(
        PostedForm form, SubmissionFormValues values, Dictionary<string, string> errors, ref string? code)
    {
        var count = form.Photos.Count(p => !p.IsEmpty) + form.ExtraPhotos;
        if (form.ExtraPhotos > 0)
        {
            errors[SubmissionFormFields.Photo] = words.Say("form.error.tooManyPhotos", ("max", Entry.MaxPhotos), ("count", count));
            code = TooManyPhotosCode;
            return ([], count);
        }

        var described = new List<DescribedPhoto>();
        for (var i = 0; i < Math.Max(form.Photos.Count, values.Alts.Count); i++)
        {
            var number = i + 1;
            var photo = i < form.Photos.Count ? form.Photos[i] : null;
            var alt = values.AltFor(number);
            var which = count > 1 ? words.Say("form.error.whichNumbered", ("number", number)) : words["form.error.whichOnly"];
            if (photo is null || photo.IsEmpty)
            {
                if (form.LostKept.Contains(number))
                {
                    errors.TryAdd(SubmissionFormFields.PhotoField(number), words.Say("form.error.keptGone", ("which", which)));
                    code ??= PhotoMissingCode;
                }
                else if (alt.Length > 0)
                {
                    errors.TryAdd(SubmissionFormFields.PhotoField(number), words.Say("form.error.photoLost", ("which", which)));
                    code ??= PhotoMissingCode;
                }
            }
            else if (alt.Length == 0)
            {
                errors[SubmissionFormFields.AltField(number)] = words.Say("form.error.describe", ("which", which));
                code ??= DescriptionMissingCode;
            }
            else if (alt.Length > SubmissionFormFields.MaxAltLength)
            {
                errors[SubmissionFormFields.AltField(number)] = words.Say("form.error.altTooLong", ("which", which), ("max", SubmissionFormFields.MaxAltLength));
            }
            else
            {
                described.Add(new DescribedPhoto(number, photo.Content, alt));
            }
        }

        return (described, count);
    }

    /// <summary>Each photo's header, in a decode slot and within its time budget; the first refused stops the rest.</summary>
    private async Task<(IReadOnlyList<(int Number, DraftPhoto Photo)> Passed, FieldRefusal? Refusal)> CheckPhotosAsync(
        IReadOnlyList<DescribedPhoto> described, int count, CancellationToken cancellationToken)
    {
        var photos = new List<(int Number, DraftPhoto Photo)>(described.Count);
        foreach (var photo in described)
        {
            var field = SubmissionFormFields.PhotoField(photo.Number);
            var which = count > 1 ? words.Say("form.error.photoPrefix", ("number", photo.Number)) : "";
            if (photo.Content.Length > imaging.Value.MaxUploadBytes)
            {
                var tooLarge = PhotoRefusal.TooManyBytes(imaging.Value.MaxUploadBytes, words);
                return (photos, new FieldRefusal(field, tooLarge, which + tooLarge.Message, photo.Number));
            }

            // As the workflow's own decode: a header read is work a hostile file can inflate, and
            // the resident still hears about it now.
            var check = await photoChecks.CheckAsync(new BinaryData(photo.Content), cancellationToken);
            if (check.Refusal is not null)
            {
                return (photos, new FieldRefusal(field, check.Refusal, which + check.Refusal.Message, photo.Number));
            }

            photos.Add((photo.Number, new DraftPhoto(new BinaryData(photo.Content), ImageFormats.ContentType(check.Format!), photo.Alt)));
        }

        return (photos, null);
    }

    private static bool IsPhotoField(string field) => SubmissionFormFields.WireName(field) is SubmissionFormFields.Photo or SubmissionFormFields.Alt;

    /// <summary>
    /// Trimmed, with line breaks as one character: browsers count a line break as one against
    /// <c>maxlength</c> but send two (CR LF), and the server must agree with what the form allowed.
    /// </summary>
    private static string Text(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>One @ with something either side and a dot after it: enough to catch a slip, without refusing real addresses.</summary>
    private static bool LooksLikeEmail(string email) =>
        email.Length <= SubmissionFormFields.MaxEmailLength
        && email.IndexOf('@') is var at and > 0
        && at == email.LastIndexOf('@')
        && email.IndexOf('.', at) is var dot and > 0
        && dot > at + 1 && dot < email.Length - 1
        && !email.Any(char.IsWhiteSpace);

    private SubmissionFormResult TooLarge(SubmissionFormValues values)
    {
        var megabytes = imaging.Value.MaxUploadBytes / (1024 * 1024);
        return Failed(values, 413, words["form.error.tooLarge.title"], SubmissionFormFields.Photo,
            words.Say("form.error.tooLarge", ("megabytes", megabytes)),
            PhotoRefusal.TooManyBytes(imaging.Value.MaxUploadBytes, words).Code);
    }

    private SubmissionFormResult Malformed() =>
        Failed(SubmissionFormValues.Empty, 400, words["form.error.malformed.title"], "form", words["form.error.malformed"]);

    private static SubmissionFormResult Failed(SubmissionFormValues values, int status, string title, string field, string message, string? code = null) =>
        new(values, null, new SubmissionFailure(status, title, new Dictionary<string, string> { [field] = message }, code));

    /// <summary>A photo that came with its description; <paramref name="Number"/> counts from 1, as the form does.</summary>
    private sealed record DescribedPhoto(int Number, ReadOnlyMemory<byte> Content, string Alt);

    /// <summary>A photo refused, beside the field it came from, its message saying which photo.</summary>
    private sealed record FieldRefusal(string Field, PhotoRefusal Refusal, string Message, int Number);
}
