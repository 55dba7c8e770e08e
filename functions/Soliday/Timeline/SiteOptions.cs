namespace Soliday.Timeline;

/// <summary>Where the public site and the form are, bound from the <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public site's address: <c>/site/</c> on the local host, the static website's URL in Azure.</summary>
    public string PublicUrl { get; set; } = "/site/";

    /// <summary>The submission form's address, linked from the site.</summary>
    public string SubmitUrl { get; set; } = "/api/submit";
}
