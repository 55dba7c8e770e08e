namespace Soliday.Web;

/// <summary>
/// The HTTP routes, without the <c>api/</c> prefix both hosts add. The Functions triggers name
/// them; the local host maps those same triggers, and a parity test checks it wires every one.
/// </summary>
public static class Routes
{
    public const string Prefix = "api";

    public const string SubmitForm = "submit";
    public const string Submissions = "submissions";
    public const string Submission = "submissions/{id}";
    public const string SubmissionTakedown = "submissions/{id}/takedown";

    /// <summary>A photo kept from a form's last try, for its preview on the form sent back.</summary>
    public const string KeptPhoto = "submit/kept/{id}/{token}";

    /// <summary>Volunteer mode: start it with a helper code (or as a signed-in curator), or stop it.</summary>
    public const string HelperMode = "submit/helping";

    /// <summary>The slip to print for a resident helped to send: the status and take-down links as QR codes.</summary>
    public const string SubmissionSlip = "submissions/{id}/slip";

    /// <summary>A small copy of an entry's photo, for its status page.</summary>
    public const string SubmissionPhoto = "submissions/{id}/photos/{file}";

    /// <summary>The public's form to report a problem with a published entry (GET shows it, POST sends it).</summary>
    public const string Report = "report/{id}";

    public const string CurationPage = "curation";
    public const string CurationSignIn = "curation/signin";
    public const string CurationSignOut = "curation/signout";
    public const string CurationQueue = "curation/queue";
    public const string CurationCounts = "curation/counts";
    public const string CurationApprove = "curation/{id}/approve";
    public const string CurationReject = "curation/{id}/reject";
    public const string CurationUnpublish = "curation/{id}/unpublish";
    public const string CurationRemove = "curation/{id}/remove";
    public const string CurationEdit = "curation/{id}/edit";
    public const string CurationFeature = "curation/{id}/feature";
    public const string CurationBulk = "curation/bulk";
    public const string CurationMedia = "curation/media/{id}/{file}";
    public const string CurationReports = "curation/reports";
    public const string CurationDismissReport = "curation/reports/{id}/{report}/dismiss";

    public const string Asset = "assets/{name}";

    public const string Health = "health";
    public const string PurgeHistory = "operations/purge-history";
    /// <summary>Posts pushed by other services, signed (see <c>Hashtags/WebhookSignatures</c>).</summary>
    public const string HashtagWebhook = "hooks/posts";

    public static string SubmissionStatusUrl(string id) => $"/{Prefix}/submissions/{id}";

    public static string KeptPhotoUrl(string id, string token) => $"/{Prefix}/submit/kept/{id}/{token}";

    public static string SubmissionPhotoUrl(string id, string file) => $"/{Prefix}/submissions/{id}/photos/{file}";

    public static string HelperModeUrl => $"/{Prefix}/{HelperMode}";

    public static string SubmitFormUrl => $"/{Prefix}/{SubmitForm}";

    public static string SubmissionSlipUrl(string id, string key) => $"/{Prefix}/submissions/{id}/slip?key={key}";

    public static string TakedownUrl(string id, string key) => $"/{Prefix}/submissions/{id}/takedown?key={key}";

    public static string ReportUrl(string id) => $"/{Prefix}/report/{id}";

    public static string CurationReportsUrl(string? query = null) => string.IsNullOrEmpty(query) ? $"/{Prefix}/{CurationReports}" : $"/{Prefix}/{CurationReports}?{query}";

    public static string CurationDismissReportUrl(string id, string report) => $"/{Prefix}/curation/reports/{id}/{report}/dismiss";

    public static string CurationQueueUrl(string query) => $"/{Prefix}/{CurationQueue}?{query}";

    public static string CurationMediaUrl(string renditionBlobName) => $"/{Prefix}/curation/media/{renditionBlobName}";

    public static string CurationCountsUrl => $"/{Prefix}/{CurationCounts}";

    public static string CurationSignInUrl => $"/{Prefix}/{CurationSignIn}";

    public static string CurationUrl(string? query = null) => string.IsNullOrEmpty(query) ? $"/{Prefix}/curation" : $"/{Prefix}/curation?{query}";

    /// <summary>A curator action on one entry: approve, reject, edit, feature.</summary>
    public static string CurationActionUrl(string id, string action) => $"/{Prefix}/curation/{id}/{action}";

    public static string AssetUrl(string name) => $"/{Prefix}/assets/{name}";
}
