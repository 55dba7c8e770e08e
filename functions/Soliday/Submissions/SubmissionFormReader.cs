using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>What a resident typed, kept so a form with errors comes back filled in (WCAG 3.3.7).</summary>
public sealed record SubmissionFormValues(string Caption, string Alt, string Credit, string Licence, bool Consent, string Email = "", string Place = "", string? FormToken = null, bool Receipt = false)
{
    public static SubmissionFormValues Empty { get; } = new("", "", "", Licences.Default.Id, false);
}

/// <summary>Why a submission was not taken: the HTTP status, and a message per field in plain words.</summary>
public sealed record SubmissionFailure(int StatusCode, string Title, IReadOnlyDictionary<string, string> FieldErrors, string? Code = null);

public sealed record SubmissionFormResult(SubmissionFormValues Values, SubmissionDraft? Draft, SubmissionFailure? Failure);

/// <summary>
/// Reads <c>POST /api/submissions</c> into a draft, checking every field and every photo's header
/// before anything is stored, so a bad request leaves nothing behind.
/// </summary>
public sealed class SubmissionFormReader(PhotoProcessor photoChecks, IOptions<ImagingOptions> imaging)
{
    /// <summary>Room for the text fields and multipart framing on top of the photo itself.</summary>
    private const long FieldAllowanceBytes = 1024 * 1024;

