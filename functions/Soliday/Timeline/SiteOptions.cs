namespace Soliday.Timeline;

/// <summary>Where the public site and the form are, bound from the <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The public site's absolute address: the static website's URL in Azure; Soliday.Local sets its
    /// own (<c>http://127.0.0.1:7071/site/</c>). Absolute because feeds, IIIF manifests, the open data
    /// and the sitemap are read away from the site and must say where it is.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>The submission form's address, linked from the site.</summary>
    public string SubmitUrl { get; set; } = "/api/submit";

    /// <summary>
    /// Where "report a problem" on an entry page leads: a form, or a <c>mailto:</c> address (the
    /// entry's address is added as the subject). Empty: Soliday's own report form for the entry
    /// (<c>/api/report/{id}</c>), whose reports curators read on their reports page.
    /// </summary>
    public string ReportUrl { get; set; } = "";

    /// <summary>An address the public can write to, shown in the about page's contact section and on the report form. Optional.</summary>
    public string ContactEmail { get; set; } = "";

    /// <summary><see cref="PublicUrl"/> as an absolute address ending in a slash, so site paths resolve under it.</summary>
    public Uri PublicRoot => new(PublicUrl.EndsWith('/') ? PublicUrl : PublicUrl + "/", UriKind.Absolute);

    /// <summary>The form's whole address (<see cref="SubmitUrl"/> may be a path on the site's host): what a QR code must hold.</summary>
    public Uri SubmitAddress => new(PublicRoot, SubmitUrl);

    public static bool IsAbsoluteWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
