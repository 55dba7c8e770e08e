using Microsoft.AspNetCore.Http;

namespace Soliday.Submissions;

/// <summary><c>GET</c> the form residents send an entry with.</summary>
public sealed class SubmissionFormEndpoint(SubmissionFormPage formPage)
{
    public async Task<IResult> Form(HttpRequest request) =>
        await formPage.RenderAsync(request, SubmissionFormValues.Empty, new Dictionary<string, string>(), StatusCodes.Status200OK);
}
