using Soliday.Entries;
using Soliday.Submissions;
using Soliday.Words;

namespace Soliday.Tests.Submissions;

/// <summary>What volunteer mode adds to a form read: the resident's own tick, and the helper's name on the draft.</summary>
public sealed class HelperConsentTests
{
    private static readonly Helper Ada = new("Ada Lovelace", IsCurator: false);

    [Fact]
    public void The_ordinary_form_is_read_as_it_always_was()
    {
        var read = Read(residentConsent: false);

        Assert.Same(read, HelperConsent.Check(read, helper: null, SiteWords.English));
    }

    [Fact]
    public void In_volunteer_mode_the_draft_carries_the_helper_s_name_once_the_resident_has_ticked()
    {
        var checkedRead = HelperConsent.Check(Read(residentConsent: true), Ada, SiteWords.English);

        Assert.Null(checkedRead.Failure);
        Assert.Equal("Ada Lovelace", checkedRead.Draft?.HelpedBy);
    }

    [Fact]
    public void In_volunteer_mode_without_the_resident_s_tick_nothing_is_sent_and_the_box_is_named()
    {
        var checkedRead = HelperConsent.Check(Read(residentConsent: false), Ada, SiteWords.English);

        Assert.Null(checkedRead.Draft);
        Assert.Equal(400, checkedRead.Failure?.StatusCode);
        Assert.Equal("resident-consent", checkedRead.Failure?.Code);
        Assert.StartsWith("Please ask the person you are helping", checkedRead.Failure?.FieldErrors[SubmissionFormFields.ResidentConsent]);
    }

    [Fact]
    public void A_missing_tick_joins_the_other_errors_and_keeps_their_status_and_code()
    {
        var earlier = new SubmissionFailure(422, "We could not take this photo.", new Dictionary<string, string> { ["photo"] = "Not a photo." }, "unreadable-photo");
        var read = new SubmissionFormResult(Values(residentConsent: false), null, earlier);

        var checkedRead = HelperConsent.Check(read, Ada, SiteWords.English);

        Assert.Equal(422, checkedRead.Failure?.StatusCode);
        Assert.Equal("unreadable-photo", checkedRead.Failure?.Code);
        Assert.Equal(["photo", SubmissionFormFields.ResidentConsent], checkedRead.Failure?.FieldErrors.Keys);
    }

    [Fact]
    public void A_form_filled_in_volunteer_mode_that_arrives_after_the_mode_ended_goes_back()
    {
        var checkedRead = HelperConsent.Check(Read(residentConsent: true), helper: null, SiteWords.English);

        Assert.Null(checkedRead.Draft);
        Assert.Equal("helper-mode-ended", checkedRead.Failure?.Code);
        Assert.StartsWith("Helping mode has ended", checkedRead.Failure?.FieldErrors["form"]);
    }

    private static SubmissionFormValues Values(bool residentConsent) =>
        SubmissionFormValues.Empty with { Caption = "Knitting circle", Consent = true, ResidentConsent = residentConsent };

    private static SubmissionFormResult Read(bool residentConsent) =>
        new(Values(residentConsent), new SubmissionDraft("Knitting circle", [], "Mrs Patel", Licences.Default, SubmissionSources.Form), null);
}