    public async Task<SubmissionFormResult> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return Failed(SubmissionFormValues.Empty, 415, "Send the submission as a form (multipart/form-data).", "form", "This needs to be sent from the submission form.");
        }

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
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
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

        return await ValidateAsync(form, request.HttpContext.RequestAborted);
    }

    private async Task<SubmissionFormResult> ValidateAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var values = new SubmissionFormValues(
            Caption: Text(form[SubmissionFormFields.Caption].ToString()),
            Alt: Text(form[SubmissionFormFields.Alt].FirstOrDefault()),
            Credit: Text(form[SubmissionFormFields.Credit].ToString()),
            Licence: form[SubmissionFormFields.Licence].ToString().Trim() is { Length: > 0 } chosen ? chosen : Licences.Default.Id,
            Consent: form[SubmissionFormFields.Consent].ToString() is var consent
                && (consent.Equals("true", StringComparison.OrdinalIgnoreCase) || consent.Equals("on", StringComparison.OrdinalIgnoreCase)),
            Email: Text(form[SubmissionFormFields.Email].ToString()),
            Place: Text(form[SubmissionFormFields.Place].ToString()),
            FormToken: form[SubmissionFormFields.FormToken].FirstOrDefault(),
            Receipt: form[SubmissionFormFields.Receipt].ToString().Equals("true", StringComparison.OrdinalIgnoreCase));

        var errors = new Dictionary<string, string>();
        var files = form.Files.GetFiles(SubmissionFormFields.Photo)
            .Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)) // a form sent with no file chosen has an empty part
            .ToList();
        var alts = form[SubmissionFormFields.Alt];

        if (files.Count == 0 && values.Caption.Length == 0)
        {
            errors[SubmissionFormFields.Caption] = "Please add a photo, or write a few words about your day.";
        }

        if (values.Caption.Length > SubmissionFormFields.MaxCaptionLength)
        {
            errors[SubmissionFormFields.Caption] = $"Please keep the caption to {SubmissionFormFields.MaxCaptionLength} characters or fewer.";
        }

        if (files.Count > Entry.MaxPhotos)
        {
            errors[SubmissionFormFields.Photo] = $"Please send at most {Entry.MaxPhotos} photos with one entry.";
        }

        for (var i = 0; i < files.Count; i++)
        {
            var alt = i < alts.Count ? Text(alts[i]) : "";
            if (alt.Length == 0)
            {
                errors[SubmissionFormFields.Alt] = "Please describe the photo for people who cannot see it.";
            }
            else if (alt.Length > SubmissionFormFields.MaxAltLength)
            {
                errors[SubmissionFormFields.Alt] = $"Please keep the description to {SubmissionFormFields.MaxAltLength} characters or fewer.";
            }
        }

        if (values.Credit.Length > SubmissionFormFields.MaxCreditLength)
        {
            errors[SubmissionFormFields.Credit] = $"Please keep the name to {SubmissionFormFields.MaxCreditLength} characters or fewer.";
        }

        var licence = Licences.Find(values.Licence);
        if (licence is null)
        {
            errors[SubmissionFormFields.Licence] = "Please choose one of the licences offered.";
        }

        if (values.Place.Length > SubmissionFormFields.MaxPlaceLength)
        {
            errors[SubmissionFormFields.Place] = $"Please keep the place to {SubmissionFormFields.MaxPlaceLength} characters or fewer.";
        }

        if (values.Email.Length > 0 && !LooksLikeEmail(values.Email))
        {
            errors[SubmissionFormFields.Email] = "Please check the email address, or leave it empty: it is optional.";
        }
        else if (values.Receipt && values.Email.Length == 0)
        {
            errors[SubmissionFormFields.Email] = "Please give your email address for the receipt, or untick \"Email me a receipt\".";
        }

        if (form[SubmissionFormFields.Honeypot].ToString().Length > 0)
        {
            errors[SubmissionFormFields.Honeypot] = "Please leave the box marked \"leave this empty\" empty.";
        }

        if (!values.Consent)
        {
            errors[SubmissionFormFields.Consent] = "Please confirm you took the photo and that the people in it agreed to share it.";
        }

        var (photos, refusal) = await ReadPhotosAsync(files, alts, cancellationToken);
        if (refusal is not null)
        {
            errors[SubmissionFormFields.Photo] = refusal.Message;
        }

        if (errors.Count > 0)
        {
            return new(values, null, new SubmissionFailure(
                refusal?.StatusCode ?? 400,
                refusal is null ? "Some details need another look." : "We could not take this photo.",
                errors,
                refusal?.Code));
        }

        var credit = values.Credit.Length > 0 ? values.Credit : SubmissionFormFields.Anonymous;
        return new(values, new SubmissionDraft(
            values.Caption, photos, credit, licence!, SubmissionSources.Form,
            Place: values.Place.Length > 0 ? values.Place : null,
            ContactEmail: values.Email.Length > 0 ? values.Email : null,
            WantsReceipt: values.Receipt), null);
    }

    private async Task<(IReadOnlyList<DraftPhoto> Photos, PhotoRefusal? Refusal)> ReadPhotosAsync(
        IReadOnlyList<IFormFile> files, Microsoft.Extensions.Primitives.StringValues alts, CancellationToken cancellationToken)
    {
        var photos = new List<DraftPhoto>(files.Count);
        for (var i = 0; i < files.Count && i < Entry.MaxPhotos; i++)
        {
            if (files[i].Length > imaging.Value.MaxUploadBytes)
            {
                return ([], PhotoRefusal.TooManyBytes(imaging.Value.MaxUploadBytes));
            }

            BinaryData content;
            using (var stream = files[i].OpenReadStream())
            {
                content = await BinaryData.FromStreamAsync(stream, cancellationToken);
            }

            // In a decode slot and within its time budget, as the workflow's own decode: a header
            // read is work a hostile file can inflate, and the resident still hears about it now.
            var check = await photoChecks.CheckAsync(content, cancellationToken);
            if (check.Refusal is not null)
            {
                return ([], check.Refusal);
            }

            photos.Add(new DraftPhoto(content, ImageFormats.ContentType(check.Format!), i < alts.Count ? Text(alts[i]) : ""));
        }

        return (photos, null);
    }

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
        var refusal = PhotoRefusal.TooManyBytes(imaging.Value.MaxUploadBytes);
        return Failed(values, refusal.StatusCode, "This photo is too large.", SubmissionFormFields.Photo, refusal.Message, refusal.Code);
    }

    private static SubmissionFormResult Malformed() =>
        Failed(SubmissionFormValues.Empty, 400, "The form could not be read.", "form", "Something went wrong sending the form. Please try again.");

    private static SubmissionFormResult Failed(SubmissionFormValues values, int status, string title, string field, string message, string? code = null) =>
        new(values, null, new SubmissionFailure(status, title, new Dictionary<string, string> { [field] = message }, code));
}
