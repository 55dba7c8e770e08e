using System.Net;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Notifications;

/// <summary>The <c>curator-reminders</c> queue has a reader: an entry that waits too long reaches the curators' inboxes.</summary>
public sealed partial class CuratorReminderMailTests
{
    private const string Curators = "curators@example.org";

    [Fact]
    public async Task An_entry_waiting_too_long_is_emailed_to_the_curators_with_a_link_to_the_curation_page()
    {
        await using var mail = await LocalMailServer.StartAsync();
        var settings = mail.Settings;
        settings["Notifications__CuratorAddresses__0"] = Curators;
        settings["Curation__ReminderAfter"] = "00:00:02";
        await using var host = await SolidayHost.StartAsync(settings);

        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Waiting for a while").With("email", "jo@example.org"));
        var reminder = (await mail.WaitForAsync(Curators, 1)).Single();
        var curationPage = Link().Match(reminder.TextBody ?? "").Value;
        using var page = await host.Http.GetAsync(curationPage);

        Assert.Equal("#Soliday: an entry is waiting for a curator", reminder.Subject);
        Assert.Contains(id, reminder.TextBody);
        Assert.DoesNotContain("Waiting for a while", reminder.TextBody); // the id only: nothing a take-down would have to chase
        Assert.Equal($"{host.Http.BaseAddress}api/curation", curationPage);
        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode); // to the sign-in page: the curation page itself
        Assert.Empty(mail.To("jo@example.org")); // the resident asked for no receipt
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
